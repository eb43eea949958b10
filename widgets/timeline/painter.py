"""Painting of the timeline: ruler, track headers, clips, warnings, playhead.

Only what is visible is drawn: per track, clips are found by bisecting their
sorted start frames (``TrackIndex``), so a repaint costs the visible clips, not
the whole episode.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QLinearGradient, QPainter, QPen, QPolygonF

from app.model import Clip, MediaKind, Track, TrackKind
from app.timeline import query
from app.timeline.timecode import format_duration, format_timecode
from app.timeline.warnings import MEDIA_OFFLINE, ClipWarning
from widgets.timeline import theme
from widgets.timeline.geometry import Row, ruler_steps

if TYPE_CHECKING:
    from widgets.timeline.view import TimelineView


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


HEADER_BUTTONS = (("muted", "M"), ("solo", "S"), ("locked", "L"))


def header_button_rects(row: Row, header_w: int) -> dict[str, QRect]:
    """Where the mute/solo/lock toggles of a track header are."""
    size = 18
    y = row.top + min(8, max(2, (row.height - size) // 2)) if row.height < 44 else row.top + row.height - size - 7
    x = header_w - 3 * (size + 4) - 6
    return {flag: QRect(x + i * (size + 4), y, size, size) for i, (flag, _) in enumerate(HEADER_BUTTONS)}


class TimelinePainter:
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

    # ------------------------------------------------------------------ main
    def paint(self, p: QPainter) -> None:
        v = self.v
        g = v.geo
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

    # ----------------------------------------------------------------- ruler
    def ruler(self, p: QPainter, first: int, last: int) -> None:
        v, g = self.v, self.v.geo
        p.fillRect(g.header_w, 0, v.width() - g.header_w, g.ruler_h, theme.RULER_BG)
        major, minor = ruler_steps(g.ppf, v.fps)
        p.setFont(self.small)
        start = max(0, first - first % minor)
        pen_tick, pen_text = QPen(theme.RULER_TICK), QPen(theme.RULER_TEXT)
        f = start
        while f <= last:
            x = round(g.x_of(f)) + 0.5
            if f % major == 0:
                p.setPen(pen_tick)
                p.drawLine(QPointF(x, 12), QPointF(x, g.ruler_h))
                p.setPen(pen_text)
                text = format_timecode(f, v.fps) if major % v.fps == 0 or g.ppf < 8 else f"{format_timecode(f, v.fps)}"
                p.drawText(QPointF(x + 4, 11), text)
            else:
                p.setPen(pen_tick)
                p.drawLine(QPointF(x, g.ruler_h - (7 if minor * g.ppf >= 14 else 4)), QPointF(x, g.ruler_h))
            f += minor
        if g.ppf >= 10:  # single-frame zoom: frame numbers within the second
            p.setPen(QColor(154, 158, 168, 140))
            for f in range(max(0, first), last + 1):
                if f % major:
                    p.drawText(QPointF(g.x_of(f) + 2, g.ruler_h - 8), f"{f % v.fps:02d}")

    # ---------------------------------------------------------------- headers
    def headers(self, p: QPainter) -> None:
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
            name = self.fm_label.elidedText(t.name, Qt.TextElideMode.ElideRight, name_w)
            name_y = row.top + (18 if row.height >= 44 else row.height // 2 + 4)
            p.drawText(QPointF(12, name_y), name)
            if row.height >= 44 and v.kind_label(t.kind).casefold() != t.name.casefold():
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

    # ------------------------------------------------------------------ clips
    def track_body(self, p: QPainter, row: Row, i: int, first: int, last: int) -> None:
        v, g = self.v, self.v.geo
        t = row.track
        p.fillRect(g.header_w, row.top, v.width() - g.header_w, row.height,
                   theme.TRACK_BG if i % 2 == 0 else theme.TRACK_BG_ALT)
        p.setPen(theme.TRACK_LINE)
        p.drawLine(g.header_w, row.bottom - 1, v.width(), row.bottom - 1)
        if t.kind is TrackKind.PICTURE:
            for w in v.warnings_by_kind.get("picture_gap", []):
                x0, x1 = g.x_of(w.start), g.x_of(w.end)
                if x1 >= g.header_w and x0 <= v.width():
                    self.hatch(p, QRectF(x0, row.top + 2, x1 - x0, row.height - 4), theme.GAP, theme.OFFLINE)
        hidden = v.moving_ids
        for clip in v.index_of(t).visible(first, last):
            self.clip(p, clip, t, row, dim=clip.id in hidden)

    def clip(self, p: QPainter, clip: Clip, track: Track, row: Row, dim: bool = False,
             ghost: bool = False, at: int | None = None) -> None:
        v, g = self.v, self.v.geo
        start = clip.start if at is None else at
        x0 = g.x_of(start)
        x1 = g.x_of(start + clip.duration)
        rect = QRectF(x0, row.top + 2, max(1.0, x1 - x0), row.height - 5)
        base = theme.CLIP_COLORS[track.kind]
        if not clip.enabled or track.muted:
            base = QColor(base).darker(170)
        if dim:
            p.fillRect(rect, QColor(base.red(), base.green(), base.blue(), 60))
            return
        selected = clip.id in v.selection
        if rect.width() < 18:  # whole-episode zoom: a coloured sliver, nothing more to read
            p.fillRect(rect, base)
            if rect.width() >= 3:
                p.fillRect(QRectF(rect.right() - 1, rect.top(), 1, rect.height()), QColor(0, 0, 0, 150))
            if selected:
                p.fillRect(QRectF(rect.left(), rect.top(), rect.width(), 2), theme.SELECT)
                p.fillRect(QRectF(rect.left(), rect.bottom() - 2, rect.width(), 2), theme.SELECT)
            if clip.id in v.warnings_by_clip:
                p.fillRect(QRectF(rect.left(), rect.bottom() - 3, rect.width(), 3), theme.WARN)
            return
        p.save()
        p.setClipRect(rect.intersected(QRectF(g.header_w, g.ruler_h, v.width(), v.height())))
        grad = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        grad.setColorAt(0, base.lighter(118))
        grad.setColorAt(1, base.darker(115))
        p.fillRect(rect, grad if not ghost else QColor(base.red(), base.green(), base.blue(), 150))
        label_h = 15 if rect.height() >= 30 and not (clip.text and not clip.asset_id) else 0
        body = rect.adjusted(0, label_h, 0, 0)
        asset = v.doc.media(clip.asset_id) if clip.asset_id else None
        warns = v.warnings_by_clip.get(clip.id, [])
        offline = any(w.kind == MEDIA_OFFLINE for w in warns)
        if offline:
            self.hatch(p, rect, QColor("#5a1c22"), theme.OFFLINE)
        elif track.kind.is_visual and asset is not None and body.height() > 8 and not ghost:
            self.thumbnails(p, clip, asset, body)
        elif track.kind.is_audio and body.height() > 6 and not ghost:
            self.waveform(p, clip, body, base)
        elif clip.text and body.height() > 6:
            p.setPen(theme.TEXT_ON_CLIP)
            p.setFont(self.label)
            p.drawText(body.adjusted(6, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       self.fm_label.elidedText(clip.text.replace("\n", " "), Qt.TextElideMode.ElideRight,
                                                int(body.width()) - 12))
        self.fades(p, clip, rect)
        if label_h and rect.width() > 24:
            p.fillRect(QRectF(rect.left(), rect.top(), rect.width(), label_h), QColor(0, 0, 0, 70))
            p.setFont(self.label)
            name = clip.name or (clip.text[:40] if clip.text else QCoreApplication.translate("TimelineView", "Clip"))
            dur = format_duration(clip.duration, v.fps)
            avail = int(rect.width()) - 10 - (14 if warns else 0)
            dur_w = self.fm_label.horizontalAdvance(dur) + 8
            p.setPen(theme.TEXT_ON_CLIP)
            if avail > dur_w + 30:
                p.drawText(QRectF(rect.left() + 5, rect.top(), avail - dur_w, label_h),
                           Qt.AlignmentFlag.AlignVCenter,
                           self.fm_label.elidedText(name, Qt.TextElideMode.ElideRight, avail - dur_w))
                p.setPen(theme.TEXT_ON_CLIP_DIM)
                p.drawText(QRectF(rect.left() + avail - dur_w + 5, rect.top(), dur_w, label_h),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, dur)
            else:
                p.drawText(QRectF(rect.left() + 5, rect.top(), avail, label_h), Qt.AlignmentFlag.AlignVCenter,
                           self.fm_label.elidedText(name, Qt.TextElideMode.ElideRight, avail))
        if offline and rect.width() > 70 and body.height() > 12:
            p.setPen(QColor("#ffd7d8"))
            p.setFont(self.bold)
            p.drawText(body, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("TimelineView", "MEDIA OFFLINE"))
        p.restore()
        if warns:
            self.warning_badge(p, rect, warns)
        pen = QPen(theme.SELECT if selected else QColor(0, 0, 0, 150), 2 if selected else 1)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        if v.hover_edge and v.hover_edge[0] == clip.id:
            ex = rect.left() if v.hover_edge[1] == "in" else rect.right()
            p.fillRect(QRectF(ex - (0 if v.hover_edge[1] == "in" else 3), rect.top(), 3, rect.height()), theme.SELECT)

    def thumbnails(self, p: QPainter, clip: Clip, asset, body: QRectF) -> None:
        v = self.v
        probe = asset.probe or {}
        aspect = (probe.get("width") or 9) / max(1, probe.get("height") or 16)
        tw = max(8.0, body.height() * aspect)
        still = asset.kind is MediaKind.IMAGE
        root = v.bundle_root
        if root is None:
            return
        path = root / asset.path
        left = max(body.left(), float(v.geo.header_w) - tw)
        x = body.left() + ((left - body.left()) // tw) * tw
        limit = min(body.right(), float(v.width()))
        p.setOpacity(0.92)
        fps, ppf, cache, h = v.fps, v.geo.ppf, v.media_cache, int(body.height())
        src_fps = float(probe.get("fps") or fps)
        # source times on a power-of-two grid of quarter seconds, at least one thumbnail wide:
        # zooming moves the tiles but keeps asking for the same frames (cache hits)
        quantum = fps / 4
        while quantum * ppf < tw:
            quantum *= 2
        while x < limit:
            frame = round((clip.source_in + (x - body.left()) / ppf) / quantum) * quantum
            img = cache.thumbnail(root, path, frame / fps, still, aspect, h, src_fps)
            target = QRectF(x, body.top(), tw, body.height())
            if img is not None and not img.isNull():
                p.drawImage(QPointF(x, body.top()), img)
            else:
                p.fillRect(target.adjusted(1, 1, -1, -1), QColor(255, 255, 255, 14))
            x += tw
        p.setOpacity(1.0)

    def waveform(self, p: QPainter, clip: Clip, body: QRectF, base: QColor) -> None:
        v = self.v
        path = v.audio_path(clip)
        peaks = v.media_cache.peaks(path) if path is not None else None
        mid = body.center().y()
        if peaks is None or len(peaks) == 0:
            p.setPen(QPen(base.lighter(150), 1))
            p.drawLine(QPointF(body.left(), mid), QPointF(body.right(), mid))
            return
        from widgets.timeline.media_cache import PEAKS_PER_SECOND
        from widgets.timeline.waveform_tiles import TILE_W

        bins_per_px = PEAKS_PER_SECOND / v.fps / v.geo.ppf
        offset = clip.source_in * PEAKS_PER_SECOND / v.fps - clip.audio_offset_samples * PEAKS_PER_SECOND / 48000
        gain = 10 ** (clip.gain_db / 20)
        left = round(body.left())
        vis0 = max(0, int(max(body.left(), float(v.geo.header_w)) - left))
        vis1 = int(min(body.right(), float(v.width())) - left) + 1
        height = max(1, int(body.height()) - 2)
        colour = base.lighter(165)
        for t in range(vis0 // TILE_W, vis1 // TILE_W + 1):
            x = t * TILE_W
            width = min(TILE_W, int(body.width()) - x)
            if width <= 0:
                break
            img = v.wave_tiles.tile((str(path),), peaks, offset + x * bins_per_px, bins_per_px, width, height,
                                    gain, colour)
            p.drawImage(QPointF(left + x, body.top() + 1), img)

    def fades(self, p: QPainter, clip: Clip, rect: QRectF) -> None:
        g = self.v.geo
        p.setPen(QPen(QColor(255, 255, 255, 150), 1))
        if clip.fade_in > 0:
            p.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.left() + clip.fade_in * g.ppf, rect.top()))
        if clip.fade_out > 0:
            p.drawLine(QPointF(rect.right() - clip.fade_out * g.ppf, rect.top()), QPointF(rect.right(), rect.bottom()))

    def warning_badge(self, p: QPainter, rect: QRectF, warns: list[ClipWarning]) -> None:
        colour = theme.OFFLINE if any(w.kind == MEDIA_OFFLINE for w in warns) else theme.WARN
        if rect.width() >= 18:
            cx, top = rect.right() - 10, rect.top() + 2
            tri = QPolygonF([QPointF(cx, top), QPointF(cx + 6.5, top + 11), QPointF(cx - 6.5, top + 11)])
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawPolygon(tri)
            p.setPen(QColor("#1a1a1a"))
            p.setFont(self.small)
            p.drawText(QRectF(cx - 4, top + 1, 8, 11), Qt.AlignmentFlag.AlignCenter, "!")
        p.fillRect(QRectF(rect.left(), rect.bottom() - 3, rect.width(), 3), colour)

    def hatch(self, p: QPainter, rect: QRectF, fill: QColor, line: QColor) -> None:
        p.fillRect(rect, fill)
        brush = QBrush(QColor(line.red(), line.green(), line.blue(), 90), Qt.BrushStyle.BDiagPattern)
        p.fillRect(rect, brush)

    # --------------------------------------------------------------- overlays
    def ghosts(self, p: QPainter) -> None:
        v, g = self.v, self.v.geo
        for clip, track_id, start in v.ghost_clips():
            row = g.row_of(track_id)
            if row is not None:
                self.clip(p, clip, row.track, row, ghost=True, at=start)

    def in_out(self, p: QPainter, h: int) -> None:
        v, g = self.v, self.v.geo
        tl = v.episode.timeline
        if tl.in_point is None and tl.out_point is None:
            return
        a = g.x_of(tl.in_point or 0)
        b = g.x_of(tl.out_point if tl.out_point is not None else v.duration)
        p.fillRect(QRectF(a, g.ruler_h, b - a, h), theme.IN_OUT)

    def markers(self, p: QPainter) -> None:
        v, g = self.v, self.v.geo
        p.setFont(self.small)
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
