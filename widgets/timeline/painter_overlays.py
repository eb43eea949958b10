"""What the timeline draws over the tracks: ghosts of clips being dragged, the in/out
range, markers, the snap line, the rubber band, the playhead and the toast message."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from widgets.timeline import theme
from widgets.timeline.painter_clips import ClipPainting


class OverlayPainting(ClipPainting):
    """Overlays above the clips (ghosts are clips drawn translucent, hence the base)."""

    def ghosts(self, p: QPainter) -> None:
        v, g = self.v, self.v.geo
        for clip, track_id, start in v.ghost_clips():
            row = g.row_of(track_id)
            if row is not None:
                self.clip(p, clip, row.track, row, ghost=True, at=start)

    def in_out(self, p: QPainter, h: int) -> None:
        v, g = self.v, self.v.geo
        if v.episode is None:
            return
        tl = v.episode.timeline
        if tl.in_point is None and tl.out_point is None:
            return
        a = g.x_of(tl.in_point or 0)
        b = g.x_of(tl.out_point if tl.out_point is not None else v.duration)
        p.fillRect(QRectF(a, g.ruler_h, b - a, h), theme.IN_OUT)

    def markers(self, p: QPainter) -> None:
        v, g = self.v, self.v.geo
        p.setFont(self.small)
        if v.episode is None:
            return
        for m in v.episode.timeline.markers:
            x = g.x_of(m.frame)
            if x < g.header_w - 8 or x > v.width() + 8:
                continue
            colour = QColor(m.color or "#f5a623")
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            top = g.ruler_h - 14
            p.drawPolygon(QPolygonF([QPointF(x - 5, top), QPointF(x + 5, top), QPointF(x + 5, top + 8),
                                     QPointF(x, top + 13), QPointF(x - 5, top + 8)]))
            c = QColor(colour)
            c.setAlpha(70)
            p.setPen(QPen(c, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, g.ruler_h), QPointF(x, v.height()))
            if m.name and g.ppf * 30 > 20:
                p.setPen(colour)
                p.drawText(QPointF(x + 7, top + 8), m.name)

    def snap_line(self, p: QPainter, h: int) -> None:
        v, g = self.v, self.v.geo
        if v.snap_frame is not None:
            x = g.x_of(v.snap_frame)
            p.setPen(QPen(theme.SNAP, 1))
            p.drawLine(QPointF(x, 0), QPointF(x, h))

    def rubber_band(self, p: QPainter) -> None:
        r = self.v.rubber_rect()
        if r is not None:
            p.setPen(QPen(theme.RUBBER_LINE, 1))
            p.setBrush(theme.RUBBER_FILL)
            p.drawRect(r)

    def playhead(self, p: QPainter, h: int) -> None:
        v, g = self.v, self.v.geo
        x = round(g.x_of(v.session.playhead)) + 0.5
        if x < g.header_w - 8:
            return
        p.setPen(QPen(theme.PLAYHEAD, 1))
        p.drawLine(QPointF(x, g.ruler_h - 10), QPointF(x, h))
        if g.ppf >= 4:  # a frame is wide: show its extent
            c = QColor(theme.PLAYHEAD)
            c.setAlpha(40)
            p.fillRect(QRectF(x, g.ruler_h, g.ppf, h), c)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(theme.PLAYHEAD)
        p.drawPolygon(QPolygonF([QPointF(x - 6, 2), QPointF(x + 6, 2), QPointF(x + 6, g.ruler_h - 14),
                                 QPointF(x, g.ruler_h - 8), QPointF(x - 6, g.ruler_h - 14)]))

    def toast(self, p: QPainter, text: str) -> None:
        v = self.v
        p.setFont(self.label)
        w = self.fm_label.horizontalAdvance(text) + 24
        r = QRectF((v.width() - w) / 2, v.height() - 40, w, 26)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(20, 21, 24, 235))
        p.drawRoundedRect(r, 5, 5)
        p.setPen(QColor("#ffd7a0"))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
