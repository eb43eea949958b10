"""A DashScope speech server: Qwen-TTS and CosyVoice HTTP answers with an audio URL, DashScope error bodies."""

from __future__ import annotations

import base64
import uuid

from .base import Reply, Request, VendorServer, json_reply
from .minimax_speech import mp3_bytes

API_KEY = "sk-dashscope-test-0123456789"
QWEN_VOICES = ("Cherry", "Serena", "Ethan", "Chelsie")


def ds_error(status: int, code: str, message: str) -> Reply:
    return json_reply({"request_id": str(uuid.uuid4()), "code": code, "message": message}, status)


class DashScopeSpeechServer(VendorServer):
    label = "dashscope_speech"

    def __init__(self) -> None:
        super().__init__()
        self.inline = False  # answer base64 ``data`` instead of a URL
        self.oss: dict[str, bytes] = {}  # the temporary storage: object key -> bytes
        self.voices: dict[str, dict] = {}  # enrolled voices by id: target_model, prefix, queries
        self.refuse_clone = ""  # a DashScope error code to answer create_voice with (e.g. policy)

    def handle(self, req: Request) -> Reply:
        if req.route == "POST /oss-upload":  # OSS's form upload: no DashScope key, the signed policy instead
            return self.oss_upload(req)
        if req.route == "GET /uploads":
            if req.headers.get("Authorization") != f"Bearer {API_KEY}":
                return ds_error(401, "InvalidApiKey", "Invalid API-key provided.")
            if req.query.get("action") != "getPolicy" or not req.query.get("model"):
                return ds_error(400, "InvalidParameter", "action and model are required")
            return json_reply({"request_id": str(uuid.uuid4()), "data": {
                "policy": "eyJleHBpcmF0aW9uIjoi", "signature": "c2lnbmF0dXJl", "upload_dir": f"dashscope-instant/{uuid.uuid4().hex}",
                "upload_host": f"{self.url}/oss-upload", "expire_in_seconds": 300, "max_file_size_mb": 100,
                "capacity_limit_mb": 999999, "oss_access_key_id": "LTAI-test", "x_oss_object_acl": "private",
                "x_oss_forbid_overwrite": "true"}})
        if req.route == "POST /services/audio/tts/customization":
            return self.enrol(req)
        if req.route == "GET /tasks":
            if req.headers.get("Authorization") != f"Bearer {API_KEY}":
                return ds_error(401, "InvalidApiKey", "Invalid API-key provided.")
            return json_reply({"request_id": str(uuid.uuid4()), "data": [], "total": 0, "page_no": 1,
                               "page_size": 1})
        if req.route not in ("POST /services/aigc/multimodal-generation/generation",
                             "POST /services/audio/tts/SpeechSynthesizer"):
            return super().handle(req)
        if req.headers.get("Authorization") != f"Bearer {API_KEY}":
            return ds_error(401, "InvalidApiKey", "Invalid API-key provided.")
        body = req.json()
        data = body.get("input") or {}
        model = body.get("model", "")
        if not data.get("text"):
            return ds_error(400, "InvalidParameter", "Field required: input.text")
        if "违禁" in data["text"]:
            return ds_error(400, "DataInspectionFailed", "Input data may contain inappropriate content.")
        cosy = req.path.endswith("SpeechSynthesizer")
        if cosy != model.startswith("cosyvoice"):
            return ds_error(400, "InvalidParameter", f"Model not exist: {model}")
        voice = str(data.get("voice") or "")
        if cosy and voice.startswith("cosyvoice-"):
            enrolled = self.voices.get(voice)
            if enrolled is None or enrolled["target_model"] != model:
                return ds_error(400, "InvalidParameter", "The voice does not exist or does not match the model")
        if not cosy and data.get("voice") not in QWEN_VOICES:
            return ds_error(400, "InvalidParameter", "Voice not supported")
        if "instructions" in data and "instruct" not in model:
            return ds_error(400, "InvalidParameter", "instructions is not supported by this model")
        audio = mp3_bytes(0.5, 24000)
        answer = {"id": f"audio_{uuid.uuid4().hex}", "expires_at": 1900000000}
        if self.inline:
            answer["data"] = base64.b64encode(audio).decode()
        else:
            answer["url"] = self.add_file(f"{uuid.uuid4().hex}.mp3", audio, "audio/mpeg")
        output = {"audio": answer} if cosy else {"audio": answer, "finish_reason": "stop"}
        return json_reply({"request_id": str(uuid.uuid4()), "output": output,
                           "usage": {"characters": len(data["text"])}})

    def oss_upload(self, req: Request) -> Reply:
        from email.parser import BytesParser
        from email.policy import HTTP

        head = f"Content-Type: {req.headers.get('Content-Type', '')}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + req.body)
        fields: dict[str, bytes] = {}
        order = []
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            order.append(name)
            fields[str(name)] = part.get_payload(decode=True) or b""
        missing = [k for k in ("OSSAccessKeyId", "Signature", "policy", "key", "file") if k not in fields]
        if missing or order[-1] != "file":  # OSS ignores form fields after the file
            return Reply(status=400, body=b"<Error><Code>InvalidArgument</Code></Error>", content_type="application/xml")
        key = fields["key"].decode()
        if not key.startswith("dashscope-instant/"):
            return Reply(status=403, body=b"<Error><Code>AccessDenied</Code></Error>", content_type="application/xml")
        with self.lock:
            self.oss[key] = fields["file"]
        return Reply(status=200, body=b"")

    def enrol(self, req: Request) -> Reply:
        import re

        if req.headers.get("Authorization") != f"Bearer {API_KEY}":
            return ds_error(401, "InvalidApiKey", "Invalid API-key provided.")
        body = req.json() or {}
        data = body.get("input") or {}
        if body.get("model") != "voice-enrollment":
            return ds_error(400, "InvalidParameter", f"Model not exist: {body.get('model')}")
        action = data.get("action")
        rid = str(uuid.uuid4())
        if action == "create_voice":
            url, prefix, target = str(data.get("url") or ""), str(data.get("prefix") or ""), data.get("target_model")
            if not re.fullmatch(r"[A-Za-z0-9]{1,10}", prefix):
                return ds_error(400, "InvalidParameter", "prefix must be at most 10 letters or digits")
            if target not in ("cosyvoice-v3-plus", "cosyvoice-v3-flash", "cosyvoice-v2", "cosyvoice-v1"):
                return ds_error(400, "InvalidParameter", f"target_model not supported: {target}")
            if url.startswith("oss://"):
                if req.headers.get("X-DashScope-OssResourceResolve") != "enable" or url[6:] not in self.oss:
                    return ds_error(400, "InvalidParameter", "Download the media resource failed.")
            elif not url.startswith(("http://", "https://")):
                return ds_error(400, "InvalidParameter", "url is invalid")
            if self.refuse_clone:
                return ds_error(400, self.refuse_clone, "Audio may contain inappropriate content.")
            voice_id = f"{target}-{prefix}-{uuid.uuid4().hex[:24]}"
            with self.lock:
                self.voices[voice_id] = {"target_model": target, "prefix": prefix, "queries": 0,
                                         "sample": self.oss.get(url[6:], b"")}
            return json_reply({"request_id": rid, "output": {"voice_id": voice_id}, "usage": {"count": 1}})
        voice = self.voices.get(str(data.get("voice_id") or ""))
        if action == "query_voice":
            if voice is None:
                return ds_error(400, "InvalidParameter", "voice_id does not exist")
            voice["queries"] += 1
            return json_reply({"request_id": rid, "output": {
                "status": "OK" if voice["queries"] > 1 else "DEPLOYING", "target_model": voice["target_model"],
                "resource_link": "oss://dashscope-instant/sample.wav", "gmt_create": "2026-12-07 08:00:00"}})
        if action == "list_voice":
            prefix = data.get("prefix")
            listed = [{"voice_id": k, "gmt_create": "2026-12-07 08:00:00", "status": "OK"}
                      for k, v in self.voices.items() if not prefix or v["prefix"] == prefix]
            return json_reply({"request_id": rid, "output": {"voice_list": listed}})
        if action == "delete_voice":
            if voice is None:
                return ds_error(400, "InvalidParameter", "voice_id does not exist")
            with self.lock:
                self.voices.pop(str(data["voice_id"]), None)
            return json_reply({"request_id": rid, "output": {}})
        return ds_error(400, "InvalidParameter", f"action not supported: {action}")
