"""A ComfyUI server: validates API-format workflows like ComfyUI does (node_errors), uploads,
queue, history, /view, /interrupt. Execution is simulated: a prompt runs after a few polls."""

from __future__ import annotations

import base64
import hashlib
import json
import queue
import struct
import uuid
from email.parser import BytesParser
from email.policy import default as default_policy

from .base import Reply, Request, VendorServer, json_reply
from .media import mp4_bytes, png_bytes

# Nodes this server "has installed", with required inputs (a subset of ComfyUI's).
NODES = {
    "CheckpointLoaderSimple": {"ckpt_name"}, "EmptyLatentImage": {"width", "height", "batch_size"},
    "CLIPTextEncode": {"text", "clip"}, "KSampler": {"seed", "steps", "cfg", "sampler_name", "scheduler", "model",
                                                      "positive", "negative", "latent_image"},
    "VAEDecode": {"samples", "vae"}, "SaveImage": {"images"}, "UNETLoader": {"unet_name"},
    "ModelSamplingSD3": {"model", "shift"}, "CLIPLoader": {"clip_name", "type"}, "VAELoader": {"vae_name"},
    "CLIPVisionLoader": {"clip_name"}, "LoadImage": {"image"}, "CLIPVisionEncode": {"clip_vision", "image"},
    "WanImageToVideo": {"positive", "negative", "vae", "width", "height", "length", "batch_size"},
    "CreateVideo": {"images", "fps"}, "SaveVideo": {"video", "filename_prefix", "format", "codec"},
    "WanFirstLastFrameToVideo": {"positive", "negative", "vae", "width", "height", "length", "batch_size"},
}
CHECKPOINTS = ["sd_xl_base_1.0.safetensors"]


