"""Thumbnails and waveform peaks for clips, computed off the GUI thread.

The painter asks for what it needs on every repaint; a miss schedules a
background job (at most one per key) and returns None, so the clip draws a
placeholder until ``updated`` fires. Jobs read the media engine's on-disk caches
(``app.media.services``: one-per-second thumbnails, base-level waveform peaks)
when they are ready, else decode through the engine's shared ``FrameFetcher`` /
``load_audio``. Results are kept in bounded in-memory LRUs keyed by file and time.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage

from widgets.shell.engine_loader import engine_ready

log = logging.getLogger(__name__)

THUMB_H = 64  # pixel height thumbnails are made at (drawn scaled to the track)
PEAKS_PER_SECOND = 200

if TYPE_CHECKING:
    import numpy as np

    from app.media.decode import FrameFetcher


class _Signals(QObject):
    done = Signal(object, object)  # key, result (QImage | ndarray | None)


class _Job(QRunnable):
    def __init__(self, key: tuple, fn, signals: _Signals) -> None:
        super().__init__()
        self.key, self.fn, self.signals = key, fn, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # a broken file: log it, keep the placeholder
            log.info("timeline media: %s failed: %s", self.key, exc)
            result = None
        self.signals.done.emit(self.key, result)


def compute_peaks(samples: np.ndarray, rate: int, per_second: int = PEAKS_PER_SECOND) -> np.ndarray:
    """Max absolute amplitude per bin over all channels: float32 (bins,) in 0..1."""
    import numpy as np

    if samples.size == 0:
        return np.zeros(0, np.float32)
    mono = np.abs(samples).max(axis=1) if samples.ndim == 2 else np.abs(samples)
    hop = max(1, rate // per_second)
    n = len(mono) // hop * hop
    bins = mono[:n].reshape(-1, hop).max(axis=1) if n else np.zeros(0, np.float32)
    if len(mono) > n:
        bins = np.append(bins, mono[n:].max())
    return np.clip(bins, 0, 1).astype(np.float32)


class ClipMediaCache(QObject):
    """Per-session cache of thumbnails (QImage) and waveform peaks (ndarray)."""

    updated = Signal()

    def __init__(self, parent: QObject | None = None, max_thumbs: int = 1500, session=None) -> None:
        super().__init__(parent)
        self.session = session
        self._thumbs: OrderedDict[tuple, QImage | None] = OrderedDict()
        self._scaled: OrderedDict[tuple, QImage] = OrderedDict()
        self._peaks: dict[str, np.ndarray | None] = {}
        self._pending: set[tuple] = set()
        self._max_thumbs = max_thumbs
        self._pool = QThreadPool.globalInstance()  # shared: app-wide "busy" and core count
        # parentless and referenced by every job: a job finishing after this cache is deleted
        # emits on a live object instead of a dangling one
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._fetcher: FrameFetcher | None = None
        self._fetcher_root: Path | None = None
        self._lock = threading.Lock()
        self.generation = 0  # bumped whenever a result arrives: drawings made before are stale

    def clear(self) -> None:
        self.generation += 1
        self._thumbs.clear()
        self._scaled.clear()
        self._peaks.clear()

    # ---------------------------------------------------------------- fetcher
    def _services(self):
        """The project's media services (GUI thread only), or None without a project/engine."""
        if self.session is None or self.session.bundle is None or not engine_ready():
            return None
        try:
            from app.media.services import media_services

            return media_services(self.session)
        except Exception:
            return None

    def _frame_fetcher(self, root: Path):
        with self._lock:
            if self._fetcher is None or self._fetcher_root != root:
                from app.media.decode import FrameFetcher

                self._fetcher = FrameFetcher(root, cache_bytes=64 * 1024 * 1024, max_files=8)
                self._fetcher_root = root
            return self._fetcher

    # -------------------------------------------------------------- requests
    def thumbnail(self, root: Path, path: Path, seconds: float, is_still: bool, aspect: float,
                  height: int = THUMB_H, src_fps: float = 30.0) -> QImage | None:
        """A thumbnail of ``path`` at ``seconds`` (quantised to 1/4 s) scaled to ``height``, or None while made."""
        quarter = 0 if is_still else round(seconds * 4)
        key = ("t", str(path), quarter)
        scaled_key = (key, height)
        hit = self._scaled.get(scaled_key)  # hits skip LRU reordering: repaints must be cheap
        if hit is not None:
            return hit
        if key in self._thumbs:
            img = self._thumbs[key]
            if img is None or img.isNull():
                return img
            # RGB32 is the raster engine's own format: drawn without a conversion every repaint
            scaled = img.scaledToHeight(max(1, height), Qt.TransformationMode.SmoothTransformation).convertToFormat(
                QImage.Format.Format_RGB32)
            self._scaled[scaled_key] = scaled
            while len(self._scaled) > self._max_thumbs:
                self._scaled.popitem(last=False)
            return scaled
        if key not in self._pending:
            self._pending.add(key)
            width = max(8, int(THUMB_H * aspect))
            t = Fraction(quarter, 4)
            svc = self._services()
            fetcher = svc.fetcher if svc is not None else None
            cache_dir = svc.cache_dir if svc is not None else None

            def make() -> QImage:
                import numpy as np

                rgb = _engine_thumbnail(cache_dir, path, t, src_fps) if cache_dir is not None else None
                if rgb is None:
                    rgb = (fetcher or self._frame_fetcher(root)).frame_at(path, t, size=(width, THUMB_H),
                                                                          use_proxy=True)
                elif rgb.shape[0] != THUMB_H:
                    import cv2

                    rgb = cv2.resize(rgb, (width, THUMB_H), interpolation=cv2.INTER_AREA)
                rgb = np.ascontiguousarray(rgb)
                h, w, _ = rgb.shape
                return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()

            self._pool.start(_Job(key, make, self._signals))
        return None

    def peaks(self, path: Path) -> np.ndarray | None:
        """Waveform peaks of an audio file (PEAKS_PER_SECOND bins), or None while computed."""
        skey = str(path)
        if skey in self._peaks:
            return self._peaks[skey]
        key = ("p", skey)
        if key not in self._pending:
            self._pending.add(key)
            svc = self._services()
            cache_dir = svc.cache_dir if svc is not None else None

            def make() -> np.ndarray:
                from app.media.audio_io import load_audio

                peaks = _engine_peaks(cache_dir, path) if cache_dir is not None else None
                if peaks is not None:
                    return peaks
                return compute_peaks(load_audio(path, rate=48000, channels=2), 48000)

            self._pool.start(_Job(key, make, self._signals))
        return None

    def _on_done(self, key: tuple, result) -> None:
        self._pending.discard(key)
        if key[0] == "t":
            self._thumbs[key] = result
            while len(self._thumbs) > self._max_thumbs:
                self._thumbs.popitem(last=False)
        else:
            self._peaks[key[1]] = result
        self.generation += 1
        self.updated.emit()

    def wait_idle(self, msecs: int = 10000) -> bool:
        """Block until queued jobs finish (tests, benchmarks)."""
        return self._pool.waitForDone(msecs)


def _engine_thumbnail(cache_dir: Path, path: Path, t: Fraction, src_fps: float) -> np.ndarray | None:
    """The media engine's cached thumbnail nearest before ``t`` (one per second), if made."""

    try:
        from app.media import thumbnails as thumbs
        from app.media.cachepaths import thumbs_dir

        folder = thumbs_dir(cache_dir, path)
        if not thumbs.thumbnails_ready(folder):
            return None
        found = thumbs.nearest(folder, int(t * Fraction(src_fps).limit_denominator(1001)))
        return thumbs.load_thumbnail(found) if found is not None else None
    except (ImportError, OSError):
        return None


def _engine_peaks(cache_dir: Path, path: Path) -> np.ndarray | None:
    """Our peak bins from the media engine's cached base-level waveform, if made."""
    import numpy as np

    try:
        from app.media import waveform as wave
        from app.media.cachepaths import waveform_path

        base = wave.load_base(waveform_path(cache_dir, path))
    except (ImportError, OSError):
        return None
    if base is None or len(base) == 0:
        return None
    reduced = wave.reduce_peaks(base, 48000 // PEAKS_PER_SECOND)
    return np.clip(np.abs(reduced).max(axis=1), 0, 1).astype(np.float32)
