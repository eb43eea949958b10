"""Alibaba DashScope (阿里云百炼 / Model Studio): Wan video synthesis and Wan / Qwen-Image images.

Wire format (dashscope-sdk-python, Model Studio API references):
- Auth ``Authorization: Bearer sk-…``. Beijing ``https://dashscope.aliyuncs.com/api/v1``,
  Singapore ``https://dashscope-intl.aliyuncs.com/api/v1``, Virginia ``https://dashscope-us.aliyuncs.com/api/v1``;
  keys only work in their own region.
- Every create here is asynchronous and needs ``X-DashScope-Async: enable`` (without it: "current
  user api does not support synchronous calls"):
  ``POST /services/aigc/video-generation/video-synthesis`` (t2v: ``parameters.size`` "W*H";
  i2v: ``input.img_url`` and ``parameters.resolution`` "480P|720P|1080P"),
  ``POST /services/aigc/image2video/video-synthesis`` (kf2v: ``input.first_frame_url`` +
  ``last_frame_url``), ``POST /services/aigc/text2image/image-synthesis`` (``parameters.size``
  "W*H", ``n``). Answer ``{"output": {"task_status": "PENDING", "task_id"}, "request_id"}``.
- ``GET /tasks/{id}`` -> ``output.task_status``: PENDING, RUNNING, SUCCEEDED, FAILED, CANCELED,
  UNKNOWN (no such task, or older than 24 h); ``output.video_url`` or ``output.results[].url``
  (valid 24 h); a failed task carries ``output.code`` / ``output.message``.
  ``POST /tasks/{id}/cancel`` cancels a PENDING task.
- Errors: ``{"request_id", "code", "message"}`` with an HTTP status (codes in :func:`dashscope_kind`).

No ``find_task``: the task list (``GET /tasks``) filters by model and time, but its answer is not
documented and carries no prompt or client id, so a lost create cannot be matched with certainty;
the job queue then tells the user what may have been billed instead of guessing.
"""

from __future__ import annotations

from typing import Any

import requests

from providers import errors as E
from providers.ark import image_url
from providers.base import (
    CANCELLED,
    FAILED,
    IMAGE,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    VIDEO,
    CancelToken,
    GenerationRequest,
    ImageRequest,
    OutputRef,
    TaskHandle,
    TaskStatus,
    VideoRequest,
)
from providers.common import ProviderClient
from providers.errors import ProviderError
from providers.model_cards import card_for, refusal

BEIJING_URL = "https://dashscope.aliyuncs.com/api/v1"
SINGAPORE_URL = "https://dashscope-intl.aliyuncs.com/api/v1"
VIRGINIA_URL = "https://dashscope-us.aliyuncs.com/api/v1"
VIDEO_PATH = "/services/aigc/video-generation/video-synthesis"
KF2V_PATH = "/services/aigc/image2video/video-synthesis"
T2I_PATH = "/services/aigc/text2image/image-synthesis"

_STATES = {"PENDING": QUEUED, "RUNNING": RUNNING, "SUSPENDED": QUEUED, "SUCCEEDED": SUCCEEDED, "FAILED": FAILED,
           "CANCELED": CANCELLED, "UNKNOWN": FAILED}

# parameters.size for text-to-video, per resolution tier and aspect (Wan's documented sizes).
WAN_SIZES = {
    "480P": {"16:9": "832*480", "9:16": "480*832", "1:1": "624*624"},
    "720P": {"16:9": "1280*720", "9:16": "720*1280", "1:1": "960*960", "4:3": "1088*832", "3:4": "832*1088"},
    "1080P": {"16:9": "1920*1080", "9:16": "1080*1920", "1:1": "1440*1440", "4:3": "1632*1248", "3:4": "1248*1632"},
}
QWEN_IMAGE_SIZES = {"16:9": "1664*928", "4:3": "1472*1140", "1:1": "1328*1328", "3:4": "1140*1472",
                    "9:16": "928*1664"}
WAN_IMAGE_SIZES = {"16:9": "1280*720", "9:16": "720*1280", "1:1": "1024*1024", "4:3": "1152*864",
                   "3:4": "864*1152"}


def dashscope_kind(code: str, http_status: int | None) -> tuple[str, str]:
    if code.startswith("DataInspectionFailed") or code.endswith("DataInspection") or "DataInspection" in code:
        return E.CONTENT_POLICY, "refused by the content safety check: change the prompt or image"
    if code.startswith("Throttling"):
        if code == "Throttling.AllocationQuota" and http_status != 429:
            return E.QUOTA, "the free or allocated quota is used up"
        return E.RATE_LIMIT, "too many requests: rate limited"
    if code.startswith("Arrearage"):
        return E.QUOTA, "the account is overdue: top it up on the Alibaba Cloud console"
    if code in ("InvalidApiKey", "Unauthorized"):
        return E.AUTH, "the API key is invalid (keys only work in their own region)"
    if code.startswith("AccessDenied"):
        return E.AUTH, "the account may not use this model: activate it in Model Studio"
    if code.startswith(("InvalidParameter", "MissingParameter", "BadRequest")):
        return E.BAD_REQUEST, "a parameter is invalid"
    if code in ("ModelNotFound", "NotFound"):
        return E.NOT_FOUND, "the model does not exist in this region"
    if code.startswith(("InternalError", "SystemError", "ServiceUnavailable")):
        return E.SERVER, "DashScope's server had an internal error"
    return (E.kind_for_status(http_status) if http_status else E.BAD_REQUEST), "the request failed"