class ComfyUIServer(VendorServer):
    label = "comfyui"

    def __init__(self) -> None:
        super().__init__()
        self.prompts: dict[str, dict] = {}
        self.uploads: dict[str, bytes] = {}
        self.outputs: dict[str, bytes] = {}
        self.number = 0
        self.polls_to_finish = 3
        self.next_outcome = "success"
        self.interrupted: list[str] = []
        self.ws_queues: dict[str, list[queue.Queue]] = {}  # client_id -> open sockets' outboxes

    def push(self, client_id: str, message: dict) -> None:
        """Send a JSON event to every WebSocket of ``client_id`` (as ComfyUI's send_sync does)."""
        for q in self.ws_queues.get(client_id, []):
            q.put(json.dumps(message).encode())

    def websocket(self, client_id: str):
        def takeover(handler) -> None:
            key = handler.headers.get("Sec-WebSocket-Key", "")
            accept = base64.b64encode(hashlib.sha1(key.encode() + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                      .digest()).decode()
            handler.send_response(101, "Switching Protocols")
            handler.send_header("Upgrade", "websocket")
            handler.send_header("Connection", "Upgrade")
            handler.send_header("Sec-WebSocket-Accept", accept)
            handler.end_headers()
            handler.wfile.flush()
            outbox: queue.Queue = queue.Queue()
            with self.lock:
                self.ws_queues.setdefault(client_id, []).append(outbox)
            outbox.put(json.dumps({"type": "status", "data": {"status": {"exec_info": {"queue_remaining": 0}},
                                                                "sid": client_id}}).encode())
            try:
                while self._httpd is not None:
                    try:
                        payload = outbox.get(timeout=0.2)
                    except queue.Empty:
                        continue
                    n = len(payload)
                    head = bytes([0x81]) + (bytes([n]) if n < 126 else bytes([126]) + struct.pack(">H", n))
                    handler.wfile.write(head + payload)
                    handler.wfile.flush()
            except OSError:
                pass
            finally:
                with self.lock:
                    self.ws_queues[client_id].remove(outbox)

        return Reply(takeover=takeover)

    def handle(self, req: Request) -> Reply:
        path = req.path[4:] if req.path.startswith("/api/") else req.path
        route = f"{req.method} {path}"
        if route == "GET /system_stats":
            return json_reply({"system": {"os": "posix", "comfyui_version": "0.3.40", "python_version": "3.11"},
                               "devices": [{"name": "cuda:0 Test GPU", "type": "cuda", "vram_total": 1}]})
        if route == "GET /ws" and req.headers.get("Upgrade", "").lower() == "websocket":
            return self.websocket(req.query.get("clientId", ""))
        if route == "POST /upload/image":
            return self.upload(req)
        if route == "POST /prompt":
            return self.prompt(req.json())
        if route == "GET /queue":
            with self.lock:
                running = [[p["number"], pid, {}, {}, []] for pid, p in self.prompts.items() if p["state"] == "running"]
                pending = [[p["number"], pid, {}, {}, []] for pid, p in self.prompts.items() if p["state"] == "pending"]
            return json_reply({"queue_running": running, "queue_pending": pending})
        if route == "POST /queue":
            with self.lock:
                for pid in (req.json() or {}).get("delete", []):
                    if pid in self.prompts and self.prompts[pid]["state"] == "pending":
                        del self.prompts[pid]
            return Reply(status=200, body=b"", content_type="text/plain")
        if route == "POST /interrupt":
            body = req.json() if req.body else {}
            with self.lock:
                for pid, p in self.prompts.items():
                    if p["state"] == "running" and body.get("prompt_id") in (None, pid):
                        p["state"] = "interrupted"
                        self.interrupted.append(pid)
            return Reply(status=200, body=b"", content_type="text/plain")
        if req.method == "GET" and path.startswith("/history/"):
            return self.history(path.split("/")[2])
        if route == "GET /view":
            key = f"{req.query.get('type')}/{req.query.get('subfolder')}/{req.query.get('filename')}"
            data = self.outputs.get(key)
            if data is None:
                return Reply(status=404, body=b"404: Not Found", content_type="text/plain")
            ctype = "video/mp4" if key.endswith(".mp4") else "image/png"
            return Reply(body=data, content_type=ctype)
        return super().handle(req)

    def upload(self, req: Request) -> Reply:
        raw = b"Content-Type: " + req.headers["Content-Type"].encode() + b"\r\n\r\n" + req.body
        message = BytesParser(policy=default_policy).parsebytes(raw)
        fields, files = {}, {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if part.get_filename():
                files[name] = (part.get_filename(), part.get_payload(decode=True))
            else:
                fields[name] = part.get_content().strip()
        if "image" not in files:
            return Reply(status=400, body=b"", content_type="text/plain")
        filename, data = files["image"]
        subfolder = fields.get("subfolder", "")
        self.uploads[f"{subfolder}/{filename}" if subfolder else filename] = data
        return json_reply({"name": filename, "subfolder": subfolder, "type": fields.get("type", "input")})

    def prompt(self, body: dict) -> Reply:
        workflow = body.get("prompt")
        if not isinstance(workflow, dict) or not body.get("client_id"):
            return json_reply({"error": {"type": "invalid_prompt", "message": "Cannot execute because the prompt "
                                         "is not a dict", "details": "", "extra_info": {}}, "node_errors": {}}, 400)
        node_errors = {}
        has_output = False
        for node_id, node in workflow.items():
            cls = node.get("class_type")
            errors = []
            if cls not in NODES:
                return json_reply({"error": {"type": "invalid_prompt", "message": f"Cannot execute because node "
                                             f"{cls} does not exist.", "details": f"Node ID '#{node_id}'",
                                             "extra_info": {}}, "node_errors": {}}, 400)
            inputs = node.get("inputs", {})
            for name in NODES[cls] - set(inputs):
                errors.append({"type": "required_input_missing", "message": "Required input is missing",
                               "details": name, "extra_info": {"input_name": name}})
            for name, value in inputs.items():
                if isinstance(value, str) and "{{" in value:
                    errors.append({"type": "invalid_input_type", "message": "Unfilled placeholder",
                                   "details": f"{name}: {value}", "extra_info": {}})
                if isinstance(value, list) and (len(value) != 2 or str(value[0]) not in workflow):
                    errors.append({"type": "bad_linked_input", "message": "Bad linked input", "details": name,
                                   "extra_info": {}})
            if cls == "CheckpointLoaderSimple" and inputs.get("ckpt_name") not in CHECKPOINTS:
                errors.append({"type": "value_not_in_list", "message": "Value not in list",
                               "details": f"ckpt_name: '{inputs.get('ckpt_name')}' not in {CHECKPOINTS}",
                               "extra_info": {"input_name": "ckpt_name"}})
            if cls == "LoadImage" and inputs.get("image") not in self.uploads:
                errors.append({"type": "custom_validation_failed", "message": "Failed to validate prompt for output",
                               "details": f"Invalid image file: {inputs.get('image')}", "extra_info": {}})
            for key in ("seed", "steps", "width", "height", "length", "batch_size"):
                if key in inputs and not isinstance(inputs[key], int | list):
                    errors.append({"type": "invalid_input_type", "message": "Failed to convert an input value to a "
                                   "INT value", "details": f"{key}, {inputs[key]!r}", "extra_info": {}})
            if errors:
                node_errors[node_id] = {"errors": errors, "dependent_outputs": [], "class_type": cls}
            has_output |= cls in ("SaveImage", "SaveVideo")
        if not has_output:
            return json_reply({"error": {"type": "prompt_no_outputs", "message": "Prompt has no outputs",
                                         "details": "", "extra_info": {}}, "node_errors": {}}, 400)
        if node_errors:
            return json_reply({"error": {"type": "prompt_outputs_failed_validation",
                                         "message": "Prompt outputs failed validation", "details": "",
                                         "extra_info": {}}, "node_errors": node_errors}, 400)
        pid = str(uuid.uuid4())
        with self.lock:
            self.number += 1
            self.prompts[pid] = {"number": self.number, "workflow": workflow, "state": "pending", "polls": 0,
                                 "outcome": self.next_outcome, "client_id": body["client_id"]}
        return json_reply({"prompt_id": pid, "number": self.number, "node_errors": {}})

    def history(self, pid: str) -> Reply:
        with self.lock:
            p = self.prompts.get(pid)
            if p is None:
                return json_reply({})
            p["polls"] += 1
            if p["state"] == "pending" and p["polls"] >= 2:
                p["state"] = "running"
                self.push(p["client_id"], {"type": "execution_start", "data": {"prompt_id": pid, "timestamp": 0}})
            if p["state"] == "running":
                step = min(20, p["polls"] * 2)
                self.push(p["client_id"], {"type": "progress", "data": {"value": step, "max": 20, "prompt_id": pid,
                                                                        "node": "3"}})
            if p["state"] == "running" and p["polls"] >= self.polls_to_finish:
                p["state"] = "done"
                self.push(p["client_id"], {"type": "executing", "data": {"node": None, "prompt_id": pid}})
            if p["state"] == "interrupted":
                return json_reply({pid: {"prompt": [], "outputs": {}, "status": {
                    "status_str": "error", "completed": False, "messages": [
                        ["execution_start", {"prompt_id": pid}],
                        ["execution_interrupted", {"prompt_id": pid, "node_id": "3", "node_type": "KSampler"}]]}}})
            if p["state"] != "done":
                return json_reply({})
            if p["outcome"] == "error":
                return json_reply({pid: {"prompt": [], "outputs": {}, "status": {
                    "status_str": "error", "completed": False, "messages": [
                        ["execution_start", {"prompt_id": pid}],
                        ["execution_error", {"prompt_id": pid, "node_id": "3", "node_type": "KSampler",
                                             "exception_message": "CUDA out of memory",
                                             "exception_type": "torch.OutOfMemoryError"}]]}}})
            outputs = {}
            for node_id, node in p["workflow"].items():
                prefix = node["inputs"].get("filename_prefix", "ComfyUI")
                sub, _, stem = prefix.rpartition("/")
                if node["class_type"] == "SaveImage":
                    n = p["workflow"][[k for k, v in p["workflow"].items()
                                       if v["class_type"] == "EmptyLatentImage"][0]]["inputs"]["batch_size"]
                    items = []
                    for i in range(n):
                        name = f"{stem}_{i + 1:05d}_.png"
                        self.outputs[f"output/{sub}/{name}"] = png_bytes()
                        items.append({"filename": name, "subfolder": sub, "type": "output"})
                    outputs[node_id] = {"images": items}
                if node["class_type"] == "SaveVideo":
                    name = f"{stem}_00001_.mp4"
                    self.outputs[f"output/{sub}/{name}"] = mp4_bytes()
                    outputs[node_id] = {"images": [{"filename": name, "subfolder": sub, "type": "output"}],
                                        "animated": [True]}
            return json_reply({pid: {"prompt": [p["number"], pid, p["workflow"], {}, list(outputs)],
                                     "outputs": outputs,
                                     "status": {"status_str": "success", "completed": True, "messages": [
                                         ["execution_start", {"prompt_id": pid}],
                                         ["execution_success", {"prompt_id": pid}]]},
                                     "meta": {}}})
