"""Volcengine Ark (火山方舟) / BytePlus ModelArk: Seedance video tasks and Seedream images.

Wire format (volcengine-python-sdk ``volcenginesdkarkruntime``, Ark and ModelArk docs):
- Auth ``Authorization: Bearer <ARK_API_KEY>``. China ``https://ark.cn-beijing.volces.com/api/v3``,
  BytePlus ``https://ark.ap-southeast.bytepluses.com/api/v3``; keys and model ids do not carry
  across (BytePlus drops the ``doubao-`` prefix: the model cards map one to the other).
- Video: ``POST /contents/generations/tasks`` ``{model, content[], ratio, duration, resolution,
  watermark, seed, generate_audio}`` -> ``{id}``; ``GET .../tasks/{id}`` -> ``{id, model, status:
  queued|running|succeeded|failed|cancelled|expired, error{code,message}, content{video_url},
  created_at (unix s), duration, ratio, resolution}``; ``GET .../tasks?filter.model=`` lists
  ``{total, items}``; ``DELETE .../tasks/{id}`` cancels a queued task. ``content[]`` holds one
  text item and image items with a ``role``: first_frame | last_frame | reference_image; the three
  modes (start frame; start and end frame; references) cannot be mixed. Result URLs last 24 h.
- Images: ``POST /images/generations`` (synchronous) ``{model, prompt, image, size, response_format:
  url|b64_json, watermark}`` -> ``{data:[{url|b64_json, size}]}``. ``watermark`` defaults to true
  at the vendor: we send false (the app adds its own AI label).
- Errors: ``{"error": {"code", "message", "param", "type"}}`` with the codes in :func:`ark_error`.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import requests

from providers import errors as E
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

CN_URL = "https://ark.cn-beijing.volces.com/api/v3"
INTL_URL = "https://ark.ap-southeast.bytepluses.com/api/v3"
TASKS = "/contents/generations/tasks"

_STATES = {"queued": QUEUED, "running": RUNNING, "succeeded": SUCCEEDED, "failed": FAILED,
           "cancelled": CANCELLED, "expired": FAILED}

# Recommended 2K sizes per aspect (Seedream 4.x); any WxH inside the pixel limits also works.
SEEDREAM_SIZES = {"1:1": "2048x2048", "4:3": "2304x1728", "3:4": "1728x2304", "16:9": "2560x1440",
                  "9:16": "1440x2560", "3:2": "2496x1664", "2:3": "1664x2496", "21:9": "3024x1296"}
MIN_PIXELS, MAX_PIXELS = 921_600, 16_777_216


def ark_kind(code: str, http_status: int | None) -> tuple[str, str]:
    """(error kind, plain words) for an Ark error code."""
    if "SensitiveContentDetected" in code or code.endswith("RiskDetection") or "RiskDetection" in code:
        if "PrivacyInformation" in code:
            return E.CONTENT_POLICY, "refused: the image seems to show a real person's face"
        return E.CONTENT_POLICY, "refused by the content safety check: change the prompt or image"
    if code.startswith("RateLimitExceeded") or code == "ServerOverloaded":
        return E.RATE_LIMIT, "too many requests: rate limited"
    if code in ("AccountOverdueError", "QuotaExceeded") or code.startswith("QuotaExceeded"):
        return E.QUOTA, "the account is overdue or out of quota: top it up on the console"
    if code == "AuthenticationError":
        return E.AUTH, "authentication failed: check the API key (keys only work in their own region)"
    if code.startswith("AccessDenied") or code.startswith("OperationDenied"):
        return E.AUTH, "the key may not use this model: enable the model on the console"
    if code.startswith(("InvalidEndpoint", "ModelNotOpen", "InvalidEndpointOrModel")):
        return E.NOT_FOUND, "the model or endpoint is not available to this account in this region"
    if code.startswith(("InvalidParameter", "MissingParameter")):
        return E.BAD_REQUEST, "a parameter is invalid"
    if code.startswith("InternalServiceError"):
        return E.SERVER, "Ark's server had an internal error"
    return (E.kind_for_status(http_status) if http_status else E.BAD_REQUEST), "the request failed"


def ark_error(code: str, message: str, http_status: int | None, *, provider: str = "ark",
              retry_after: float | None = None, secrets: list[str] | None = None) -> ProviderError:
    kind, words = ark_kind(code, http_status)
    retryable = kind in E.RETRYABLE_KINDS
    detail = f"{words} ({code}: {message})" if message else f"{words} ({code})"
    return ProviderError(f"{provider}: {detail}", retryable=retryable, retry_after=retry_after if retryable else None,
                         vendor_code=code, http_status=http_status, kind=kind, provider=provider, secrets=secrets or ())


def image_url(ref: str) -> str:
    """A URL as is, or a local file as a ``data:image/<fmt>;base64,`` URL."""
    if ref.startswith(("http://", "https://", "data:")):
        return ref
    data = Path(ref).read_bytes()
    fmt = "png" if data.startswith(b"\x89PNG") else "webp" if data[8:12] == b"WEBP" else "jpeg"
    return f"data:image/{fmt};base64,{base64.b64encode(data).decode('ascii')}"


def seedream_size(request: ImageRequest) -> str:
    """The ``size`` for a Seedream request: the exact WxH when it is inside the limits, else the aspect's 2K size."""
    w, h = request.width, request.height
    if w and h:
        while w * h < MIN_PIXELS:
            w, h = w * 2, h * 2
        if w * h <= MAX_PIXELS and 1 / 16 <= w / h <= 16:
            return f"{w}x{h}"
    return SEEDREAM_SIZES.get(request.aspect_ratio or "9:16", SEEDREAM_SIZES["9:16"])


