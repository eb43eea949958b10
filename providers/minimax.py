"""MiniMax (Hailuo) video generation.

Wire format (MiniMax's published OpenAPI):
- ``POST /v1/video_generation`` (Bearer key) ``{model, prompt, prompt_optimizer,
  first_frame_image?, last_frame_image?, duration, resolution}`` -> ``{task_id, base_resp}``.
  Images are public URLs or data URLs (``data:image/png;base64,...``).
- ``GET /v1/query/video_generation?task_id=`` -> ``{task_id, status: Preparing|Queueing|
  Processing|Success|Fail, file_id, video_width, video_height, base_resp}``.
- ``GET /v1/files/retrieve?file_id=`` -> ``{file: {file_id, bytes, filename, download_url}, base_resp}``;
  the download URL is temporary (hours), so fetch at once.
- Errors arrive in ``base_resp: {status_code, status_msg}`` — usually with HTTP 200 — so
  every answer is checked; codes in :data:`STATUS_CODES`.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import requests

from providers import errors as E
from providers.base import (
    FAILED,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    VIDEO,
    CancelToken,
    GenerationRequest,
    OutputRef,
    TaskHandle,
    TaskStatus,
    VideoRequest,
)
from providers.common import ProviderClient
from providers.errors import ProviderError

STATUS_CODES: dict[int, tuple[str, str]] = {
    1000: (E.SERVER, "unknown error at MiniMax"),
    1001: (E.TIMEOUT, "MiniMax timed out"),
    1002: (E.RATE_LIMIT, "rate limited"),
    1004: (E.AUTH, "authentication failed: check the API key"),
    1008: (E.QUOTA, "insufficient balance: top up the account"),
    1013: (E.SERVER, "MiniMax's service had an internal error"),
    1026: (E.CONTENT_POLICY, "the prompt or image was refused as sensitive content"),
    1027: (E.CONTENT_POLICY, "the generated video was refused as sensitive content"),
    1039: (E.RATE_LIMIT, "token rate limit reached"),
    2013: (E.BAD_REQUEST, "a parameter is invalid"),
    2049: (E.AUTH, "the API key is invalid"),
    2037: (E.BAD_REQUEST, "the voice sample is too short or too long (10 s to 5 minutes)"),
    2039: (E.BAD_REQUEST, "this voice id is already taken"),
    2042: (E.AUTH, "this account has no access to the voice id"),
    20132: (E.BAD_REQUEST, "the voice sample or voice id is invalid"),
}

_STATES = {"Preparing": QUEUED, "Queueing": QUEUED, "Processing": RUNNING, "Success": SUCCEEDED, "Fail": FAILED}


def minimax_error(code: int, message: str, http_status: int | None, *, provider: str = "minimax",
                  retry_after: float | None = None, secrets: list[str] | None = None) -> ProviderError:
    kind, words = STATUS_CODES.get(code, (E.kind_for_status(http_status) if http_status and http_status >= 400
                                          else E.BAD_REQUEST, "the request failed"))
    retryable = kind in E.RETRYABLE_KINDS
    return ProviderError(f"{provider}: {words} (status_code {code}: {message})", retryable=retryable,
                         retry_after=retry_after if retryable else None, vendor_code=code, http_status=http_status,
                         kind=kind, provider=provider, secrets=secrets or ())


def data_url(ref: str) -> str:
    if ref.startswith(("http://", "https://", "data:")):
        return ref
    data = Path(ref).read_bytes()
    mime = "image/png" if data.startswith(b"\x89PNG") else "image/webp" if data[8:12] == b"WEBP" else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


class MiniMaxProvider(ProviderClient):
    default_poll_interval = 10.0  # MiniMax asks for about 10 s between polls

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        base = body.get("base_resp") if isinstance(body, dict) else None
        if isinstance(base, dict) and base.get("status_code"):
            return minimax_error(int(base["status_code"]), str(base.get("status_msg") or ""), response.status_code,
                                 provider=self.name, retry_after=E.parse_retry_after(response.headers.get("Retry-After")),
                                 secrets=self.secret_values())
        return None

    def _call(self, method: str, path: str, cancel: CancelToken | None, *, task_query: bool = False,
              **kw: Any) -> dict[str, Any]:
        self.require("api_key")
        data = self.http.json(method, path, cancel=cancel, **kw)
        if not isinstance(data, dict):
            raise self.error(f"unexpected answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE, retryable=method == "GET")
        base = data.get("base_resp") or {}
        code = int(base.get("status_code") or 0)
        if code != 0 and not (task_query and data.get("status") == "Fail"):
            # A failed task reports its reason in base_resp too: that is a result, not a call error.
            raise minimax_error(code, str(base.get("status_msg") or ""), 200, provider=self.name,
                                secrets=self.secret_values())
        return data

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, VideoRequest):
            raise self.error(f"{request.capability} generation is not offered by MiniMax", kind=E.CONFIG)
        model = self.model_for(request) or "MiniMax-Hailuo-02"
        body: dict[str, Any] = {"model": model, "prompt": request.prompt,
                                "prompt_optimizer": bool(request.parameters.get("prompt_optimizer", True)),
                                "duration": 10 if request.duration > 8 else 6,
                                "resolution": str(request.parameters.get("resolution")
                                                  or self.settings.get("resolution") or "768P")}
        try:
            if request.first_frame:
                body["first_frame_image"] = data_url(request.first_frame)
            if request.last_frame:
                body["last_frame_image"] = data_url(request.last_frame)
        except OSError as exc:
            raise self.error(f"cannot read the frame image: {exc}", kind=E.BAD_REQUEST) from None
        body.update({k: v for k, v in request.parameters.items() if k not in ("prompt_optimizer", "resolution")})
        data = self._call("POST", "/v1/video_generation", cancel, json=body, billable=True)
        task_id = str(data.get("task_id") or "")
        if not task_id:
            raise self.error(f"the answer has no task_id: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=VIDEO, task_id=task_id, model=model,
                          endpoint={"duration": body["duration"], "resolution": body["resolution"]},
                          cost_units=float(body["duration"]))

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        data = self._call("GET", "/v1/query/video_generation", cancel, task_query=True,
                          params={"task_id": handle.task_id})
        vendor = str(data.get("status") or "")
        state = _STATES.get(vendor)
        if state is None:
            raise self.error(f"unknown status {vendor!r}", kind=E.INVALID_RESPONSE, retryable=True)
        status = TaskStatus(state=state, vendor_status=vendor)
        if state == SUCCEEDED:
            file_id = data.get("file_id")
            if not file_id:
                status.state, status.error = FAILED, "MiniMax reported success but gave no file_id"
                return status
            # The download URL is short-lived: resolve it at poll time, right before downloading.
            info = self._call("GET", "/v1/files/retrieve", cancel, params={"file_id": file_id})
            file = info.get("file") or {}
            url = file.get("download_url")
            if not url:
                raise self.error(f"the file {file_id} has no download_url yet", kind=E.INVALID_RESPONSE,
                                 retryable=True)
            status.progress = 1.0
            status.outputs = [OutputRef(url=str(url), media_type="video",
                                        filename=str(file.get("filename") or f"minimax-{handle.task_id}.mp4"),
                                        extra={"file_id": str(file_id), "bytes": file.get("bytes", 0),
                                               "width": data.get("video_width"), "height": data.get("video_height")})]
        elif state == FAILED:
            base = data.get("base_resp") or {}
            status.vendor_message = str(base.get("status_msg") or "")
            status.error = f"MiniMax could not make it: {status.vendor_message or 'no reason given'}"
        return status

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        # Querying an unknown task proves the key without spending anything.
        try:
            self._call("GET", "/v1/query/video_generation", cancel, params={"task_id": "0"})
        except ProviderError as exc:
            if exc.kind in (E.AUTH, E.QUOTA, E.CONNECTION, E.TIMEOUT, E.SERVER, E.CONFIG):
                raise
        return "Connected to MiniMax: the key is accepted"
