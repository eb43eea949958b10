"""OpenAI and OpenAI-compatible servers: streamed chat, images, speech.

One client serves the presets OpenAI, Qwen (DashScope compatible mode), DeepSeek, Ollama,
LM Studio and llama.cpp server; they differ only in base URL, key and model names.

Wire format (OpenAI API reference):
- ``POST /chat/completions`` with ``stream: true`` and ``stream_options.include_usage``
  answers Server-Sent Events: ``data: {chunk}`` lines separated by blank lines, each
  chunk's ``choices[0].delta`` carrying ``role`` then ``content`` pieces, ``finish_reason``
  in the last one, then a chunk with ``choices: []`` and ``usage``, then ``data: [DONE]``.
  Busy servers interleave comment lines (``: keep-alive``, DeepSeek) and blank lines.
  An error in mid-stream arrives as ``data: {"error": {...}}``.
- ``POST /images/generations`` answers ``{created, data: [{url | b64_json, revised_prompt}]}``
  (GPT image models always b64_json, dall-e defaults to url); ``/images/edits`` (multipart)
  takes reference images for GPT image models.
- ``POST /audio/speech`` answers raw audio bytes.
- Errors: ``{"error": {"message", "type", "param", "code"}}``; 429 is either
  ``rate_limit_exceeded`` (retry) or ``insufficient_quota`` (do not).
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import requests

from providers import errors as E
from providers import speech_audio
from providers.base import (
    IMAGE,
    SPEECH,
    SUCCEEDED,
    CancelToken,
    ChatStream,
    GenerationRequest,
    ImageRequest,
    OutputRef,
    SpeechRequest,
    TaskHandle,
    TaskStatus,
    TextRequest,
    TextResult,
    Usage,
)
from providers.common import ProviderClient
from providers.download import sniff_extension
from providers.errors import ProviderCancelled, ProviderError
from providers.http import abort, generic_error_message, iter_live_lines

# Error codes/types that mean "the account must be fixed", whatever the HTTP status.
_QUOTA_CODES = {"insufficient_quota", "billing_hard_limit_reached", "insufficient_balance", "Arrearage",
                "billing_not_active", "quota_exceeded"}
_AUTH_CODES = {"invalid_api_key", "InvalidApiKey", "invalid_authentication", "unauthorized",
               "account_deactivated", "AccessDenied", "authentication_error"}
_POLICY_CODES = {"content_policy_violation", "moderation_blocked", "data_inspection_failed",
                 "DataInspectionFailed", "content_filter", "image_generation_user_error", "safety_violation"}

# Sizes each image model accepts, as (width, height).
_IMAGE_SIZES = {
    "gpt-image": [(1024, 1024), (1024, 1536), (1536, 1024)],
    "dall-e-3": [(1024, 1024), (1024, 1792), (1792, 1024)],
    "dall-e-2": [(256, 256), (512, 512), (1024, 1024)],
}

_REASONING_PREFIXES = ("o1", "o3", "o4", "gpt-5")

_SPEECH_FORMATS = {"mp3": ".mp3", "opus": ".opus", "aac": ".aac", "flac": ".flac", "wav": ".wav"}
_SPEECH_MAX_CHARS = 4096  # the API's input limit; longer texts are split at sentence ends


def _ratio(aspect: str, width: int, height: int) -> float:
    if width > 0 and height > 0:
        return width / height
    try:
        a, b = (float(x) for x in aspect.split(":"))
        return a / b
    except (ValueError, ZeroDivisionError):
        return 9 / 16


def image_size_for(model: str, request: ImageRequest) -> str:
    """The supported ``WxH`` whose aspect is closest to the request's (portrait for 9:16)."""
    key = "gpt-image" if model.startswith("gpt-image") else model if model in _IMAGE_SIZES else ""
    if not key:
        if request.width and request.height:
            return f"{request.width}x{request.height}"
        key = "gpt-image"
    want = _ratio(request.aspect_ratio, request.width, request.height)
    sizes = _IMAGE_SIZES[key]
    if key == "dall-e-2":
        return "1024x1024"
    w, h = min(sizes, key=lambda s: abs(s[0] / s[1] - want))
    return f"{w}x{h}"


