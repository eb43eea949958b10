"""Kling lip sync: identify-face, then advanced-lip-sync on the chosen face (Kling's current flow).

Wire format (Kling developer docs, ../shared/PROVIDERS-MORE.md 3a):
- ``POST /v1/videos/identify-face`` ``{video_id | video_url}`` -> ``data{session_id,
  face_data[{face_id, face_image, start_time, end_time}]}``. Clip 2-60 s, 512-2160 px.
  Free: it creates no paid task, so it may be repeated.
- ``POST /v1/videos/advanced-lip-sync`` ``{session_id, face_choose[{face_id, sound_file (raw
  base64) | audio_id, sound_start_time, sound_end_time, sound_insert_time}], external_task_id}``
  (times in ms) -> ``data{task_id, task_status}``. This is the paid call.
- ``GET /v1/videos/advanced-lip-sync/{task_id | external_task_id}`` -> ``task_result.videos[].url``.
- Setting ``flow = legacy``: the older ``POST /v1/videos/lip-sync`` ``{"input": {video_id | video_url,
  "mode": "audio2video", "audio_type": "file", "audio_file"}}`` (2-10 s, 720-1920 px), polled at
  ``GET /v1/videos/lip-sync/{task_id}``, for accounts where the current flow is not served.

Kling takes the clip only as a link or as its own video id, never as an upload: a clip made
by Kling carries its id (``parameters["video_id"]``); any other clip is first put on the
media host the user chose (``media_host`` = fal: fal.ai's file storage, with the fal key;
``providers.media_host``) and sent as its link. The app tells the user so before sending.

Which face speaks: ``parameters["face_index"]`` (1 = the first face Kling lists), else the
face Kling sees longest (``end_time - start_time``).
"""

from __future__ import annotations

import base64
import uuid
from pathlib import Path
from typing import Any

from providers import errors as E
from providers.base import (
    FAILED,
    SUCCEEDED,
    CancelToken,
    GenerationRequest,
    OutputRef,
    TaskHandle,
    TaskStatus,
)
from providers.errors import ProviderError
from providers.kling import KlingProvider
from providers.lipsync import LIPSYNC, LipSyncRequest, audio_seconds, check_limits, probe_video
from providers.media_host import FalMediaHost, MediaHostKind

IDENTIFY_PATH = "/v1/videos/identify-face"
TASK_PATH = "/v1/videos/advanced-lip-sync"
LEGACY_PATH = "/v1/videos/lip-sync"  # the older single call: 2-10 s clips, 720-1920 px, no face choice
LEGACY_SECONDS, LEGACY_PX = (2.0, 10.0), (720, 1920)
MIN_SECONDS, MAX_SECONDS = 2.0, 60.0
MIN_PX, MAX_PX = 512, 2160
MAX_AUDIO_BYTES = 5 * 1024 * 1024
MODEL = "kling-advanced-lip-sync"


class NoFaceError(ProviderError):
    """Kling found no face to move in the clip."""


def face_seconds(face: dict[str, Any]) -> float:
    """How long a face Kling found is on screen (its lip-syncable span)."""
    try:
        return max(0.0, (float(face.get("end_time") or 0) - float(face.get("start_time") or 0)) / 1000.0)
    except (TypeError, ValueError):
        return 0.0


def pick_face(faces: list[dict[str, Any]], index: int = 0, face_id: str = "") -> dict[str, Any]:
    """The face to move: ``index`` (1-based) when given, else ``face_id``, else the longest on screen.

    ValueError when ``index`` is past the faces found (the user asked for a face the clip lacks).
    """
    if index:
        if not 1 <= index <= len(faces):
            raise ValueError(f"face {index} was asked for, but Kling found {len(faces)} face(s) in the clip")
        return faces[index - 1]
    chosen = next((f for f in faces if face_id and str(f.get("face_id")) == face_id), None)
    return chosen or max(faces, key=face_seconds)  # max keeps the first of equals: Kling's order


