"""Painting of the timeline: ruler, track headers, clips, warnings, playhead.

Only what is visible is drawn: per track, clips are found by bisecting their
sorted start frames (``TrackIndex``), so a repaint costs the visible clips, not
the whole episode. ``TimelinePainter.paint`` puts one frame together from the
parts, each in a module of its own: clips (``painter_clips``), the media inside
them (``painter_media``), ruler and headers (``painter_headers``), overlays
(``painter_overlays``), and the state they share (``painter_state``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from app.model import Clip, Track
from app.timeline import query
from app.timeline.timecode import format_timecode
from widgets.timeline import theme
from widgets.timeline.painter_headers import HEADER_BUTTONS, HeaderPainting, header_button_rects
from widgets.timeline.painter_overlays import OverlayPainting

__all__ = ["HEADER_BUTTONS", "TimelinePainter", "TrackIndex", "header_button_rects"]


@dataclass
class TrackIndex:
    starts: list[int]
    clips: list[Clip]
    max_len: int

    @classmethod
    def of(cls, track: Track) -> TrackIndex:
        clips = track.clips_sorted()
        return cls([c.start for c in clips], clips, max((c.duration for c in clips), default=0))

    def visible(self, first: int, last: int) -> list[Clip]:
        return query.visible_clips(self.starts, self.clips, first, last, self.max_len)


class TimelinePainter(OverlayPainting, HeaderPainting):
    """Draws one frame of the timeline view, in layers from the tracks up to the playhead."""

    def plan(self) -> None:
        """Ask for the sprites of the clips the next paint will show (a newly shown episode): they are
        made in idle slices while the old picture stays (``paint_hold.py``), so that paint blits them."""
        v, g = self.v, self.v.geo
        v.sprites.drop_wanted()  # an episode shown before this one (quick switches) is not painted
        if not self.sprites_enabled or v.episode is None:
            return
        first = int(g.frame_at(g.header_w)) - 1
        last = int(g.frame_at(v.width())) + 1
        for row in g.rows:
            if row.bottom >= g.ruler_h and row.top <= v.height():
                self.plan_sprites(row, first, last)

    def paint(self, p: QPainter) -> None:
        v = self.v
        g = v.geo
        # while the zoom changes every frame, sprites made now would never be reused
        self.zooming = g.ppf != self._last_ppf
        self.use_sprites = self.sprites_enabled and not self.zooming
        self._last_ppf = g.ppf
        v.sprites.begin_paint(v.media_cache.generation)
        self.approximate = False  # set when something was drawn from a nearby zoom's picture
        w, h = v.width(), v.height()
        p.fillRect(0, 0, w, h, theme.BG)
        if v.episode is None:
            p.setPen(theme.HEADER_DIM)
            p.setFont(self.label)
            p.drawText(QRect(0, 0, w, h), Qt.AlignmentFlag.AlignCenter,
                       QCoreApplication.translate("TimelineView", "No episode open. Open a project and pick an episode."))
            return
        first = int(g.frame_at(g.header_w)) - 1
        last = int(g.frame_at(w)) + 1
        p.setClipRect(QRect(g.header_w, g.ruler_h, w - g.header_w, h - g.ruler_h))
        for i, row in enumerate(g.rows):
            if row.bottom < g.ruler_h or row.top > h:
                continue
            self.track_body(p, row, i, first, last)
        self.in_out(p, h)
        self.ghosts(p)
        p.setClipping(False)
        self.ruler(p, first, last)
        self.headers(p)
        p.setClipRect(QRect(g.header_w, 0, w - g.header_w, h))
        self.markers(p)
        self.snap_line(p, h)
        self.rubber_band(p)
        self.playhead(p, h)
        p.setClipping(False)
        # corner above the headers: current timecode
        p.fillRect(0, 0, g.header_w, g.ruler_h, theme.HEADER_BG)
        p.setPen(QColor("#ff7a7a"))
        f = QFont(self.bold)
        f.setPixelSize(15)
        f.setFamilies(["DejaVu Sans Mono", "monospace"])
        p.setFont(f)
        p.drawText(QRect(10, 0, g.header_w - 12, g.ruler_h), Qt.AlignmentFlag.AlignVCenter,
                   format_timecode(v.session.playhead, v.fps))
        p.setPen(theme.TRACK_LINE)
        p.drawLine(0, g.ruler_h - 1, w, g.ruler_h - 1)
        p.drawLine(g.header_w - 1, 0, g.header_w - 1, h)
        if v.toast:
            self.toast(p, v.toast)
        if self.approximate:
            v.settle_timer.start()  # draw it exactly once the gesture pauses
