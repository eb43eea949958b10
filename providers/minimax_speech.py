"""MiniMax T2A v2 text to speech (synchronous), with emotion from the line's parenthetical.

Wire format (``../shared/PROVIDERS-MORE.md`` §4, from MiniMax's docs and MCP server):

- ``POST /v1/t2a_v2`` with ``{model, text, stream: false, voice_setting: {voice_id, speed, vol,
  pitch, emotion?}, audio_setting: {sample_rate, bitrate, format, channel}, output_format:
  "hex"|"url", language_boost}`` -> ``{data: {audio: <hex or url>, status}, extra_info:
  {audio_length, usage_characters, ...}, trace_id, base_resp: {status_code, status_msg}}``.
- Errors come in ``base_resp`` with HTTP 200 (1002 rate limit, 1004/2049 key, 1008 balance,
  1026 sensitive input, 2013 invalid parameters ...), shared with the video client.
- A URL answer is valid for 24 h and fetched without our key (it is a CDN, not the API host).

The answer (mp3 by default) is decoded, checked and staged as one 48 kHz WAV; texts over
the limit are split at sentence ends and joined with a crossfade. MiniMax has no free-text
delivery instructions, so a parenthetical is mapped to one of its emotions when it names one.
"""

from __future__ import annotations

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
from providers.errors import ProviderError
from providers.minimax import minimax_error
from providers.spoken import SpokenResultClient

MAX_CHARS = 9000  # the documented limit is under 10,000 characters
EMOTIONS = ("happy", "sad", "angry", "fearful", "disgusted", "surprised", "neutral")
# words of a parenthetical (English and Chinese) that name one of MiniMax's emotions
_EMOTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("angry", ("angr", "furious", "rage", "shout", "yell", "怒", "生气", "吼", "喊")),
    ("sad", ("sad", "cry", "tear", "sob", "grie", "哭", "难过", "伤心", "悲", "哽咽")),
    ("fearful", ("fear", "afraid", "scared", "terrif", "panic", "怕", "恐", "惊慌")),
    ("surprised", ("surpris", "shock", "astonish", "惊讶", "震惊", "吃惊")),
    ("disgusted", ("disgust", "contempt", "sneer", "厌恶", "恶心", "鄙视", "不屑")),
    ("happy", ("happy", "laugh", "smil", "joy", "cheer", "excit", "笑", "开心", "高兴", "兴奋")),
)


def emotion_for(instructions: str) -> str:
    """MiniMax's emotion for a delivery note, or "" when it names none."""
    text = instructions.casefold()
    for emotion, words in _EMOTION_WORDS:
        if any(w in text for w in words):
            return emotion
    return ""


