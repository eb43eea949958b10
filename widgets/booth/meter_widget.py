"""A horizontal input level meter: RMS bar, peak bar, peak-hold tick, clip light, dB readout."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.audio.meter import FLOOR_DB, MeterReading

LOW_DB = -60.0
TICKS = (-60, -48, -36, -24, -18, -12, -6, -3, 0)


def db_to_x(db: float, width: float) -> float:
    db = max(LOW_DB, min(0.0, db))
    return (db - LOW_DB) / -LOW_DB * width


class LevelMeterWidget(QWidget):
    """Shows a ``MeterReading``; the panel polls the meter at ~30 Hz and calls ``set_reading``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading = MeterReading()
        self.active = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(46)
        self.setToolTip(self.tr("Input level: bar = RMS, bright edge = peak, tick = peak hold. "
                                "Aim for peaks around -12 dBFS; the light turns red on clipping."))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 46)

    def set_reading(self, reading: MeterReading) -> None:
        self.reading = reading
        self.update()

    def set_active(self, active: bool) -> None:
        self.active = active
        if not active:
            self.reading = MeterReading()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        r = self.rect()
        light_w = 34
        bar = QRectF(0, 4, r.width() - light_w - 62, 18)
        p.fillRect(bar, QColor("#111214"))
        grad = QLinearGradient(bar.left(), 0, bar.right(), 0)
        grad.setColorAt(0.0, QColor("#2f9e62"))
        grad.setColorAt(db_to_x(-18, 1.0), QColor("#4cc38a"))
        grad.setColorAt(db_to_x(-9, 1.0), QColor("#e6c34a"))
        grad.setColorAt(db_to_x(-3, 1.0), QColor("#f08a3a"))
        grad.setColorAt(1.0, QColor("#f0605a"))
        reading = self.reading
        if self.active:
            peak_w = db_to_x(reading.peak_db, bar.width())
            rms_w = db_to_x(reading.rms_db, bar.width())
            p.setOpacity(0.45)
            p.fillRect(QRectF(bar.left(), bar.top(), peak_w, bar.height()), grad)
            p.setOpacity(1.0)
            p.fillRect(QRectF(bar.left(), bar.top() + 3, rms_w, bar.height() - 6), grad)
            if reading.hold_db > FLOOR_DB:
                hx = bar.left() + db_to_x(reading.hold_db, bar.width())
                p.fillRect(QRectF(hx - 1, bar.top(), 2, bar.height()), QColor("#ffffff"))
        p.setPen(QPen(QColor("#34363c")))
        p.drawRect(bar)
        # scale
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() - 2))
        p.setFont(small)
        p.setPen(QColor("#8c9099"))
        for db in TICKS:
            x = bar.left() + db_to_x(db, bar.width())
            p.drawLine(int(x), int(bar.bottom()) + 1, int(x), int(bar.bottom()) + 4)
            label = str(db)
            w = p.fontMetrics().horizontalAdvance(label)
            p.drawText(int(min(max(x - w / 2, 0), bar.right() - w)), int(bar.bottom()) + 16, label)
        # readout
        p.setPen(QColor("#d9dbe0"))
        text = "—" if not self.active or reading.peak_db <= FLOOR_DB else f"{reading.peak_db:5.1f}"
        p.drawText(QRectF(bar.right() + 6, bar.top(), 56, bar.height()),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), f"{text} dB")
        # clip light
        light = QRectF(r.width() - light_w + 4, 4, light_w - 8, 18)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(QColor("#f0605a") if reading.clipped else QColor("#3a2a2a"))
        p.setPen(QPen(QColor("#55393a")))
        p.drawRoundedRect(light, 4, 4)
        p.setPen(QColor("#ffffff") if reading.clipped else QColor("#8c6a6a"))
        p.drawText(light, int(Qt.AlignmentFlag.AlignCenter), self.tr("CLIP"))
        p.end()
