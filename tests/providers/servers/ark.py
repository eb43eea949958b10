"""A Volcengine Ark / BytePlus ModelArk server: Seedance tasks (create/get/list/DELETE) and Seedream images.

Answers as the real API does: ``{"id"}`` on create, the task object on get (unix-second
``created_at``), ``{"total", "items"}`` on list, ``{"error": {"code", "message", "param", "type"}}``
on errors, 400 for mixed modes, DELETE only on queued (cancel) or finished (delete) tasks.
"""

from __future__ import annotations

import base64
import time
import uuid

from .base import Reply, Request, VendorServer, json_reply
from .media import mp4_bytes, png_bytes

API_KEY = "ark-test-key-0123456789abcdef"
MODES_MIXED = "first/last frame content cannot be mixed with reference media content"


def ark_error(status: int, code: str, message: str, type_: str = "BadRequest", **kw) -> Reply:
    rid = uuid.uuid4().hex[:20]
    return json_reply({"error": {"code": code, "message": f"{message} Request id: {rid}", "param": "",
                                 "type": type_}}, status, **kw)


class ArkServer(VendorServer):
    label = "ark"

    def __init__(self, models: tuple[str, ...] = ("doubao-seedance-1-0-pro-250528", "doubao-seedance-2-0-260128",
                                                   "doubao-seedance-1-5-pro-251215", "doubao-seedream-4-0-250828",
                                                   "doubao-seedance-1-0-lite-i2v-250428")) -> None:
        super().__init__()
        self.models = models
        self.tasks: dict[str, dict] = {}
        self.polls_to_finish = 2
        self.next_outcome = "succeeded"
        self.failure = {"code": "OutputVideoSensitiveContentDetected",
                        "message": "The request failed because the output video may contain sensitive information."}
        self.expire_files = False  # serve 403 for result files (a URL past its 24 h)
        self.video_bytes: bytes | None = None  # what the CDN serves for a finished task (default: a small clip)

    def handle(self, req: Request) -> Reply:
        if req.method == "GET" and req.path.startswith("/cdn/"):
            if self.expire_files:
                return Reply(status=403, body=b'<?xml version="1.0"?><Error><Code>AccessDenied</Code>'
                             b"<Message>Request has expired</Message></Error>", content_type="application/xml")
            return Reply(body=self.video_bytes or mp4_bytes(), content_type="video/mp4")
        if req.headers.get("Authorization") != f"Bearer {API_KEY}":
            return ark_error(401, "AuthenticationError", "the API key or AK/SK in the request is missing or invalid.",
                             "Unauthorized")
        if req.route == "POST /api/v3/contents/generations/tasks":
            return self._create(req.json())
        if req.route == "GET /api/v3/contents/generations/tasks":
            return self._list(req)
        if req.path.startswith("/api/v3/contents/generations/tasks/"):
            task_id = req.path.rsplit("/", 1)[1]
            with self.lock:
                task = self.tasks.get(task_id)
            if task is None:
                return ark_error(404, "ResourceNotFound", f"The specified task {task_id} is not found.", "NotFound")
            if req.method == "GET":
                return json_reply(self._advance(task))
            if req.method == "DELETE":
                if task["status"] in ("running", "cancelled"):
                    return ark_error(400, "InvalidParameter", f"the task in {task['status']} state cannot be deleted")
                with self.lock:
                    if task["status"] == "queued":
                        task["status"] = "cancelled"
                    else:
                        del self.tasks[task_id]
                return json_reply({})
        if req.route == "POST /api/v3/images/generations":
            return self._image(req.json())
        return super().handle(req)

    def _create(self, body: dict) -> Reply:
        model = body.get("model", "")
        if model not in self.models:
            return ark_error(404, "InvalidEndpointOrModel.NotFound",
                             f"The model or endpoint {model} does not exist or you do not have access to it.", "NotFound")
        content = body.get("content") or []
        texts = [c for c in content if c.get("type") == "text"]
        images = [c for c in content if c.get("type") == "image_url"]
        roles = {c.get("role") or "first_frame" for c in images}
        if not texts and not images:
            return ark_error(400, "MissingParameter", "the request is missing content")
        if "reference_image" in roles and roles & {"first_frame", "last_frame"}:
            return ark_error(400, "InvalidParameter", MODES_MIXED)
        if "last_frame" in roles and "first_frame" not in roles:
            return ark_error(400, "InvalidParameter", "last_frame requires first_frame")
        for c in images:
            if not c["image_url"]["url"].startswith(("http", "data:image/")):
                return ark_error(400, "InvalidParameter.InvalidImageURL", "image_url is invalid")
        duration = body.get("duration", 5)
        low, high = (4, 15) if "seedance-2" in model else (4, 12) if "1-5" in model else (2, 12)
        if not isinstance(duration, int) or not (low <= duration <= high or (duration == -1 and low == 4)):
            return ark_error(400, "InvalidParameter", f"the parameter `duration` specified in the request is not "
                                                      f"valid: {duration}")
        if "seedance-2" in model and "seed" in body:
            return ark_error(400, "InvalidParameter", "the parameter `seed` is not supported by the model")
        task_id = f"cgt-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:5]}"
        now = int(time.time())
        with self.lock:
            self.tasks[task_id] = {"id": task_id, "model": model, "status": "queued", "error": None,
                                   "created_at": now, "updated_at": now, "polls": 0, "outcome": self.next_outcome,
                                   "duration": duration, "ratio": body.get("ratio", "adaptive"),
                                   "resolution": body.get("resolution", "720p"), "body": body}
        return json_reply({"id": task_id})

    def _public(self, task: dict) -> dict:
        out = {k: v for k, v in task.items() if k not in ("polls", "outcome", "body")}
        out.update(framespersecond=24, seed=11, service_tier="default", execution_expires_after=172800,
                   generate_audio=bool(task["body"].get("generate_audio")), draft=False)
        out.setdefault("content", None)
        out.setdefault("usage", None)
        return out

    def _advance(self, task: dict) -> dict:
        with self.lock:
            if task["status"] in ("queued", "running"):
                task["polls"] += 1
                if task["polls"] >= self.polls_to_finish:
                    task["status"] = task["outcome"]
                    if task["outcome"] == "succeeded":
                        task["content"] = {"video_url": f"{self.url}/cdn/{task['id']}.mp4?X-Tos-Expires=86400"}
                        task["usage"] = {"completion_tokens": 108900, "total_tokens": 108900}
                    elif task["outcome"] == "failed":
                        task["error"] = dict(self.failure)
                elif task["polls"] >= 1:
                    task["status"] = "running"
                task["updated_at"] = int(time.time())
            return self._public(task)

    def _list(self, req: Request) -> Reply:
        with self.lock:
            items = [self._public(t) for t in self.tasks.values()]
        model = req.query.get("filter.model")
        if model:
            items = [t for t in items if t["model"] == model]
        items.sort(key=lambda t: t["created_at"], reverse=True)
        size = int(req.query.get("page_size", 10))
        return json_reply({"total": len(items), "items": items[:size]})

    def _image(self, body: dict) -> Reply:
        if body.get("model") not in self.models:
            return ark_error(404, "InvalidEndpointOrModel.NotFound", "The model does not exist.", "NotFound")
        size = str(body.get("size", "2048x2048"))
        if "x" in size:
            w, h = (int(v) for v in size.split("x"))
            if not (921_600 <= w * h <= 16_777_216):
                return ark_error(400, "InvalidParameter", "the parameter `size` specified in the request is not valid")
        if body.get("response_format") == "b64_json":
            data = [{"b64_json": base64.b64encode(png_bytes()).decode(), "size": size}]
        else:
            url = self.add_file(f"{uuid.uuid4().hex}.png", png_bytes(), "image/png")
            data = [{"url": url, "size": size}]
        return json_reply({"model": body["model"], "created": int(time.time()), "data": data,
                           "usage": {"generated_images": 1, "output_tokens": 16384, "total_tokens": 16384}})