class MiniMaxSpeechProvider(SpokenResultClient):
    default_poll_interval = 0.0

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        base = body.get("base_resp") if isinstance(body, dict) else None
        if isinstance(base, dict) and base.get("status_code"):
            return minimax_error(int(base["status_code"]), str(base.get("status_msg") or ""), response.status_code,
                                 provider=self.name, retry_after=E.parse_retry_after(response.headers.get("Retry-After")),
                                 secrets=self.secret_values())
        return None

    def body_for(self, request: SpeechRequest, text: str) -> dict[str, Any]:
        voice: dict[str, Any] = {
            "voice_id": request.voice or str(self.settings.get("voice") or "male-qn-qingse"),
            "speed": min(2.0, max(0.5, float(request.speed or 1.0))),
            "vol": 1.0,
            "pitch": int(min(12, max(-12, int(request.parameters.get("pitch", 0))))),
        }
        emotion = str(request.parameters.get("emotion") or emotion_for(request.instructions))
        if emotion in EMOTIONS:
            voice["emotion"] = emotion
        return {"model": self.model_for(request) or "speech-02-hd", "text": text, "stream": False,
                "voice_setting": voice,
                "audio_setting": {"sample_rate": 32000, "bitrate": 128000, "format": "mp3", "channel": 1},
                "output_format": str(self.settings.get("output_format") or "hex"), "language_boost": "auto"}

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, SpeechRequest):
            raise self.error(f"{request.capability} is not something MiniMax speech makes", kind=E.CONFIG)
        self.require("api_key")
        if not request.text.strip():
            raise self.error("there is no text to speak", kind=E.BAD_REQUEST)
        pieces, trace_ids, characters = [], [], 0
        body: dict[str, Any] = {}
        for text in speech_audio.split_text(request.text, MAX_CHARS):
            body = self.body_for(request, text)
            data = self.http.json("POST", "/v1/t2a_v2", json=body, cancel=cancel, billable=True)
            if not isinstance(data, dict):
                raise self.error(f"unexpected answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
            base = data.get("base_resp") or {}
            if int(base.get("status_code") or 0) != 0:
                raise minimax_error(int(base["status_code"]), str(base.get("status_msg") or ""), 200,
                                    provider=self.name, secrets=self.secret_values())
            audio = (data.get("data") or {}).get("audio") or ""
            fmt = str((data.get("extra_info") or {}).get("audio_format") or "mp3")
            try:
                if audio.startswith(("http://", "https://")):
                    pieces.append(speech_audio.decode(self._fetch(audio, cancel), fmt))
                elif audio:
                    pieces.append(speech_audio.decode_hex(audio, fmt))
                else:
                    raise speech_audio.AudioRejected("the answer holds no audio")
            except speech_audio.AudioRejected as exc:
                raise self.error(f"the speech answer is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
            trace_ids.append(str(data.get("trace_id") or ""))
            characters += int((data.get("extra_info") or {}).get("usage_characters") or len(text))
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        task_id = f"minimax-tts-{uuid.uuid4().hex[:12]}"
        path = self.staging_dir / f"{task_id}.wav"
        try:
            speech_audio.finish(pieces, path)
        except speech_audio.AudioRejected as exc:
            raise self.error(f"the speech answer is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
        return TaskHandle(provider=self.name, capability=SPEECH, task_id=trace_ids[0] or task_id,
                          model=body.get("model", ""),
                          endpoint={"voice": body["voice_setting"]["voice_id"],
                                    "emotion": body["voice_setting"].get("emotion", ""), "trace_ids": trace_ids},
                          outputs=[OutputRef(path=str(path), media_type="audio", mime="audio/wav",
                                             filename=f"{task_id}.wav").to_dict()],
                          cost_units=characters / 1000.0)

    def clone_voice(self, sample: Path, voice_id: str, cancel: CancelToken | None = None) -> str:
        """Upload ``sample`` (wav/mp3, 10 s-5 min, <=20 MB) and clone it as ``voice_id``; returns the id.

        ``POST /v1/files/upload`` (multipart, purpose=voice_clone) -> file_id, then
        ``POST /v1/voice_clone {file_id, voice_id}``. MiniMax bills a cloned voice on first
        use and deletes it after 7 days without use.
        """
        self.require("api_key")
        with open(sample, "rb") as fh:
            data = self.http.json("POST", "/v1/files/upload", data={"purpose": "voice_clone"},
                                  files={"file": (Path(sample).name, fh, "audio/wav")}, cancel=cancel)
        self._check_base(data)
        file_id = (data.get("file") or {}).get("file_id")
        if not file_id:
            raise self.error("the upload answer has no file_id", kind=E.INVALID_RESPONSE)
        data = self.http.json("POST", "/v1/voice_clone", json={"file_id": file_id, "voice_id": voice_id,
                                                                "need_noise_reduction": True,
                                                                "need_volume_normalization": True}, cancel=cancel,
                              billable=True)
        self._check_base(data)
        return voice_id

    def _check_base(self, data: Any) -> None:
        if not isinstance(data, dict):
            raise self.error(f"unexpected answer: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        base = data.get("base_resp") or {}
        if int(base.get("status_code") or 0) != 0:
            raise minimax_error(int(base["status_code"]), str(base.get("status_msg") or ""), 200,
                                provider=self.name, secrets=self.secret_values())

    def _fetch(self, url: str, cancel: CancelToken | None) -> bytes:
        """A URL answer: the file lives on MiniMax's CDN (no key sent there)."""
        response = self.http.request("GET", url, auth=False, cancel=cancel)
        return response.content

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        # An empty text is refused before any audio is made (2013), after the key was checked (1004/2049).
        try:
            self.http.json("POST", "/v1/t2a_v2", json={"model": "speech-02-hd", "text": ""}, cancel=cancel)
        except ProviderError as exc:
            if exc.kind in (E.AUTH, E.QUOTA, E.CONNECTION, E.TIMEOUT, E.SERVER, E.CONFIG):
                raise
        return "Connected to MiniMax speech: the key is accepted"
