"""fal.ai lip-sync models (``fal-ai/sync-lipsync`` and its siblings) through fal's queue.

Input ``{video_url, audio_url, sync_mode?}``; output ``{"video": {"url", "content_type", ...}}``
(../shared/PROVIDERS-MORE.md 6). Local files go as data URLs, which fal accepts for any
``*_url`` input; the limits below are checked before the paid submit.
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path

from providers import errors as E
from providers.base import VIDEO, CancelToken, GenerationRequest, TaskHandle, TaskStatus
from providers.fal import FalProvider, app_id
from providers.lipsync import LIPSYNC, LipSyncRequest, check_limits, probe_video

DEFAULT_MODEL = "fal-ai/sync-lipsync"
MAX_SECONDS = 300.0  # fal does not publish one for sync-lipsync; a guard against paying for a whole episode
MAX_DATA_URL_BYTES = 50 * 1024 * 1024


def file_data_url(path: str) -> str:
    """An http(s) URL as is; a local file as a ``data:`` URL with its MIME type."""
    if path.startswith(("http://", "https://", "data:")):
        return path
    data = Path(path).read_bytes()
    if len(data) > MAX_DATA_URL_BYTES:
        raise ValueError(f"{Path(path).name} is larger than 50 MB")
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


class FalLipSyncProvider(FalProvider):
    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, LipSyncRequest):
            return super().submit(request, cancel)
        self.require("api_key")
        model = (request.model or str(self.settings.get("lipsync_model") or DEFAULT_MODEL)).strip("/")
        try:
            if not request.video.startswith(("http://", "https://")):
                facts = probe_video(request.video)
                problem = check_limits(facts, min_s=0.5, max_s=MAX_SECONDS, min_px=16, max_px=4096)
                if problem:
                    raise ValueError(f"fal lip sync: {problem}")
            request.prepare_audio()
            inp = {"video_url": file_data_url(request.video), "audio_url": file_data_url(request.audio)}
        except (OSError, RuntimeError, ValueError) as exc:
            raise self.error(str(exc), kind=E.BAD_REQUEST) from None
        if "sync-lipsync" in model:
            inp["sync_mode"] = str(request.parameters.get("sync_mode") or "cut_off")
        data = self.http.json("POST", f"/{model}", json=inp, cancel=cancel, billable=True)
        if not isinstance(data, dict) or not data.get("request_id"):
            raise self.error(f"the answer has no request_id: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        rid = str(data["request_id"])
        base = f"{self.http.base_url}/{app_id(model)}/requests/{rid}"
        return TaskHandle(provider=self.name, capability=LIPSYNC, task_id=rid, model=model,
                          endpoint={"status_url": data.get("status_url") or f"{base}/status",
                                    "response_url": data.get("response_url") or base,
                                    "cancel_url": data.get("cancel_url") or f"{base}/cancel"})

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        if handle.capability != LIPSYNC:
            return super().poll(handle, cancel)
        # The result is one video: the base client reads it when the capability says video.
        status = super().poll(TaskHandle.from_dict({**handle.to_dict(), "capability": VIDEO}), cancel)
        for output in status.outputs:
            output.mime = output.mime or "video/mp4"
        return status
