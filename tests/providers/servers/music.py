"""A user's own music service following the contract documented in providers/music_endpoint.py."""

from __future__ import annotations

import uuid

from .base import Reply, Request, VendorServer, json_reply
from .media import wav_bytes

TOKEN = "music-token-0123456789"


class MusicServer(VendorServer):
    label = "music"
    prefix = "/music"

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[str, dict] = {}
        self.polls_to_finish = 2
        self.next_outcome = "succeeded"
        self.relative_url = True

    def handle(self, req: Request) -> Reply:
        if req.headers.get("Authorization") != f"Bearer {TOKEN}":
            return json_reply({"error": "missing or wrong token"}, 401)
        if not req.path.startswith(self.prefix):
            return super().handle(req)
        rest = req.path[len(self.prefix):].strip("/").split("/") if req.path != self.prefix else []
        if req.method == "POST" and not rest:
            body = req.json()
            if not isinstance(body.get("duration"), float | int) or not isinstance(body.get("instrumental"), bool):
                return json_reply({"error": "duration (number) and instrumental (bool) are required"}, 400)
            jid = uuid.uuid4().hex[:10]
            with self.lock:
                self.jobs[jid] = {"body": body, "polls": 0, "status": "queued", "outcome": self.next_outcome}
            return json_reply({"id": jid}, 202)
        if req.method == "GET" and len(rest) == 1 and rest[0] in self.jobs:
            with self.lock:
                job = self.jobs[rest[0]]
                job["polls"] += 1
                if job["status"] not in ("cancelled",):
                    job["status"] = "running" if job["polls"] < self.polls_to_finish else job["outcome"]
                answer = {"status": job["status"], "progress": min(1.0, job["polls"] / self.polls_to_finish)}
            if answer["status"] == "succeeded":
                url = self.add_file(f"{rest[0]}.wav", wav_bytes(2.0), "audio/wav")
                answer["audio_url"] = f"files/{rest[0]}.wav" if self.relative_url else url
            if answer["status"] == "failed":
                answer["error"] = "the model ran out of memory"
            return json_reply(answer)
        if req.method == "POST" and len(rest) == 2 and rest[1] == "cancel" and rest[0] in self.jobs:
            self.jobs[rest[0]]["status"] = "cancelled"
            return json_reply({"status": "cancelled"})
        if req.method == "GET" and req.path.startswith(self.prefix + "/files/"):
            return super()._reply_for(Request("GET", req.path[len(self.prefix):], {}, {}, b""))
        return json_reply({"error": "not found"}, 404)
