"""Sample-rate conversion of takes to the project rate (48 kHz).

Polyphase filtering (``scipy.signal.resample_poly``) on integer ratios such as
44100 -> 48000 (147:160): exact length, no drift against picture.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
import soundfile as sf


def resample(audio: np.ndarray, from_rate: int, to_rate: int) -> np.ndarray:
    if from_rate == to_rate or len(audio) == 0:
        return audio.astype(np.float32, copy=False)
    from scipy.signal import resample_poly  # SciPy loads on first use: importing it costs seconds at start-up

    g = math.gcd(int(from_rate), int(to_rate))
    out = resample_poly(audio, to_rate // g, from_rate // g, axis=0)
    return out.astype(np.float32)


def resample_wav_file(path: Path, from_rate: int, to_rate: int) -> int:
    """Replace the WAV at ``path`` by its ``to_rate`` version (24-bit); returns its frame count.

    Written next to it and renamed over it, so a failure leaves the original intact.
    """
    path = Path(path)
    audio, rate = sf.read(path, dtype="float32", always_2d=True)
    if rate != from_rate:
        from_rate = rate
    out = resample(audio, from_rate, to_rate)
    tmp = path.with_name(path.name + ".resampled.tmp")
    try:
        sf.write(tmp, np.clip(out, -1.0, 1.0), to_rate, subtype="PCM_24", format="WAV")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(out)
