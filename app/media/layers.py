"""The plain descriptions of overlay layers: safe areas and visible labels.

Kept apart from ``overlays`` (which draws them with OpenCV and numpy) so that
export presets, the command line and dialogs can name them without loading
the drawing libraries.
"""

from __future__ import annotations

from dataclasses import dataclass

CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


@dataclass(frozen=True)
class SafeArea:
    """Insets (fractions of the canvas) that platform UI covers on a 9:16 phone screen."""

    top: float = 0.08
    bottom: float = 0.20
    left: float = 0.06
    right: float = 0.14

    def box(self, w: int, h: int) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) of the safe region in pixels."""
        return round(w * self.left), round(h * self.top), round(w * (1 - self.right)), round(h * (1 - self.bottom))


@dataclass(frozen=True)
class LabelLayer:
    """A visible text label (e.g. "AI生成") over a frame range.

    ``height_pct`` is the ink height of the text as a percentage of the frame's
    shorter side. ``end`` None means "to the end of the episode".
    """

    text: str
    start: int = 0
    end: int | None = None
    corner: str = "top-left"
    height_pct: float = 6.0
    margin_pct: float = 3.0
    opacity: float = 1.0

    def active(self, frame: int) -> bool:
        return frame >= self.start and (self.end is None or frame < self.end)
