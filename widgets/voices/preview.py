"""Preview a character's voice: speak a sample sentence through the job queue, then play it.

The speech call runs on the queue like any generation (progress, cancel, errors in the
Jobs panel); the sound plays on the default output device. Nothing is stored in the
project: a preview is for listening, the takes come from Generate Voices.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.jobs.job import FunctionJob, JobContext
from app.model import Character, DialogueLine, Series
from app.session import Session
from app.voices.cast import language_of
from app.voices.plan import speech_request


def sample_text(character: Character) -> str:
    name = character.name or "…"
    if language_of(character, name) == "zh":
        return f"你好，我是{name}。这就是我说话的声音。"
    return f"Hello, I'm {name}. This is how I sound."


def speak(provider_name: str, request, ctx: JobContext) -> np.ndarray:  # noqa: ANN001 - a SpeechRequest
    """Worker: one speech call, decoded to 48 kHz mono float32 (nothing stored)."""
    from app.jobs.provider_config import make_provider
    from providers import speech_audio
    from providers.base import FAILED, SUCCEEDED

    with tempfile.TemporaryDirectory(prefix="microdrama-preview-") as tmp:
        provider = make_provider(provider_name, staging_dir=Path(tmp))
        handle = provider.submit(request, ctx.token)
        status = provider.poll(handle, ctx.token)
        while status.state not in (SUCCEEDED, FAILED):
            ctx.token.sleep(max(0.5, provider.poll_interval(handle)))
            status = provider.poll(handle, ctx.token)
        if status.state == FAILED:
            raise RuntimeError(status.error or "the preview failed")
        path = provider.download((status.outputs or handle.output_refs())[0], Path(tmp) / "out", ctx.token)
        audio = speech_audio.decode(path.read_bytes(), path.suffix.lstrip(".").lower())
        speech_audio.check_speech(audio)
        return audio


def preview_job(session: Session, characters: list[Character], character: Character,
                on_audio: Callable[[np.ndarray], None]) -> FunctionJob:
    """Queue a preview of ``character``'s voice as currently edited (``characters`` = the edited cast)."""
    series = Series(characters=characters, settings=session.series.settings)
    line = DialogueLine(character_id=character.id, character_name=character.name, text=sample_text(character))
    spec, request = speech_request(series, line)
    title = QCoreApplication.translate("Voices", "Preview voice of {name}").format(name=character.name)
    job = FunctionJob(title, lambda ctx: speak(spec.provider, request, ctx), on_done=on_audio,
                      resource=spec.provider, kind="voice_preview")
    return session.services.jobs.add(job)