class OpenAICompatProvider(ProviderClient):
    """Text (streamed chat), image and speech over the OpenAI wire format."""

    default_poll_interval = 0.0

    # --- errors -------------------------------------------------------------------------------------
    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        status = response.status_code
        message, code = generic_error_message(body)
        err_type = body.get("error", {}).get("type") if isinstance(body, dict) and isinstance(
            body.get("error"), dict) else None
        codes = {str(c) for c in (code, err_type) if c}
        kind = None
        if codes & _QUOTA_CODES or status == 402:
            kind = E.QUOTA
        elif codes & _AUTH_CODES or status in (401, 403):
            kind = E.AUTH
        elif codes & _POLICY_CODES:
            kind = E.CONTENT_POLICY
        elif status == 429:
            kind = E.RATE_LIMIT
        if status == 402 and not message:
            message = "insufficient balance: top up the account"
        return E.for_status(status, message or f"HTTP {status}", provider=self.name,
                            vendor_code=code, kind=kind, secrets=self.secret_values(),
                            retry_after=E.parse_retry_after(response.headers.get("Retry-After")))

    # --- text -----------------------------------------------------------------------------------------
    def _chat_body(self, request: TextRequest, stream: bool) -> dict[str, Any]:
        model = request.model or str(self.settings.get("text_model") or "")
        body: dict[str, Any] = {"messages": [{"role": m.role, "content": m.content} for m in request.messages]}
        if model:
            body["model"] = model  # empty: local servers (LM Studio, llama.cpp) use the model they have loaded
        reasoning = self.name == "openai" and model.startswith(_REASONING_PREFIXES)
        if request.temperature is not None and not reasoning:
            body["temperature"] = request.temperature
        if request.max_tokens is not None:
            # OpenAI's reasoning models refuse max_tokens (and a temperature); every other server wants it.
            body["max_completion_tokens" if reasoning else "max_tokens"] = request.max_tokens
        if request.json_mode:
            body["response_format"] = {"type": "json_object"}
        if stream:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        body.update(request.parameters)
        return body

    def stream_chat(self, request: TextRequest, cancel: CancelToken | None = None) -> ChatStream:
        """Start a streamed chat completion; iterate the returned stream for text deltas."""
        body = self._chat_body(request, stream=True)
        try:
            response = self.http.request("POST", "chat/completions", json=body, stream=True, cancel=cancel,
                                         headers={"Accept": "text/event-stream"})
        except ProviderError as exc:
            # Some local servers (LM Studio) refuse {"type": "json_object"}; the prompt still asks for
            # JSON and the caller validates it, so ask once more without the format constraint.
            if not (exc.http_status == 400 and "response_format" in body and "response_format" in exc.message):
                raise
            body.pop("response_format")
            response = self.http.request("POST", "chat/completions", json=body, stream=True, cancel=cancel,
                                         headers={"Accept": "text/event-stream"})
        result = TextResult(model=body.get("model", ""))
        unregister = cancel.on_cancel(lambda: abort(response)) if cancel is not None else (lambda: None)

        def close() -> None:
            unregister()
            response.close()

        ctype = response.headers.get("Content-Type", "")
        if "event-stream" not in ctype and "json" in ctype:
            # A server that ignored "stream": answer in one piece.
            data = self.http.decode(response, retry_safe=False)
            full = self._parse_completion(data, result)
            return ChatStream(iter([full] if full else []), result, close)
        return ChatStream(self._events(response, result, cancel), result, close)

    def chat(self, request: TextRequest, cancel: CancelToken | None = None) -> TextResult:
        """A whole answer (streamed underneath, so cancel works while it is being written)."""
        return self.stream_chat(request, cancel).collect()

    def _parse_completion(self, data: Any, result: TextResult) -> str:
        try:
            choice = data["choices"][0]
            text = choice["message"].get("content") or ""
        except (KeyError, IndexError, TypeError, AttributeError):
            raise self.error(f"unexpected chat answer: {json.dumps(data)[:200]}", retryable=False,
                             kind=E.INVALID_RESPONSE) from None
        result.finish_reason = choice.get("finish_reason") or ""
        result.usage = _usage(data.get("usage"))
        result.model = data.get("model") or result.model
        return text

    def _events(self, response: requests.Response, result: TextResult,
                cancel: CancelToken | None) -> Iterator[str]:
        done = False
        try:
            for raw in iter_live_lines(response):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                line = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
                if not line or line.startswith(":"):
                    continue  # blank separators and keep-alive comments
                if not line.startswith("data:"):
                    continue  # event:, id:, retry: fields carry nothing we use
                payload = line[5:].strip()
                if payload == "[DONE]":
                    done = True
                    break
                try:
                    chunk = json.loads(payload)
                except ValueError:
                    raise self.error(f"the stream carried malformed JSON: {payload[:120]!r}", retryable=True,
                                     kind=E.INVALID_RESPONSE) from None
                if isinstance(chunk, dict) and chunk.get("error"):
                    message, code = generic_error_message(chunk)
                    raise self.error(f"the server stopped the answer: {message}", retryable=False,
                                     kind=E.SERVER, vendor_code=code)
                if chunk.get("usage"):
                    result.usage = _usage(chunk["usage"])
                if chunk.get("model"):
                    result.model = chunk["model"]
                for choice in chunk.get("choices") or []:
                    if choice.get("index", 0) != 0:
                        continue
                    if choice.get("finish_reason"):
                        result.finish_reason = choice["finish_reason"]
                    content = (choice.get("delta") or {}).get("content")
                    if content:
                        yield content
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError) as exc:
            if cancel is not None:
                cancel.raise_if_cancelled()
            raise self.error(f"the stream broke off ({type(exc).__name__})", retryable=True,
                             kind=E.CONNECTION) from None
        except requests.Timeout:
            raise self.error("the stream stalled: no data within the timeout", retryable=True,
                             kind=E.TIMEOUT) from None
        except (AttributeError, OSError, ValueError):
            # Closing the response from another thread (cancel) breaks the read in odd ways.
            if cancel is not None and cancel.cancelled:
                raise ProviderCancelled("cancelled") from None
            raise
        if cancel is not None:
            cancel.raise_if_cancelled()
        if not done and not result.finish_reason:
            raise self.error("the stream ended before the answer was complete", retryable=True, kind=E.CONNECTION)

    # --- generation (synchronous calls in the task shape) ---------------------------------------------
    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if isinstance(request, ImageRequest):
            return self._image(request, cancel)
        if isinstance(request, SpeechRequest):
            return self._speech(request, cancel)
        raise self.error(f"{request.capability} generation is not offered here", kind=E.CONFIG)

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        return TaskStatus(state=SUCCEEDED, progress=1.0, outputs=handle.output_refs(), vendor_status="completed")

    def _image(self, request: ImageRequest, cancel: CancelToken | None) -> TaskHandle:
        model = self.model_for(request)
        prompt = request.prompt
        if request.negative_prompt:
            # The API has no negative prompt; say it in words (kept separately in provenance).
            prompt = f"{prompt}\nAvoid: {request.negative_prompt}"
        size = image_size_for(model, request)
        gpt_image = model.startswith("gpt-image")
        refs = request.reference_images
        if refs:
            if not gpt_image:
                raise self.error(f"{model} cannot take reference images; use gpt-image-1", kind=E.BAD_REQUEST)
            with ExitStack() as stack:
                files = [("image[]", (Path(ref).name, stack.enter_context(open(ref, "rb")), _mime_of(ref)))
                         for ref in refs]
                form = {"model": model, "prompt": prompt, "n": str(request.n), "size": size}
                form.update({k: str(v) for k, v in request.parameters.items()})
                data = self.http.json("POST", "images/edits", data=form, files=files, cancel=cancel,
                                      billable=True)
        else:
            body: dict[str, Any] = {"model": model, "prompt": prompt, "n": request.n, "size": size}
            if not gpt_image and model.startswith("dall-e"):
                body["response_format"] = str(self.settings.get("response_format") or "url")
            body.update(request.parameters)
            if model == "dall-e-3" and request.n > 1:
                # dall-e-3 makes one image per request: ask n times and pool the answers.
                body["n"] = 1
                pooled: list[Any] = []
                for _ in range(request.n):
                    part = self.http.json("POST", "images/generations", json=body, cancel=cancel, billable=True)
                    pooled += part.get("data") or [] if isinstance(part, dict) else []
                data = {"created": part.get("created", "") if isinstance(part, dict) else "", "data": pooled}
            else:
                data = self.http.json("POST", "images/generations", json=body, cancel=cancel, billable=True)
        items = data.get("data") if isinstance(data, dict) else None
        if not isinstance(items, list) or not items:
            raise self.error(f"the image answer has no data: {json.dumps(data)[:200]}", kind=E.INVALID_RESPONSE)
        outputs = []
        for i, item in enumerate(items):
            if item.get("b64_json"):
                try:
                    raw = base64.b64decode(item["b64_json"], validate=True)
                except (binascii.Error, ValueError):
                    raise self.error("the image answer's b64_json is not valid base64",
                                     kind=E.INVALID_RESPONSE) from None
                path = self.stage_bytes(raw, sniff_extension(raw[:32]) or ".png")
                outputs.append(OutputRef(path=str(path), media_type="image", index=i,
                                         extra={"revised_prompt": item.get("revised_prompt", "")}).to_dict())
            elif item.get("url"):
                outputs.append(OutputRef(url=item["url"], media_type="image", index=i,
                                         extra={"revised_prompt": item.get("revised_prompt", "")}).to_dict())
        if not outputs:
            raise self.error("the image answer has neither url nor b64_json", kind=E.INVALID_RESPONSE)
        return TaskHandle(provider=self.name, capability=IMAGE, task_id=f"img-{data.get('created', '')}-"
                          f"{uuid.uuid4().hex[:8]}", model=model, endpoint={"size": size}, outputs=outputs,
                          cost_units=float(len(outputs)))

    def _speech(self, request: SpeechRequest, cancel: CancelToken | None) -> TaskHandle:
        model = self.model_for(request)
        fmt = request.audio_format if request.audio_format in _SPEECH_FORMATS else "wav"
        if not request.text.strip():
            raise self.error("there is no text to speak", kind=E.BAD_REQUEST)
        body: dict[str, Any] = {"model": model, "input": request.text,
                                "voice": request.voice or str(self.settings.get("voice") or "alloy"),
                                "response_format": fmt, "speed": request.speed}
        if request.instructions and not model.startswith("tts-1"):
            body["instructions"] = request.instructions
        body.update(request.parameters)
        pieces = speech_audio.split_text(request.text, _SPEECH_MAX_CHARS)
        answers = []
        for piece in pieces:  # a long text: one call per piece of whole sentences
            response = self.http.request("POST", "audio/speech", json={**body, "input": piece}, cancel=cancel,
                                         billable=True)
            ctype = response.headers.get("Content-Type", "")
            if "json" in ctype or "text/" in ctype:
                raise self.error(f"the speech answer is {ctype}, not audio: {response.text[:160]!r}",
                                 kind=E.INVALID_RESPONSE)
            answers.append(response.content)
        if len(answers) == 1:
            path = self.stage_bytes(answers[0], _SPEECH_FORMATS[fmt])
        else:  # joined with a short crossfade at each seam, as one 48 kHz WAV
            fmt = "wav"
            path = self.staging_dir / f"{self.name}-{uuid.uuid4().hex}.wav"
            try:
                speech_audio.finish([speech_audio.decode(a, body["response_format"]) for a in answers], path)
            except speech_audio.AudioRejected as exc:
                raise self.error(f"the speech answer is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
        return TaskHandle(provider=self.name, capability=SPEECH, task_id=f"tts-{uuid.uuid4().hex[:12]}",
                          model=model, endpoint={"voice": body["voice"], "format": fmt},
                          outputs=[OutputRef(path=str(path), media_type="audio").to_dict()],
                          cost_units=len(request.text) / 1000.0)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        data = self.http.json("GET", "models", cancel=cancel)
        models = [m.get("id", "") for m in data.get("data", [])] if isinstance(data, dict) else []
        return f"Connected: {len(models)} model(s) available" + (f", e.g. {models[0]}" if models else "")


def _usage(data: Any) -> Usage:
    if not isinstance(data, dict):
        return Usage()
    prompt = int(data.get("prompt_tokens") or 0)
    completion = int(data.get("completion_tokens") or 0)
    return Usage(prompt, completion, int(data.get("total_tokens") or prompt + completion))


def _mime_of(path: str) -> str:
    p = path.lower()
    if p.endswith(".png"):
        return "image/png"
    if p.endswith(".webp"):
        return "image/webp"
    return "image/jpeg"