class KlingLipSyncProvider(KlingProvider):
    default_poll_interval = 10.0

    def _check(self, request: LipSyncRequest,
               cancel: CancelToken | None = None) -> tuple[dict[str, str], bytes, float]:
        """The clip reference, the sound bytes and the sound's length, after Kling's limits."""
        self._check_video(request)
        try:
            request.prepare_audio()
        except (OSError, RuntimeError, ValueError) as exc:
            raise self.error(f"the sound cannot be prepared: {exc}", kind=E.BAD_REQUEST) from None
        return self._check_sound(request, cancel)

    @property
    def legacy(self) -> bool:
        return str(self.settings.get("flow") or "advanced") == "legacy"

    def _check_video(self, request: LipSyncRequest) -> None:
        if request.video and not request.video.startswith(("http://", "https://")):
            try:
                facts = probe_video(request.video)
            except ValueError as exc:
                raise self.error(str(exc), kind=E.BAD_REQUEST) from None
            (min_s, max_s), (min_px, max_px) = ((LEGACY_SECONDS, LEGACY_PX) if self.legacy else
                                                ((MIN_SECONDS, MAX_SECONDS), (MIN_PX, MAX_PX)))
            problem = check_limits(facts, min_s=min_s, max_s=max_s, min_px=min_px, max_px=max_px)
            if problem:
                raise self.error(f"Kling lip sync: {problem}", kind=E.BAD_REQUEST)

    @staticmethod
    def _named_clip(request: LipSyncRequest) -> tuple[str, str]:
        """``(video_id, video_url)`` the request names itself (both "" for a local clip)."""
        video_id = str(request.parameters.get("video_id") or "")
        video_url = str(request.parameters.get("video_url") or "")
        if not video_url and request.video.startswith(("http://", "https://")):
            video_url = request.video
        return video_id, video_url

    def _no_clip_error(self) -> ProviderError:
        return self.error("Kling lip sync needs a clip made by Kling or a public link to the clip; "
                          "choose fal.ai as the clip host in Providers, or use a fal lip-sync model",
                          kind=E.CONFIG)

    def _check_sound(self, request: LipSyncRequest,
                     cancel: CancelToken | None = None) -> tuple[dict[str, str], bytes, float]:
        video_id, video_url = self._named_clip(request)
        hosted = not (video_id or video_url) and bool(request.video) and self.media_host is MediaHostKind.FAL
        if not (video_id or video_url or hosted):
            raise self._no_clip_error()
        try:
            sound = Path(request.audio).read_bytes()
            seconds = audio_seconds(request.audio)
        except (OSError, ValueError) as exc:
            raise self.error(f"the sound cannot be sent: {exc}", kind=E.BAD_REQUEST) from None
        if len(sound) > MAX_AUDIO_BYTES:
            raise self.error("the sound is larger than 5 MB, Kling's limit", kind=E.BAD_REQUEST)
        if seconds < MIN_SECONDS:
            raise self.error(f"the sound is {seconds:.1f} s long; Kling needs at least 2 s", kind=E.BAD_REQUEST)
        if hosted:  # only once everything else is known to be acceptable
            video_url = self.host_clip(request.video, cancel)
        return ({"video_id": video_id} if video_id else {"video_url": video_url}), sound, seconds

    @property
    def media_host(self) -> MediaHostKind:
        try:
            return MediaHostKind(str(self.settings.get("media_host") or "none"))
        except ValueError:
            return MediaHostKind.NONE

    def host_clip(self, path: str, cancel: CancelToken | None) -> str:
        """Upload a local clip to the media host; its public link (free, so a retry uploads again)."""
        host = FalMediaHost(str(self.settings.get("host_api_key") or ""),
                            rest_url=str(self.settings.get("host_url") or ""))
        return host.upload(path, cancel).url

    def clip_reference(self, request: LipSyncRequest, cancel: CancelToken | None = None) -> dict[str, str]:
        """What identify-face is given for ``request``'s clip (its Kling id, its link, or a hosted copy)."""
        self._check_video(request)
        video_id, url = self._named_clip(request)
        if video_id:
            return {"video_id": video_id}
        if not url and self.media_host is MediaHostKind.FAL:
            url = self.host_clip(request.video, cancel)
        if not url:
            raise self._no_clip_error()
        return {"video_url": url}

    def find_faces(self, request: LipSyncRequest, cancel: CancelToken | None = None) -> list[dict[str, Any]]:
        """The faces Kling finds in the clip (free: identify-face creates no paid task)."""
        return self.identify_face(self.clip_reference(request, cancel), cancel)[1]

    def identify_face(self, clip: dict[str, str], cancel: CancelToken | None) -> tuple[str, list[dict[str, Any]]]:
        data = self._call("POST", IDENTIFY_PATH, cancel, json=clip)
        faces = [f for f in data.get("face_data") or [] if isinstance(f, dict) and f.get("face_id") is not None]
        session = str(data.get("session_id") or "")
        if not faces:
            raise NoFaceError(f"{self.name}: Kling found no face in the clip, so there is nothing to lip sync",
                              retryable=False, kind=E.BAD_REQUEST, provider=self.name)
        if not session:
            raise self.error(f"identify-face answered without a session_id: {str(data)[:200]}",
                             kind=E.INVALID_RESPONSE)
        return session, faces

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, LipSyncRequest):
            return super().submit(request, cancel)
        clip, sound, seconds = self._check(request, cancel)
        if self.legacy:
            return self._submit_legacy(clip, sound, seconds, cancel)
        session, faces = self.identify_face(clip, cancel)
        try:
            face = pick_face(faces, int(request.parameters.get("face_index") or 0), request.face_id)
        except ValueError as exc:
            raise self.error(str(exc), kind=E.BAD_REQUEST) from None
        sound_ms = int(seconds * 1000)
        external = request.client_ref or uuid.uuid4().hex
        body = {"session_id": session,
                "face_choose": [{"face_id": str(face["face_id"]),
                                 "sound_file": base64.b64encode(sound).decode("ascii"),
                                 "sound_start_time": 0, "sound_end_time": sound_ms,
                                 "sound_insert_time": max(0, int(request.audio_offset_ms))}],
                "external_task_id": external}
        data = self._call("POST", TASK_PATH, cancel, json=body, billable=True)
        task_id = str(data.get("task_id") or "")
        if not task_id:
            raise self.error(f"the answer has no task_id: {data}", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=LIPSYNC, task_id=task_id, model=MODEL,
                          endpoint={"path": TASK_PATH, "external_task_id": external},
                          cost_units=max(1.0, seconds))

    def _submit_legacy(self, clip: dict[str, str], sound: bytes, seconds: float,
                       cancel: CancelToken | None) -> TaskHandle:
        """``POST /v1/videos/lip-sync`` with the sound as a file; Kling finds the face itself."""
        body = {"input": {**clip, "mode": "audio2video", "audio_type": "file",
                          "audio_file": base64.b64encode(sound).decode("ascii")}}
        data = self._call("POST", LEGACY_PATH, cancel, json=body, billable=True)
        task_id = str(data.get("task_id") or "")
        if not task_id:
            raise self.error(f"the answer has no task_id: {data}", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=LIPSYNC, task_id=task_id, model="kling-lip-sync",
                          endpoint={"path": LEGACY_PATH}, cost_units=max(1.0, seconds))

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        if handle.capability != LIPSYNC:
            return super().poll(handle, cancel)
        path = LEGACY_PATH if handle.endpoint.get("path") == LEGACY_PATH else TASK_PATH  # only Kling's own routes
        data = self._call("GET", f"{path}/{handle.task_id}", cancel)
        status = self.task_status(data)
        if status.state == SUCCEEDED:
            items = (data.get("task_result") or {}).get("videos") or []
            status.outputs = [OutputRef(url=str(item["url"]), media_type="video", index=i, mime="video/mp4",
                                        filename=f"kling-lipsync-{handle.task_id}-{i}.mp4",
                                        extra={k: v for k, v in item.items() if k in ("id", "duration")})
                              for i, item in enumerate(items) if isinstance(item, dict) and item.get("url")]
            if not status.outputs:
                status.state, status.error = FAILED, "Kling reported success but sent no result file"
        elif status.state == FAILED:
            status.error = f"Kling could not lip sync the clip: {status.vendor_message or 'no reason given'}"
        return status

    def find_task(self, request: GenerationRequest, client_ref: str, submitted_after: float,
                  cancel: CancelToken | None = None) -> TaskHandle | None:
        if not isinstance(request, LipSyncRequest):
            return super().find_task(request, client_ref, submitted_after, cancel)
        if not client_ref or self.legacy:  # the legacy call takes no external_task_id
            return None
        try:
            data = self._call("GET", f"{TASK_PATH}/{client_ref}", cancel)
        except ProviderError as exc:
            if exc.vendor_code == 1203 or exc.kind == E.NOT_FOUND:
                return None
            raise
        task_id = str(data.get("task_id") or "")
        if not task_id:
            return None
        return TaskHandle(provider=self.name, capability=LIPSYNC, task_id=task_id, model=MODEL,
                          endpoint={"path": TASK_PATH, "external_task_id": client_ref}, cost_units=1.0)
