"""ElevenLabs text to speech (synchronous): raw audio answers, ``detail`` errors.

Wire format (``../shared/PROVIDERS-MORE.md`` §5, from ElevenLabs' official Python SDK):

- ``POST /v1/text-to-speech/{voice_id}?output_format=mp3_44100_128`` with header
  ``xi-api-key`` and JSON ``{text, model_id, voice_settings: {stability, similarity_boost,
  speed}, seed?}`` -> the audio bytes.
- Errors: ``{"detail": {"status": "<code>", "message": "..."}}`` — 401 ``invalid_api_key`` /
  ``quota_exceeded``, 400 ``voice_not_found`` / ``max_character_limit_exceeded``, 429
  ``too_many_concurrent_requests`` / ``system_busy``; 422 ``{"detail": [{loc, msg, type}]}``.

Delivery instructions: ``eleven_v3`` reads audio tags in the text (``[whispers]``), so the
parenthetical is sent as a leading tag there; the v2 models take none, and it is dropped.
Long texts are split at sentence ends below the models' limits and joined with a crossfade.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
from providers.errors import ProviderError
from providers.spoken import SpokenResultClient

MAX_CHARS = 5000  # well under multilingual v2's 10,000 (flash/turbo take 40,000)
DEFAULT_VOICE = "21m00Tcm4TlvDq8ikWAM"  # "Rachel", a premade voice every account has

_DETAIL_KINDS = {
    "invalid_api_key": (E.AUTH, "the API key is invalid"),
    "quota_exceeded": (E.QUOTA, "the account's character quota is used up"),
    "voice_not_found": (E.BAD_REQUEST, "the voice id does not exist in this account"),
    "max_character_limit_exceeded": (E.BAD_REQUEST, "the text is longer than the model allows"),
    "too_many_concurrent_requests": (E.RATE_LIMIT, "too many requests at once for the plan"),
    "system_busy": (E.RATE_LIMIT, "ElevenLabs is busy"),
}


class ElevenLabsProvider(SpokenResultClient):
    default_poll_interval = 0.0

    def auth_headers(self) -> dict[str, str]:
        key = str(self.settings.get("api_key") or "")
        return {"xi-api-key": key} if key else {}

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        detail = body.get("detail") if isinstance(body, dict) else None
        if isinstance(detail, dict):
            code = str(detail.get("status") or detail.get("code") or "")
            kind, words = _DETAIL_KINDS.get(code, (E.kind_for_status(response.status_code), "the request failed"))
            retryable = kind in E.RETRYABLE_KINDS
            return ProviderError(f"{self.name}: {words} ({code}: {detail.get('message', '')})", retryable=retryable,
                                 retry_after=E.parse_retry_after(response.headers.get("Retry-After")) if retryable
                                 else None, vendor_code=code, http_status=response.status_code, kind=kind,
                                 provider=self.name, secrets=self.secret_values())
        if isinstance(detail, list):  # 422 validation errors
            where = "; ".join(f"{'.'.join(str(p) for p in d.get('loc', []))}: {d.get('msg', '')}"
                              for d in detail if isinstance(d, dict))
            return ProviderError(f"{self.name}: the request was refused ({where})", retryable=False,
                                 http_status=response.status_code, kind=E.BAD_REQUEST, provider=self.name,
                                 secrets=self.secret_values())
        return None

    def body_for(self, request: SpeechRequest, text: str) -> dict[str, Any]:
        model = self.model_for(request) or "eleven_multilingual_v2"
        if request.instructions and model.startswith("eleven_v3"):
            text = f"[{request.instructions}] {text}"
        body: dict[str, Any] = {"text": text, "model_id": model,
                                "voice_settings": {"stability": 0.5, "similarity_boost": 0.75,
                                                   "speed": min(1.2, max(0.7, float(request.speed or 1.0)))}}
        if request.seed is not None:
            body["seed"] = int(request.seed) % 4294967296
        return body

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, SpeechRequest):
            raise self.error(f"{request.capability} is not something ElevenLabs speech makes", kind=E.CONFIG)
        self.require("api_key")
        if not request.text.strip() and not request.source_audio:
            raise self.error("there is no text to speak", kind=E.BAD_REQUEST)
        voice = request.voice or str(self.settings.get("voice") or DEFAULT_VOICE)
        output_format = str(self.settings.get("output_format") or "mp3_44100_128")
        if request.source_audio:
            return self._convert(request, voice, output_format, cancel)
        pieces, body, request_ids = [], {}, []
        for text in speech_audio.split_text(request.text, MAX_CHARS):
            body = self.body_for(request, text)
            response = self.http.request("POST", f"/v1/text-to-speech/{quote(voice, safe='')}", json=body,
                                         params={"output_format": output_format}, cancel=cancel,
                                         billable=True)
            fmt = "pcm" if output_format.startswith("pcm_") else ""
            pcm = speech_audio.PcmFormat(rate=int(output_format.split("_")[1])) if fmt else None
            try:
                pieces.append(speech_audio.decode(response.content, fmt, pcm))
            except speech_audio.AudioRejected as exc:
                raise self.error(f"the speech answer is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
            request_ids.append(response.headers.get("request-id", ""))
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        task_id = f"elevenlabs-tts-{uuid.uuid4().hex[:12]}"
        path = self.staging_dir / f"{task_id}.wav"
        try:
            speech_audio.finish(pieces, path)
        except speech_audio.AudioRejected as exc:
            raise self.error(f"the speech answer is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
        return TaskHandle(provider=self.name, capability=SPEECH, task_id=request_ids[0] or task_id,
                          model=body.get("model_id", ""), endpoint={"voice": voice, "request_ids": request_ids},
                          outputs=[OutputRef(path=str(path), media_type="audio", mime="audio/wav",
                                             filename=f"{task_id}.wav").to_dict()],
                          cost_units=len(request.text) / 1000.0)

    def _convert(self, request: SpeechRequest, voice: str, output_format: str,
                 cancel: CancelToken | None) -> TaskHandle:
        """Speech to speech: ``POST /v1/speech-to-speech/{voice_id}`` (multipart ``audio``, ``model_id``,
        ``voice_settings`` as a JSON string) -> the recording said again in ``voice``, same timing."""
        import json

        model = str(request.parameters.get("sts_model") or "eleven_multilingual_sts_v2")
        settings = {"stability": 0.5, "similarity_boost": 0.75}
        source = Path(request.source_audio)
        if not source.is_file():
            raise self.error(f"the recording {source.name} to convert is missing", kind=E.BAD_REQUEST)
        with open(source, "rb") as fh:
            response = self.http.request("POST", f"/v1/speech-to-speech/{quote(voice, safe='')}",
                                         params={"output_format": output_format},
                                         data={"model_id": model, "voice_settings": json.dumps(settings),
                                               "remove_background_noise": "false"},
                                         files={"audio": (source.name, fh, "audio/wav")}, cancel=cancel,
                                         billable=True)
        fmt = "pcm" if output_format.startswith("pcm_") else ""
        pcm = speech_audio.PcmFormat(rate=int(output_format.split("_")[1])) if fmt else None
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        task_id = f"elevenlabs-sts-{uuid.uuid4().hex[:12]}"
        path = self.staging_dir / f"{task_id}.wav"
        try:
            speech_audio.finish([speech_audio.decode(response.content, fmt, pcm)], path)
        except speech_audio.AudioRejected as exc:
            raise self.error(f"the converted speech is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
        import soundfile as sf

        minutes = sf.info(str(path)).duration / 60.0
        return TaskHandle(provider=self.name, capability=SPEECH, task_id=response.headers.get("request-id") or task_id,
                          model=model, endpoint={"voice": voice, "speech_to_speech": True},
                          outputs=[OutputRef(path=str(path), media_type="audio", mime="audio/wav",
                                             filename=f"{task_id}.wav").to_dict()],
                          cost_units=minutes)

    def clone_voice(self, sample: Path, name: str, cancel: CancelToken | None = None) -> str:
        """Instant voice clone: ``POST /v1/voices/add`` (multipart name + files) -> the new voice_id."""
        self.require("api_key")
        with open(sample, "rb") as fh:
            data = self.http.json("POST", "/v1/voices/add",
                                  data={"name": name, "remove_background_noise": "true",
                                        "description": "cloned in Microdrama Studio"},
                                  files=[("files", (Path(sample).name, fh, "audio/wav"))], cancel=cancel)
        voice_id = data.get("voice_id") if isinstance(data, dict) else None
        if not voice_id:
            raise self.error(f"the clone answer has no voice_id: {str(data)[:160]}", kind=E.INVALID_RESPONSE)
        return str(voice_id)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        self.require("api_key")
        data = self.http.json("GET", "/v2/voices", params={"page_size": 10}, cancel=cancel)
        count = data.get("total_count", len(data.get("voices", []))) if isinstance(data, dict) else 0
        return f"Connected to ElevenLabs: {count} voice(s) in the account"
