"""Laid-out, elided text kept between repaints.

Clip names, durations and ruler timecodes repeat from frame to frame, but
``drawText`` lays the string out again every call and eliding measures it
again: together about 80 microseconds per clip, the largest share of a
zoom repaint. A ``QStaticText`` keeps the layout, so a repeat costs a blit of
cached glyphs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QStaticText, QTransform

FULL = 1 << 20  # "no width limit"


class TextStamps:
    """Static texts for one font, keyed by string and the width they must fit in."""

    def __init__(self, font: QFont, max_items: int = 6000) -> None:
        self.font = font
        self.metrics = QFontMetrics(font)
        self.max_items = max_items
        self._stamps: dict[tuple[str, int], tuple[QStaticText, float]] = {}

    def get(self, text: str, max_width: int = FULL) -> tuple[QStaticText, float]:
        """The stamp for ``text`` elided to ``max_width`` pixels, and its width.

        A text that fits is the same stamp at every width, so zooming (which
        changes the room every frame) only lays out the names that must be cut.
        """
        whole = self._stamp(text, FULL)
        if whole[1] <= max_width:
            return whole
        return self._stamp(text, max_width)

    def _stamp(self, text: str, max_width: int) -> tuple[QStaticText, float]:
        key = (text, max_width)
        found = self._stamps.get(key)
        if found is None:
            shown = text if max_width == FULL else \
                self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_width)
            stamp = QStaticText(shown)
            stamp.setTextFormat(Qt.TextFormat.PlainText)
            stamp.prepare(QTransform(), self.font)
            if len(self._stamps) >= self.max_items:
                self._stamps.clear()  # a crude bound: refilling costs one slow frame
            found = self._stamps[key] = (stamp, stamp.size().width())
        return found

    def height(self) -> int:
        return self.metrics.height()

    def clear(self) -> None:
        self._stamps.clear()
