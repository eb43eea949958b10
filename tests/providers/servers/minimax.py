"""A MiniMax video server: base_resp envelopes (errors with HTTP 200), query and files/retrieve."""

from __future__ import annotations

import uuid

from .base import Reply, Request, VendorServer, json_reply
from .media import mp4_bytes

API_KEY = "mm-test-key-0123456789abcdef"


def base_resp_error(code: int, message: str, status: int = 200) -> Reply:
    return json_reply({"task_id": "", "base_resp": {"status_code": code, "status_msg": message}}, status)


class MiniMaxServer(VendorServer):
    label = "minimax"

    def __init__(self) -> None:
        super().__init__()
        self.tasks: dict[str, dict] = {}
        self.polls_to_finish = 3
        self.next_outcome = "Success"

    def handle(self, req: Request) -> Reply:
        if req.headers.get("Authorization") != f"Bearer {API_KEY}":
            return base_resp_error(1004, "authorized error, please check your api key")
        ok = {"status_code": 0, "status_msg": "success"}
        if req.route == "POST /v1/video_generation":
            body = req.json()
            if body.get("duration") not in (6, 10):
                return base_resp_error(2013, "invalid params, duration")
            for key in ("first_frame_image", "last_frame_image"):
                if key in body and not body[key].startswith(("http", "data:image/")):
                    return base_resp_error(2013, f"invalid params, {key}")
            task_id = str(uuid.uuid4().int)[:15]
            with self.lock:
                self.tasks[task_id] = {"body": body, "polls": 0, "outcome": self.next_outcome,
                                       "file_id": str(uuid.uuid4().int)[:15]}
            return json_reply({"task_id": task_id, "base_resp": ok})
        if req.route == "GET /v1/query/video_generation":
            with self.lock:
                task = self.tasks.get(req.query.get("task_id", ""))
                if task is None:
                    return base_resp_error(2013, "invalid params, task not found")
                task["polls"] += 1
                polls = task["polls"]
            status = ["Preparing", "Queueing", "Processing"][min(polls - 1, 2)]
            answer = {"task_id": req.query["task_id"], "status": status, "file_id": "", "base_resp": ok}
            if polls >= self.polls_to_finish:
                if task["outcome"] == "Fail":
                    answer.update(status="Fail", base_resp={"status_code": 1027,
                                                            "status_msg": "output video contains sensitive content"})
                else:
                    answer.update(status="Success", file_id=task["file_id"], video_width=768, video_height=1366)
            return json_reply(answer)
        if req.route == "GET /v1/files/retrieve":
            file_id = req.query.get("file_id", "")
            url = self.add_file(f"{file_id}.mp4", mp4_bytes(), "video/mp4")
            return json_reply({"file": {"file_id": file_id, "bytes": len(mp4_bytes()), "created_at": 1700469398,
                                        "filename": "output_aigc.mp4", "purpose": "video_generation",
                                        "download_url": url}, "base_resp": ok})
        return super().handle(req)
