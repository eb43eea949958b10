"""Thumbnails of assets for the storyboard, from the media engine's background cache."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from app.media.services import media_services
from app.session import Session


def pixmap_from_rgb(rgb: np.ndarray) -> QPixmap:
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
        session.projectOpened.connect(self._cache.clear)
        session.projectClosed.connect(self._cache.clear)

    def _services(self):
        if self.session.bundle is None:
            return None
        services = media_services(self.session)
        if services is not self._connected:
            services.derivedReady.connect(self._derived)
            self._connected = services
        return services

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
        services = self._services()
        if asset is None or services is None:
            return None
        rgb = services.thumbnail(asset)
        if rgb is None:
            return None  # being made; ``ready`` will say when
        pixmap = pixmap_from_rgb(rgb)
        self._cache[asset_id] = pixmap
        return pixmap
