"""A card's words (shot code, duration, dialogue, state pills), laid out once and kept as a picture.

The board repaints its cards often: a thumbnail arriving, a job's progress, hover, selection,
scrolling, an episode switch's second repaint. Laying out a card's wrapped dialogue and its pills
cost ~0.5 ms a card, 6-13 ms a repaint of the board at season size (measured with
``bench/season_bench.py``), while the words had not changed. So each card's words are drawn onto
a pixmap filled with the card's own colour (what the direct drawing blends its glyphs onto) and
the pixmap is blitted; a change of words, size, font or selection colour makes a new one.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

OK = QColor("#3fb950")
MISSING = QColor("#6e7681")
BUSY = QColor("#d29922")
MAX_BLOCKS = 160  # ~60-100 KB each: a few boards' worth (an episode has ~30 cards)

_LEFT = int(Qt.AlignmentFlag.AlignLeft)
_RIGHT = int(Qt.AlignmentFlag.AlignRight)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_WRAPPED = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class CardTextBlocks:
    """Pictures of cards' words, least recently drawn dropped first."""

    def __init__(self, max_blocks: int = MAX_BLOCKS) -> None:
        self.max_blocks = max_blocks
        self._blocks: OrderedDict[tuple, QPixmap] = OrderedDict()

    def draw(self, painter: QPainter, area: QRect, info: dict, background: QColor) -> None:
        """Draw ``info``'s words into ``area`` of a card whose colour there is ``background``."""
        if area.width() <= 0 or area.height() <= 0:
            return
        font = painter.font()
        dpr = painter.device().devicePixelRatioF()
        key = (area.width(), area.height(), background.rgba(), font.key(), dpr, info["code"], info["duration"],
               info["summary"], tuple(tuple(pill) for pill in info["pills"]))
        block = self._blocks.get(key)
        if block is None:
            block = self._blocks[key] = self._render(area.width(), area.height(), dpr, font, info, background)
            while len(self._blocks) > self.max_blocks:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(key)
        painter.drawPixmap(area.topLeft(), block)

    def __len__(self) -> int:
        return len(self._blocks)

    @staticmethod
    def _render(width: int, height: int, dpr: float, font: QFont, info: dict, background: QColor) -> QPixmap:
        block = QPixmap(max(1, round(width * dpr)), max(1, round(height * dpr)))
        block.setDevicePixelRatio(dpr)
        block.fill(background)
        p = QPainter(block)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(font)
        draw_words(p, QRect(0, 0, width, height), info)
        p.end()
        return block


def draw_words(painter: QPainter, area: QRect, info: dict) -> None:
    """Code and duration on the first line, the dialogue wrapped under it, the state pills at the bottom."""
    bold = QFont(painter.font())
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor("#e6edf3"))
    painter.drawText(QRect(area.left(), area.top(), area.width(), 18), _LEFT, info["code"])
    painter.setPen(QColor("#8b949e"))
    painter.drawText(QRect(area.left(), area.top(), area.width(), 18), _RIGHT, info["duration"])
    painter.setFont(QFont(bold.family(), max(8, bold.pointSize() - 1)))
    body = QRect(area.left(), area.top() + 20, area.width(), max(0, area.height() - 42))
    painter.setPen(QColor("#c9d1d9"))
    painter.drawText(body, _WRAPPED, info["summary"])
    x = area.left()
    y = area.bottom() - 18
    metrics = painter.fontMetrics()
    for label, state in info["pills"]:
        color = OK if state == "ok" else BUSY if state == "busy" else MISSING
        width = metrics.horizontalAdvance(label) + 14
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color.red(), color.green(), color.blue(), 60))
        painter.drawRoundedRect(QRect(x, y, width, 18), 9, 9)
        painter.setPen(color)
        painter.drawText(QRect(x, y, width, 18), _CENTER, label)
        x += width + 4
