"""The client behind every provider declared in a file (see providers/provider_files.py).

It speaks the generation protocol of :mod:`providers.base` (submit, poll, download,
cancel, check_connection, and find_task when the file declares a lookup) by following
the file: templates for the requests, JMESPath expressions for where things are in the
answers, rules for what the vendor's error codes mean. Everything a hand-written client
guarantees holds here too, because it goes through the same :class:`HttpClient` and
:func:`download_checked`: classified errors with secrets scrubbed, the create call sent
as billable, credentials only ever sent to the configured host, checked downloads.
"""

from __future__ import annotations

import base64
import binascii
import fnmatch
import inspect
import threading
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jwt
import requests

from providers import errors as E
from providers import provider_templates as T
from providers.base import (
    CANCELLED,
    FAILED,
    SUCCEEDED,
    CancelToken,
    GenerationRequest,
    ImageRequest,
    MusicRequest,
    OutputRef,
    SpeechRequest,
    TaskHandle,
    TaskStatus,
    VideoRequest,
)
from providers.common import ProviderClient
from providers.errors import ProviderError
from providers.http import HttpClient, generic_error_message

STATE_WORDS = {"queued", "running", "succeeded", "failed", "cancelled"}
# Errors that mean the connection test failed; anything else (task not found, bad id) proves the key works.
CHECK_FAILS = frozenset({E.AUTH, E.QUOTA, E.CONNECTION, E.TIMEOUT, E.SERVER, E.CONFIG})
DEFAULT_OK_CODES = (0, "0", None, "", "success", "OK", "ok")
MEDIA_TYPES = {"image": "image", "video": "video", "music": "audio", "speech": "audio"}
SUFFIXES = {"image": ".png", "video": ".mp4", "audio": ".mp3"}
# The paid-call contract (CONTRACT-PAID.md): send billable=True where HttpClient knows the keyword.
_BILLABLE = {"billable": True} if "billable" in inspect.signature(HttpClient.request).parameters else {}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class DeclarativeProvider(ProviderClient):
    """A generation client whose wire format comes from a provider file's ``spec``."""

    label = ""

    def __init__(self, settings: Mapping[str, Any], *, name: str, staging_dir: Path | None = None,
                 spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.secret_keys = tuple(f["key"] for f in spec["fields"] if f.get("secret") or f.get("kind") == "secret")
        self.default_poll_interval = float(spec.get("poll_interval", 5.0))
        self.auth = dict(spec.get("auth") or {"type": "none"})
        self.error_spec = dict(spec.get("errors") or {})
        self._token: tuple[str, float] | None = None
        self._token_lock = threading.Lock()
        super().__init__(settings, name=name, staging_dir=staging_dir)
        self.label = spec.get("label", name)

    # --- auth ------------------------------------------------------------------------------------------
    def _key(self) -> str:
        return str(self.settings.get(self.auth.get("key", "api_key")) or "")

    def auth_headers(self) -> dict[str, str]:
        kind = self.auth["type"]
        if kind == "bearer":
            key = self._key()
            return {"Authorization": f"{self.auth.get('prefix', 'Bearer ')}{key}"} if key else {}
        if kind == "header":
            key = self._key()
            return {self.auth["header"]: f"{self.auth.get('prefix', '')}{key}"} if key else {}
        if kind == "jwt_hs256":
            return {self.auth.get("header", "Authorization"): f"{self.auth.get('prefix', 'Bearer ')}{self._jwt()}"}
        return {}

    def _jwt(self) -> str:
        """A short-lived HS256 token (iss = access key, exp, nbf), renewed a minute before it expires."""
        ttl = int(self.auth.get("ttl", 1800))
        with self._token_lock:
            now = time.time()
            if self._token is None or self._token[1] - now < 60:
                access = str(self.settings.get(self.auth.get("access_key", "access_key")) or "")
                secret = str(self.settings.get(self.auth.get("secret_key", "secret_key")) or "")
                payload = {"iss": access, "exp": int(now) + ttl, "nbf": int(now) - 5}
                token = jwt.encode(payload, secret, algorithm="HS256", headers={"alg": "HS256", "typ": "JWT"})
                self._token = (token, now + ttl)
            return self._token[0]

    def secret_values(self) -> list[str]:
        values = super().secret_values()
        if self._token is not None:
            values.append(self._token[0])
        return values

    # --- errors ----------------------------------------------------------------------------------------
    def _classify(self, code: Any, message: str, http_status: int | None) -> tuple[str, str]:
        lowered = message.lower()
        for rule in self.error_spec.get("rules", ()):
            if "code" in rule and not any(fnmatch.fnmatchcase(str(code), str(c)) for c in _as_list(rule["code"])):
                continue
            if "http_status" in rule and http_status not in _as_list(rule["http_status"]):
                continue
            if "message_contains" in rule and not any(w.lower() in lowered for w in _as_list(rule["message_contains"])):
                continue
            return rule["kind"], rule.get("text", "")
        if http_status and http_status >= 400:
            return E.kind_for_status(http_status), ""
        return E.BAD_REQUEST, ""

    def _vendor_error(self, body: Any, http_status: int | None, retry_after: float | None = None,
                      in_band: bool = False) -> ProviderError | None:
        code = T.search(self.error_spec["code"], body) if self.error_spec.get("code") else None
        failed_code = code not in self.error_spec.get("ok_codes", DEFAULT_OK_CODES)
        if in_band and not failed_code:
            return None
        message = ""
        if self.error_spec.get("message"):
            message = str(T.search(self.error_spec["message"], body) or "")
        generic, generic_code = generic_error_message(body)
        message = message or generic
        if not failed_code:
            code = generic_code if generic_code is not None else http_status
        kind, words = self._classify(code, message, http_status)
        retryable = kind in E.RETRYABLE_KINDS
        if words:
            text = f"{self.name}: {words} ({code}: {message})" if message else f"{self.name}: {words} ({code})"
        else:
            text = f"{self.name}: {message or f'HTTP {http_status}'}"
            if failed_code and code is not None and str(code) not in text:
                text += f" (code {code})"
        return ProviderError(text, retryable=retryable, retry_after=retry_after if retryable else None,
                             vendor_code=code, http_status=http_status, kind=kind, provider=self.name,
                             secrets=self.secret_values())

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        return self._vendor_error(body, response.status_code,
                                  E.parse_retry_after(response.headers.get("Retry-After")))

    def _check_in_band(self, body: Any, http_status: int) -> None:
        """Vendors like MiniMax answer HTTP 200 with an error code inside: raise it."""
        if self.error_spec.get("code"):
            error = self._vendor_error(body, http_status, in_band=True)
            if error is not None:
                raise error

    # --- requests ---------------------------------------------------------------------------------------
    def _url(self, path: Any, ctx: T.Context) -> str:
        """The first candidate path that renders non-empty and stays on the configured host."""
        missing = ""
        for candidate in _as_list(path):
            holes = [p for p in T.placeholders(candidate) if T.empty(T.evaluate(p, ctx))]
            if holes:  # e.g. a status URL the vendor did not send: try the next candidate
                missing = missing or holes[0]
                continue
            url = str(T.render(candidate, ctx) or "")
            if url.startswith(("http://", "https://")):
                url = self.trusted_url(url, "")
            if url:
                return url
        if missing.startswith(("model", "setting.")):
            raise self.error(f"the request path needs {{{missing}}}, which is empty: set it in Settings > "
                             f"Providers > {self.label}", kind=E.CONFIG)
        raise self.error(f"the provider file's request path needs {{{missing}}}, which is empty", kind=E.CONFIG)

    def _send(self, section: Mapping[str, Any], ctx: T.Context, cancel: CancelToken | None, *,
              billable: bool = False, check: bool = True, body: Any = None) -> requests.Response:
        """Send one request of the file; ``body`` is an already rendered body (parameters merged in)."""
        try:
            url = self._url(section["path"], ctx)
            query = T.render(section.get("query") or {}, ctx)
            headers = {k: str(v) for k, v in T.render(section.get("headers") or {}, ctx).items()}
            kwargs: dict[str, Any] = {}
            if body is not None:
                kwargs["json"] = body
            elif "body" in section:
                kwargs["json"] = T.render(section["body"], ctx)
            elif "form" in section:
                kwargs["data"] = T.render(section["form"], ctx)
        except (T.TemplateError, OSError, ValueError) as exc:
            raise self.error(f"cannot prepare the request: {exc}", kind=E.BAD_REQUEST) from None
        if self.auth["type"] == "query" and self._key():
            query[self.auth["param"]] = self._key()
        method = section.get("method") or ("POST" if "body" in section or "form" in section else "GET")
        extra = _BILLABLE if billable else {}
        return self.http.request(method, url, params=query or None, headers=headers, cancel=cancel, check=check,
                                 **kwargs, **extra)

    def _json(self, response: requests.Response, *, retry_safe: bool) -> Any:
        if not response.content.strip():
            return {}
        return self.http.decode(response, retry_safe=retry_safe)

    def _required(self) -> None:
        self.require(*[f["key"] for f in self.spec["fields"] if f.get("required") and f["key"] != "base_url"])

    # --- contexts ---------------------------------------------------------------------------------------
    def _task(self, capability: str) -> Mapping[str, Any]:
        task = self.spec.get(capability)
        if not task or not isinstance(task, Mapping):
            raise self.error(f"{capability} generation is not offered by {self.label}", kind=E.CONFIG)
        return task

    def _model(self, capability: str, request: GenerationRequest | None = None) -> str:
        task = self._task(capability)
        key = task.get("model_setting") or f"{capability}_model"
        return (request.model if request else "") or str(self.settings.get(key) or "") or task.get("default_model", "")

    def _context(self, values: dict[str, Any], *, parameters: Mapping[str, Any] | None = None,
                 handle: Mapping[str, Any] | None = None, task: Any = None) -> T.Context:
        return T.Context(values=values, parameters=parameters or {}, settings=self.settings, handle=handle or {},
                         task=task, tables=self.spec.get("tables") or {})

    def _request_values(self, request: GenerationRequest, model: str) -> dict[str, Any]:
        v: dict[str, Any] = {"prompt": request.prompt, "negative_prompt": request.negative_prompt,
                             "seed": request.seed, "model": model, "capability": request.capability,
                             "client_ref": getattr(request, "client_ref", "") or "",
                             "images": list(request.reference_inputs), "n": 1}
        if isinstance(request, ImageRequest):
            v.update(width=request.width or None, height=request.height or None, ratio=request.aspect_ratio,
                     n=request.n, image=(request.reference_images or [""])[0])
        elif isinstance(request, VideoRequest):
            v.update(first_frame=request.first_frame, last_frame=request.last_frame, image=request.first_frame,
                     duration=request.duration, ratio=request.aspect_ratio, width=request.width or None,
                     height=request.height or None, fps=request.fps)
        elif isinstance(request, MusicRequest):
            v.update(style=request.style, duration=request.duration, instrumental=request.instrumental)
        elif isinstance(request, SpeechRequest):
            v.update(text=request.text, voice=request.voice, speed=request.speed, format=request.audio_format)
        if v.get("width") and v.get("height"):
            v["size"] = f"{v['width']}x{v['height']}"
        return v

    # --- the generation protocol ------------------------------------------------------------------------
    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        self._required()
        task = self._task(request.capability)
        model = self._model(request.capability, request)
        ctx = self._context(self._request_values(request, model), parameters=request.parameters)
        creates = task["create"] if isinstance(task["create"], list) else [task["create"]]
        choice = None
        for candidate in creates:
            # "when" sees the model this alternative would use (fal: a separate text-to-video model)
            ctx.values["model"] = model
            if candidate.get("model_setting") and not request.model:
                ctx.values["model"] = str(self.settings.get(candidate["model_setting"]) or model)
            if T.matches(candidate.get("when") or {}, ctx):
                choice = candidate
                break
        if choice is None:
            raise self.error(f"the provider file has no create request for this {request.capability} "
                             "(no 'when' matches)", kind=E.BAD_REQUEST)
        model = ctx.values["model"]
        body = None
        if "body" in choice:
            try:
                body = T.render(choice["body"], ctx)
            except (T.TemplateError, OSError, ValueError) as exc:
                raise self.error(f"cannot prepare the request: {exc}", kind=E.BAD_REQUEST) from None
            if isinstance(body, dict) and choice.get("pass_parameters", True):
                body.update({k: v for k, v in request.parameters.items() if k not in ctx.used_parameters})
        response = self._send(choice, ctx, cancel, billable=True, body=body)
        data = self._json(response, retry_safe=False)
        self._check_in_band(data, response.status_code)
        endpoint = {k: v for k, p in (choice.get("keep") or {}).items() if not T.empty(v := T.search(p, data))}
        handle = TaskHandle(provider=self.name, capability=request.capability, model=model, endpoint=endpoint,
                            cost_units=self._cost_units(choice, request, ctx))
        if choice.get("sync"):
            handle.task_id = str(T.search(choice["task_id"], data) or "") if choice.get("task_id") else ""
            handle.task_id = handle.task_id or ctx.values["client_ref"] or uuid.uuid4().hex
            outputs = self._outputs(task, {"task": data, "result": data}, request.capability, handle.task_id)
            if not outputs:
                raise self.error(f"the answer has no result file: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
            handle.outputs = [o.to_dict() for o in outputs]
            return handle
        task_id = T.search(choice["task_id"], data)
        if T.empty(task_id):
            raise self.error(f"the answer has no task id ({choice['task_id']}): {str(data)[:200]}",
                             kind=E.INVALID_RESPONSE)
        handle.task_id = str(task_id)
        return handle

    def _cost_units(self, choice: Mapping[str, Any], request: GenerationRequest, ctx: T.Context) -> float:
        if choice.get("cost_units"):
            try:
                return float(T.render(choice["cost_units"], ctx) or 0)
            except (T.TemplateError, ValueError):
                return 0.0
        if isinstance(request, (VideoRequest, MusicRequest)):
            return float(request.duration)
        return float(getattr(request, "n", 1) or 1)

    def _handle_context(self, handle: TaskHandle, task: Any = None) -> T.Context:
        values = {"task_id": handle.task_id, "model": handle.model, "capability": handle.capability}
        return self._context(values, handle=handle.endpoint, task=task)

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        if handle.outputs:
            return TaskStatus(state=SUCCEEDED, progress=1.0, outputs=handle.output_refs())
        task = self._task(handle.capability)
        poll = task["poll"]
        response = self._send(poll, self._handle_context(handle), cancel)
        data = self._json(response, retry_safe=True)
        vendor = T.search(poll["state"], data)
        state = poll["states"].get(str(vendor)) if vendor is not None else None
        if state != FAILED:
            self._check_in_band(data, response.status_code)
        if state not in STATE_WORDS:
            raise self.error(f"unknown status {vendor!r}", kind=E.INVALID_RESPONSE, retryable=True)
        status = TaskStatus(state=state, vendor_status=str(vendor))
        if poll.get("queue_position") and isinstance(position := T.search(poll["queue_position"], data), int):
            status.queue_position = position
        if poll.get("progress") and isinstance(progress := T.search(poll["progress"], data), (int, float)):
            status.progress = max(0.0, min(1.0, float(progress) / float(poll.get("progress_scale", 1))))
        if poll.get("message"):
            status.vendor_message = str(T.search(poll["message"], data) or "")
        error = str(T.search(poll["error"], data) or "") if poll.get("error") else ""
        if state == SUCCEEDED and error:
            status.state = FAILED
        if status.state == SUCCEEDED:
            return self._finish(handle, task, data, status, cancel)
        if status.state == FAILED:
            reason = error or (str(T.search(poll["failure_reason"], data) or "") if poll.get("failure_reason") else "")
            status.vendor_message = reason or status.vendor_message
            status.error = f"{self.label} could not make it: {status.vendor_message or 'no reason given'}"
        elif status.state == CANCELLED:
            status.error = f"{self.label} cancelled the task"
        return status

    def _finish(self, handle: TaskHandle, task: Mapping[str, Any], data: Any, status: TaskStatus,
                cancel: CancelToken | None) -> TaskStatus:
        """Succeeded: fetch the result (a second step where the file says so) and read the outputs."""
        result = data
        step = task.get("result")
        if step:
            if step.get("requires") and T.empty(T.search(step["requires"], data)):
                status.state = FAILED
                status.error = f"{self.label} reported success but gave no {step['requires']}"
                return status
            response = self._send(step, self._handle_context(handle, task=data), cancel, check=False)
            code = response.status_code
            if step.get("fail_on_client_error") and 400 <= code < 500 and code != 429:
                error = self.http.error_for(response)  # the task ran and failed: a final answer
                status.state, status.error, status.vendor_message = FAILED, error.message, error.message
                return status
            if code >= 400:
                raise self.http.error_for(response)
            result = self._json(response, retry_safe=True)
            self._check_in_band(result, code)
        status.outputs = self._outputs(task, {"task": data, "result": result}, handle.capability, handle.task_id)
        status.progress = 1.0
        if not status.outputs:
            if (task.get("outputs") or {}).get("when_empty") == "retry":
                raise self.error("the result has no file yet", kind=E.INVALID_RESPONSE, retryable=True)
            status.state, status.error = FAILED, f"{self.label} finished but the result has no file"
        return status

    def _outputs(self, task: Mapping[str, Any], doc: Any, capability: str, task_id: str) -> list[OutputRef]:
        spec = task.get("outputs") or {}
        media = spec.get("media_type") or MEDIA_TYPES.get(capability, "video")
        names = [str(n) for n in _as_list(T.search(spec["filenames"], doc))] if spec.get("filenames") else []
        mimes = [str(m) for m in _as_list(T.search(spec["mimes"], doc))] if spec.get("mimes") else []
        extra = {k: T.search(p, doc) for k, p in (spec.get("extra") or {}).items()}
        suffix = spec.get("suffix") or SUFFIXES.get(media, "")
        refs: list[OutputRef] = []
        for url in _as_list(T.search(spec["urls"], doc)) if spec.get("urls") else []:
            if isinstance(url, str) and url:
                refs.append(OutputRef(url=url, media_type=media, index=len(refs)))
        for blob in _as_list(T.search(spec["base64"], doc)) if spec.get("base64") else []:
            if not isinstance(blob, str) or not blob:
                continue
            try:
                raw = base64.b64decode(blob.partition(",")[2] if blob.startswith("data:") else blob, validate=True)
            except (binascii.Error, ValueError):
                raise self.error("the answer holds a result that is not valid base64",
                                 kind=E.INVALID_RESPONSE) from None
            refs.append(OutputRef(path=str(self.stage_bytes(raw, suffix)), media_type=media, index=len(refs)))
        for i, ref in enumerate(refs):
            ref.filename = names[i] if i < len(names) and len(names) == len(refs) else \
                f"{self.name}-{task_id}{'-' + str(i) if len(refs) > 1 else ''}{suffix}"
            if i < len(mimes) and len(mimes) == len(refs):
                ref.mime = mimes[i]
            ref.extra = {k: (v[i] if isinstance(v, list) and len(v) == len(refs) else v) for k, v in extra.items()}
        return refs

    def cancel(self, handle: TaskHandle) -> None:
        section = (self.spec.get(handle.capability) or {}).get("cancel")
        if not section or handle.outputs:
            return
        response = self._send(section, self._handle_context(handle), None, check=False)
        if response.status_code >= 400 and response.status_code not in section.get("ok_status", ()):
            raise self.http.error_for(response)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        """A cheap authenticated call (the file's check, else a status query for a task that does not exist)."""
        self._required()
        check = self.spec.get("check")
        section = check
        capability = next((c for c in self.spec["capabilities"] if (self.spec.get(c) or {}).get("poll")), "")
        if section is None and not capability:
            return f"{self.label}: nothing to test without a status request"
        section = section or self.spec[capability]["poll"]
        values = {"task_id": "00000000-0000-0000-0000-000000000000", "capability": capability,
                  "model": self._model(capability) if capability else ""}
        try:
            response = self._send(section, self._context(values), cancel)
            self._check_in_band(self._json(response, retry_safe=True), response.status_code)
        except ProviderError as exc:
            if exc.kind in CHECK_FAILS:
                raise
        return (check or {}).get("message") or f"Connected to {self.label}: the key is accepted"
