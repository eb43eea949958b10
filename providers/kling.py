"""Kling's official API: text-to-video, image-to-video (first and last frame), image generation.

Wire format (Kling developer docs):
- Auth: a JWT (HS256) signed with the secret key, payload ``{"iss": access_key,
  "exp": now+1800, "nbf": now-5}``, sent as ``Authorization: Bearer <jwt>``; renewed
  well before it expires.
- ``POST /v1/videos/text2video`` | ``/v1/videos/image2video`` | ``/v1/images/generations``
  answer ``{"code": 0, "message", "request_id", "data": {"task_id", "task_status", ...}}``;
  ``GET <same path>/{task_id}`` polls. ``task_status``: submitted, processing, succeed
  (sic), failed (reason in ``task_status_msg``). Results: ``task_result.videos[].url`` or
  ``task_result.images[].url``; the files are deleted after 30 days.
- ``duration`` is a string, "5" or "10"; ``image``/``image_tail`` are URLs or raw base64
  without a ``data:`` prefix (jpg/png, <= 10 MB, >= 300 px, aspect 1:2.5..2.5:1).
- Errors: ``{"code", "message", "request_id"}`` with the codes in :data:`ERROR_CODES`.
"""

from __future__ import annotations

import base64
import threading
import time
import uuid
import warnings
from pathlib import Path
from typing import Any

import jwt
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
from providers.kling_elements import ensure_elements
from providers.kling_models import OWN_PARAMETERS, apply_current_options, duration_string

# Kling error codes -> (kind, plain words). Kinds decide retrying (see providers.errors).
ERROR_CODES: dict[int, tuple[str, str]] = {
    1000: (E.AUTH, "authentication failed: check the access key and secret key"),
    1001: (E.AUTH, "the Authorization header is empty"),
    1002: (E.AUTH, "the Authorization token is invalid: check the access key and secret key"),
    1003: (E.AUTH, "the Authorization token is not yet valid: check the computer's clock"),
    1004: (E.AUTH, "the Authorization token expired"),
    1100: (E.QUOTA, "the account has a problem: check it on Kling's developer console"),
    1101: (E.QUOTA, "the account is in arrears: top it up"),
    1102: (E.QUOTA, "the resource pack is used up or expired: buy more units"),
    1103: (E.AUTH, "the key has no permission for this resource or model"),
    1200: (E.BAD_REQUEST, "the request is invalid"),
    1201: (E.BAD_REQUEST, "a parameter is invalid"),
    1202: (E.BAD_REQUEST, "the request method is invalid"),
    1203: (E.NOT_FOUND, "the requested resource does not exist (model or task)"),
    1300: (E.CONTENT_POLICY, "refused by the platform's policy"),
    1301: (E.CONTENT_POLICY, "refused by the content safety check: change the prompt or image"),
    1302: (E.RATE_LIMIT, "too many requests: rate limited"),
    1303: (E.RATE_LIMIT, "too many tasks at once for the resource pack"),
    1304: (E.AUTH, "this IP address is not on the key's allow list"),
    5000: (E.SERVER, "Kling's server had an internal error"),
    5001: (E.SERVER, "Kling's service is temporarily unavailable (maintenance)"),
    5002: (E.SERVER, "Kling's server timed out"),
}

_STATES = {"submitted": QUEUED, "processing": RUNNING, "succeed": SUCCEEDED, "failed": FAILED}
_TASK_PATHS = ("/v1/videos/text2video", "/v1/videos/image2video", "/v1/images/generations")
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_PROMPT = 2500


def kling_error(code: int, message: str, http_status: int | None, *, provider: str = "kling",
                retry_after: float | None = None, secrets: list[str] | None = None) -> ProviderError:
    kind, words = ERROR_CODES.get(code, (E.kind_for_status(http_status or 400) if http_status else E.BAD_REQUEST,
                                         "the request failed"))
    retryable = code == 1004 or kind in E.RETRYABLE_KINDS  # 1004: a fresh token fixes it
    detail = f"{words} (code {code}: {message})" if message else f"{words} (code {code})"
    return ProviderError(f"{provider}: {detail}", retryable=retryable, retry_after=retry_after if retryable else None,
                         vendor_code=code, http_status=http_status, kind=kind, provider=provider,
                         secrets=secrets or ())