def dashscope_error(code: str, message: str, http_status: int | None, *, provider: str = "dashscope",
                    retry_after: float | None = None, secrets: list[str] | None = None) -> ProviderError:
    kind, words = dashscope_kind(code, http_status)
    retryable = kind in E.RETRYABLE_KINDS
    detail = f"{words} ({code}: {message})" if message else f"{words} ({code})"
    return ProviderError(f"{provider}: {detail}", retryable=retryable, retry_after=retry_after if retryable else None,
                         vendor_code=code, http_status=http_status, kind=kind, provider=provider, secrets=secrets or ())


class DashScopeProvider(ProviderClient):
    default_poll_interval = 15.0  # the docs suggest ~15 s between polls

    def auth_headers(self) -> dict[str, str]:
        headers = super().auth_headers()
        if self.settings.get("workspace"):
            headers["X-DashScope-WorkSpace"] = str(self.settings["workspace"])
        return headers

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        if isinstance(body, dict) and body.get("code"):
            return dashscope_error(str(body["code"]), str(body.get("message") or ""), response.status_code,
                                   provider=self.name,
                                   retry_after=E.parse_retry_after(response.headers.get("Retry-After")),
                                   secrets=self.secret_values())
        return None

    def _json(self, method: str, path: str, cancel: CancelToken | None, **kw: Any) -> dict[str, Any]:
        self.require("api_key")
        data = self.http.json(method, path, cancel=cancel, **kw)
        if not isinstance(data, dict):
            raise self.error(f"unexpected answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE,
                             retryable=method == "GET")
        return data

    # --- bodies ----------------------------------------------------------------------------------
    def video_request(self, request: VideoRequest) -> tuple[str, dict[str, Any]]:
        """(path, body) for a Wan video; refuses what the model cannot do before anything is sent."""
        params = dict(request.parameters)
        kf2v = bool(request.first_frame and request.last_frame)
        default = "wan2.2-kf2v-flash" if kf2v else "wan2.6-i2v-flash" if request.first_frame else "wan2.6-t2v"
        model = self.model_for(request) or default
        if kf2v and "kf2v" not in model:
            model = str(self.settings.get("keyframe_model") or "wan2.2-kf2v-flash")
        if request.first_frame and not kf2v and "t2v" in model:
            model = str(self.settings.get("image_video_model") or "wan2.6-i2v-flash")
        if not request.first_frame and "t2v" not in model:
            if request.last_frame:
                raise self.error("an end frame needs a start frame too", kind=E.BAD_REQUEST)
            model = str(self.settings.get("text_video_model") or "wan2.6-t2v")
        card = card_for("dashscope", model)
        problem = refusal("dashscope", model, request)
        if problem:
            raise self.error(problem, kind=E.BAD_REQUEST)
        resolution = str(params.pop("resolution", "") or self.settings.get("resolution") or "720P").upper()
        if card is not None and card.resolutions and resolution not in card.resolutions:
            resolution = card.resolutions[-1] if resolution == "1080P" else card.resolutions[0]
        duration = round(request.duration)
        if card is not None:
            duration = int(card.nearest_duration(duration))
        inp: dict[str, Any] = {"prompt": request.prompt}
        if request.negative_prompt:
            inp["negative_prompt"] = request.negative_prompt
        parameters: dict[str, Any] = {"prompt_extend": bool(params.pop("prompt_extend", False)), "watermark": False}
        if request.seed is not None:
            parameters["seed"] = int(request.seed) % 2147483648
        try:
            if kf2v:
                inp["first_frame_url"] = image_url(request.first_frame)
                inp["last_frame_url"] = image_url(request.last_frame)
                parameters["resolution"] = resolution
                path = KF2V_PATH
            elif request.first_frame:
                inp["img_url"] = image_url(request.first_frame)
                parameters.update(resolution=resolution, duration=duration)
                path = VIDEO_PATH
            else:
                sizes = WAN_SIZES.get(resolution, WAN_SIZES["720P"])
                parameters.update(size=sizes.get(request.aspect_ratio or "9:16", sizes["9:16"]), duration=duration)
                path = VIDEO_PATH
        except OSError as exc:
            raise self.error(f"cannot read the frame image: {exc}", kind=E.BAD_REQUEST) from None
        sound = params.pop("sound", None)
        if model == "wan2.6-i2v-flash" and sound is not None:
            parameters["audio"] = sound in (True, "on")
        if params.pop("multi_shot", False) and model.startswith("wan2.6"):
            parameters.update(shot_type="multi", prompt_extend=True)
        parameters.update(params)
        return path, {"model": model, "input": inp, "parameters": parameters}

    def image_request(self, request: ImageRequest) -> dict[str, Any]:
        model = self.model_for(request) or "qwen-image"
        sizes = QWEN_IMAGE_SIZES if model.startswith("qwen-image") else WAN_IMAGE_SIZES
        size = sizes.get(request.aspect_ratio or "9:16", sizes["9:16"])
        if request.width and request.height and not model.startswith("qwen-image"):
            size = f"{request.width}*{request.height}"
        inp: dict[str, Any] = {"prompt": request.prompt}
        if request.negative_prompt:
            inp["negative_prompt"] = request.negative_prompt
        parameters: dict[str, Any] = {"size": size, "n": max(1, min(4, request.n)), "prompt_extend": False,
                                      "watermark": False}
        if request.seed is not None:
            parameters["seed"] = int(request.seed) % 2147483648
        parameters.update(request.parameters)
        return {"model": model, "input": inp, "parameters": parameters}

    # --- the protocol ------------------------------------------------------------------------------
    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if isinstance(request, VideoRequest):
            path, body = self.video_request(request)
            units = float(body["parameters"].get("duration", 5))
        elif isinstance(request, ImageRequest):
            path, body = T2I_PATH, self.image_request(request)
            units = float(body["parameters"]["n"])
        else:
            raise self.error(f"{request.capability} generation is not offered by DashScope", kind=E.CONFIG)
        data = self._json("POST", path, cancel, json=body, headers={"X-DashScope-Async": "enable"}, billable=True)
        output = data.get("output") or {}
        task_id = str(output.get("task_id") or "")
        if not task_id:
            raise self.error(f"the answer has no task_id: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=request.capability, task_id=task_id, model=body["model"],
                          endpoint={"path": path, "request_id": str(data.get("request_id") or "")}, cost_units=units)

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        data = self._json("GET", f"/tasks/{handle.task_id}", cancel)
        output = data.get("output") or {}
        vendor = str(output.get("task_status") or "")
        state = _STATES.get(vendor)
        if state is None:
            raise self.error(f"unknown task_status {vendor!r}", kind=E.INVALID_RESPONSE, retryable=True)
        status = TaskStatus(state=state, vendor_status=vendor)
        if state == SUCCEEDED:
            status.progress = 1.0
            if handle.capability == VIDEO:
                url = output.get("video_url")
                status.outputs = [OutputRef(url=str(url), media_type="video", mime="video/mp4",
                                            filename=f"wan-{handle.task_id}.mp4")] if url else []
            else:
                status.outputs = [OutputRef(url=str(r["url"]), media_type="image", index=i,
                                            filename=f"dashscope-{handle.task_id}-{i}.png")
                                  for i, r in enumerate(output.get("results") or []) if r.get("url")]
                failed = [r for r in output.get("results") or [] if r.get("code")]
                if failed:
                    status.vendor_message = f"{failed[0]['code']}: {failed[0].get('message', '')}"
            if not status.outputs:
                status.state = FAILED
                status.error = f"DashScope reported success but sent no file {status.vendor_message}".strip()
        elif vendor == "UNKNOWN":
            status.error = ("DashScope no longer knows this task (tasks are kept 24 hours): "
                            "its result, if any, has expired")
        elif state == FAILED:
            code, message = str(output.get("code") or ""), str(output.get("message") or "")
            status.vendor_message = f"{code}: {message}" if code else message
            words = dashscope_kind(code, None)[1] if code else ""
            status.error = f"DashScope could not make it: {words} ({status.vendor_message})" if code else \
                f"DashScope could not make it: {message or 'no reason given'}"
        elif state == CANCELLED:
            status.error = "the task was cancelled"
        return status

    def cancel(self, handle: TaskHandle) -> None:
        """Only a PENDING task can be cancelled; a running one runs on (we stop polling)."""
        if not handle.task_id:
            return
        try:
            self.http.request("POST", f"/tasks/{handle.task_id}/cancel")
        except ProviderError:
            pass

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        # Querying an unknown task proves the key without spending anything.
        data = self._json("GET", "/tasks/00000000-0000-0000-0000-000000000000", cancel)
        if not isinstance(data.get("output"), dict):
            raise self.error(f"unexpected answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        return "Connected to DashScope: the key is accepted"


__all__ = ["DashScopeProvider", "IMAGE", "VIDEO", "dashscope_error", "dashscope_kind"]
