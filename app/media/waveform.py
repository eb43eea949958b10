"""Audio waveform peaks for the timeline: min/max per block of samples, cached as .npy.

One base level is stored per source (``BASE_SPP`` = 64 samples per peak at
48 kHz, the mono mix of all channels), which serves every zoom level coarser
than that by reducing blocks; finer zooms read the (cached) decoded audio.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from app.fsutil import atomic_write_bytes
from app.media.audio_io import load_audio
from app.media.background import CancelToken, Progress

RATE = 48000
BASE_SPP = 64


def compute_peaks(samples: np.ndarray, spp: int) -> np.ndarray:
    """(ceil(n / spp), 2) float32 of [min, max] of the mono mix per ``spp`` samples."""
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    if len(mono) == 0:
        return np.zeros((0, 2), np.float32)
    starts = np.arange(0, len(mono), spp)
    return np.stack([np.minimum.reduceat(mono, starts), np.maximum.reduceat(mono, starts)],
                    axis=1).astype(np.float32)


def make_waveform(source: Path, dest: Path, token: CancelToken | None = None,
                  progress: Progress | None = None) -> Path:
    """Decode ``source``'s audio and write its base-level peaks to ``dest`` (.npy)."""
    if token is not None:
        token.check()
    samples = load_audio(source, RATE, 2)
    if token is not None:
        token.check()
    peaks = compute_peaks(samples, BASE_SPP)
    buf = io.BytesIO()
    np.save(buf, peaks)
    dest.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(dest, buf.getvalue())
    if progress is not None:
        progress(1.0)
    return dest


def reduce_peaks(base: np.ndarray, spp: int) -> np.ndarray:
    """Peaks at ``spp`` samples per peak from base-level peaks (``spp`` >= BASE_SPP)."""
    if len(base) == 0:
        return base
    total = len(base) * BASE_SPP
    starts = (np.arange(0, total, spp) // BASE_SPP).astype(np.int64)
    starts = np.unique(np.minimum(starts, len(base) - 1))
    return np.stack([np.minimum.reduceat(base[:, 0], starts), np.maximum.reduceat(base[:, 1], starts)],
                    axis=1).astype(np.float32)


def load_base(path: Path) -> np.ndarray | None:
    try:
        peaks: np.ndarray = np.load(path)
        return peaks
    except (OSError, ValueError):
        return None
