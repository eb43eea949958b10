"""Icons drawn for the app (``resources/icons/*.svg``), optionally recoloured.

The SVGs are stroked in a neutral light grey (``#c8ccd4``) that reads on the
dark theme. ``icon(name, color)`` swaps that grey for another colour (accent
for empty states, dim grey for disabled looks) and renders through QSvgRenderer
at the sizes Qt asks for, so icons stay sharp at any device pixel ratio.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"
BASE_STROKE = "#c8ccd4"


def icon_path(name: str) -> Path:
    return ICONS_DIR / f"{name}.svg"


class _SvgEngine(QIconEngine):
    """Renders SVG bytes at the exact requested size (HiDPI-correct, no blurry scaling)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data
        self._renderer = QSvgRenderer(QByteArray(data))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.35)
        self._renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pm = QPixmap(size)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pm

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._data)


@cache
def _svg_bytes(name: str, color: str | None) -> bytes:
    text = icon_path(name).read_text(encoding="utf-8")
    if color:
        text = text.replace(BASE_STROKE, color)
    return text.encode("utf-8")


def icon(name: str, color: str | None = None) -> QIcon:
    """The icon ``name`` (file stem under resources/icons), stroked in ``color`` if given."""
    if not icon_path(name).is_file():
        return QIcon()
    return QIcon(_SvgEngine(_svg_bytes(name, color)))


def app_icon() -> QIcon:
    return icon("app")
