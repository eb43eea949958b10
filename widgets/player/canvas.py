"""The picture area of the player: a 9:16 frame, safe-area overlays, fit or 100% zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    import numpy as np

PREVIEW_SIZE = (540, 960)
PREVIEW_LONG_SIDE = 960


def preview_size(width: int, height: int) -> tuple[int, int]:
    """The preview's frame size for a series of ``width`` x ``height``: its shape, 960 px on the long side."""
    if width <= 0 or height <= 0 or width * 16 == height * 9:
        return PREVIEW_SIZE
    scale = PREVIEW_LONG_SIDE / max(width, height)
    return max(2, int(round(width * scale / 2)) * 2), max(2, int(round(height * scale / 2)) * 2)

# Where Douyin/TikTok draw their own UI over a 9:16 video (fractions of width/height),
# measured from the apps' portrait layouts: keep faces and titles out of these.
PLATFORM_ZONES = (
    ("top bar", (0.0, 0.0, 1.0, 0.085)),
    ("buttons", (0.845, 0.40, 0.155, 0.44)),
    ("caption", (0.0, 0.775, 0.82, 0.145)),
    ("nav bar", (0.0, 0.93, 1.0, 0.07)),
)
TITLE_SAFE = 0.10  # margin on each side (SMPTE title safe)
ACTION_SAFE = 0.05


def to_qimage(rgb: np.ndarray) -> QImage:
    import numpy as np

    rgb = np.ascontiguousarray(rgb)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class FrameCanvas(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.message = ""
        self.show_title_safe = False
        self.show_platform = True
        self.zoom_100 = False
        self._picture: QImage | None = None  # the whole canvas as last drawn (see _drawn)
        self._picture_key: tuple[object, ...] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(90, 160)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def frame_rect(self) -> QRectF:
        """Where the picture is drawn in widget coordinates (in the shape of the frame shown)."""
        fw, fh = (self.image.width(), self.image.height()) if self.image is not None else PREVIEW_SIZE
        if self.zoom_100:
            scale = 1.0 / max(1.0, self.devicePixelRatioF())
        else:
            scale = min((self.width() - 16) / fw, (self.height() - 16) / fh)
        w, h = fw * scale, fh * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.drawImage(0, 0, self._drawn())
        p.end()

    def _drawn(self) -> QImage:
        """The canvas (frame, message, overlays) drawn once per frame, size and setting. The frame
        scaled smoothly and the platform overlay's translucent zones and labels cost 2-3 ms a paint,
        part of it on Qt's image threads the GUI thread waits for; the canvas is repainted with the
        window (an episode switch, a save, the status bar), and behind busy workers such a paint took
        several times as long. Now those repaints copy the picture."""
        dpr = self.devicePixelRatioF()
        names = self._zone_names()
        key = (self.image.cacheKey() if self.image is not None else None, self.width(), self.height(), dpr,
               self.message, self.show_platform, self.show_title_safe, self.zoom_100, self.font().key(),
               tuple(names.values()))
        if self._picture is None or key != self._picture_key:
            picture = QImage(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)),
                             QImage.Format.Format_RGB32)
            picture.setDevicePixelRatio(dpr)
            p = QPainter(picture)
            self._draw(p, names)
            p.end()
            self._picture, self._picture_key = picture, key
        return self._picture

    def _draw(self, p: QPainter, names: dict[str, str]) -> None:
        p.fillRect(self.rect(), QColor("#0d0e10"))
        r = self.frame_rect()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        if self.image is not None:
            p.drawImage(r, self.image)
        else:
            p.fillRect(r, QColor("#000000"))
        if self.message:
            p.setPen(QColor("#9a9ea8"))
            f = QFont(self.font())
            f.setPixelSize(13)
            p.setFont(f)
            p.drawText(r.adjusted(16, 16, -16, -16), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.message)
        if self.show_platform:
            self._platform(p, r, names)
        if self.show_title_safe:
            pen = QPen(QColor(255, 255, 255, 70), 1, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            for m in (ACTION_SAFE, TITLE_SAFE):
                p.drawRect(r.adjusted(r.width() * m, r.height() * m, -r.width() * m, -r.height() * m))
        p.setPen(QPen(QColor("#2c2e33"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(-0.5, -0.5, 0.5, 0.5))

    def _zone_names(self) -> dict[str, str]:
        return {"top bar": self.tr("App top bar"), "buttons": self.tr("Buttons"),
                "caption": self.tr("Caption"), "nav bar": self.tr("Navigation bar")}

    def _platform(self, p: QPainter, r: QRectF, names: dict[str, str]) -> None:
        f = QFont(self.font())
        f.setPixelSize(max(8, int(r.height() / 70)))
        p.setFont(f)
        for label, (x, y, w, h) in PLATFORM_ZONES:
            zone = QRectF(r.left() + x * r.width(), r.top() + y * r.height(), w * r.width(), h * r.height())
            p.fillRect(zone, QColor(255, 80, 120, 16))
            p.setPen(QPen(QColor(255, 120, 150, 90), 1, Qt.PenStyle.DashLine))
            p.drawRect(zone)
            p.setPen(QColor(255, 170, 190, 140))
            p.drawText(zone.adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                       names[label])
