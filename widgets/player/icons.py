"""Transport icons painted in code: crisp at any DPI, no font glyph or theme needed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

_COLOUR = QColor("#d0d3da")


def _tri(p: QPainter, x: float, y: float, w: float, h: float, right: bool = True) -> None:
    pts = [QPointF(x, y), QPointF(x + w, y + h / 2), QPointF(x, y + h)] if right else \
        [QPointF(x + w, y), QPointF(x, y + h / 2), QPointF(x + w, y + h)]
    p.drawPolygon(QPolygonF(pts))


def transport_icon(name: str, size: int = 32) -> QIcon:
    """``play``, ``pause``, ``start``, ``end``, ``prev``, ``next`` or ``loop``."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(_COLOUR)
    s = size / 32
    if name == "play":
        _tri(p, 10 * s, 7 * s, 15 * s, 18 * s)
    elif name == "pause":
        p.drawRect(QRectF(9 * s, 7 * s, 5 * s, 18 * s))
        p.drawRect(QRectF(18 * s, 7 * s, 5 * s, 18 * s))
    elif name == "start":
        p.drawRect(QRectF(7 * s, 8 * s, 3 * s, 16 * s))
        _tri(p, 11 * s, 8 * s, 13 * s, 16 * s, right=False)
    elif name == "end":
        _tri(p, 8 * s, 8 * s, 13 * s, 16 * s)
        p.drawRect(QRectF(22 * s, 8 * s, 3 * s, 16 * s))
    elif name == "prev":
        p.drawRect(QRectF(8 * s, 9 * s, 2.5 * s, 14 * s))
        _tri(p, 12 * s, 9 * s, 11 * s, 14 * s, right=False)
    elif name == "next":
        _tri(p, 9 * s, 9 * s, 11 * s, 14 * s)
        p.drawRect(QRectF(21.5 * s, 9 * s, 2.5 * s, 14 * s))
    elif name == "loop":
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(_COLOUR, 2.4 * s))
        path = QPainterPath()
        path.addRoundedRect(QRectF(7 * s, 10 * s, 18 * s, 12 * s), 5 * s, 5 * s)
        p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_COLOUR)
        _tri(p, 17 * s, 6.5 * s, 6 * s, 7 * s)
    p.end()
    return QIcon(pm)
