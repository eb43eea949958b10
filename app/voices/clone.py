"""Clone a character's voice from a sample (a booth take or a file), through the job queue.

The sample is checked first (``samples``: too short, silent, clipped or too long samples are
refused before anything is uploaded), converted to a small WAV, and sent to the provider's
``clone_voice``. The new voice id lands on the character as an undoable edit (and stays in
the project even if a dialog that started it is cancelled: a cloned voice may be billed).
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.jobs.job import FunctionJob, JobContext
from app.model import Character
from app.session import Session
from app.voices.samples import prepare


def can_clone(provider: str) -> bool:
    """The provider's client offers ``clone_voice`` (checked on the class, nothing is built)."""
    from providers import registry

    try:
        return hasattr(registry.get(provider).provider_class(), "clone_voice")
    except (KeyError, ImportError, AttributeError):
        return False


def can_convert(provider: str) -> bool:
    """The provider turns a recording into another voice (speech to speech)."""
    return provider == "elevenlabs"


def new_voice_id(character: Character) -> str:
    """MiniMax wants a caller-chosen id of at least 8 characters starting with a letter."""
    return f"md{character.id[:8]}{uuid.uuid4().hex[:6]}"


def _clone(provider_name: str, character: Character, sample: Path, ctx: JobContext) -> str:
    from app.jobs.provider_config import make_provider

    with tempfile.TemporaryDirectory(prefix="microdrama-clone-") as tmp:
        ctx.progress(None, QCoreApplication.translate("Voices", "Checking the sample"))
        upload = Path(tmp) / "sample.wav"
        prepare(sample, upload)
        ctx.token.raise_if_cancelled()
        ctx.progress(None, QCoreApplication.translate("Voices", "Cloning the voice"))
        provider = make_provider(provider_name, staging_dir=Path(tmp))
        if provider_name == "minimax_speech":
            return provider.clone_voice(upload, new_voice_id(character), ctx.token)
        return provider.clone_voice(upload, character.name or "Microdrama voice", ctx.token)


def clone_job(session: Session, character: Character, provider: str, sample: Path,
              on_voice: Callable[[str], None] | None = None) -> FunctionJob:
    """Queue the cloning of ``character``'s voice from ``sample`` with ``provider``."""
    character_id = character.id

    def done(voice_id: str) -> None:
        live = session.document.find(character_id)
        if live is not None:
            session.document.edit(live.voice, QCoreApplication.translate("VoicesClone", "Clone voice"), provider=provider, voice_id=voice_id, cloned=True)
        if on_voice is not None:
            on_voice(voice_id)

    title = QCoreApplication.translate("Voices", "Clone voice of {name}").format(name=character.name)
    job = FunctionJob(title, lambda ctx: _clone(provider, character, Path(sample), ctx), on_done=done,
                      resource=provider, kind="voice_clone")
    return session.services.jobs.add(job)
