"""Mapping between frames/tracks and widget pixels, and the ruler's tick spacing."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.model import Track
from widgets.timeline import theme

# frame steps between ruler labels, at 30 fps: 1f .. 10 min
_STEPS = (1, 2, 5, 10, 15, 30, 60, 150, 300, 600, 900, 1800, 3600, 9000, 18000)


@dataclass
class Row:
    track: Track
    top: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass
class Geometry:
    """Zoom (pixels per frame) and scroll offsets; x/y are widget coordinates."""

    ppf: float = 3.0
    scroll_x: float = 0.0  # content pixels hidden to the left
    scroll_y: int = 0
    header_w: int = theme.HEADER_W
    ruler_h: int = theme.RULER_H
    rows: list[Row] = field(default_factory=list)

    def x_of(self, frame: float) -> float:
        return self.header_w + frame * self.ppf - self.scroll_x

    def frame_at(self, x: float) -> float:
        return (x - self.header_w + self.scroll_x) / self.ppf

    def layout_rows(self, tracks: list[Track]) -> None:
        y = self.ruler_h - self.scroll_y
        self.rows = []
        for t in tracks:
            self.rows.append(Row(t, y, t.height))
            y += t.height

    @property
    def content_height(self) -> int:
        return sum(r.height for r in self.rows)

    def row_at(self, y: float) -> Row | None:
        for r in self.rows:
            if r.top <= y < r.bottom:
                return r
        return None

    def row_of(self, track_id: str) -> Row | None:
        return next((r for r in self.rows if r.track.id == track_id), None)


def ruler_steps(ppf: float, fps: int, min_label_px: float = 84.0) -> tuple[int, int]:
    """(major, minor) frame steps: labels at least ``min_label_px`` apart, ticks >= 6 px apart."""
    scale = fps / 30
    steps = sorted({max(1, round(s * scale)) for s in _STEPS} | {fps, fps * 60})
    major = next((s for s in steps if s * ppf >= min_label_px), steps[-1])
    minor_choices = [s for s in steps if s < major and major % s == 0 and s * ppf >= 6]
    minor = minor_choices[0] if minor_choices else major
    return major, minor
