"""A Replicate server: predictions (official-model and version routes), Prefer: wait, poll, cancel."""

from __future__ import annotations

import uuid

from .base import Reply, Request, VendorServer, json_reply
from .media import mp4_bytes, png_bytes, wav_bytes

API_TOKEN = "r8_TestReplicateToken0123456789"


def detail(status: int, text: str, title: str = "", **kw) -> Reply:
    body = {"detail": text, "status": status}
    if title:
        body["title"] = title
    return json_reply(body, status, **kw)


class ReplicateServer(VendorServer):
    label = "replicate"

    def __init__(self) -> None:
        super().__init__()
        self.predictions: dict[str, dict] = {}
        self.polls_to_finish = 2
        self.next_outcome = "succeeded"
        self.files_uploaded: dict[str, bytes] = {}

    def _prediction(self, pid: str) -> dict:
        p = self.predictions[pid]
        base = f"{self.url}/v1/predictions/{pid}"
        return {"id": pid, "model": p["model"], "version": p.get("version", ""), "input": p["input"],
                "status": p["status"], "output": p.get("output"), "error": p.get("error"), "logs": p.get("logs", ""),
                "created_at": "2026-01-01T00:00:00Z", "urls": {"get": base, "cancel": f"{base}/cancel",
                                                               "stream": f"{self.url}/stream/{pid}"},
                "metrics": {}}

    def _advance(self, pid: str) -> None:
        p = self.predictions[pid]
        if p["status"] in ("succeeded", "failed", "canceled"):
            return
        p["polls"] += 1
        if p["polls"] >= self.polls_to_finish:
            if p["outcome"] == "failed":
                p.update(status="failed", error="NSFW content detected. Try running it again, or try a different prompt.")
            else:
                p["status"] = "succeeded"
                p["output"] = self._output(pid, p)
        else:
            p.update(status="processing", logs="Generating...\n 42%|████      | 21/50 [00:03<00:04]")

    def _output(self, pid: str, p: dict):
        model = p["model"]
        if "musicgen" in model:
            return self.add_file(f"{pid}.wav", wav_bytes(), "audio/wav")
        if "kling" in model or "video" in model:
            return self.add_file(f"{pid}.mp4", mp4_bytes(), "video/mp4")
        n = int(p["input"].get("num_outputs", 1))
        return [self.add_file(f"{pid}-{i}.png", png_bytes(), "image/png") for i in range(n)]

    def handle(self, req: Request) -> Reply:
        if req.headers.get("Authorization") != f"Bearer {API_TOKEN}":
            return detail(401, "You did not pass a valid authentication token", "Unauthenticated")
        parts = req.path.strip("/").split("/")
        if req.route == "POST /v1/files":
            from email.parser import BytesParser
            from email.policy import default as policy
            raw = b"Content-Type: " + req.headers["Content-Type"].encode() + b"\r\n\r\n" + req.body
            parts = {p.get_param("name", header="content-disposition"): p
                     for p in BytesParser(policy=policy).parsebytes(raw).iter_parts()}
            if "content" not in parts:
                return detail(400, "content is required")
            fid = uuid.uuid4().hex[:12]
            data = parts["content"].get_payload(decode=True)
            self.files_uploaded[fid] = data
            return json_reply({"id": fid, "name": parts["content"].get_filename(), "size": len(data),
                               "content_type": parts["content"].get_content_type(), "metadata": {},
                               "urls": {"get": f"{self.url}/v1/files/{fid}"}}, 201)
        if req.route == "GET /v1/account":
            return json_reply({"type": "user", "username": "tester", "name": "Test User"})
        if req.method == "POST" and (req.path == "/v1/predictions" or
                                     (len(parts) == 5 and parts[1] == "models" and parts[4] == "predictions")):
            body = req.json()
            if not isinstance(body.get("input"), dict) or not body["input"].get("prompt"):
                return json_reply({"detail": "- input: prompt is required", "status": 422, "title": "Input validation failed",
                                   "invalid_fields": [{"type": "required", "field": "input.prompt",
                                                       "description": "prompt is required"}]}, 422)
            pid = uuid.uuid4().hex[:20]
            model = "/".join(parts[2:4]) if req.path != "/v1/predictions" else "pinned/" + body.get("version", "")
            with self.lock:
                self.predictions[pid] = {"model": model, "version": body.get("version", ""), "input": body["input"],
                                         "status": "starting", "polls": 0, "outcome": self.next_outcome}
                wait = req.headers.get("Prefer", "")
                if wait.startswith("wait"):
                    # Prefer: wait — finish within the request (the test model is fast).
                    self.predictions[pid]["polls"] = self.polls_to_finish - 1
                    self._advance(pid)
                return json_reply(self._prediction(pid), 201)
        if len(parts) >= 3 and parts[:2] == ["v1", "predictions"]:
            pid = parts[2]
            with self.lock:
                if pid not in self.predictions:
                    return detail(404, "Not found.")
                if req.method == "GET" and len(parts) == 3:
                    self._advance(pid)
                    return json_reply(self._prediction(pid))
                if req.method == "POST" and parts[3:] == ["cancel"]:
                    if self.predictions[pid]["status"] not in ("succeeded", "failed"):
                        self.predictions[pid]["status"] = "canceled"
                    return json_reply(self._prediction(pid))
        return super().handle(req)


