"""A ComfyUI server that answers as ComfyUI 0.3.64 does (see /work/shared/PROVIDERS.md, "as the real
server answers"): validation with ``node_errors`` (200 when a valid output branch remains, 400 when
none does), ``number`` from 0, uploads that rename or overwrite like ``/upload/image``, one executor
that runs the queue in order, per-node ``progress`` and ``progress_state``, binary previews (one
larger than 64 KiB, so 64-bit WebSocket lengths), unprompted ``status`` broadcasts, history entries
with ``prompt``/``outputs``/``status``/``meta``, ``/view`` 404 with an empty body, ``/interrupt``
that stops the running prompt at the next step, ``/object_info`` and ``/models``.

Execution is simulated: every ``GET /history/<id>`` or ``GET /queue`` is one step of the executor.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import queue
import struct
import time
import uuid
from email.parser import BytesParser
from email.policy import default as default_policy

from .base import Reply, Request, VendorServer, json_reply
from .comfyui_nodes import (
    COMBOS,
    MODELS,
    NODES,
    OUTPUT_NODES,
    UPSCALE_METHODS,
    animated_webp_bytes,
    big_preview_png,
    int_error,
)
from .media import mp4_bytes, png_bytes


class ComfyUIServer(VendorServer):
    label = "comfyui"

    def __init__(self, *, nodes: set[str] | None = None, models: dict[str, list[str]] | None = None) -> None:
        super().__init__()
        self.node_classes = set(NODES) if nodes is None else set(nodes)
        self.models = {k: list(v) for k, v in (MODELS if models is None else models).items()}
        self.prompts: dict[str, dict] = {}
        self.order: list[str] = []  # prompt ids in queue order (the executor runs one at a time)
        self.uploads: dict[str, bytes] = {}
        self.outputs: dict[str, bytes] = {}
        self.number = 0
        self.polls_to_finish = 3  # executor steps a prompt takes once running
        self.next_outcome = "success"
        self.still_animations = False  # animated outputs of one repeated picture
        self.interrupted: list[str] = []
        self.executed: list[str] = []  # prompt ids that ran to the end (to check nothing ran twice)
        self.ws_queues: dict[str, list[queue.Queue]] = {}  # client_id -> open sockets' outboxes

    # --- WebSocket -----------------------------------------------------------------------------
    def push(self, client_id: str | None, message: dict | bytes) -> None:
        """Send an event to ``client_id``'s sockets (None = broadcast), as ComfyUI's send_sync does."""
        payload = message if isinstance(message, bytes) else json.dumps(message).encode()
        targets = self.ws_queues.values() if client_id is None else [self.ws_queues.get(client_id, [])]
        for outboxes in targets:
            for q in outboxes:
                q.put(payload)

    def _status(self) -> dict:
        remaining = sum(1 for p in self.prompts.values() if p["state"] in ("pending", "running"))
        return {"type": "status", "data": {"status": {"exec_info": {"queue_remaining": remaining}}}}

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
                first = self._status()
            first["data"]["sid"] = client_id
            outbox.put(json.dumps(first).encode())
            try:
                while self._httpd is not None:
                    try:
                        payload = outbox.get(timeout=0.2)
                    except queue.Empty:
                        continue
                    opcode = 0x82 if not payload.startswith(b"{") else 0x81
                    n = len(payload)
                    if n < 126:
                        head = bytes([opcode, n])
                    elif n < 65536:
                        head = bytes([opcode, 126]) + struct.pack(">H", n)
                    else:
                        head = bytes([opcode, 127]) + struct.pack(">Q", n)
                    handler.wfile.write(head + payload)
                    handler.wfile.flush()
            except OSError:
                pass
            finally:
                with self.lock:
                    self.ws_queues[client_id].remove(outbox)

        return Reply(takeover=takeover)

    # --- routes --------------------------------------------------------------------------------
    def kill(self) -> None:
        """Die like a killed process: no new connections, and kept-alive ones are cut without answer."""
        self.dead = True
        self.stop()

    def handle(self, req: Request) -> Reply:
        if getattr(self, "dead", False):
            return Reply(close=True)
        path = req.path[4:] if req.path.startswith("/api/") else req.path
        route = f"{req.method} {path}"
        if route == "GET /system_stats":
            return json_reply({"system": {"os": "posix", "comfyui_version": "0.3.64", "python_version": "3.11"},
                               "devices": [{"name": "cpu", "type": "cpu", "vram_total": 0}]})
        if route == "GET /ws" and req.headers.get("Upgrade", "").lower() == "websocket":
            return self.websocket(req.query.get("clientId", ""))
        if route == "POST /upload/image":
            return self.upload(req)
        if route == "POST /prompt":
            try:
                body = json.loads(req.body or b"{}")
            except ValueError:
                return Reply(status=400, body=b"", content_type="text/plain")
            return self.prompt(body)
        if route == "GET /object_info":
            return json_reply(self.object_info())
        if route == "GET /models":
            return json_reply(sorted(self.models))
        if req.method == "GET" and path.startswith("/models/"):
            folder = path.split("/", 2)[2]
            if folder not in MODELS and folder not in self.models:
                return Reply(status=404, body=b"404: Not Found", content_type="text/plain")
            return json_reply(self.models.get(folder, []))
        if route == "GET /queue":
            with self.lock:
                self.step()
                running = [self._queue_item(pid) for pid in self.order if self.prompts[pid]["state"] == "running"]
                pending = [self._queue_item(pid) for pid in self.order if self.prompts[pid]["state"] == "pending"]
            return json_reply({"queue_running": running, "queue_pending": pending})
        if route == "POST /queue":
            with self.lock:
                for pid in (req.json() or {}).get("delete", []):
                    if pid in self.prompts and self.prompts[pid]["state"] == "pending":
                        del self.prompts[pid]
                        self.order.remove(pid)
            return Reply(status=200, body=b"", content_type="text/plain")
        if route == "POST /interrupt":
            body = req.json() if req.body else {}
            self.interrupt((body or {}).get("prompt_id"))
            return Reply(status=200, body=b"", content_type="text/plain")
        if route == "GET /history":
            with self.lock:
                return json_reply({pid: {"prompt": [p["number"], pid, p["workflow"], {"client_id": p["client_id"]},
                                                    p["outputs_to_execute"]], "outputs": p.get("result", {}),
                                         "status": {"status_str": "success" if p["state"] == "done" else "error",
                                                    "completed": p["state"] == "done", "messages": p["messages"]}}
                                   for pid, p in self.prompts.items() if p["state"] not in ("pending", "running")})
        if req.method == "GET" and path.startswith("/history/"):
            return self.history(path.split("/")[2])
        if route == "GET /view":
            key = f"{req.query.get('type')}/{req.query.get('subfolder')}/{req.query.get('filename')}"
            data = self.outputs.get(key)
            if data is None:
                return Reply(status=404, body=b"", content_type="text/plain")
            ctype = mimetypes.guess_type(key)[0] or "application/octet-stream"
            return Reply(body=data, content_type=ctype,
                         headers={"Content-Disposition": f'filename="{req.query.get("filename")}"'})
        return super().handle(req)

    def _queue_item(self, pid: str) -> list:
        p = self.prompts[pid]
        return [p["number"], pid, p["workflow"], {"client_id": p["client_id"]}, p["outputs_to_execute"]]

    def object_info(self) -> dict:
        info = {}
        for cls in sorted(self.node_classes):
            required = {}
            for name, kind in NODES[cls].items():
                if kind in MODELS:
                    required[name] = [list(self.models.get(kind, []))]
                elif kind == "COMBO":
                    required[name] = ["COMBO", {"default": COMBOS[(cls, name)][0], "multiselect": False,
                                                "options": COMBOS[(cls, name)]}]
                elif kind == "LINK":
                    required[name] = ["IMAGE" if name in ("image", "images") else name.upper()]
                else:
                    required[name] = [kind, {}]
            if cls == "ImageScale":
                required["upscale_method"] = [UPSCALE_METHODS]
            info[cls] = {"input": {"required": required, "optional": {}}, "name": cls, "display_name": cls,
                         "output_node": cls in OUTPUT_NODES, "category": "test"}
        return info

    def interrupt(self, prompt_id: str | None = None) -> None:
        """Stop the running prompt (``prompt_id`` None = whatever runs, as ComfyUI's own Cancel button)."""
        with self.lock:
            for pid, p in self.prompts.items():
                if p["state"] == "running" and prompt_id in (None, pid):
                    p["interrupt"] = True  # takes effect at the next step, not instantly

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
        overwrite = fields.get("overwrite", "").lower() in ("true", "1")
        with self.lock:
            stem, dot, ext = filename.rpartition(".")
            name, i = filename, 1
            while not overwrite:
                key = f"{subfolder}/{name}" if subfolder else name
                if key not in self.uploads or self.uploads[key] == data:
                    break  # a new name, or the same file again (reused)
                name, i = f"{stem} ({i}){dot}{ext}", i + 1
            self.uploads[f"{subfolder}/{name}" if subfolder else name] = data
        return json_reply({"name": name, "subfolder": subfolder, "type": fields.get("type", "input")})

    # --- validation ----------------------------------------------------------------------------
    def _node_errors(self, node: dict) -> list[dict]:
        cls, inputs, errors = node["class_type"], node.get("inputs", {}), []
        for name, kind in NODES[cls].items():
            value = inputs.get(name)
            config = [kind, {}]
            if name not in inputs:
                errors.append({"type": "required_input_missing", "message": "Required input is missing",
                               "details": name, "extra_info": {"input_name": name}})
            elif kind == "INT" and not isinstance(value, list) and int_error(value):
                reason = int_error(value)
                errors.append({"type": "invalid_input_type",
                               "message": "Failed to convert an input value to a INT value",
                               "details": f"{name}, {value}, {reason}",
                               "extra_info": {"input_name": name, "input_config": config, "received_value": value,
                                              "exception_message": f"{reason}\n"}})
            elif kind in MODELS and value not in self.models.get(kind, []):
                choices = self.models.get(kind, [])
                errors.append({"type": "value_not_in_list", "message": "Value not in list",
                               "details": f"{name}: '{value}' not in {choices}",
                               "extra_info": {"input_name": name, "input_config": [choices],
                                              "received_value": value}})
        for name, kind in NODES[cls].items():
            if kind == "COMBO" and name in inputs and inputs[name] not in COMBOS[(cls, name)]:
                errors.append({"type": "value_not_in_list", "message": "Value not in list",
                               "details": f"{name}: '{inputs[name]}' not in {COMBOS[(cls, name)]}",
                               "extra_info": {"input_name": name, "received_value": inputs[name]}})
        if cls == "ImageScale" and inputs.get("upscale_method") not in UPSCALE_METHODS:
            value = inputs.get("upscale_method")
            errors.append({"type": "value_not_in_list", "message": "Value not in list",
                           "details": f"upscale_method: '{value}' not in {UPSCALE_METHODS}",
                           "extra_info": {"input_name": "upscale_method", "input_config": [UPSCALE_METHODS],
                                          "received_value": value}})
        if cls == "LoadImage" and inputs.get("image") not in self.uploads:
            errors.append({"type": "custom_validation_failed", "message": "Custom validation failed for node",
                           "details": f"image - Invalid image file: {inputs.get('image')}",
                           "extra_info": {"input_name": "image"}})
        return errors

    def prompt(self, body: object) -> Reply:
        workflow = body.get("prompt") if isinstance(body, dict) else None
        if not isinstance(workflow, dict):
            return Reply(status=500, body=b"500 Internal Server Error\n\nServer got itself in trouble",
                         content_type="text/plain")
        for node_id, node in workflow.items():
            cls = node.get("class_type") if isinstance(node, dict) else None
            if cls not in self.node_classes:
                return json_reply({"error": {"type": "missing_node_type", "message": f"Node '{cls}' not found. "
                                             "The custom node may not be installed.", "details": f"Node ID '#{node_id}'",
                                             "extra_info": {"node_id": node_id, "class_type": cls}},
                                   "node_errors": {}}, 400)
        outputs = [nid for nid, n in workflow.items() if n["class_type"] in OUTPUT_NODES]
        if not outputs:
            return json_reply({"error": {"type": "prompt_no_outputs", "message": "Prompt has no outputs",
                                         "details": "", "extra_info": {}}, "node_errors": {}}, 400)
        own = {nid: self._node_errors(node) for nid, node in workflow.items()}
        for nid, node in workflow.items():  # links to nodes that do not exist
            for name, value in node.get("inputs", {}).items():
                if isinstance(value, list) and (len(value) != 2 or str(value[0]) not in workflow):
                    own[nid].append({"type": "exception_during_inner_validation",
                                     "message": "Exception when validating inner node",
                                     "details": f"'{value[0] if value else ''}'", "extra_info": {"input_name": name}})

        def ancestors(nid: str, seen: set[str]) -> set[str]:
            if nid in seen or nid not in workflow:
                return seen
            seen.add(nid)
            for value in workflow[nid].get("inputs", {}).values():
                if isinstance(value, list) and len(value) == 2:
                    ancestors(str(value[0]), seen)
            return seen

        node_errors: dict[str, dict] = {}
        good = []
        for out in outputs:
            bad = [nid for nid in sorted(ancestors(out, set())) if own.get(nid)]
            for nid in bad:
                entry = node_errors.setdefault(nid, {"errors": own[nid], "dependent_outputs": [],
                                                     "class_type": workflow[nid]["class_type"]})
                entry["dependent_outputs"].append(out)
            if not bad:
                good.append(out)
        if not good:
            return json_reply({"error": {"type": "prompt_outputs_failed_validation",
                                         "message": "Prompt outputs failed validation", "details": "",
                                         "extra_info": {}}, "node_errors": node_errors}, 400)
        pid = str(uuid.uuid4())
        with self.lock:
            number = self.number
            self.number += 1
            run = set().union(*(ancestors(o, set()) for o in good))
            self.prompts[pid] = {"number": number, "workflow": workflow, "state": "pending", "steps": 0,
                                 "outcome": self.next_outcome, "client_id": body.get("client_id"),
                                 "outputs_to_execute": good, "run": [n for n in workflow if n in run],
                                 "messages": [], "interrupt": False}
            self.order.append(pid)
            self.push(None, self._status())
        return json_reply({"prompt_id": pid, "number": number, "node_errors": node_errors})

    # --- the executor ----------------------------------------------------------------------------
    def _event(self, p: dict, pid: str, kind: str, data: dict, *, record: bool = False) -> None:
        data = {**data, "prompt_id": pid}
        if record:
            p["messages"].append([kind, {**data, "timestamp": int(time.time() * 1000)}])
        self.push(p["client_id"], {"type": kind, "data": data})

    def _progress_state(self, p: dict, pid: str, current: str | None, value: int, total: int) -> None:
        """Like 0.3.64: only the nodes started so far (finished ones and the running one), floats."""
        nodes = {}
        for nid in p["run"]:
            done = nid in p.get("done", [])
            running = nid == current
            if not (done or running):
                continue
            sampler = "steps" in p["workflow"][nid]["inputs"]
            nodes[nid] = {"value": float(total if done and sampler else 1 if done else value),
                          "max": float(total if sampler else 1),
                          "state": "finished" if done else "running",
                          "node_id": nid, "prompt_id": pid, "display_node_id": nid, "parent_node_id": None,
                          "real_node_id": nid}
        self._event(p, pid, "progress_state", {"nodes": nodes})

    def step(self) -> None:
        """One executor step: start the next prompt or advance the running one (caller holds the lock)."""
        running = [pid for pid in self.order if self.prompts[pid]["state"] == "running"]
        if not running:
            pending = [pid for pid in self.order if self.prompts[pid]["state"] == "pending"]
            if not pending:
                return
            pid = pending[0]
            p = self.prompts[pid]
            p["state"], p["done"] = "running", []
            self._event(p, pid, "execution_start", {}, record=True)
            self._event(p, pid, "execution_cached", {"nodes": []}, record=True)
            return
        pid = running[0]
        p = self.prompts[pid]
        p["steps"] += 1
        samplers = [nid for nid in p["run"] if "steps" in p["workflow"][nid]["inputs"]]
        if p["interrupt"]:
            node = samplers[0] if samplers else p["run"][0]
            p["state"] = "interrupted"
            self.interrupted.append(pid)
            self._event(p, pid, "execution_interrupted", {"node_id": node, "node_type": p["workflow"][node][
                "class_type"], "executed": p["done"]}, record=True)
            self._event(p, pid, "executing", {"node": None})
            self.push(None, self._status())
            return
        # Samplers run one after the other, each reporting its own 0..max (a two-sampler workflow
        # goes 0 -> 1 -> 0 -> 1); ``executing`` is sent once, when a node starts.
        if samplers:
            span = max(1, (self.polls_to_finish - 1) // len(samplers))
            index = min(len(samplers) - 1, (p["steps"] - 1) // span)
            nid, total = samplers[index], 20
            if p.get("current") != nid:
                if p.get("current"):
                    p["done"].append(p["current"])
                p["current"] = nid
                self._progress_state(p, pid, nid, 0, total)  # 0.3.64 sends it before "executing"
                self._event(p, pid, "executing", {"node": nid, "display_node": nid})
            value = min(total, total * ((p["steps"] - 1) % span + 1) // span)
            self._event(p, pid, "progress", {"value": value, "max": total, "node": nid})
            self._progress_state(p, pid, nid, value, total)
            self.push(p["client_id"], struct.pack(">II", 1, 2) + (big_preview_png() if p["steps"] == 1
                                                                  else png_bytes(16, 16)))
        if p["steps"] < self.polls_to_finish:
            return
        p["done"] = list(p["run"])
        if p["outcome"] == "error":
            node = samplers[0] if samplers else p["run"][0]
            p["state"] = "error"
            self._event(p, pid, "execution_error", {
                "node_id": node, "node_type": p["workflow"][node]["class_type"], "executed": [],
                "exception_message": "Allocation on device \n", "exception_type": "torch.OutOfMemoryError",
                "traceback": ["  File \"execution.py\", line 1\n"], "current_inputs": {}, "current_outputs": {}},
                record=True)
        else:
            p["state"] = "done"
            p["result"] = self._write_outputs(p)
            for nid, output in p["result"].items():
                self._event(p, pid, "executed", {"node": nid, "display_node": nid, "output": output})
            self._event(p, pid, "execution_success", {}, record=True)
            self.executed.append(pid)
        self._event(p, pid, "executing", {"node": None})
        self.push(None, self._status())

    def _write_outputs(self, p: dict) -> dict:
        outputs = {}
        workflow = p["workflow"]
        for node_id in p["outputs_to_execute"]:
            node = workflow[node_id]
            cls = node["class_type"]
            prefix = str(node["inputs"].get("filename_prefix", "ComfyUI"))
            sub, _, stem = prefix.rpartition("/")
            kind = "temp" if cls == "PreviewImage" else "output"
            if cls in ("SaveImage", "PreviewImage"):
                latents = [v for v in workflow.values() if v["class_type"] in ("EmptyLatentImage", "EmptyImage")]
                n = int(latents[0]["inputs"].get("batch_size", 1)) if latents else 1
                items = []
                for i in range(n):
                    name = f"{stem}_{i + 1:05d}_.png"
                    self.outputs[f"{kind}/{sub}/{name}"] = png_bytes()
                    items.append({"filename": name, "subfolder": sub, "type": kind})
                outputs[node_id] = {"images": items}
                continue
            ext, data = {"SaveVideo": (".mp4", mp4_bytes()), "SaveWEBM": (".webm", mp4_bytes()),
                         "SaveAnimatedWEBP": (".webp", animated_webp_bytes(still=self.still_animations)),
                         "SaveAnimatedPNG": (".png", png_bytes())}[cls]
            name = f"{stem}_00001_{ext}" if cls != "SaveVideo" else f"{stem}_00001_.mp4"
            self.outputs[f"output/{sub}/{name}"] = data
            outputs[node_id] = {"images": [{"filename": name, "subfolder": sub, "type": "output"}], "animated": [True]}
        return outputs

    def history(self, pid: str) -> Reply:
        with self.lock:
            self.step()
            p = self.prompts.get(pid)
            if p is None or p["state"] in ("pending", "running"):
                return json_reply({})
            done = p["state"] == "done"
            return json_reply({pid: {
                "prompt": [p["number"], pid, p["workflow"], {"client_id": p["client_id"]}, p["outputs_to_execute"]],
                "outputs": p.get("result", {}),
                "status": {"status_str": "success" if done else "error", "completed": done,
                           "messages": p["messages"]},
                "meta": {nid: {"node_id": nid, "display_node": nid, "parent_node": None, "real_node_id": nid}
                         for nid in p.get("result", {})}}})

    def restart(self) -> None:
        """What a restarted ComfyUI knows: nothing (queue and history are in memory)."""
        with self.lock:
            self.prompts.clear()
            self.order.clear()
