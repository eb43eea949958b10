"""A Kling API server: verifies the JWT with PyJWT, runs tasks submitted -> processing -> succeed|failed."""

from __future__ import annotations

import base64
import time
import uuid
from dataclasses import dataclass, field

import jwt

from .base import Reply, Request, VendorServer, json_reply
from .kling_current import ElementRoutes, check_current_video_fields
from .media import mp4_bytes, png_bytes

ACCESS_KEY = "AK-test-kling-access-0001"
SECRET_KEY = "SK-test-kling-secret-0123456789abcdef"


def kling_error(status: int, code: int, message: str, **kw) -> Reply:
    return json_reply({"code": code, "message": message, "request_id": uuid.uuid4().hex}, status, **kw)


@dataclass
class Task:
    task_id: str
    kind: str  # text2video | image2video | generations
    body: dict
    polls: int = 0
    outcome: str = "succeed"
    created_at: int = field(default_factory=lambda: int(time.time() * 1000))


class KlingServer(ElementRoutes, VendorServer):
    label = "kling"

    def __init__(self) -> None:
        super().__init__()
        self.tasks: dict[str, Task] = {}
        self.tokens: list[dict] = []  # decoded JWT payloads, in order
        self.raw_tokens: list[str] = []
        self.polls_to_finish = 2
        self.next_outcome = "succeed"
        self.failure_message = "Failure to pass the risk control system"
        self.result_content_type = "video/mp4"
        self.result_bytes: bytes | None = None
        self.result_declared_length: int | None = None  # > the file's size: every result download is cut off
        self.elements: dict[str, dict] = {}  # element task id -> {"polls", "element_id", "body"}
        self.element_outcome = "succeed"
        self.image_bytes: bytes | None = None  # what image results contain (default: a real PNG)
        # Misbehaving creates: the task IS created (and billed), then the answer is "cut" (a 200 whose
        # body stops halfway under a full Content-Length) or "reset" (the connection drops unanswered).
        self.create_fault = ""
        self.create_faults = 0  # how many creates misbehave
        self.faces = 1  # faces identify-face finds (0: Kling's answer for a clip with no face)
        self.face_spans: list[tuple[int, int]] = []  # each face's (start_time, end_time) in ms; default 0-5000
        self.fetched_clips: list[bytes] = []  # clips fetched from a video_url
        self.sessions: dict[str, dict] = {}

    def _auth(self, req: Request) -> Reply | None:
        header = req.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return kling_error(401, 1001, "Authorization is empty")
        token = header[len("Bearer "):]
        try:
            head = jwt.get_unverified_header(token)
            claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"], options={"require": ["iss", "exp", "nbf"]})
        except jwt.ExpiredSignatureError:
            return kling_error(401, 1004, "Authorization is expired")
        except jwt.ImmatureSignatureError:
            return kling_error(401, 1003, "Authorization is not yet valid")
        except jwt.InvalidTokenError:
            return kling_error(401, 1002, "Authorization is invalid")
        if head.get("typ") != "JWT" or head.get("alg") != "HS256" or claims["iss"] != ACCESS_KEY:
            return kling_error(401, 1002, "Authorization is invalid")
        self.tokens.append(claims)
        self.raw_tokens.append(token)
        return None

    def handle(self, req: Request) -> Reply:
        denied = self._auth(req)
        if denied is not None:
            return denied
        parts = req.path.strip("/").split("/")
        if req.method == "POST" and parts in (["v1", "videos", "text2video"], ["v1", "videos", "image2video"],
                                              ["v1", "images", "generations"]):
            return self.create(parts[2], req.json())
        if req.method == "GET" and len(parts) == 4 and parts[:2] in (["v1", "videos"], ["v1", "images"]):
            return self.query(parts[2], parts[3])
        if req.method == "GET" and parts == ["v1", "videos", "text2video"]:
            return self.envelope([])
        if parts[:3] == ["v1", "videos", "identify-face"] and req.method == "POST":
            return self.identify_face(req.json())
        if parts == ["v1", "videos", "lip-sync"] and req.method == "POST":
            return self.create_legacy_lip_sync(req.json())
        if parts == ["v1", "videos", "advanced-lip-sync"] and req.method == "POST":
            return self.create_lip_sync(req.json())
        if parts[:3] == ["v1", "general", "advanced-custom-elements"]:
            return self.element_route(req, parts)
        return kling_error(404, 1202, f"no route {req.route}")

    @staticmethod
    def envelope(data) -> Reply:
        return json_reply({"code": 0, "message": "SUCCEED", "request_id": uuid.uuid4().hex, "data": data})

    def create(self, kind: str, body: dict) -> Reply:
        if not body.get("model_name") or not isinstance(body.get("prompt", ""), str):
            return kling_error(400, 1201, "model_name is required")
        if kind not in ("generations", "advanced-lip-sync", "lip-sync"):
            problem = check_current_video_fields(body, self.elements)
            if problem:
                return kling_error(400, 1201, problem)
        if kind == "image2video":
            image = body.get("image", "")
            if image.startswith("data:"):
                return kling_error(400, 1201, "image must be raw base64 without a data: prefix")
            if not image.startswith("http"):
                base64.b64decode(image, validate=True)
            if "aspect_ratio" in body:
                return kling_error(400, 1201, "aspect_ratio is not a field of image2video")
        task = Task(f"T{uuid.uuid4().hex[:16]}", kind, body, outcome=self.next_outcome)
        external = str(body.get("external_task_id") or "")
        with self.lock:
            if external and any(t.body.get("external_task_id") == external for t in self.tasks.values()):
                return kling_error(400, 1201, "external_task_id already exists")
            self.tasks[task.task_id] = task
        reply = self.envelope({"task_id": task.task_id, "task_status": "submitted",
                               "task_info": {"external_task_id": body.get("external_task_id", "")},
                               "created_at": task.created_at, "updated_at": task.created_at})
        with self.lock:
            fault = self.create_fault if self.create_faults > 0 else ""
            self.create_faults -= 1 if fault else 0
        if fault == "cut":
            full = reply.payload()
            return Reply(body=full[: len(full) // 2], declared_length=len(full))
        if fault == "reset":
            return Reply(close=True)
        return reply

    def identify_face(self, body: dict) -> Reply:
        if not (body.get("video_id") or body.get("video_url")):
            return kling_error(400, 1201, "video_id or video_url is required")
        url = str(body.get("video_url") or "")
        if url:  # Kling downloads the clip from the link; a link it cannot fetch is refused
            import urllib.request

            try:
                with urllib.request.urlopen(url, timeout=10) as answer:
                    fetched = answer.read()
            except OSError:
                fetched = b""
            if len(fetched) < 100:
                return kling_error(400, 1201, "video_url can not be downloaded")
            with self.lock:
                self.fetched_clips.append(fetched)
        session = f"S{uuid.uuid4().hex[:16]}"
        spans = self.face_spans or [(0, 5000)] * self.faces
        from .media import png_bytes

        faces = [{"face_id": str(i), "face_image": self.add_file(f"face-{i}.png", png_bytes(64, 64), "image/png"),
                  "start_time": a, "end_time": b} for i, (a, b) in enumerate(spans[: self.faces])]
        with self.lock:
            self.sessions[session] = {"faces": {f["face_id"] for f in faces}, "body": body}
        return self.envelope({"session_id": session, "face_data": faces})

    def create_lip_sync(self, body: dict) -> Reply:
        with self.lock:
            session = self.sessions.get(str(body.get("session_id") or ""))
        if session is None:
            return kling_error(400, 1201, "session_id is invalid or expired")
        choices = body.get("face_choose") or []
        if len(choices) != 1 or str(choices[0].get("face_id")) not in session["faces"]:
            return kling_error(400, 1201, "face_choose must name one face of the session")
        choice = choices[0]
        if not (choice.get("sound_file") or choice.get("audio_id")):
            return kling_error(400, 1201, "sound_file or audio_id is required")
        if choice.get("sound_file"):
            base64.b64decode(choice["sound_file"], validate=True)
        if int(choice.get("sound_end_time", 0)) - int(choice.get("sound_start_time", 0)) < 2000:
            return kling_error(400, 1201, "the sound must be at least 2 s")
        return self.create("advanced-lip-sync", {**body, "model_name": "lipsync"})

    def create_legacy_lip_sync(self, body: dict) -> Reply:
        inp = body.get("input") or {}
        if not (inp.get("video_id") or inp.get("video_url")):
            return kling_error(400, 1201, "video_id or video_url is required")
        if inp.get("mode") != "audio2video" or inp.get("audio_type") not in ("file", "url"):
            return kling_error(400, 1201, "mode must be audio2video with audio_type file or url")
        if inp.get("audio_type") == "file":
            base64.b64decode(inp.get("audio_file") or "", validate=True)
        return self.create("lip-sync", {**body, "model_name": "lipsync"})

    def query(self, kind: str, task_id: str) -> Reply:
        with self.lock:
            task = self.tasks.get(task_id)
            if task is None:  # the path takes either id: task_id or the client's external_task_id
                task = next((t for t in self.tasks.values() if t.body.get("external_task_id") == task_id), None)
            if task is None or task.kind != kind:
                return kling_error(404, 1203, "task not found")
            task.polls += 1
            polls = task.polls
        task_id = task.task_id
        data = {"task_id": task_id, "task_status": "submitted", "task_status_msg": "",
                "task_info": {"external_task_id": task.body.get("external_task_id", "")},
                "created_at": task.created_at, "updated_at": int(time.time() * 1000)}
        if polls >= self.polls_to_finish:
            if task.outcome == "failed":
                data.update(task_status="failed", task_status_msg=self.failure_message)
            else:
                data["task_status"] = "succeed"
                if kind == "generations":
                    n = int(task.body.get("n", 1))
                    data["task_result"] = {"images": [
                        {"index": i, "url": self.add_file(f"{task_id}-{i}.png", self.image_bytes or png_bytes(), "image/png",
                                                           declared_length=self.result_declared_length)}
                        for i in range(n)]}
                else:
                    url = self.add_file(f"{task_id}.mp4", self.result_bytes or mp4_bytes(), self.result_content_type,
                                        declared_length=self.result_declared_length)
                    data["task_result"] = {"videos": [{"id": uuid.uuid4().hex, "url": url,
                                                       "duration": task.body.get("duration", "5")}]}
        elif polls > 1 or self.polls_to_finish > 2:
            data["task_status"] = "processing"
        return self.envelope(data)
