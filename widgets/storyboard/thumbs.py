"""Thumbnails of assets for the storyboard, from the media engine's background cache.

A thumbnail file is read and decoded on a worker (``app.background``), not in the card's
paint: switching to an episode or scrolling the board paints placeholders at once and each
picture as it arrives (``ready``), instead of decoding every visible card's JPEG first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage, QPixmap

from app.background import run_in_background
from app.session import Session
from widgets.shell.engine_loader import engine_ready, when_engine_ready
from widgets.storyboard.card import cover

if TYPE_CHECKING:
    import numpy as np

    from app.media.services import MediaServices


def image_from_rgb(rgb: np.ndarray) -> QImage:
    """An RGB array as a QImage that owns its pixels (any thread)."""
    import numpy as np  # the media engine's libraries load with the first picture, not with the window

    rgb = np.ascontiguousarray(rgb)
    image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


class ThumbnailSource(QObject):
    """Pixmaps by asset id; ``ready`` fires when a thumbnail still being made arrives."""

    ready = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._cache: dict[str, QPixmap] = {}
        self._connected: MediaServices | None = None
        self._after_engine: set[str] = set()
        self._loading: set[str] = set()  # asset ids being read on a worker
        self._generation = 0  # a load started before the project changed is dropped
        # the worker scales each thumbnail to the cards' picture frame, so painting a card only blits
        # (a smooth scale on the GUI thread cost 0.3-0.8 ms a card, ~10 ms for a board of new cards)
        self.fit_size: QSize | None = None
        session.projectOpened.connect(self._forget)
        session.projectClosed.connect(self._forget)

    def _forget(self) -> None:
        self._cache.clear()
        self._loading.clear()
        self._generation += 1

    def _services(self):
        if self.session.bundle is None:
            return None

        services = self.session.services.media
        if services is not self._connected:
            services.derivedReady.connect(self._derived)
            self._connected = services
        return services

    def _engine_loaded(self) -> None:
        waiting, self._after_engine = self._after_engine, set()
        for asset_id in waiting:
            self.ready.emit(asset_id)

    def _derived(self, asset_id: str, what: str) -> None:
        if what == "thumbnails":
            self._cache.pop(asset_id, None)
            self.ready.emit(asset_id)

    def pixmap(self, asset_id: str | None) -> QPixmap | None:
        if not asset_id:
            return None
        if asset_id in self._cache:
            return self._cache[asset_id]
        asset = self.session.series.media.get(asset_id)
        if not engine_ready():  # start-up: the window paints first, pictures follow
            self._after_engine.add(asset_id)
            when_engine_ready(self._engine_loaded)
            return None
        services = self._services()
        if asset is None or services is None:
            return None
        if asset_id in self._loading:
            return None
        path = services.thumbnail_path(asset)
        if path is None:
            return None  # being made; ``ready`` will say when
        self._loading.add(asset_id)
        generation, fit = self._generation, QSize(self.fit_size) if self.fit_size is not None else None

        def read() -> QImage | None:  # worker: file, decode and scale only, no Qt pixmaps off the GUI thread
            from app.media.thumbnails import load_thumbnail

            rgb = load_thumbnail(path)
            if rgb is None:
                return None
            image = image_from_rgb(rgb)
            return image if fit is None or fit.isEmpty() else cover(image, fit)

        def arrived(image: QImage | None) -> None:
            if generation != self._generation:
                return
            self._loading.discard(asset_id)
            if image is not None:
                self._cache[asset_id] = QPixmap.fromImage(image)
                self.ready.emit(asset_id)

        def failed(_exc: Exception) -> None:
            if generation == self._generation:
                self._loading.discard(asset_id)

        run_in_background(read, arrived, failed, owner=self, name="storyboard-thumbnail")
        return None
