"""Thumbnails and waveform peaks for clips, computed off the GUI thread.

The painter asks for what it needs on every repaint; a miss schedules a
background task (``app.background``, at most one per key; a paint's misses go
out together, a few per task) and returns None, so the clip draws a placeholder
until ``updated`` fires. Tasks get plain values
(paths, times, sizes), never model objects. They read the media engine's on-disk
caches (``app.media.services``: one-per-second thumbnails, base-level waveform
peaks) when they are ready, else decode through the engine's shared
``FrameFetcher`` / ``load_audio``. Until the engine's libraries are loaded
(start-up) nothing is scheduled: the clips repaint when they are. Results are kept in bounded in-memory LRUs keyed by file and time.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from app.background import BackgroundTask, run_in_background
from widgets.shell.engine_loader import engine_ready, when_engine_ready

log = logging.getLogger(__name__)

THUMB_H = 64  # pixel height thumbnails are made at (drawn scaled to the track)
BATCH = 8  # thumbnails or peaks made by one background task (results arrive, and repaint, together)
PEAKS_PER_SECOND = 200

if TYPE_CHECKING:
    import numpy as np

Made: TypeAlias = "QImage | np.ndarray"  # a thumbnail or a file's waveform peaks


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
        self._tasks: dict[tuple, BackgroundTask] = {}
        self._queue: list[tuple[tuple, Callable[[], Made]]] = []  # asked for by the paint running now
        self._flush_timer = QTimer(self, singleShot=True, interval=0)
        self._flush_timer.timeout.connect(self._flush)
        self._waiting_for_engine = False
        self.generation = 0  # bumped whenever a result arrives: drawings made before are stale

    def clear(self) -> None:
        self.generation += 1
        self._thumbs.clear()
        self._scaled.clear()
        self._peaks.clear()
        for key, _make in self._queue:
            self._pending.discard(key)
        self._queue.clear()

    # ---------------------------------------------------------------- fetcher
    def _services(self):
        """The project's media services (GUI thread only), or None without a project/engine."""
        if self.session is None or self.session.bundle is None:
            return None
        if not engine_ready():
            if not self._waiting_for_engine:
                self._waiting_for_engine = True
                when_engine_ready(self._engine_loaded)
            return None
        try:
            return self.session.services.media
        except Exception:
            return None

    def _engine_loaded(self) -> None:
        self._waiting_for_engine = False
        self.generation += 1
        self.updated.emit()  # the clips repaint and ask again

    def _start(self, key: tuple, make: Callable[[], Made]) -> None:
        """Queue ``make`` for ``key``. A paint's misses (dozens when a new episode is shown) are sent
        to the workers together when the paint is over, a few per task: one task each cost the paint
        ~0.1 ms apiece, and a repaint for every single result."""
        self._pending.add(key)
        self._queue.append((key, make))
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        """Start the queued makes, ``BATCH`` per background task, in the order the paint asked for them."""
        queue, self._queue = self._queue, []
        for at in range(0, len(queue), BATCH):
            chunk = queue[at:at + BATCH]
            task = run_in_background(partial(_make_all, chunk), self._on_done, owner=self, name="timeline-media")
            for key, _make in chunk:
                self._tasks[key] = task

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
        svc = self._services() if key not in self._pending else None
        if svc is not None:
            width = max(8, int(THUMB_H * aspect))
            t = Fraction(quarter, 4)
            fetcher, cache_dir = svc.fetcher, svc.cache_dir

            def make() -> QImage:
                import numpy as np

                rgb = _engine_thumbnail(cache_dir, path, t, src_fps)
                if rgb is None:
                    rgb = fetcher.frame_at(path, t, size=(width, THUMB_H), use_proxy=True)
                elif rgb.shape[0] != THUMB_H:
                    import cv2

                    rgb = cv2.resize(rgb, (width, THUMB_H), interpolation=cv2.INTER_AREA)
                rgb = np.ascontiguousarray(rgb)
                h, w, _ = rgb.shape
                return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()

            self._start(key, make)
        return None

    def peaks(self, path: Path) -> np.ndarray | None:
        """Waveform peaks of an audio file (PEAKS_PER_SECOND bins), or None while computed."""
        skey = str(path)
        if skey in self._peaks:
            return self._peaks[skey]
        key = ("p", skey)
        svc = self._services() if key not in self._pending else None
        if svc is not None:
            cache_dir = svc.cache_dir

            def make() -> np.ndarray:
                from app.media.audio_io import load_audio

                peaks = _engine_peaks(cache_dir, path)
                if peaks is not None:
                    return peaks
                return compute_peaks(load_audio(path, rate=48000, channels=2), 48000)

            self._start(key, make)
        return None

    def _on_done(self, results: list[tuple[tuple, Made | None]]) -> None:
        """A task's results, all in one repaint. A file that could not be read gets an empty result
        (a null image, no peaks): the clip keeps its placeholder and is not asked for again."""
        for key, result in results:
            self._pending.discard(key)
            self._tasks.pop(key, None)
            if key[0] == "t":
                self._thumbs[key] = result if isinstance(result, QImage) else QImage()
                while len(self._thumbs) > self._max_thumbs:
                    self._thumbs.popitem(last=False)
            else:
                self._peaks[key[1]] = _no_peaks() if result is None or isinstance(result, QImage) else result
        self.generation += 1
        self.updated.emit()

    def wait_idle(self, msecs: int = 10000) -> bool:
        """Block until the scheduled tasks have run (tests, benchmarks); results arrive as events.

        Loads the engine's libraries here if clips are waiting for them (the next repaint schedules)."""
        if self._waiting_for_engine:
            from widgets.shell.engine_loader import load_engine_now

            load_engine_now()
            self._engine_loaded()
        self._flush_timer.stop()
        self._flush()
        deadline = time.monotonic() + msecs / 1000
        return all(task.wait(max(0.0, deadline - time.monotonic())) for task in list(self._tasks.values()))


def _make_all(chunk: list[tuple[tuple, Callable[[], Made]]]) -> list[tuple[tuple, Made | None]]:
    """Run on a worker: each make's result, or None for a file that could not be read (logged)."""
    out: list[tuple[tuple, Made | None]] = []
    for key, make in chunk:
        try:
            out.append((key, make()))
        except Exception as exc:  # a broken file: log it, keep the placeholder; the others still load
            log.info("timeline media: %s failed: %s", key, exc)
            out.append((key, None))
    return out


def _no_peaks() -> np.ndarray:
    import numpy as np

    return np.zeros(0, np.float32)


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
