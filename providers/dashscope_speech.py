"""Alibaba DashScope speech: Qwen-TTS and CosyVoice over HTTP (synchronous answers with a file URL).

Wire format (``../shared/PROVIDERS-MORE.md`` §2, from the official dashscope SDK):

- Qwen-TTS: ``POST /services/aigc/multimodal-generation/generation`` with ``{model, input:
  {text, voice, language_type}}``; the instruct model (``qwen3-tts-instruct-flash``) also takes
  ``instructions`` -> ``{output: {audio: {url, id, expires_at, data}, finish_reason}, request_id}``.
- CosyVoice: ``POST /services/audio/tts/SpeechSynthesizer`` with ``{model, input: {text, voice,
  format, sample_rate, rate, pitch}}`` -> ``{output: {audio: {url, id, expires_at}}, request_id}``.
- Errors: ``{request_id, code, message}`` with the HTTP status (``InvalidApiKey`` 401,
  ``DataInspectionFailed`` 400, ``Arrearage`` 400, ``Throttling*`` 429, ``InternalError`` 500).

The audio URL (valid about 24 h, on Alibaba's OSS) is fetched without our key; the answer is
decoded, checked and staged as one 48 kHz WAV. Long texts are split at sentence ends.
"""

from __future__ import annotations

import base64
import uuid
from pathlib import Path
from typing import Any

import requests

from providers import errors as E
from providers import speech_audio
from providers.base import (
    SPEECH,
    CancelToken,
    GenerationRequest,
    OutputRef,
    SpeechRequest,
    TaskHandle,
)
from providers.dashscope_enroll import DEFAULT_TARGET, CosyVoiceEnrolment, enrolled_model
from providers.errors import ProviderError
from providers.spoken import SpokenResultClient

MAX_CHARS = 500  # Qwen-TTS takes short inputs; split well below its limit
_CODES = {
    "InvalidApiKey": (E.AUTH, "the API key is invalid"),
    "AccessDenied": (E.AUTH, "the account has no access to this model"),
    "AccessDenied.Unpurchased": (E.AUTH, "the model is not activated for this account"),
    "Arrearage": (E.QUOTA, "the account is overdue: top it up"),
    "DataInspectionFailed": (E.CONTENT_POLICY, "the text was refused by content inspection"),
    "InvalidParameter.DataInspection": (E.CONTENT_POLICY, "the text was refused by content inspection"),
    "InvalidParameter": (E.BAD_REQUEST, "a parameter is invalid"),
    "Throttling": (E.RATE_LIMIT, "rate limited"),
    "Throttling.RateQuota": (E.RATE_LIMIT, "requests per minute limit reached"),
    "Throttling.AllocationQuota": (E.RATE_LIMIT, "quota limit reached"),
    "InternalError": (E.SERVER, "DashScope had an internal error"),
}


def is_cosyvoice(model: str) -> bool:
    return model.startswith("cosyvoice")


class DashScopeSpeechProvider(SpokenResultClient):
    default_poll_interval = 0.0

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        if not isinstance(body, dict) or not body.get("code"):
            return None
        code = str(body["code"])
        kind, words = _CODES.get(code, (E.kind_for_status(response.status_code), "the request failed"))
        retryable = kind in E.RETRYABLE_KINDS
        return ProviderError(f"{self.name}: {words} ({code}: {body.get('message', '')})", retryable=retryable,
                             retry_after=E.parse_retry_after(response.headers.get("Retry-After")) if retryable else None,
                             vendor_code=code, http_status=response.status_code, kind=kind, provider=self.name,
                             secrets=self.secret_values())

    def body_for(self, request: SpeechRequest, model: str, text: str) -> tuple[str, dict[str, Any]]:
        voice = request.voice or str(self.settings.get("voice") or ("longxiaochun_v2" if is_cosyvoice(model)
                                                                     else "Cherry"))
        if is_cosyvoice(model):
            data: dict[str, Any] = {"text": text, "voice": voice, "format": "mp3", "sample_rate": 24000,
                                    "rate": min(2.0, max(0.5, float(request.speed or 1.0)))}
            if request.parameters.get("pitch"):
                data["pitch"] = float(request.parameters["pitch"])
            return "/services/audio/tts/SpeechSynthesizer", {"model": model, "input": data}
        data = {"text": text, "voice": voice, "language_type": str(request.parameters.get("language_type") or "Auto")}
        if request.instructions and "instruct" in model:
            data["instructions"] = request.instructions
        return "/services/aigc/multimodal-generation/generation", {"model": model, "input": data}

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, SpeechRequest):
            raise self.error(f"{request.capability} is not something DashScope speech makes", kind=E.CONFIG)
        self.require("api_key")
        if not request.text.strip():
            raise self.error("there is no text to speak", kind=E.BAD_REQUEST)
        model = self.model_for(request) or "qwen3-tts-flash"
        model = enrolled_model(request.voice or "") or model  # a cloned voice speaks only with its own model
        pieces, request_ids, body = [], [], {}
        for text in speech_audio.split_text(request.text, MAX_CHARS):
            path, body = self.body_for(request, model, text)
            data = self.http.json("POST", path, json=body, cancel=cancel, billable=True)
            audio = ((data.get("output") or {}).get("audio") or {}) if isinstance(data, dict) else {}
            try:
                if audio.get("data"):
                    pieces.append(speech_audio.decode(base64.b64decode(audio["data"])))
                elif audio.get("url"):
                    fetched = self.http.request("GET", audio["url"], auth=False, cancel=cancel)
                    pieces.append(speech_audio.decode(fetched.content))
                else:
                    raise speech_audio.AudioRejected("the answer holds no audio")
            except (speech_audio.AudioRejected, ValueError) as exc:
                raise self.error(f"the speech answer is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
            request_ids.append(str(data.get("request_id") or ""))
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        task_id = f"dashscope-tts-{uuid.uuid4().hex[:12]}"
        out = self.staging_dir / f"{task_id}.wav"
        try:
            speech_audio.finish(pieces, out)
        except speech_audio.AudioRejected as exc:
            raise self.error(f"the speech answer is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
        return TaskHandle(provider=self.name, capability=SPEECH, task_id=request_ids[0] or task_id, model=model,
                          endpoint={"voice": body["input"]["voice"], "request_ids": request_ids},
                          outputs=[OutputRef(path=str(out), media_type="audio", mime="audio/wav",
                                             filename=f"{task_id}.wav").to_dict()],
                          cost_units=len(request.text) / 1000.0)

    def clone_voice(self, sample: Path, name: str, cancel: CancelToken | None = None) -> str:
        """Enrol ``sample`` as a CosyVoice voice (``providers.dashscope_enroll``); the new voice id.

        The sample goes to DashScope's own temporary storage (kept 48 h, usable only by
        DashScope), never to a third party. The voice is made for the CosyVoice model set in
        ``clone_model`` (default cosyvoice-v3-plus) and always speaks with that model.
        """
        self.require("api_key")
        target = str(self.settings.get("clone_model") or DEFAULT_TARGET)
        return CosyVoiceEnrolment(self.http, self.name).create(Path(sample), name, target, cancel)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        # Listing the account's async tasks is free and authenticated.
        self.require("api_key")
        self.http.json("GET", "/tasks", params={"page_no": 1, "page_size": 1}, cancel=cancel)
        return "Connected to DashScope: the key is accepted"
