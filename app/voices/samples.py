"""Checks on a voice-cloning sample before anything is uploaded or paid for.

A vendor clones well from 10 s to a few minutes of one clean voice. Too short, silent,
clipped or too long samples are refused here with a message that says what to do, and a
good one is converted to a 16-bit mono 24 kHz WAV (small enough for every vendor's upload
limit: 5 minutes is 14 MB, MiniMax allows 20 MB) that the cloning call sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.errors import UserError

MIN_SECONDS = 10.0
MAX_SECONDS = 300.0
SILENT_DBFS = -45.0  # the loud half of the sample must be above this
CLIPPED_FRACTION = 0.002  # more than 0.2 % of samples at full scale: audibly distorted
UPLOAD_RATE = 24000


class SampleRejected(UserError):
    """The sample cannot make a good voice; the message says why and what to do."""


@dataclass(frozen=True)
class SampleReport:
    seconds: float
    level_dbfs: float  # RMS of the louder half (speech, not pauses)
    clipped_fraction: float


def analyse(audio: np.ndarray, rate: int) -> SampleReport:
    seconds = len(audio) / rate
    frames = audio[: len(audio) // 1200 * 1200].reshape(-1, 1200) if len(audio) >= 1200 else audio.reshape(1, -1)
    rms = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))
    loud = np.sort(rms)[len(rms) // 2:]
    level = 20 * np.log10(float(np.sqrt(np.mean(loud ** 2))) + 1e-12)
    clipped = float(np.mean(np.abs(audio) >= 0.999)) if len(audio) else 0.0
    return SampleReport(seconds, level, clipped)


def check(report: SampleReport) -> None:
    if report.seconds < MIN_SECONDS:
        raise SampleRejected(QCoreApplication.translate(
            "VoiceSamples", "The sample is {s:.1f} s long; record at least 10 s (20-30 s of clear speech is best).")
            .format(s=report.seconds))
    if report.seconds > MAX_SECONDS:
        raise SampleRejected(QCoreApplication.translate(
            "VoiceSamples", "The sample is {m:.1f} minutes long; use 10 s to 5 minutes of one voice.")
            .format(m=report.seconds / 60))
    if report.level_dbfs < SILENT_DBFS:
        raise SampleRejected(QCoreApplication.translate(
            "VoiceSamples", "The sample is almost silent ({db:.0f} dBFS); record closer to the microphone.")
            .format(db=report.level_dbfs))
    if report.clipped_fraction > CLIPPED_FRACTION:
        raise SampleRejected(QCoreApplication.translate(
            "VoiceSamples", "The sample is distorted ({p:.1f} % of it clipped); record it again with the input "
            "level lower.").format(p=report.clipped_fraction * 100))


def prepare(source: Path, dest: Path) -> SampleReport:
    """Decode any audio file, check it, and write the upload WAV at ``dest`` (worker thread)."""
    import soundfile as sf

    from providers import speech_audio

    try:
        audio = speech_audio.decode(Path(source).read_bytes(), Path(source).suffix.lstrip(".").lower())
    except (OSError, speech_audio.AudioRejected) as exc:
        raise SampleRejected(QCoreApplication.translate(
            "VoiceSamples", "{name} is not a readable audio file ({reason}).").format(
                name=Path(source).name, reason=exc)) from None
    report = analyse(audio, speech_audio.TAKE_RATE)
    check(report)
    small = speech_audio.resample(audio, speech_audio.TAKE_RATE, UPLOAD_RATE)
    dest.parent.mkdir(parents=True, exist_ok=True)
    sf.write(dest, np.clip(small, -1, 1), UPLOAD_RATE, subtype="PCM_16", format="WAV")
    return report
