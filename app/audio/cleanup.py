"""Non-destructive clean-up of a take: trim silence, high-pass, dialogue loudness.

The recorded file is never changed: the processed audio is written to its own
file (``takes/processed/<take>-<settings>.wav``) that playback and the mix use.
Trimming silences the audio before the first and after the last word instead of
cutting it out, so the take stays aligned to picture.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import asdict
from pathlib import Path

import numpy as np
import soundfile as sf

from app.model import TakeCleanup

DIALOGUE_LUFS = -16.0  # spoken word for phone playback; the final mix is normalised separately
PEAK_CEILING = 10 ** (-1.0 / 20)  # -1 dBFS
SILENCE_DB = -45.0
PAD_SECONDS = 0.08
FADE_SECONDS = 0.01


def is_active(cleanup: TakeCleanup) -> bool:
    return bool(cleanup.trim_silence or cleanup.highpass_hz or cleanup.normalize)


def settings_key(cleanup: TakeCleanup) -> str:
    raw = json.dumps(asdict(cleanup), sort_keys=True).encode()
    return hashlib.sha256(raw).hexdigest()[:8]


def speech_bounds(audio: np.ndarray, rate: int, threshold_db: float = SILENCE_DB) -> tuple[int, int] | None:
    """First and last sample of the region louder than ``threshold_db`` (10 ms windows), padded."""
    mono = audio.reshape(len(audio), -1).mean(axis=1)
    win = max(1, rate // 100)
    n = len(mono) // win
    if n == 0:
        return None
    rms = np.sqrt(np.mean(mono[:n * win].reshape(n, win) ** 2, axis=1) + 1e-20)
    loud = np.nonzero(20 * np.log10(rms) > threshold_db)[0]
    if len(loud) == 0:
        return None
    pad = int(PAD_SECONDS * rate)
    return max(0, loud[0] * win - pad), min(len(mono), (loud[-1] + 1) * win + pad)


def trim_silence(audio: np.ndarray, rate: int) -> np.ndarray:
    bounds = speech_bounds(audio, rate)
    out = audio.copy()
    if bounds is None:
        return out * 0
    start, end = bounds
    fade = int(FADE_SECONDS * rate)
    out[:start] = 0
    out[end:] = 0
    ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)[:, None]
    head = out[start:start + fade]
    head *= ramp[:len(head)]
    tail = out[max(start, end - fade):end]
    tail *= ramp[::-1][-len(tail):] if len(tail) else 1
    return out


def highpass(audio: np.ndarray, rate: int, hz: float) -> np.ndarray:
    from scipy.signal import (  # SciPy loads on first use: importing it costs seconds at start-up
        butter,
        sosfiltfilt,
    )

    sos = butter(4, hz, btype="highpass", fs=rate, output="sos")
    if len(audio) <= 27:  # sosfiltfilt needs some padding room
        return audio.copy()
    return sosfiltfilt(sos, audio, axis=0).astype(np.float32)


def loudness(audio: np.ndarray, rate: int) -> float:
    """Integrated loudness (BS.1770, LUFS); RMS-based for takes under 0.4 s."""
    if len(audio) >= int(0.4 * rate):
        import pyloudnorm

        value = pyloudnorm.Meter(rate).integrated_loudness(audio.astype(np.float64))
        if math.isfinite(value):
            return float(value)
    rms = float(np.sqrt(np.mean(audio.astype(np.float64) ** 2))) if len(audio) else 0.0
    return -120.0 if rms <= 1e-9 else 20 * math.log10(rms) - 0.691


def normalise(audio: np.ndarray, rate: int, target_lufs: float = DIALOGUE_LUFS) -> np.ndarray:
    current = loudness(audio, rate)
    if current <= -70:
        return audio.copy()
    gain = 10 ** ((target_lufs - current) / 20)
    peak = float(np.max(np.abs(audio))) if len(audio) else 0.0
    if peak * gain > PEAK_CEILING:  # never push a word into clipping to reach the target
        gain = PEAK_CEILING / peak
    return (audio * gain).astype(np.float32)


def process(audio: np.ndarray, rate: int, cleanup: TakeCleanup) -> np.ndarray:
    """The clean-up chain in a fixed order: high-pass, trim, then loudness."""
    out = np.asarray(audio, np.float32).reshape(len(audio), -1)
    if cleanup.highpass_hz:
        out = highpass(out, rate, float(cleanup.highpass_hz))
    if cleanup.trim_silence:
        out = trim_silence(out, rate)
    if cleanup.normalize:
        out = normalise(out, rate)
    return out


def render(source: Path, target: Path, cleanup: TakeCleanup) -> Path:
    """Write the processed version of ``source`` to ``target`` (atomically). ``source`` is only read."""
    audio, rate = sf.read(source, dtype="float32", always_2d=True)
    out = process(audio, rate, cleanup)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    try:
        sf.write(tmp, np.clip(out, -1.0, 1.0), rate, subtype="PCM_24", format="WAV")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
