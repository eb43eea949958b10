"""Replicate's predictions API, for the many hosted image, video and music models.

Wire format (Replicate HTTP API reference):
- ``POST /v1/models/{owner}/{name}/predictions`` ``{"input": {...}}`` (official models) or
  ``POST /v1/predictions`` ``{"version", "input"}`` (a pinned ``owner/name:version``);
  ``Authorization: Bearer``; ``Prefer: wait=N`` (1..60) holds the request open.
- A prediction: ``{id, status: starting|processing|succeeded|failed|canceled, output, error,
  logs, urls: {get, cancel, stream}, metrics}``; ``output`` is a URL, a list of URLs, or
  an object. Poll ``GET /v1/predictions/{id}``; cancel ``POST /v1/predictions/{id}/cancel``.
- Errors: ``{"detail": "...", "title", "status"}``; 429 ``{"detail": "Request was throttled.
  Expected available in 1 second."}`` with ``Retry-After``; 402 insufficient credit.

Each model names its inputs differently; :func:`build_input` maps our requests onto the
known families and passes ``request.parameters`` through unchanged for everything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import requests

from providers import errors as E
from providers.base import (
    CANCELLED,
    FAILED,
    IMAGE,
    MUSIC,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    VIDEO,
    CancelToken,
    GenerationRequest,
    ImageRequest,
    MusicRequest,
    OutputRef,
    TaskHandle,
    TaskStatus,
    VideoRequest,
)
from providers.common import ProviderClient
from providers.errors import ProviderError
from providers.http import generic_error_message
from providers.minimax import data_url as _data_url

_STATES = {"starting": QUEUED, "processing": RUNNING, "succeeded": SUCCEEDED, "failed": FAILED,
           "canceled": CANCELLED, "cancelled": CANCELLED, "aborted": FAILED}
DATA_URL_LIMIT = 256 * 1024
_PERCENT = re.compile(r"(\d{1,3})%\|")


def build_input(model: str, request: GenerationRequest,
                file_ref: Callable[[str], str] = _data_url) -> dict[str, Any]:
    """The ``input`` object for ``model`` (``owner/name``) from our request.

    ``file_ref`` turns a local image into what the input takes (a data URL, or the URL of
    an uploaded file for large images).
    """
    name = model.split(":")[0].lower()
    inp: dict[str, Any] = {"prompt": request.prompt}
    if request.seed is not None:
        inp["seed"] = request.seed
    if isinstance(request, ImageRequest):
        inp["aspect_ratio"] = request.aspect_ratio or "9:16"
        inp["num_outputs"] = request.n
        if name.startswith("black-forest-labs/flux"):
            inp["output_format"] = "png"
            if request.reference_images:
                inp["image_prompt"] = file_ref(request.reference_images[0])
        else:
            if request.negative_prompt:
                inp["negative_prompt"] = request.negative_prompt
            if request.reference_images:
                inp["image"] = file_ref(request.reference_images[0])
    elif isinstance(request, VideoRequest):
        if request.negative_prompt:
            inp["negative_prompt"] = request.negative_prompt
        if name.startswith("kwaivgi/kling"):
            inp["duration"] = 10 if request.duration > 7.5 else 5
            if request.first_frame:
                inp["start_image"] = file_ref(request.first_frame)
            else:
                inp["aspect_ratio"] = request.aspect_ratio
            if request.last_frame:
                inp["end_image"] = file_ref(request.last_frame)
        elif name.startswith("minimax/"):
            inp["duration"] = 10 if request.duration > 8 else 6
            inp.pop("negative_prompt", None)
            if request.first_frame:
                inp["first_frame_image"] = file_ref(request.first_frame)
            if request.last_frame:
                inp["last_frame_image"] = file_ref(request.last_frame)
        else:
            inp["duration"] = request.duration
            inp["aspect_ratio"] = request.aspect_ratio
            if request.first_frame:
                inp["image"] = file_ref(request.first_frame)
            if request.last_frame:
                inp["end_image"] = file_ref(request.last_frame)
    elif isinstance(request, MusicRequest):
        prompt = ", ".join(p for p in (request.prompt, request.style) if p)
        inp["prompt"] = prompt + (", instrumental" if request.instrumental and "instrumental" not in prompt else "")
        inp["duration"] = int(round(request.duration))
        if name == "meta/musicgen":
            inp["output_format"] = "wav"
    inp.update(request.parameters)
    return inp


class ReplicateProvider(ProviderClient):
    default_poll_interval = 3.0

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        status = response.status_code
        message, code = generic_error_message(body)
        if isinstance(body, dict) and body.get("title") and body.get("detail"):
            message = f"{body['title']}: {body['detail']}"
        if isinstance(body, dict) and isinstance(body.get("invalid_fields"), list):
            fields = "; ".join(str(f.get("description", f)) if isinstance(f, dict) else str(f)
                               for f in body["invalid_fields"])
            message = f"{message} ({fields})" if fields else message
        kind = None
        lowered = message.lower()
        if status == 402 or "insufficient credit" in lowered or "billing" in lowered:
            kind = E.QUOTA
        elif status == 422:
            kind = E.BAD_REQUEST
        return E.for_status(status, message or f"HTTP {status}", provider=self.name, vendor_code=code or status,
                            kind=kind, retry_after=E.parse_retry_after(response.headers.get("Retry-After")),
                            secrets=self.secret_values())

    def download_headers(self, output: OutputRef) -> dict[str, str]:
        # Files served by the API host itself (api.replicate.com/v1/files) need the token; CDN links do not.
        if urlparse(output.url).netloc == urlparse(self.http.base_url).netloc:
            return self.auth_headers()
        return {}

    def file_ref(self, ref: str, cancel: CancelToken | None = None) -> str:
        """A small image as a data URL; a large one uploaded to Replicate's files API first
        (data URLs are meant for small files), referenced by its URL."""
        if ref.startswith(("http://", "https://", "data:")) or Path(ref).stat().st_size <= DATA_URL_LIMIT:
            return _data_url(ref)
        path = Path(ref)
        mime = "image/png" if path.suffix.lower() == ".png" else "image/jpeg"
        with open(path, "rb") as fh:
            data = self.http.json("POST", "/files", files={"content": (path.name, fh, mime)},
                                  data={"metadata": "{}"}, cancel=cancel)
        url = (data.get("urls") or {}).get("get") if isinstance(data, dict) else None
        if not url:
            raise self.error(f"the file upload answer has no URL: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        return str(url)

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        self.require("api_key")
        if request.capability not in (IMAGE, VIDEO, MUSIC):
            raise self.error(f"{request.capability} generation is not set up for Replicate", kind=E.CONFIG)
        model = self.model_for(request)
        if not model:
            raise self.error(f"no {request.capability} model set: enter one like owner/name", kind=E.CONFIG)
        try:
            inp = build_input(model, request, lambda ref: self.file_ref(ref, cancel))
        except OSError as exc:
            raise self.error(f"cannot read an input image: {exc}", kind=E.BAD_REQUEST) from None
        headers = {}
        wait = int(self.settings.get("wait") or 0)
        if wait > 0:
            headers["Prefer"] = f"wait={min(60, wait)}"
        if ":" in model:
            path, body = "/predictions", {"version": model.split(":", 1)[1], "input": inp}
        else:
            path, body = f"/models/{model}/predictions", {"input": inp}
        timeout = (self.http.timeout[0], max(self.http.timeout[1], wait + 10.0))
        data = self.http.json("POST", path, json=body, headers=headers, cancel=cancel, timeout=timeout,
                              billable=True)
        if not isinstance(data, dict) or not data.get("id"):
            raise self.error(f"the answer has no prediction id: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        urls = data.get("urls") or {}
        return TaskHandle(provider=self.name, capability=request.capability, task_id=str(data["id"]), model=model,
                          endpoint={"get": urls.get("get", ""), "cancel": urls.get("cancel", "")})

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        url = self.trusted_url(handle.endpoint.get("get", ""), f"/predictions/{handle.task_id}")
        data = self.http.json("GET", url, cancel=cancel)
        if not isinstance(data, dict):
            raise self.error(f"unexpected answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE, retryable=True)
        vendor = str(data.get("status") or "")
        state = _STATES.get(vendor)
        if state is None:
            raise self.error(f"unknown prediction status {vendor!r}", kind=E.INVALID_RESPONSE, retryable=True)
        status = TaskStatus(state=state, vendor_status=vendor)
        logs = str(data.get("logs") or "")
        percents = _PERCENT.findall(logs)
        if percents and state == RUNNING:
            status.progress = min(100, int(percents[-1])) / 100.0
        if state == SUCCEEDED:
            urls = _output_urls(data.get("output"))
            media = {IMAGE: "image", VIDEO: "video", MUSIC: "audio"}.get(handle.capability, "")
            status.outputs = [OutputRef(url=u, media_type=media, index=i) for i, u in enumerate(urls)]
            status.progress = 1.0
            if not status.outputs:
                status.state, status.error = FAILED, "Replicate reported success but the output has no file"
        elif state == FAILED:
            status.vendor_message = str(data.get("error") or "")
            status.error = f"Replicate could not make it: {status.vendor_message or 'no reason given'}"
        elif state == CANCELLED:
            status.error = "cancelled on Replicate"
        return status

    def cancel(self, handle: TaskHandle) -> None:
        url = self.trusted_url(handle.endpoint.get("cancel", ""), f"/predictions/{handle.task_id}/cancel")
        self.http.request("POST", url)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        data = self.http.json("GET", "/account", cancel=cancel)
        who = data.get("username") if isinstance(data, dict) else ""
        return f"Connected to Replicate as {who}" if who else "Connected to Replicate"


def _output_urls(output: Any) -> list[str]:
    if isinstance(output, str):
        return [output] if output.startswith(("http://", "https://")) else []
    if isinstance(output, list):
        return [u for item in output for u in _output_urls(item)]
    if isinstance(output, dict):
        return [u for key in ("video", "audio", "image", "images", "output", "url") if key in output
                for u in _output_urls(output[key])]
    return []