class ArkProvider(ProviderClient):
    default_poll_interval = 10.0

    # --- region and model ids --------------------------------------------------------------------
    def region(self) -> str:
        """"cn" (Volcengine) or "intl" (BytePlus): the ``region`` setting, else read from the base URL's host."""
        if str(self.settings.get("region") or "") in ("cn", "intl"):
            return str(self.settings["region"])
        host = urlparse(self.http.base_url).hostname or ""
        return "intl" if "byteplus" in host else "cn"

    def model_id(self, request: GenerationRequest, default: str) -> str:
        """The model id valid in the configured region (a card maps ``doubao-…`` to BytePlus names and back)."""
        model = self.model_for(request) or default
        card = card_for("ark", model)
        return card.model_in(self.region()) if card and card.region_models else model

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        err = body.get("error") if isinstance(body, dict) else None
        if isinstance(err, dict) and err.get("code"):
            return ark_error(str(err["code"]), str(err.get("message") or ""), response.status_code,
                             provider=self.name, retry_after=E.parse_retry_after(response.headers.get("Retry-After")),
                             secrets=self.secret_values())
        return None

    def _json(self, method: str, path: str, cancel: CancelToken | None, **kw: Any) -> dict[str, Any]:
        self.require("api_key")
        data = self.http.json(method, path, cancel=cancel, **kw)
        if not isinstance(data, dict):
            raise self.error(f"unexpected answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE,
                             retryable=method == "GET")
        return data

    # --- submit ----------------------------------------------------------------------------------
    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if isinstance(request, VideoRequest):
            return self._submit_video(request, cancel)
        if isinstance(request, ImageRequest):
            return self._generate_image(request, cancel)
        raise self.error(f"{request.capability} generation is not offered by Ark", kind=E.CONFIG)

    def video_body(self, request: VideoRequest) -> dict[str, Any]:
        """The create body; refuses a request that mixes Seedance's modes before anything is sent."""
        model = self.model_id(request, "doubao-seedance-1-0-pro-250528")
        card = card_for("ark", model)
        params = dict(request.parameters)
        references = [str(r) for r in params.pop("reference_images", []) or []]
        shots = params.pop("multi_prompt", None)
        if references and (request.first_frame or request.last_frame):
            raise self.error("start/end frames cannot be mixed with reference images in one Seedance request",
                             kind=E.BAD_REQUEST)
        if request.last_frame and not request.first_frame:
            raise self.error("an end frame needs a start frame too", kind=E.BAD_REQUEST)
        problem = refusal("ark", model, request)
        if problem:
            raise self.error(problem, kind=E.BAD_REQUEST)
        prompt = request.prompt
        if shots:
            prompt = " ".join(f"Shot {i + 1} ({float(s['duration']):g}s): {s['prompt']}" for i, s in enumerate(shots))
        content: list[dict[str, Any]] = [{"type": "text", "text": prompt}]
        try:
            if request.first_frame:
                content.append({"type": "image_url", "image_url": {"url": image_url(request.first_frame)},
                                "role": "first_frame"})
            if request.last_frame:
                content.append({"type": "image_url", "image_url": {"url": image_url(request.last_frame)},
                                "role": "last_frame"})
            for ref in references:
                content.append({"type": "image_url", "image_url": {"url": image_url(ref)}, "role": "reference_image"})
        except OSError as exc:
            raise self.error(f"cannot read an image: {exc}", kind=E.BAD_REQUEST) from None
        duration = round(request.duration)
        if card is not None:
            duration = int(card.nearest_duration(duration))
        body: dict[str, Any] = {"model": model, "content": content, "duration": duration, "watermark": False,
                                "resolution": str(params.pop("resolution", "") or self.settings.get("resolution")
                                                  or "720p")}
        if not request.first_frame:
            body["ratio"] = request.aspect_ratio or "9:16"
        elif not request.last_frame:
            body["ratio"] = "adaptive"  # follow the start frame's shape
        sound = params.pop("sound", None)
        if card is not None and card.audio:
            body["generate_audio"] = sound in (True, "on")
        if request.seed is not None and "seedance-2" not in model:
            body["seed"] = int(request.seed)
        body.update(params)
        return body

    def _submit_video(self, request: VideoRequest, cancel: CancelToken | None) -> TaskHandle:
        body = self.video_body(request)
        data = self._json("POST", TASKS, cancel, json=body, billable=True)
        task_id = str(data.get("id") or "")
        if not task_id:
            raise self.error(f"the answer has no task id: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=VIDEO, task_id=task_id, model=body["model"],
                          endpoint={"duration": body["duration"], "resolution": body["resolution"],
                                    "ratio": body.get("ratio", "")},
                          cost_units=float(body["duration"]))

    def _generate_image(self, request: ImageRequest, cancel: CancelToken | None) -> TaskHandle:
        model = self.model_id(request, "doubao-seedream-4-0-250828")
        fmt = str(self.settings.get("response_format") or "url")
        body: dict[str, Any] = {"model": model, "prompt": request.prompt, "size": seedream_size(request),
                                "response_format": fmt, "watermark": False}
        if request.n > 1:
            body.update(sequential_image_generation="auto",
                        sequential_image_generation_options={"max_images": min(15, request.n)})
        if request.reference_images:
            try:
                refs = [image_url(r) for r in request.reference_images[:14]]
            except OSError as exc:
                raise self.error(f"cannot read a reference image: {exc}", kind=E.BAD_REQUEST) from None
            body["image"] = refs[0] if len(refs) == 1 else refs
        if request.seed is not None and "seedream-3" in model:
            body["seed"] = int(request.seed)
        body.update(request.parameters)
        data = self._json("POST", "/images/generations", cancel, json=body, billable=True)
        if isinstance(data.get("error"), dict) and data["error"].get("code"):
            err = data["error"]
            raise ark_error(str(err["code"]), str(err.get("message") or ""), 200, provider=self.name,
                            secrets=self.secret_values())
        outputs: list[dict[str, Any]] = []
        for i, item in enumerate(data.get("data") or []):
            if item.get("url"):
                outputs.append(OutputRef(url=str(item["url"]), media_type="image", index=i,
                                         filename=f"seedream-{i}.jpeg").to_dict())
            elif item.get("b64_json"):
                try:
                    raw = base64.b64decode(item["b64_json"], validate=True)
                except ValueError:
                    raise self.error("an image in the answer is not valid base64", kind=E.INVALID_RESPONSE) from None
                suffix = ".png" if raw.startswith(b"\x89PNG") else ".jpeg"
                outputs.append(OutputRef(path=str(self.stage_bytes(raw, suffix)), media_type="image",
                                         index=i).to_dict())
        if not outputs:
            raise self.error("Seedream answered without an image", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=IMAGE, task_id=f"seedream-{data.get('created', '')}",
                          model=model, outputs=outputs, cost_units=float(len(outputs)))

    # --- poll, cancel, find ------------------------------------------------------------------------
    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        if handle.capability == IMAGE:
            return TaskStatus(state=SUCCEEDED, progress=1.0, outputs=handle.output_refs())
        data = self._json("GET", f"{TASKS}/{handle.task_id}", cancel)
        return self.status_of(data, handle.task_id)

    def status_of(self, data: dict[str, Any], task_id: str) -> TaskStatus:
        vendor = str(data.get("status") or "")
        state = _STATES.get(vendor)
        if state is None:
            raise self.error(f"unknown status {vendor!r}", kind=E.INVALID_RESPONSE, retryable=True)
        status = TaskStatus(state=state, vendor_status=vendor)
        if state == SUCCEEDED:
            url = (data.get("content") or {}).get("video_url")
            status.progress = 1.0
            if url:
                status.outputs = [OutputRef(url=str(url), media_type="video", mime="video/mp4",
                                            filename=f"seedance-{task_id}.mp4",
                                            extra={"last_frame_url": (data.get("content") or {}).get("last_frame_url")})]
            else:
                status.state, status.error = FAILED, "Ark reported success but sent no video"
        elif vendor == "expired":
            status.error = "Ark let the task expire before it ran (the queue was too long): try again"
        elif state == FAILED:
            err = data.get("error") or {}
            code, message = str(err.get("code") or ""), str(err.get("message") or "")
            status.vendor_message = f"{code}: {message}" if code else message
            words = ark_kind(code, None)[1] if code else "no reason given"
            status.error = f"Ark could not make it: {words} ({status.vendor_message})" if code else \
                f"Ark could not make it: {message or words}"
        elif state == CANCELLED:
            status.error = "the task was cancelled"
        return status

    def cancel(self, handle: TaskHandle) -> None:
        """DELETE cancels a queued task (a running one cannot be stopped; Ark refuses, we stop polling)."""
        if handle.capability != VIDEO or not handle.task_id:
            return
        try:
            self.http.request("DELETE", f"{TASKS}/{handle.task_id}", json={})
        except ProviderError:
            pass

    def find_task(self, request: GenerationRequest, client_ref: str, submitted_after: float,
                  cancel: CancelToken | None = None) -> TaskHandle | None:
        """Find a create whose answer was lost, through the task list (Ark keeps no client id).

        Matches the model, a creation time >= ``submitted_after - 120`` and the duration, ratio and
        resolution we asked for (the list does not return the prompt). Two candidates cannot be told
        apart: that raises, so the user is asked rather than a task paid for twice or lost.
        """
        if not isinstance(request, VideoRequest):
            return None
        body = self.video_body(request)
        data = self._json("GET", TASKS, cancel, params={"page_num": 1, "page_size": 50, "filter.model": body["model"]})
        candidates = []
        for item in data.get("items") or []:
            if int(item.get("created_at") or 0) < submitted_after - 120:
                continue
            if item.get("model") and item["model"] != body["model"]:
                continue
            if item.get("duration") not in (None, body["duration"]):
                continue
            if item.get("resolution") not in (None, "", body["resolution"]):
                continue
            if body.get("ratio") not in (None, "adaptive") and item.get("ratio") not in (None, "", body["ratio"]):
                continue
            candidates.append(item)
        if not candidates:
            return None
        if len(candidates) > 1:
            ids = ", ".join(str(c.get("id")) for c in candidates)
            raise self.error(f"several tasks match the lost request ({ids}); check them on the Ark console",
                             kind=E.INVALID_RESPONSE)
        item = candidates[0]
        return TaskHandle(provider=self.name, capability=VIDEO, task_id=str(item["id"]), model=body["model"],
                          endpoint={"duration": body["duration"], "resolution": body["resolution"],
                                    "ratio": body.get("ratio", ""), "found": True},
                          cost_units=float(body["duration"]))

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        self._json("GET", TASKS, cancel, params={"page_num": 1, "page_size": 1})
        return "Connected to Ark: the key is accepted"
