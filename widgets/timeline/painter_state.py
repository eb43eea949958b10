"""What every part of the timeline's painter shares: the view, fonts, text stamps and the
per-frame flags (sprites in use, a zoom gesture, something drawn approximately)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPixmap

from widgets.timeline.text_stamps import TextStamps

if TYPE_CHECKING:
    from widgets.timeline.view import TimelineView


class PainterState:
    """Fonts and caches made once per view; flags ``TimelinePainter.paint`` sets for each frame."""

    def __init__(self, view: TimelineView) -> None:
        self.v = view
        self.small = QFont(view.font())
        self.small.setPixelSize(10)
        self.label = QFont(view.font())
        self.label.setPixelSize(11)
        self.bold = QFont(self.label)
        self.bold.setBold(True)
        self.fm_small = QFontMetrics(self.small)
        self.fm_label = QFontMetrics(self.label)
        self.sprites_enabled = True  # off: every clip drawn from scratch (tests, the benchmark's reference)
        self.use_sprites = False
        self.zooming = False
        self.approximate = False
        self.media_missing = False  # set when a thumbnail or waveform was drawn as a placeholder
        self._last_ppf = 0.0
        self._headers: tuple[tuple, QPixmap] | None = None
        self._fills: dict[tuple[int, float, float], QBrush] = {}
        self.label_stamps = TextStamps(self.label)
        self.small_stamps = TextStamps(self.small)

    def zoom_settled(self) -> None:
        """The zoom was set, not dragged (an episode fitted to the view): the next paint is exact and
        keeps its sprites, rather than drawing approximately as during a zoom gesture."""
        self._last_ppf = self.v.geo.ppf

    def forget_cached(self) -> None:
        self._headers = None
        self.label_stamps.clear()
        self.small_stamps.clear()
