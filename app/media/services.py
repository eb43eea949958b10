"""The media engine of the open project: one FrameFetcher plus the managers of derived files.

``session.services.media`` is the ``MediaServices`` of the session's open
bundle, created on first use and replaced when another project is opened (the
old one's background work is cancelled and its decoders closed). Every media
asset that appears in the document (imported, generated, recorded) gets its
thumbnails, waveform and preview proxy made in the background; views listen to
``derivedReady(asset_id, what)`` (``what`` is a ``Derived`` value) and read them
through the accessors here.
"""

from __future__ import annotations

import enum
import logging
import os
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.errors import UserError
from app.media import thumbnails as thumbs
from app.media import waveform as wave
from app.media.background import BackgroundRunner, CancelToken, Progress, TaskFn
from app.media.cachepaths import proxy_path, thumbs_dir, waveform_path
from app.media.decode import FrameFetcher
from app.media.proxy import make_proxy
from app.model import MediaAsset, MediaKind

if TYPE_CHECKING:
    from app.session import Session

log = logging.getLogger(__name__)
SCHEDULE_SLICE = 8  # assets whose derived files are checked and queued per event-loop pass


class Derived(enum.StrEnum):
    """The derived files the media engine makes of an asset (the ``what`` of its signals)."""

    THUMBNAILS = "thumbnails"
    WAVEFORM = "waveform"
    PROXY = "proxy"


def _task_key(what: Derived, asset_id: str) -> str:
    return f"{what}:{asset_id}"


def _parse_key(key: str) -> tuple[Derived, str]:
    what, asset_id = key.split(":", 1)
    return Derived(what), asset_id


