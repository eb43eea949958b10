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

    def handle(self, req: Request) -> Reply:
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
