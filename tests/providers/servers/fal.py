"""A fal.ai queue server: Key auth, submit with a subpath, status/result/cancel without it."""

from __future__ import annotations

import uuid

from .base import Reply, Request, VendorServer, json_reply
from .media import mp4_bytes, png_bytes

API_KEY = "fal-test-key-id:0123456789abcdef"


class FalServer(VendorServer):
    label = "fal"

    def __init__(self) -> None:
        super().__init__()
        self.requests_by_id: dict[str, dict] = {}
        self.polls_to_finish = 3
        self.next_outcome = "ok"  # ok | error | validation
        self.lipsync_bytes: bytes | None = None  # what a lip-sync result contains (default: a tiny real MP4)
        self.pending_uploads: dict[str, dict] = {}  # storage uploads initiated, by their signed token
        self.uploaded: dict[str, bytes] = {}  # what reached the storage, by file name

    def handle(self, req: Request) -> Reply:
        if req.method == "PUT" and req.path.startswith("/upload/"):  # the signed upload link: no key
            return self.receive_upload(req)
        if req.headers.get("Authorization") != f"Key {API_KEY}":
            return json_reply({"detail": "Invalid Key Authorization header format or missing credentials"}, 401)
        parts = req.path.strip("/").split("/")
        if "requests" in parts:
            i = parts.index("requests")
            app, rid, rest = "/".join(parts[:i]), parts[i + 1], parts[i + 2:]
            with self.lock:
                r = self.requests_by_id.get(rid)
                if r is None or r["app"] != app:  # status URLs must drop the subpath
                    return json_reply({"detail": "Request not found"}, 404)
                if req.method == "GET" and rest == ["status"]:
                    return self.status(rid, r)
                if req.method == "GET" and rest == []:
                    return self.result(rid, r)
                if req.method == "PUT" and rest == ["cancel"]:
                    if r["status"] == "COMPLETED":
                        return json_reply({"status": "ALREADY_COMPLETED"}, 400)
                    r["status"] = "CANCELLATION_REQUESTED"
                    return json_reply({"status": "CANCELLATION_REQUESTED"}, 202)
        if req.method == "POST" and req.path == "/storage/upload/initiate":
            return self.initiate_upload(req)
        if req.method == "POST" and len(parts) >= 2:
            app = "/".join(parts[:2])
            rid = str(uuid.uuid4())
            base = f"{self.url}/{app}/requests/{rid}"
            with self.lock:
                self.requests_by_id[rid] = {"app": app, "model": "/".join(parts), "input": req.json(), "polls": 0,
                                            "status": "IN_QUEUE", "outcome": self.next_outcome}
            return json_reply({"request_id": rid, "response_url": base, "status_url": f"{base}/status",
                               "cancel_url": f"{base}/cancel", "queue_position": 2})
        return super().handle(req)

    def initiate_upload(self, req: Request) -> Reply:
        """fal's storage: ``{file_name, content_type}`` -> a signed ``upload_url`` and the ``file_url``."""
        body = req.json() or {}
        if not body.get("file_name") or not body.get("content_type"):
            return json_reply({"detail": [{"loc": ["body", "file_name"], "msg": "field required",
                                           "type": "value_error.missing"}]}, 422)
        token = uuid.uuid4().hex
        name = f"{token[:8]}/{body['file_name']}"
        with self.lock:
            self.pending_uploads[token] = {"name": name, "content_type": body["content_type"]}
        return json_reply({"upload_url": f"{self.url}/upload/{token}?X-Signature=test",
                           "file_url": f"{self.url}/files/{name}"})

    def receive_upload(self, req: Request) -> Reply:
        token = req.path.split("/")[-1]
        with self.lock:
            pending = self.pending_uploads.pop(token, None)
        if pending is None:
            return Reply(status=403, body=b"<Error><Code>SignatureDoesNotMatch</Code></Error>",
                         content_type="application/xml")
        if req.headers.get("Content-Type") != pending["content_type"]:
            return Reply(status=403, body=b"<Error><Code>SignatureDoesNotMatch</Code></Error>",
                         content_type="application/xml")
        self.add_file(pending["name"], req.body, pending["content_type"])
        with self.lock:
            self.uploaded[pending["name"]] = req.body
        return Reply(status=200, body=b"")

    def status(self, rid: str, r: dict) -> Reply:
        r["polls"] += 1
        if r["status"] == "CANCELLATION_REQUESTED":
            return json_reply({"status": "COMPLETED", "error": "Request was cancelled", "logs": []})
        if r["polls"] >= self.polls_to_finish:
            r["status"] = "COMPLETED"
            body = {"status": "COMPLETED", "response_url": f"{self.url}/{r['app']}/requests/{rid}",
                    "logs": [{"message": "done", "level": "INFO", "timestamp": "2026-01-01T00:00:00"}]}
            if r["outcome"] == "error":
                body["error"] = "Internal error while generating"
            return json_reply(body)
        if r["polls"] == 1:
            return json_reply({"status": "IN_QUEUE", "queue_position": 1,
                               "response_url": f"{self.url}/{r['app']}/requests/{rid}"}, 202)
        r["status"] = "IN_PROGRESS"
        return json_reply({"status": "IN_PROGRESS", "logs": [{"message": "step 10/25", "level": "INFO"}],
                           "response_url": f"{self.url}/{r['app']}/requests/{rid}"}, 202)

    def result(self, rid: str, r: dict) -> Reply:
        if r["status"] != "COMPLETED":
            return json_reply({"detail": "Request is still in progress"}, 400)
        if r["outcome"] == "validation":
            return json_reply({"detail": [{"loc": ["body", "image_url"], "msg": "Image could not be loaded",
                                           "type": "image_load_error"}]}, 422)
        if "lipsync" in r["model"]:  # lip-sync models: {"video": {url, content_type, file_name, file_size}}
            data = self.lipsync_bytes or mp4_bytes()
            url = self.add_file(f"{rid}.mp4", data, "video/mp4")
            return json_reply({"video": {"url": url, "content_type": "video/mp4", "file_name": "output.mp4",
                                         "file_size": len(data)}})
        if "video" in r["model"]:
            url = self.add_file(f"{rid}.mp4", mp4_bytes(), "video/mp4")
            return json_reply({"video": {"url": url, "content_type": "video/mp4", "file_name": "output.mp4"}})
        n = int(r["input"].get("num_images", 1))
        return json_reply({"images": [{"url": self.add_file(f"{rid}-{i}.png", png_bytes(), "image/png"),
                                       "width": 96, "height": 160, "content_type": "image/png"} for i in range(n)],
                           "seed": 42, "has_nsfw_concepts": [False] * n, "prompt": r["input"].get("prompt", "")})
