"""The parts of the Kling server for current models: per-model durations, sound, multi-shot, elements.

Checks as Kling documents them: kling-v3 takes "3".."15", older models "5"/"10"; ``sound`` only on
models that make audio; ``multi_shot`` needs ``shot_type`` and, for "customize", 1..6 ``multi_prompt``
entries (prompt <= 512 characters, string durations >= 1) summing to ``duration``, and no frames;
``element_list`` ids must exist (at most 3). Elements are made by an async task under
``/v1/general/advanced-custom-elements``.
"""

from __future__ import annotations

import time
import uuid

from .base import Reply, Request

AUDIO_MODELS = ("kling-v2-6", "kling-v3")


def check_current_video_fields(body: dict, elements: dict[str, dict]) -> str:
    model = body.get("model_name", "")
    allowed = [str(d) for d in range(3, 16)] if model == "kling-v3" else ["5", "10"]
    if body.get("duration") not in allowed:
        return f"duration must be one of the strings {allowed[0]}..{allowed[-1]} for {model}"
    if "sound" in body and (body["sound"] not in ("on", "off") or model not in AUDIO_MODELS):
        return f"sound is not supported by {model}"
    if body.get("multi_shot"):
        if model != "kling-v3":
            return f"multi_shot is not supported by {model}"
        if body.get("shot_type") not in ("customize", "intelligence"):
            return "shot_type is required when multi_shot is true"
        if "image_tail" in body:
            return "multi_shot does not support start and end frames"
        shots = body.get("multi_prompt") or []
        if body["shot_type"] == "customize":
            if not 1 <= len(shots) <= 6:
                return "multi_prompt supports 1 to 6 storyboards"
            if any(len(s.get("prompt", "")) > 512 or not isinstance(s.get("duration"), str)
                   or int(s["duration"]) < 1 for s in shots):
                return "invalid multi_prompt item"
            if sum(int(s["duration"]) for s in shots) != int(body["duration"]):
                return "the sum of storyboard durations must equal the task duration"
    known = {str(e["element_id"]) for e in elements.values() if e.get("element_id")}
    for item in body.get("element_list") or []:
        if not isinstance(item.get("element_id"), int) or str(item["element_id"]) not in known:
            return f"element {item.get('element_id')} not found"
    if len(body.get("element_list") or []) > 3:
        return "at most 3 elements"
    return ""


class ElementRoutes:
    """Mixed into KlingServer: create and query element tasks."""

    def element_route(self, req: Request, parts: list[str]) -> Reply:
        if req.method == "POST" and len(parts) == 3:
            body = req.json()
            images = body.get("element_image_list") or {}
            if body.get("reference_type") != "image_refer" or not images.get("frontal_image"):
                return self.error_reply(1201, "element_image_list.frontal_image is required")
            if not 1 <= len(images.get("refer_images") or []) <= 3 or len(body.get("element_name", "")) > 20:
                return self.error_reply(1201, "refer_images must hold 1 to 3 images; element_name <= 20")
            if str(images["frontal_image"]).startswith("data:"):
                return self.error_reply(1201, "image must be raw base64 without a data: prefix")
            task_id = str(uuid.uuid4().int)[:18]
            with self.lock:
                self.elements[task_id] = {"polls": 0, "element_id": None, "body": body,
                                          "outcome": self.element_outcome}
            now = int(time.time() * 1000)
            return self.envelope({"task_id": task_id, "task_status": "submitted", "created_at": now,
                                  "updated_at": now, "task_info": {"external_task_id": body.get("external_task_id")}})
        if req.method == "GET" and len(parts) == 4:
            with self.lock:
                task = self.elements.get(parts[3])
                if task is None:
                    return self.error_reply(1203, "task not found", 404)
                task["polls"] += 1
                done = task["polls"] >= 2
                if done and task["outcome"] == "succeed" and task["element_id"] is None:
                    task["element_id"] = int(str(uuid.uuid4().int)[:15])
            data = {"task_id": parts[3], "task_status": "processing", "task_status_msg": "",
                    "task_info": {"external_task_id": task["body"].get("external_task_id")}}
            if done and task["outcome"] == "failed":
                data.update(task_status="failed", task_status_msg="The element image failed the risk control check")
            elif done:
                data.update(task_status="succeed", task_result={"elements": [{
                    "element_id": task["element_id"], "element_name": task["body"]["element_name"],
                    "element_description": task["body"]["element_description"], "reference_type": "image_refer",
                    "tag_list": task["body"].get("tag_list", []), "owned_by": "1234", "status": "succeed"}]},
                    final_unit_deduction="0")
            return self.envelope(data)
        return self.error_reply(1202, f"no route {req.route}", 404)

    def error_reply(self, code: int, message: str, status: int = 400) -> Reply:
        from .kling import kling_error

        return kling_error(status, code, message)