def encode_image(ref: str) -> str:
    """A URL as is, or a local jpg/png file as raw base64 (no ``data:`` prefix), after Kling's checks."""
    if ref.startswith(("http://", "https://")):
        return ref
    path = Path(ref)
    data = path.read_bytes()
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError(f"{path.name} is larger than 10 MB")
    import cv2
    import numpy as np

    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ValueError(f"{path.name} is not a readable image")
    h, w = image.shape[:2]
    if min(w, h) < 300:
        raise ValueError(f"{path.name} is {w}x{h}; Kling needs at least 300 px on each side")
    if not (1 / 2.5 <= w / h <= 2.5):
        raise ValueError(f"{path.name} is {w}x{h}; Kling needs an aspect between 1:2.5 and 2.5:1")
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        ok, buf = cv2.imencode(".png", image)  # webp and others: re-encode as png
        if not ok:
            raise ValueError(f"{path.name} cannot be converted to PNG")
        data = buf.tobytes()
    return base64.b64encode(data).decode("ascii")


class KlingProvider(ProviderClient):
    secret_keys = ("access_key", "secret_key")
    default_poll_interval = 10.0
    token_ttl = 1800.0
    renew_margin = 300.0  # renew when less than this many seconds remain

    @staticmethod
    def billed_seconds(model: str, seconds: float) -> float:
        """The length Kling makes (and bills) for a shot of ``seconds``: the nearest the model offers.
        The create body asks for this length and ``providers.pricing`` estimates with it."""
        return float(duration_string(model or "kling-v1-6", seconds))

    def __init__(self, settings: Any, *, name: str, staging_dir: Path | None = None) -> None:
        super().__init__(settings, name=name, staging_dir=staging_dir)
        self._token = ""
        self._token_expires = 0.0
        self._token_lock = threading.Lock()

    # --- auth -----------------------------------------------------------------------------------
    def token(self) -> str:
        """The current JWT, renewed when less than ``renew_margin`` seconds remain."""
        self.require("access_key", "secret_key")
        with self._token_lock:
            now = time.time()
            if not self._token or now > self._token_expires - self.renew_margin:
                exp = now + self.token_ttl
                payload = {"iss": str(self.settings["access_key"]), "exp": int(exp), "nbf": int(now) - 5}
                with warnings.catch_warnings():
                    # Kling issues the secret; its length is not ours to choose.
                    warnings.simplefilter("ignore")
                    self._token = jwt.encode(payload, str(self.settings["secret_key"]), algorithm="HS256",
                                             headers={"alg": "HS256", "typ": "JWT"})
                self._token_expires = int(exp)
            return self._token

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}", "Content-Type": "application/json"}

    def secret_values(self) -> list[str]:
        return super().secret_values() + ([self._token] if getattr(self, "_token", "") else [])

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        if isinstance(body, dict) and isinstance(body.get("code"), int) and body["code"] != 0:
            if body["code"] == 1004:
                self._token = ""
            return kling_error(body["code"], str(body.get("message") or ""), response.status_code,
                               provider=self.name, retry_after=E.parse_retry_after(response.headers.get("Retry-After")),
                               secrets=self.secret_values())
        return None

    # --- calls ------------------------------------------------------------------------------------
    def _call(self, method: str, path: str, cancel: CancelToken | None, **kw: Any) -> dict[str, Any]:
        data = self.http.json(method, path, cancel=cancel, **kw)
        if not isinstance(data, dict) or "code" not in data:
            raise self.error(f"unexpected answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE,
                             retryable=method == "GET")
        if data["code"] != 0:
            raise kling_error(int(data["code"]), str(data.get("message") or ""), 200, provider=self.name,
                              secrets=self.secret_values())
        answer = data.get("data")
        if not isinstance(answer, dict):
            raise self.error(f"the answer has no data: {str(data)[:200]}", kind=E.INVALID_RESPONSE,
                             retryable=method == "GET")
        return answer

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if isinstance(request, VideoRequest):
            ensure_elements(self, list(request.parameters.get("subjects") or []), cancel)
            kind, body = self._video_body(request)
            path = f"/v1/videos/{kind}"
        elif isinstance(request, ImageRequest):
            kind, body = "generations", self._image_body(request)
            path = "/v1/images/generations"
        else:
            raise self.error(f"{request.capability} generation is not offered by Kling", kind=E.CONFIG)
        external = body.setdefault("external_task_id", request.client_ref or uuid.uuid4().hex)
        data = self._call("POST", path, cancel, json=body, billable=True)
        task_id = str(data.get("task_id") or "")
        if not task_id:
            raise self.error(f"the answer has no task_id: {data}", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=request.capability, task_id=task_id,
                          model=body["model_name"],
                          endpoint={"path": path, "kind": kind, "external_task_id": external,
                                    "duration": body.get("duration", ""), "mode": body.get("mode", "")},
                          cost_units=float(body.get("duration") or body.get("n") or 1))

    def _check_prompt(self, request: GenerationRequest) -> None:
        if len(request.prompt) > MAX_PROMPT or len(request.negative_prompt) > MAX_PROMPT:
            raise self.error("the prompt or negative prompt is longer than 2500 characters", kind=E.BAD_REQUEST)

    def _image_field(self, ref: str, what: str) -> str:
        try:
            return encode_image(ref)
        except (OSError, ValueError) as exc:
            raise self.error(f"the {what} cannot be sent: {exc}", kind=E.BAD_REQUEST) from None

    def _video_body(self, request: VideoRequest) -> tuple[str, dict[str, Any]]:
        self._check_prompt(request)
        body: dict[str, Any] = {
            "model_name": self.model_for(request) or "kling-v1-6",
            "prompt": request.prompt,
            "negative_prompt": request.negative_prompt,
            "mode": str(request.parameters.get("mode") or self.settings.get("mode") or "std"),
            "duration": str(int(self.billed_seconds(self.model_for(request), request.duration))),
        }
        if "cfg_scale" in request.parameters:
            body["cfg_scale"] = float(request.parameters["cfg_scale"])
        body.update({k: v for k, v in request.parameters.items() if k not in ("mode", "cfg_scale", *OWN_PARAMETERS)})
        if not request.negative_prompt:
            body.pop("negative_prompt")
        apply_current_options(self, body, request)
        if request.first_frame:
            body["image"] = self._image_field(request.first_frame, "first frame")
            if request.last_frame:
                body["image_tail"] = self._image_field(request.last_frame, "last frame")
            return "image2video", body
        if request.last_frame:
            raise self.error("an end frame needs a first frame too", kind=E.BAD_REQUEST)
        body["aspect_ratio"] = request.aspect_ratio if request.aspect_ratio in ("16:9", "9:16", "1:1") else "9:16"
        return "text2video", body

    def _image_body(self, request: ImageRequest) -> dict[str, Any]:
        self._check_prompt(request)
        aspect = request.aspect_ratio or "9:16"
        body: dict[str, Any] = {
            "model_name": self.model_for(request) or "kling-v2",
            "prompt": request.prompt,
            "n": max(1, min(9, request.n)),
            "aspect_ratio": aspect,
            "resolution": str(self.settings.get("image_resolution") or "1k"),
        }
        if request.negative_prompt:
            body["negative_prompt"] = request.negative_prompt
        if request.reference_images:
            body["image"] = self._image_field(request.reference_images[0], "reference image")
            body.pop("negative_prompt", None)  # Kling ignores/refuses a negative prompt with a reference image
            body["image_reference"] = str(request.parameters.get("image_reference") or "subject")
        body.update({k: v for k, v in request.parameters.items() if k != "image_reference"})
        return body

    def task_status(self, data: dict[str, Any]) -> TaskStatus:
        """A task query's answer as a TaskStatus (Kling's every task route answers in this shape)."""
        vendor = str(data.get("task_status") or "")
        state = _STATES.get(vendor)
        if state is None:
            raise self.error(f"unknown task_status {vendor!r}", kind=E.INVALID_RESPONSE, retryable=True)
        return TaskStatus(state=state, vendor_status=vendor, vendor_message=str(data.get("task_status_msg") or ""),
                          progress=1.0 if state == SUCCEEDED else None)

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        path = handle.endpoint.get("path", "")
        if path not in _TASK_PATHS:  # only ever Kling's own routes: the handle comes from a project file
            path = "/v1/images/generations" if handle.capability == IMAGE else "/v1/videos/text2video"
        data = self._call("GET", f"{path}/{handle.task_id}", cancel)
        status = self.task_status(data)
        if status.state == SUCCEEDED:
            result = data.get("task_result") or {}
            media = "video" if handle.capability == VIDEO else "image"
            items = result.get("videos" if media == "video" else "images") or []
            status.outputs = [OutputRef(url=str(item["url"]), media_type=media, index=int(item.get("index", i)),
                                        filename=f"kling-{handle.task_id}-{i}{'.mp4' if media == 'video' else '.png'}",
                                        extra={k: v for k, v in item.items() if k in ("id", "duration")})
                              for i, item in enumerate(items) if item.get("url")]
            if not status.outputs:
                status.state, status.error = FAILED, "Kling reported success but sent no result file"
        elif status.state == FAILED:
            status.error = f"Kling could not make it: {status.vendor_message or 'no reason given'}"
        return status

    def find_task(self, request: GenerationRequest, client_ref: str, submitted_after: float,
                  cancel: CancelToken | None = None) -> TaskHandle | None:
        """The task created with ``external_task_id == client_ref``, or None when Kling has none.

        Kling's single-task query takes either id in the path (``GET <create path>/{id}``:
        task_id or external_task_id); an unknown id answers code 1203.
        """
        if not client_ref:
            return None
        if isinstance(request, VideoRequest):
            kind = "image2video" if request.first_frame else "text2video"
            path = f"/v1/videos/{kind}"
        else:
            kind, path = "generations", "/v1/images/generations"
        try:
            data = self._call("GET", f"{path}/{client_ref}", cancel)
        except ProviderError as exc:
            if exc.vendor_code == 1203 or exc.kind == E.NOT_FOUND:
                return None
            raise
        task_id = str(data.get("task_id") or "")
        if not task_id:
            return None
        body_duration = str(int(self.billed_seconds(self.model_for(request), request.duration))) \
            if isinstance(request, VideoRequest) else "5"
        units = float(body_duration if isinstance(request, VideoRequest) else getattr(request, "n", 1) or 1)
        return TaskHandle(provider=self.name, capability=request.capability, task_id=task_id,
                          model=self.model_for(request) or ("kling-v1-6" if isinstance(request, VideoRequest)
                                                            else "kling-v2"),
                          endpoint={"path": path, "kind": kind, "external_task_id": client_ref,
                                    "duration": body_duration if isinstance(request, VideoRequest) else "",
                                    "mode": ""},
                          cost_units=units)

    def poll_interval(self, handle: TaskHandle) -> float:
        return 5.0 if handle.capability == IMAGE else self.default_poll_interval

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        data = self.http.json("GET", "/v1/videos/text2video", params={"pageNum": 1, "pageSize": 1}, cancel=cancel)
        if isinstance(data, dict) and data.get("code") not in (0, None):
            raise kling_error(int(data["code"]), str(data.get("message") or ""), 200, provider=self.name,
                              secrets=self.secret_values())
        return "Connected to Kling: the keys are accepted"
