"""Input level meter: peak and RMS in dBFS, peak hold and a clip light.

Fed from the recorder's worker thread (never from the audio callback), read by
the GUI at its own frame rate through ``snapshot``; a lock keeps the two apart.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

FLOOR_DB = -90.0
CLIP_LEVEL = 0.999  # full scale, allowing for float->int rounding
HOLD_SECONDS = 1.5
CLIP_SECONDS = 3.0
RMS_WINDOW = 0.3  # seconds, like a VU's integration time


def to_db(value: float) -> float:
    return FLOOR_DB if value <= 1e-9 else max(FLOOR_DB, 20.0 * math.log10(value))


@dataclass(frozen=True)
class MeterReading:
    peak_db: float = FLOOR_DB
    rms_db: float = FLOOR_DB
    hold_db: float = FLOOR_DB
    clipped: bool = False


class LevelMeter:
    def __init__(self, rate: int = 48000, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self.rate = rate
        self._peak = 0.0  # since the last snapshot
        self._sq = 0.0
        self._n = 0
        self._rms_history: list[tuple[float, float, int]] = []
        self._hold = 0.0
        self._hold_at = 0.0
        self._clip_at = -1e9
        self.clip_count = 0

    def feed(self, block: np.ndarray) -> None:
        if block.size == 0:
            return
        mono = np.abs(block.reshape(-1))
        peak = float(mono.max())
        sq = float(np.dot(mono, mono))
        now = self._clock()
        with self._lock:
            self._peak = max(self._peak, peak)
            self._sq += sq
            self._n += mono.size
            if peak >= self._hold or now - self._hold_at > HOLD_SECONDS:
                self._hold, self._hold_at = peak, now
            if peak >= CLIP_LEVEL:
                self._clip_at = now
                self.clip_count += 1

    def snapshot(self) -> MeterReading:
        """Levels since the previous snapshot (peak) and over the last 300 ms (RMS)."""
        now = self._clock()
        with self._lock:
            peak, sq, n = self._peak, self._sq, self._n
            self._peak, self._sq, self._n = 0.0, 0.0, 0
            self._rms_history.append((now, sq, n))
            self._rms_history = [h for h in self._rms_history if now - h[0] <= RMS_WINDOW]
            tot_sq = sum(h[1] for h in self._rms_history)
            tot_n = sum(h[2] for h in self._rms_history)
            if now - self._hold_at > HOLD_SECONDS:
                self._hold = peak
                self._hold_at = now
            hold = self._hold
            clipped = now - self._clip_at <= CLIP_SECONDS
        rms = math.sqrt(tot_sq / tot_n) if tot_n else 0.0
        return MeterReading(to_db(peak), to_db(rms), to_db(max(hold, peak)), clipped)

    def reset_clip(self) -> None:
        with self._lock:
            self._clip_at = -1e9
