"""A DashScope server: async video/image synthesis with X-DashScope-Async, GET /tasks/{id}, cancel.

Answers as the real API does: ``{"output": {"task_status", "task_id"}, "request_id"}`` on create,
``{"request_id", "code", "message"}`` with an HTTP status on errors, UNKNOWN for a task it does not
know, "current user api does not support synchronous calls" without the async header.
"""

from __future__ import annotations

import time
import uuid

from .base import Reply, Request, VendorServer, json_reply
from .media import mp4_bytes, png_bytes

API_KEY = "sk-dashtest0123456789abcdef"


def ds_error(status: int, code: str, message: str, **kw) -> Reply:
    return json_reply({"request_id": str(uuid.uuid4()), "code": code, "message": message}, status, **kw)


class DashScopeServer(VendorServer):
    label = "dashscope"

    def __init__(self) -> None:
        super().__init__()
        self.tasks: dict[str, dict] = {}
        self.polls_to_finish = 2
        self.next_outcome = "SUCCEEDED"
        self.failure = ("DataInspectionFailed", "Output data may contain inappropriate content.")

    def handle(self, req: Request) -> Reply:
        if req.headers.get("Authorization") != f"Bearer {API_KEY}":
            return ds_error(401, "InvalidApiKey", "Invalid API-key provided.")
        route = req.route.removeprefix("POST /api/v1").removeprefix("GET /api/v1")
        if req.method == "POST" and route.startswith("/services/aigc/"):
            if req.headers.get("X-DashScope-Async") != "enable":
                return ds_error(403, "AccessDenied", "current user api does not support synchronous calls")
            return self._create(route, req.json())
        if req.method == "POST" and req.path.endswith("/cancel"):
            task_id = req.path.split("/")[-2]
            with self.lock:
                task = self.tasks.get(task_id)
                if task is None or task["status"] != "PENDING":
                    return ds_error(400, "UnsupportedOperation", "Failed to cancel the task, please confirm if "
                                                                 "the task status is PENDING.")
                task["status"] = "CANCELED"
            return json_reply({"request_id": str(uuid.uuid4())})
        if req.method == "GET" and req.path.startswith("/api/v1/tasks/"):
            return json_reply(self._advance(req.path.rsplit("/", 1)[1]))
        return super().handle(req)

    def _create(self, route: str, body: dict) -> Reply:
        model = str(body.get("model") or "")
        inp, params = body.get("input") or {}, body.get("parameters") or {}
        if not inp.get("prompt") and "kf2v" not in model:
            return ds_error(400, "InvalidParameter", "Field required: input.prompt")
        if route == "/services/aigc/video-generation/video-synthesis":
            if "t2v" in model:
                if "size" not in params or "*" not in str(params["size"]):
                    return ds_error(400, "InvalidParameter", "The size is invalid, should be like 1280*720")
                if "img_url" in inp:
                    return ds_error(400, "InvalidParameter", "The model does not support img_url")
            elif "i2v" in model:
                if not str(inp.get("img_url", "")).startswith(("http", "data:image/")):
                    return ds_error(400, "InvalidParameter", "img_url is required")
                if params.get("resolution") not in ("480P", "720P", "1080P"):
                    return ds_error(400, "InvalidParameter", "The resolution is invalid")
            else:
                return ds_error(400, "InvalidParameter", f"Model not exist: {model}")
        elif route == "/services/aigc/image2video/video-synthesis":
            if "kf2v" not in model or not inp.get("first_frame_url") or not inp.get("last_frame_url"):
                return ds_error(400, "InvalidParameter", "first_frame_url and last_frame_url are required")
        elif route == "/services/aigc/text2image/image-synthesis":
            if "*" not in str(params.get("size", "1024*1024")):
                return ds_error(400, "InvalidParameter", "size should be like 1024*1024")
        else:
            return ds_error(404, "NotFound", "Not Found")
        task_id = str(uuid.uuid4())
        with self.lock:
            self.tasks[task_id] = {"status": "PENDING", "polls": 0, "outcome": self.next_outcome, "route": route,
                                   "body": body, "submit_time": time.strftime("%Y-%m-%d %H:%M:%S.000")}
        return json_reply({"output": {"task_status": "PENDING", "task_id": task_id}, "request_id": str(uuid.uuid4())})

    def _advance(self, task_id: str) -> dict:
        rid = str(uuid.uuid4())
        with self.lock:
            task = self.tasks.get(task_id)
            if task is None:
                return {"request_id": rid, "output": {"task_id": task_id, "task_status": "UNKNOWN"}}
            if task["status"] in ("PENDING", "RUNNING"):
                task["polls"] += 1
                task["status"] = "RUNNING"
                if task["polls"] >= self.polls_to_finish:
                    task["status"] = task["outcome"]
            output = {"task_id": task_id, "task_status": task["status"], "submit_time": task["submit_time"],
                      "scheduled_time": task["submit_time"]}
            usage: dict = {}
            if task["status"] == "SUCCEEDED":
                output["end_time"] = time.strftime("%Y-%m-%d %H:%M:%S.000")
                if "text2image" in task["route"]:
                    n = int(task["body"].get("parameters", {}).get("n", 1))
                    output["results"] = [{"url": self.add_file(f"{task_id}-{i}.png", png_bytes(), "image/png"),
                                          "orig_prompt": task["body"]["input"]["prompt"]} for i in range(n)]
                    usage = {"image_count": n}
                else:
                    output["video_url"] = self.add_file(f"{task_id}.mp4", mp4_bytes(), "video/mp4")
                    output["orig_prompt"] = task["body"]["input"].get("prompt", "")
                    usage = {"duration": task["body"]["parameters"].get("duration", 5), "video_count": 1, "SR": 720}
            elif task["status"] == "FAILED":
                output.update(code=self.failure[0], message=self.failure[1])
            return {"request_id": rid, "output": output, "usage": usage} if usage else \
                {"request_id": rid, "output": output}
