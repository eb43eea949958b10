"""fal.ai's queue API, for hosted image and video models.

Wire format (fal queue docs):
- ``POST https://queue.fal.run/{model_id}[/{subpath}]`` with ``Authorization: Key <key>``
  (not Bearer) and the model's input JSON -> ``{request_id, status_url, response_url,
  cancel_url, queue_position?}``.
- ``GET .../{model_id}/requests/{id}/status[?logs=1]`` -> ``{status: IN_QUEUE|IN_PROGRESS|
  COMPLETED, queue_position?, logs?, error?}``; ``GET .../{model_id}/requests/{id}`` -> the
  result (``images: [{url, ...}]`` or ``video: {url, ...}``); ``PUT .../requests/{id}/cancel``.
- The subpath is dropped from status/result/cancel URLs: ``fal-ai/flux/schnell`` is the app
  ``fal-ai/flux`` with subpath ``schnell``, polled under ``fal-ai/flux/requests/{id}``.
- Errors: ``{"detail": "..."}`` or a list of validation errors (422).
"""

from __future__ import annotations

from typing import Any

import requests

from providers import errors as E
from providers.base import (
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
from providers.http import generic_error_message
from providers.minimax import data_url

_STATES = {"IN_QUEUE": QUEUED, "IN_PROGRESS": RUNNING, "COMPLETED": SUCCEEDED}
_IMAGE_SIZES = {"9:16": "portrait_16_9", "16:9": "landscape_16_9", "1:1": "square_hd", "3:4": "portrait_4_3",
                "4:3": "landscape_4_3"}


def app_id(model_id: str) -> str:
    """The app part of a model id (``owner/alias``), without a subpath."""
    parts = model_id.strip("/").split("/")
    return "/".join(parts[:2])


def build_input(model: str, request: GenerationRequest) -> dict[str, Any]:
    inp: dict[str, Any] = {"prompt": request.prompt}
    if request.seed is not None:
        inp["seed"] = request.seed
    if isinstance(request, ImageRequest):
        if request.width and request.height:
            inp["image_size"] = {"width": request.width, "height": request.height}
        else:
            inp["image_size"] = _IMAGE_SIZES.get(request.aspect_ratio, "portrait_16_9")
        inp["num_images"] = request.n
        if request.negative_prompt and "flux" not in model:
            inp["negative_prompt"] = request.negative_prompt
        if request.reference_images:
            inp["image_url"] = data_url(request.reference_images[0])
    elif isinstance(request, VideoRequest):
        if request.negative_prompt:
            inp["negative_prompt"] = request.negative_prompt
        if "kling" in model:
            inp["duration"] = "10" if request.duration > 7.5 else "5"
        else:
            inp["duration"] = request.duration
        if request.first_frame:
            inp["image_url"] = data_url(request.first_frame)
            if request.last_frame:
                inp["tail_image_url"] = data_url(request.last_frame)
        else:
            inp["aspect_ratio"] = request.aspect_ratio
    inp.update(request.parameters)
    return inp


class FalProvider(ProviderClient):
    default_poll_interval = 2.0

    def auth_headers(self) -> dict[str, str]:
        key = str(self.settings.get("api_key") or "")
        return {"Authorization": f"Key {key}"} if key else {}

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        status = response.status_code
        message, code = generic_error_message(body)
        lowered = message.lower()
        kind = None
        if "balance" in lowered or "exhausted" in lowered or status == 402:
            kind = E.QUOTA
        elif status == 422:
            kind = E.BAD_REQUEST
        return E.for_status(status, message or f"HTTP {status}", provider=self.name, vendor_code=code or status,
                            kind=kind, retry_after=E.parse_retry_after(response.headers.get("Retry-After")),
                            secrets=self.secret_values())

    def _model(self, request: GenerationRequest) -> str:
        if request.model:
            return request.model
        if isinstance(request, VideoRequest) and not request.first_frame:
            return str(self.settings.get("text_video_model") or "")
        return str(self.settings.get(f"{request.capability}_model") or "")

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        self.require("api_key")
        if request.capability not in (IMAGE, VIDEO):
            raise self.error(f"{request.capability} generation is not set up for fal.ai", kind=E.CONFIG)
        model = self._model(request).strip("/")
        if model.count("/") < 1:
            raise self.error(f"the model id {model!r} should look like owner/alias[/subpath]", kind=E.CONFIG)
        try:
            inp = build_input(model, request)
        except OSError as exc:
            raise self.error(f"cannot read an input image: {exc}", kind=E.BAD_REQUEST) from None
        data = self.http.json("POST", f"/{model}", json=inp, cancel=cancel, billable=True)
        if not isinstance(data, dict) or not data.get("request_id"):
            raise self.error(f"the answer has no request_id: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        rid = str(data["request_id"])
        base = f"{self.http.base_url}/{app_id(model)}/requests/{rid}"
        return TaskHandle(provider=self.name, capability=request.capability, task_id=rid, model=model,
                          endpoint={"status_url": data.get("status_url") or f"{base}/status",
                                    "response_url": data.get("response_url") or base,
                                    "cancel_url": data.get("cancel_url") or f"{base}/cancel"})

    def _urls(self, handle: TaskHandle) -> dict[str, str]:
        base = f"{self.http.base_url}/{app_id(handle.model)}/requests/{handle.task_id}"
        ep = handle.endpoint
        return {"status": self.trusted_url(ep.get("status_url", ""), f"{base}/status"),
                "response": self.trusted_url(ep.get("response_url", ""), base),
                "cancel": self.trusted_url(ep.get("cancel_url", ""), f"{base}/cancel")}

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        urls = self._urls(handle)
        data = self.http.json("GET", urls["status"], params={"logs": 1}, cancel=cancel)
        if not isinstance(data, dict):
            raise self.error(f"unexpected status answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE, retryable=True)
        vendor = str(data.get("status") or "")
        state = _STATES.get(vendor)
        if state is None:
            raise self.error(f"unknown status {vendor!r}", kind=E.INVALID_RESPONSE, retryable=True)
        status = TaskStatus(state=state, vendor_status=vendor, queue_position=data.get("queue_position"))
        logs = data.get("logs") or []
        if logs and isinstance(logs[-1], dict):
            status.vendor_message = str(logs[-1].get("message") or "")
        if state != SUCCEEDED:
            return status
        if data.get("error"):
            status.state = FAILED
            status.vendor_message = str(data["error"])
            status.error = f"fal.ai could not make it: {data['error']}"
            return status
        response = self.http.request("GET", urls["response"], cancel=cancel, check=False)
        if response.status_code >= 400 and response.status_code not in (429,) and response.status_code < 500:
            # The request ran and failed (validation, content policy): that is a final answer.
            err = self.http.error_for(response)
            status.state, status.error, status.vendor_message = FAILED, err.message, err.message
            return status
        if response.status_code >= 400:
            raise self.http.error_for(response)
        result = self.http.decode(response)
        media = "video" if handle.capability == VIDEO else "image"
        status.outputs = [OutputRef(url=u, media_type=media, index=i, mime=m)
                          for i, (u, m) in enumerate(_result_files(result))]
        status.progress = 1.0
        if not status.outputs:
            status.state, status.error = FAILED, "fal.ai finished but the result has no file"
        return status

    def cancel(self, handle: TaskHandle) -> None:
        response = self.http.request("PUT", self._urls(handle)["cancel"], check=False)
        if response.status_code >= 400 and response.status_code != 400:  # 400 = already completed
            raise self.http.error_for(response)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        # A status query for a request that does not exist: 404 proves the key is accepted.
        model = str(self.settings.get("image_model") or "fal-ai/flux/schnell")
        response = self.http.request("GET", f"/{app_id(model)}/requests/00000000-0000-0000-0000-000000000000/status",
                                     cancel=cancel, check=False)
        if response.status_code in (401, 403) or response.status_code >= 500:
            raise self.http.error_for(response)
        return "Connected to fal.ai: the key is accepted"


def _result_files(result: Any) -> list[tuple[str, str]]:
    files: list[tuple[str, str]] = []
    if not isinstance(result, dict):
        return files
    for key in ("images", "videos", "audios"):
        for item in result.get(key) or []:
            if isinstance(item, dict) and item.get("url"):
                files.append((str(item["url"]), str(item.get("content_type") or "")))
    for key in ("image", "video", "audio", "audio_file"):
        item = result.get(key)
        if isinstance(item, dict) and item.get("url"):
            files.append((str(item["url"]), str(item.get("content_type") or "")))
    return files
