"""MiniMax music generation: a music bed from a text prompt, no self-hosted service needed.

Wire format (MiniMax's music API, as official clients call it):
- ``POST /v1/music_generation`` (Bearer key; global ``https://api.minimax.io``, China
  ``https://api.minimaxi.com``) ``{model: music-2.6|music-2.5|music-2.0|music-1.5, prompt (<= 2000),
  lyrics (<= 3500; "[Instrumental]" on models without is_instrumental), is_instrumental,
  output_format: url|hex, audio_setting: {sample_rate, bitrate, format}, stream: false}``.
- Synchronous: the answer is the result, ``{data: {audio: <hex or url>, status: 2}, extra_info:
  {music_duration (ms), music_sample_rate, music_size, ...}, trace_id, base_resp}``; errors are in
  ``base_resp`` (usually with HTTP 200), the codes of :data:`providers.minimax.STATUS_CODES`.
- A URL result lasts hours, not days (12-24 h), so the job downloads it at once.
The track length is the model's choice (about 1-4 minutes); the timeline trims the bed.
"""

from __future__ import annotations

import binascii
from typing import Any

from providers import errors as E
from providers.base import (
    MUSIC,
    SUCCEEDED,
    CancelToken,
    GenerationRequest,
    MusicRequest,
    OutputRef,
    TaskHandle,
    TaskStatus,
)
from providers.minimax import MiniMaxProvider

INSTRUMENTAL_FLAG_MODELS = ("music-2.5", "music-2.6", "music-3")


class MiniMaxMusicProvider(MiniMaxProvider):
    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, MusicRequest):
            raise self.error(f"{request.capability} generation is not offered by MiniMax Music", kind=E.CONFIG)
        model = self.model_for(request) or "music-2.6"
        fmt = str(self.settings.get("output_format") or "url")
        prompt = ", ".join(x for x in (request.prompt.strip(), request.style.strip()) if x)[:2000]
        if not prompt:
            raise self.error("the music prompt is empty", kind=E.BAD_REQUEST)
        body: dict[str, Any] = {"model": model, "prompt": prompt, "stream": False, "output_format": fmt,
                                "audio_setting": {"sample_rate": 44100, "bitrate": 256000, "format": "mp3"}}
        lyrics = str(request.parameters.get("lyrics") or "")[:3500]
        if request.instrumental:
            if model.startswith(INSTRUMENTAL_FLAG_MODELS):
                body["is_instrumental"] = True
            else:
                body["lyrics"] = "[Instrumental]"  # older models need lyrics; this placeholder asks for none
        elif lyrics:
            body["lyrics"] = lyrics
        else:
            body["lyrics_optimizer"] = True  # words written from the prompt
        body.update({k: v for k, v in request.parameters.items() if k != "lyrics"})
        data = self._call("POST", "/v1/music_generation", cancel, json=body, billable=True)
        audio = str((data.get("data") or {}).get("audio") or "")
        if not audio:
            raise self.error("MiniMax answered without music", kind=E.INVALID_RESPONSE)
        info = data.get("extra_info") or {}
        seconds = float(info.get("music_duration") or 0) / 1000.0
        if audio.startswith(("http://", "https://")):
            output = OutputRef(url=audio, media_type="audio", mime="audio/mpeg", filename="minimax-music.mp3")
        else:
            try:
                raw = binascii.unhexlify(audio)
            except (binascii.Error, ValueError):
                raise self.error("the music in the answer is not valid hex", kind=E.INVALID_RESPONSE) from None
            output = OutputRef(path=str(self.stage_bytes(raw, ".mp3")), media_type="audio", mime="audio/mpeg")
        return TaskHandle(provider=self.name, capability=MUSIC, task_id=str(data.get("trace_id") or "minimax-music"),
                          model=model, outputs=[output.to_dict()], cost_units=1.0,
                          endpoint={"seconds": seconds})

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        return TaskStatus(state=SUCCEEDED, progress=1.0, outputs=handle.output_refs())

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        return super().check_connection(cancel).replace("MiniMax", "MiniMax Music")