class MediaServices(QObject):
    derivedReady = Signal(str, str)  # asset id, Derived value
    derivedFailed = Signal(str, str, str)  # asset id, Derived value, message
    progress = Signal(str, str, float)  # asset id, Derived value, fraction

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        bundle = session.bundle
        if bundle is None:
            raise UserError(QCoreApplication.translate("Errors", "No project is open."))
        self.bundle = bundle
        self.root = bundle.root
        self.fetcher = FrameFetcher(self.root)
        self.cache_dir = self.fetcher.cache_dir
        self.runner = BackgroundRunner(max_threads=1, parent=self)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(self._on_progress)
        self._peaks: dict[str, np.ndarray] = {}
        session.document.mediaChanged.connect(self._on_media_changed)
        self._to_schedule: dict[str, None] = {}  # assets added or changed, in order, not scheduled yet
        self._schedule_timer = QTimer(self, singleShot=True, interval=0)
        self._schedule_timer.timeout.connect(self._schedule_some)
        self._closed = False
        self._resolved: dict[str, tuple[tuple[int, int], Path]] = {}  # relative path -> (lstat stamp, path)
        # derived files deleted with the cache (or never made) are rebuilt in the background.
        # Derived files belong to the file, not the asset: a season has thousands of take and
        # version assets over a few files, and checking each one (resolve + stat) took seconds
        # of the GUI thread at open. Views still schedule any asset they ask for.
        checked: set[str] = set()
        for asset in list(session.series.media.values()):
            if asset.path not in checked:
                checked.add(asset.path)
                self.schedule(asset)

    # ------------------------------------------------------------- accessors
    def path_of(self, asset: MediaAsset) -> Path:
        """The asset's file, checked to be inside the bundle. ``bundle.resolve`` walks every part
        of the path (an lstat each, twice with the root) and ran per card paint, thumbnail and
        schedule on the GUI thread; the answer is kept while the entry's inode and type stay the
        same (one lstat), so a file replaced by another or by a symbolic link is resolved anew."""
        relative = asset.path
        try:
            st = os.lstat(self.root / relative)
        except (OSError, ValueError):
            return self.bundle.resolve(relative)  # missing: as before (the caller checks is_file)
        stamp = (st.st_ino, st.st_mode)
        kept = self._resolved.get(relative)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        path = self.bundle.resolve(relative)
        self._resolved[relative] = (stamp, path)  # a dict item set: safe from worker threads
        return path

    def frame(self, asset: MediaAsset, t: Fraction, size: tuple[int, int] | None = None,
              preview: bool = True) -> np.ndarray:
        return self.fetcher.frame_at(self.path_of(asset), t, size, use_proxy=preview)

    def thumbnail(self, asset: MediaAsset, time: float | Fraction = 0) -> np.ndarray | None:
        """RGB thumbnail (160 px high) nearest before ``time`` seconds, or None while it is being made."""
        path = self.thumbnail_path(asset, time)
        return thumbs.load_thumbnail(path) if path is not None else None

    def thumbnail_path(self, asset: MediaAsset, time: float | Fraction = 0) -> Path | None:
        try:
            source = self.path_of(asset)
            folder = thumbs_dir(self.cache_dir, source)
        except (OSError, UserError):
            return None
        if not thumbs.thumbnails_ready(folder):
            self.schedule(asset, (Derived.THUMBNAILS,))
        fps = float(asset.probe.get("fps") or 30)
        return thumbs.nearest(folder, int(Fraction(time) * Fraction(fps).limit_denominator(1001)))

    def waveform_peaks(self, asset: MediaAsset, samples_per_peak: int) -> np.ndarray | None:
        """(n, 2) float32 [min, max] per ``samples_per_peak`` samples at 48 kHz; None while being made.

        Zooms finer than 64 samples per peak decode the audio on the calling thread (cached).
        """
        base = self._base_peaks(asset)
        if base is None:
            return None
        spp = max(1, int(samples_per_peak))
        if spp >= wave.BASE_SPP:
            return wave.reduce_peaks(base, spp)
        from app.media.audio_io import load_audio
        return wave.compute_peaks(load_audio(self.path_of(asset), wave.RATE, 2), spp)

    def _base_peaks(self, asset: MediaAsset) -> np.ndarray | None:
        hit = self._peaks.get(asset.id)
        if hit is not None:
            return hit
        try:
            path = waveform_path(self.cache_dir, self.path_of(asset))
        except (OSError, UserError):
            return None
        base = wave.load_base(path)
        if base is None:
            self.schedule(asset, (Derived.WAVEFORM,))
            return None
        self._peaks[asset.id] = base
        return base

    def has_proxy(self, asset: MediaAsset) -> bool:
        try:
            return self.fetcher.proxy_for(self.path_of(asset)) is not None
        except (OSError, UserError):
            return False

    # ------------------------------------------------------------ scheduling
    @property
    def closed(self) -> bool:
        """Shut down (its project was closed or replaced): ask the session for the current one."""
        return self._closed

    def wanted(self, asset: MediaAsset) -> tuple[Derived, ...]:
        probe = asset.probe or {}
        if asset.kind is MediaKind.VIDEO:
            if probe.get("has_audio"):
                return (Derived.THUMBNAILS, Derived.PROXY, Derived.WAVEFORM)
            return (Derived.THUMBNAILS, Derived.PROXY)
        if asset.kind is MediaKind.IMAGE:
            return (Derived.THUMBNAILS,)
        return (Derived.WAVEFORM,)

    def schedule(self, asset: MediaAsset, what: tuple[Derived, ...] | None = None) -> list[str]:
        """Queue the missing derived files of ``asset``; returns the task keys queued."""
        if self._closed:
            return []
        try:
            source = self.path_of(asset)
        except UserError:
            return []
        if not source.is_file():
            return []
        queued = []
        for kind in what or self.wanted(asset):
            fn = self._task(kind, asset, source)
            key = _task_key(kind, asset.id)
            if fn is not None and self.runner.submit(key, fn):
                queued.append(key)
        return queued

    def _task(self, kind: Derived, asset: MediaAsset, source: Path) -> TaskFn | None:
        cache, fetcher, probe = self.cache_dir, self.fetcher, dict(asset.probe or {})
        if kind is Derived.PROXY:
            dest = proxy_path(cache, source)

            def proxy_task(token: CancelToken, progress: Progress) -> Path:
                # checked on the worker: it demuxes both files, too slow for the GUI thread
                if fetcher.proxy_for(source) is not None:
                    return dest
                path = make_proxy(source, dest, token, progress)
                fetcher.forget(dest)  # a stale, incomplete proxy's index must not linger
                return path
            return proxy_task
        if kind is Derived.THUMBNAILS:
            dest = thumbs_dir(cache, source)
            if thumbs.thumbnails_ready(dest):
                return None

            def thumbs_task(token: CancelToken, progress: Progress) -> Any:
                nonlocal probe
                if not probe.get("width"):
                    from app.media.probe import probe_file
                    probe = probe_file(source)
                return thumbs.make_thumbnails(fetcher, source, dest, probe, token, progress)
            return thumbs_task
        if kind is Derived.WAVEFORM:
            dest = waveform_path(cache, source)
            if dest.exists():
                return None
            return lambda token, progress: wave.make_waveform(source, dest, token, progress)
        raise ValueError(kind)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until background work ends (tests, shutdown); what was waiting for its pass is queued first."""
        self._schedule_some(len(self._to_schedule))
        return self.runner.wait(timeout_ms)

    def shutdown(self) -> None:
        """Cancel background work, wait for it briefly, close decoders."""
        if self._closed:
            return
        self._closed = True
        try:
            self.session.document.mediaChanged.disconnect(self._on_media_changed)
        except (RuntimeError, TypeError):
            pass
        self._schedule_timer.stop()
        self._to_schedule.clear()
        self.runner.cancel_all()
        self.runner.wait(5000)
        self.fetcher.close()

    # ---------------------------------------------------------------- slots
    def _on_media_changed(self, asset_id: str) -> None:
        """Make the asset's derived files, from the next event-loop pass on, ``SCHEDULE_SLICE`` assets
        per pass: an import of 30 files lands them in one undo step, and checking and queueing each
        one's thumbnails there as well held the GUI thread ~20 ms longer."""
        self._to_schedule[asset_id] = None
        if not self._schedule_timer.isActive():
            self._schedule_timer.start()

    def _schedule_some(self, limit: int = SCHEDULE_SLICE) -> None:
        while self._to_schedule and limit > 0 and not self._closed:
            asset_id = next(iter(self._to_schedule))
            del self._to_schedule[asset_id]
            asset = self.session.document.media(asset_id)
            if asset is not None:
                self.schedule(asset)
                limit -= 1
        if self._to_schedule and not self._closed:
            self._schedule_timer.start()

    def _on_finished(self, key: str, _result: object) -> None:
        what, asset_id = _parse_key(key)
        if what is Derived.WAVEFORM:
            self._peaks.pop(asset_id, None)
        self.derivedReady.emit(asset_id, what.value)

    def _on_failed(self, key: str, message: str) -> None:
        what, asset_id = _parse_key(key)
        log.warning("making %s of %s failed: %s", what, asset_id, message)
        self.derivedFailed.emit(asset_id, what.value, message)

    def _on_progress(self, key: str, fraction: float) -> None:
        what, asset_id = _parse_key(key)
        self.progress.emit(asset_id, what.value, fraction)


def media_services(session: Session) -> MediaServices:
    """The open project's media engine: ``session.services.media`` (kept for callers not yet moved)."""
    return session.services.media
