"""A landmark audio fingerprint (spectral peak pairs, after Wang's Shazam paper and audfprint).

Why hand-written: Chromaprint (pyacoustid + fpcalc) fingerprints whole files for
identification and its chroma frames are fixed in time, so it neither locates an
excerpt inside an episode nor survives a tempo change; audfprint is a script, not a
maintained library. The landmark idea is small: spectrogram peaks survive
re-encoding and added music (the loudest points of our mix stay the loudest points
locally); a pair of peaks (f1, f2 - f1, dt) is a hash that is looked up exactly in
an inverted index, so a season of episodes answers in the time of a few array
searches. Speed changes made with a tempo filter keep the pitch and scale dt, so
the suspect's peak times are rescaled for each speed hypothesis before pairing; a
speed-up made by resampling (``asetrate``: the voices get higher) also scales every
frequency by the same factor, so that hypothesis rescales the peak frequencies too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from scipy.ndimage import maximum_filter

RATE = 8000
N_FFT = 512
HOP = 256  # 32 ms
FRAME_SECONDS = HOP / RATE
PEAKS_PER_SECOND = 24
FANOUT = 6
MAX_DT = 48  # frames (1.5 s)
MAX_DF = 64  # bins
SPEEDS = np.round(1.025 ** np.arange(-12, 13), 4)  # 0.74 .. 1.35
OFFSET_BIN = 0.25  # seconds
MIN_HITS = 14  # landmarks agreeing on one (episode, offset)
SEGMENT_FRAMES = 62 * 60  # peaks are picked per 62-frame (2 s) block: a segment holds whole blocks (2 min)
MIN_LIFT = 4.0  # ... and this many times the typical (episode, offset) bin of the same suspect


@dataclass(frozen=True)
class AudioPrint:
    peaks_t: np.ndarray  # (p,) float32 frame index of each peak
    peaks_f: np.ndarray  # (p,) int16 frequency bin
    duration: float

    @property
    def empty(self) -> bool:
        return len(self.peaks_t) < 8


EMPTY = AudioPrint(np.zeros(0, np.float32), np.zeros(0, np.int16), 0.0)


def _decoded_chunks(path: Path, cancelled: Callable[[], bool] | None = None,
                    max_seconds: float | None = None) -> Iterator[np.ndarray] | None:
    """The first audio stream as mono float32 pieces at 8 kHz, or None when the file has none."""
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError):
        return None
    if not container.streams.audio:
        container.close()
        return None

    def pieces() -> Iterator[np.ndarray]:
        with container:
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
            total = 0
            try:
                for frame in container.decode(stream):
                    if cancelled and cancelled():
                        return
                    for out in resampler.resample(frame):
                        chunk = out.to_ndarray().reshape(-1)
                        total += len(chunk)
                        yield chunk
                    if max_seconds and total > max_seconds * RATE:
                        return
            except (av.error.FFmpegError, ValueError):
                return  # a damaged tail: keep what decoded

    return pieces()


def decode_mono(path: Path, cancelled: Callable[[], bool] | None = None,
                max_seconds: float | None = None) -> np.ndarray | None:
    """The first audio stream as mono float32 at 8 kHz, or None when the file has none."""
    pieces = _decoded_chunks(path, cancelled, max_seconds)
    if pieces is None:
        return None
    chunks = list(pieces)
    if cancelled and cancelled():
        return None
    return np.concatenate(chunks).astype(np.float32) if chunks else None


def stream_peaks(path: Path, cancelled: Callable[[], bool] | None = None,
                 max_seconds: float | None = None) -> AudioPrint:
    """``peaks_of(decode_mono(path))`` in segments of whole 2-second blocks (about ten minutes), so an
    hours-long suspect needs 20 MB of samples at a time instead of half a gigabyte."""
    pieces = _decoded_chunks(path, cancelled, max_seconds)
    if pieces is None:
        return EMPTY
    segment = SEGMENT_FRAMES * HOP
    pending: list[np.ndarray] = []
    held = base = total = 0
    parts_t: list[np.ndarray] = []
    parts_f: list[np.ndarray] = []

    def take(samples: np.ndarray, first_frame: int) -> None:
        found = peaks_of(samples)
        parts_t.append(found.peaks_t + np.float32(first_frame))
        parts_f.append(found.peaks_f)

    for piece in pieces:
        pending.append(piece)
        held += len(piece)
        total += len(piece)
        if held >= segment + N_FFT:
            buffer = np.concatenate(pending)
            take(buffer[:segment + N_FFT - HOP], base)  # exactly SEGMENT_FRAMES frames
            base += SEGMENT_FRAMES
            pending, held = [buffer[segment:]], len(buffer) - segment
    if cancelled and cancelled():
        return EMPTY
    if pending:
        take(np.concatenate(pending), base)
    if not parts_t:
        return EMPTY
    return AudioPrint(np.concatenate(parts_t).astype(np.float32), np.concatenate(parts_f).astype(np.int16),
                      total / RATE)


def peaks_of(samples: np.ndarray | None) -> AudioPrint:
    """Local maxima of the log spectrogram, at most PEAKS_PER_SECOND, skipping silence."""
    if samples is None or len(samples) < N_FFT * 4:
        return EMPTY
    n = 1 + (len(samples) - N_FFT) // HOP
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(n)[:, None]
    spec = np.abs(np.fft.rfft(samples[idx] * np.hanning(N_FFT).astype(np.float32), axis=1))[:, 1:]
    log = np.log(spec + 1e-4).astype(np.float32)  # (frames, bins)
    local_max = maximum_filter(log, size=(9, 15), mode="constant", cval=-1e9)
    floor = np.log(1e-3 + 1e-4)  # silence
    is_peak = (log == local_max) & (log > floor) & (log > np.median(log, axis=1, keepdims=True) + 2.0)
    t, f = np.nonzero(is_peak)
    strength = log[t, f]
    keep = int(PEAKS_PER_SECOND * n * FRAME_SECONDS)
    if len(t) > keep:
        # the strongest peaks per 2-second block, so quiet passages keep peaks too
        block = t // int(2 / FRAME_SECONDS)
        order = np.lexsort((-strength, block))
        rank = np.arange(len(order)) - np.searchsorted(block[order], block[order])
        chosen = order[rank < int(2 * PEAKS_PER_SECOND)]
        t, f = t[chosen], f[chosen]
    order = np.argsort(t, kind="stable")
    return AudioPrint(t[order].astype(np.float32), f[order].astype(np.int16), len(samples) / RATE)


def landmarks(print_: AudioPrint, speed: float = 1.0, pitch: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(hashes int64, anchor times in reference seconds) with the suspect's time scaled by ``speed`` and
    its frequencies divided by ``pitch`` (a resampled speed-up raises them by the speed factor)."""
    t = print_.peaks_t.astype(np.float64) * speed
    f = print_.peaks_f.astype(np.int64) if pitch == 1.0 else np.round(print_.peaks_f / pitch).astype(np.int64)
    hashes, times = [], []
    n = len(t)
    for k in range(1, FANOUT * 4):
        if k >= n:
            break
        dt = np.round(t[k:] - t[:-k]).astype(np.int64)
        df = f[k:] - f[:-k]
        ok = (dt >= 1) & (dt <= MAX_DT) & (np.abs(df) < MAX_DF)
        if not ok.any():
            if (dt > MAX_DT).all():
                break
            continue
        a = np.nonzero(ok)[0]
        hashes.append((f[:-k][a] << 14) | ((df[a] + MAX_DF) << 6) | dt[a])
        times.append(t[:-k][a])
    if not hashes:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    h, tt = np.concatenate(hashes), np.concatenate(times)
    # cap the fan-out: keep at most FANOUT pairs per anchor (the nearest ones come first)
    order = np.argsort(tt, kind="stable")
    h, tt = h[order], tt[order]
    _, first = np.unique(tt, return_index=True)
    rank = np.arange(len(tt)) - np.repeat(first, np.diff(np.append(first, len(tt))))
    keep = rank < FANOUT
    return h[keep], tt[keep] * FRAME_SECONDS
