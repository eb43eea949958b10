"""Worker side of a voice job: turn the provider's audio into a take file in the bundle.

Whatever the vendor answered (mp3, wav, raw pcm, already-decoded espeak-ng WAV), the
result is decoded, checked (not text, not cut off, not silent) and written as a 24-bit
48 kHz mono WAV at ``takes/<line id>/<take id>.wav``, next to the booth's recordings.
The asset's id ``take_<take id>`` is the one the booth uses, so the mixer, clean-up and
trash treat an AI take like a recorded one. Nothing is registered here (that is the
landing's job, on the GUI thread); a rejected answer raises ``ResultRejected`` and
leaves no file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bundle import ProjectBundle
from app.fsutil import sha256_file
from app.jobs.landing import ResultRejected
from app.model import MediaAsset, MediaKind, Provenance
from app.model.ids import new_id


def take_rel(line_id: str, take_id: str) -> str:
    return f"takes/{line_id}/{take_id}.wav"


def store_take(bundle: ProjectBundle, path: Path, provenance: Provenance, target: dict[str, Any]) -> MediaAsset:
    """Decode, check and write the take; returns its (unregistered) asset with provenance."""
    from app.audio.takes import audio_probe
    from providers import speech_audio

    try:
        audio = speech_audio.decode(Path(path).read_bytes(), Path(path).suffix.lstrip(".").lower())
        audio = speech_audio.fade_edges(audio)
        speech_audio.check_speech(audio)
    except speech_audio.AudioRejected as exc:
        raise ResultRejected(QCoreApplication.translate(
            "Voices", "The speech answer was not stored: {reason}.").format(reason=exc)) from None
    take_id = new_id()
    rel = take_rel(str(target.get("line_id") or "unknown"), take_id)
    out = bundle.root / rel
    speech_audio.write_take(audio, out)
    provenance.original_filename = Path(path).name
    if target.get("scratch"):
        provenance.notes = "offline scratch voice (espeak-ng)"
    return MediaAsset(id=f"take_{take_id}", sha256=sha256_file(out), path=rel, kind=MediaKind.AUDIO,
                      original_name=out.name, size_bytes=out.stat().st_size, imported_at=provenance.created_at,
                      probe=audio_probe(out), provenance=provenance)
