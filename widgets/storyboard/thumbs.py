"""Thumbnails of assets for the storyboard, from the media engine's background cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from app.session import Session
from widgets.shell.engine_loader import engine_ready, when_engine_ready

if TYPE_CHECKING:
    import numpy as np


def pixmap_from_rgb(rgb: np.ndarray) -> QPixmap:
    import numpy as np  # the media engine's libraries load with the first picture, not with the window

    rgb = np.ascontiguousarray(rgb)
    image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888)
    return QPixmap.fromImage(image.copy())


class ThumbnailSource(QObject):
    """Pixmaps by asset id; ``ready`` fires when a thumbnail still being made arrives."""

    ready = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._cache: dict[str, QPixmap] = {}
        self._connected = None
        self._after_engine: set[str] = set()
        session.projectOpened.connect(self._cache.clear)
        session.projectClosed.connect(self._cache.clear)

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
        rgb = services.thumbnail(asset)
        if rgb is None:
            return None  # being made; ``ready`` will say when
        pixmap = pixmap_from_rgb(rgb)
        self._cache[asset_id] = pixmap
        return pixmap
