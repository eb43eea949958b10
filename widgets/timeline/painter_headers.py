"""The timeline's ruler (timecodes, ticks, frame numbers) and track headers (name, kind,
mute/solo/lock toggles; drawn into a pixmap redrawn only when a track or the layout changes)."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from app.model import TrackKind
from app.timeline.structure import track_display_name
from app.timeline.timecode import format_timecode
from widgets.timeline import theme
from widgets.timeline.geometry import Row, ruler_steps
from widgets.timeline.painter_state import PainterState

HEADER_BUTTONS = (("muted", "M"), ("solo", "S"), ("locked", "L"))


def header_button_rects(row: Row, header_w: int) -> dict[str, QRect]:
    """Where the mute/solo/lock toggles of a track header are."""
    size = 18
    y = row.top + min(8, max(2, (row.height - size) // 2)) if row.height < 44 else row.top + row.height - size - 7
    x = header_w - 3 * (size + 4) - 6
    return {flag: QRect(x + i * (size + 4), y, size, size) for i, (flag, _) in enumerate(HEADER_BUTTONS)}


class HeaderPainting(PainterState):
    """The ruler above the tracks and the headers left of them."""

    def ruler(self, p: QPainter, first: int, last: int) -> None:
        v, g = self.v, self.v.geo
        p.fillRect(g.header_w, 0, v.width() - g.header_w, g.ruler_h, theme.RULER_BG)
        major, minor = ruler_steps(g.ppf, v.fps)
        p.setFont(self.small)
        stamps = self.small_stamps
        ascent = self.fm_small.ascent()  # drawText places the baseline, a static text its top
        start = max(0, first - first % minor)
        ticks: list[QLineF] = []
        labels: list[tuple[float, int]] = []
        minor_top = g.ruler_h - (7 if minor * g.ppf >= 14 else 4)
        f = start
        while f <= last:
            x = round(g.x_of(f)) + 0.5
            if f % major == 0:
                ticks.append(QLineF(x, 12, x, g.ruler_h))
                labels.append((x, f))
            else:
                ticks.append(QLineF(x, minor_top, x, g.ruler_h))
            f += minor
        p.setPen(theme.RULER_TICK)
        p.drawLines(ticks)
        p.setPen(theme.RULER_TEXT)
        for x, f in labels:
            p.drawStaticText(QPointF(x + 4, 11 - ascent), stamps.get(format_timecode(f, v.fps))[0])
        if g.ppf >= 10:  # single-frame zoom: frame numbers within the second
            p.setPen(QColor(154, 158, 168, 140))
            for f in range(max(0, first), last + 1):
                if f % major:
                    p.drawStaticText(QPointF(g.x_of(f) + 2, g.ruler_h - 8 - ascent), stamps.get(f"{f % v.fps:02d}")[0])

    def headers(self, p: QPainter) -> None:
        """The track headers, from a pixmap redrawn only when a track or the layout changes."""
        v, g = self.v, self.v.geo
        dpr = v.devicePixelRatioF()
        # what the headers show, not which tracks they are: the episodes of a season share their track
        # layout, so a switch reuses the pixmap (new track ids would redraw it: 2-3 ms of the switch)
        key = (g.header_w, v.height(), dpr, v.kind_label(TrackKind.PICTURE),
               tuple((r.track.name, r.track.kind, r.track.muted, r.track.solo, r.track.locked,
                      r.top, r.height, r.track.id == v.target_track_id) for r in g.rows))
        if self._headers is None or self._headers[0] != key:
            pix = QPixmap(max(1, round(g.header_w * dpr)), max(1, round(v.height() * dpr)))
            pix.setDevicePixelRatio(dpr)
            pix.fill(theme.BG)
            hp = QPainter(pix)
            self.draw_headers(hp)
            hp.end()
            self._headers = (key, pix)
        p.drawPixmap(0, 0, self._headers[1])

    def draw_headers(self, p: QPainter) -> None:
        v, g = self.v, self.v.geo
        p.setClipRect(QRect(0, g.ruler_h, g.header_w, v.height() - g.ruler_h))
        for i, row in enumerate(g.rows):
            if row.bottom < g.ruler_h or row.top > v.height():
                continue
            t = row.track
            bg = theme.HEADER_BG if i % 2 == 0 else theme.HEADER_BG_ALT
            if v.target_track_id == t.id:
                bg = bg.lighter(125)
            p.fillRect(0, row.top, g.header_w, row.height, bg)
            p.fillRect(0, row.top, 4, row.height, theme.CLIP_COLORS[t.kind])
            p.setPen(theme.TRACK_LINE)
            p.drawLine(0, row.bottom - 1, g.header_w, row.bottom - 1)
            p.setFont(self.bold)
            p.setPen(theme.HEADER_TEXT if not t.muted else theme.HEADER_DIM)
            name_w = g.header_w - 16 if row.height >= 44 else g.header_w - 90
            shown = track_display_name(t)
            name = self.fm_label.elidedText(shown, Qt.TextElideMode.ElideRight, name_w)
            name_y = row.top + (18 if row.height >= 44 else row.height // 2 + 4)
            p.drawText(QPointF(12, name_y), name)
            if row.height >= 44 and v.kind_label(t.kind).casefold() != shown.casefold():
                p.setFont(self.small)
                p.setPen(theme.HEADER_DIM)
                p.drawText(QPointF(12, row.top + 32), v.kind_label(t.kind))
            rects = header_button_rects(row, g.header_w)
            for flag, letter in HEADER_BUTTONS:
                r = rects[flag]
                on = getattr(t, flag)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(theme.BUTTON_ON[flag] if on else QColor("#34373d"))
                p.drawRoundedRect(QRectF(r), 3, 3)
                p.setPen(QColor("#15161a") if on else QColor("#a9adb6"))
                p.setFont(self.bold)
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, letter)
        p.setClipping(False)
