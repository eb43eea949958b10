"""Clips on the timeline's tracks: bodies (from sprites or drawn in batches), names and
durations, fades, warning badges, selection frames and the trim handle under the mouse.

Clips of one track are drawn in phases (all fills, then all media, then all names)
so each kind of drawing is one batch of raster calls.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen, QPolygonF

from app.model import Clip, Track, TrackKind
from app.timeline.timecode import format_duration
from app.timeline.warnings import MEDIA_OFFLINE, ClipWarning
from widgets.timeline import theme
from widgets.timeline.geometry import Row
from widgets.timeline.painter_media import MediaPainting
from widgets.timeline.sprites import MAX_SPRITE_W, Render, sprite_key

_STRIP = QColor(0, 0, 0, 70)  # under a clip's name and duration
_EDGE = QPen(QColor(0, 0, 0, 150), 1)
_SELECTED_EDGE = QPen(theme.SELECT, 2)


class ClipPainting(MediaPainting):
    """A track's row and the clips on it."""

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
        base = theme.CLIP_COLORS[t.kind] if not t.muted else theme.CLIP_COLORS[t.kind].darker(170)
        plain, singles, items = self.row_clips(row, first, last)
        for clip in singles:
            self.clip(p, clip, t, row, dim=clip.id in v.moving_ids)
        if plain:
            self.slivers(p, plain, base)
        if items:
            self.clips(p, t, items)

    def row_clips(self, row: Row, first: int, last: int) -> tuple[list[QRectF], list[Clip], list[tuple[Clip, QRectF]]]:
        """A row's clips between frames ``first`` and ``last``, by how they are drawn: narrow plain
        ones (one batch of slivers), ones drawn on their own (being moved, or narrow and marked),
        and the ones wide enough to read (bodies, from sprites)."""
        v, g = self.v, self.v.geo
        hidden, selection, warned = v.moving_ids, v.selection, v.warnings_by_clip
        plain: list[QRectF] = []
        singles: list[Clip] = []
        items: list[tuple[Clip, QRectF]] = []
        top, height = row.top + 2, row.height - 5
        x_of = g.x_of
        for clip in v.index_of(row.track).visible(first, last):
            x0 = round(x_of(clip.start))
            width = round(x_of(clip.end)) - x0
            if clip.id in hidden or width < 18:
                if clip.enabled and clip.id not in hidden and clip.id not in selection and clip.id not in warned:
                    plain.append(QRectF(x0, top, max(1, width), height))
                else:
                    singles.append(clip)
            else:
                items.append((clip, QRectF(x0, top, width, height)))
        return plain, singles, items

    def plan_sprites(self, row: Row, first: int, last: int) -> None:
        """Ask for the sprites the row's readable clips will be drawn from (made in idle slices)."""
        dpr = self.v.devicePixelRatioF()
        for clip, rect in self.row_clips(row, first, last)[2]:
            warns = self.v.warnings_by_clip.get(clip.id, ())
            request = self.sprite_request(row.track, clip, rect, warns)
            if request is not None:
                key, render = request
                self.v.sprites.want(key, int(rect.width()), int(rect.height()), dpr, render)

    def sprite_request(self, track: Track, clip: Clip, rect: QRectF,
                       warns: Sequence[ClipWarning]) -> tuple[tuple, Render] | None:
        """The key of ``clip``'s sprite at ``rect``'s size and what draws it; ``None`` for a clip too wide
        to keep as a picture (deep zoom: only its visible part is drawn)."""
        if rect.width() > MAX_SPRITE_W:
            return None
        offline = any(w.kind == MEDIA_OFFLINE for w in warns)
        base = self.clip_base(clip, track)
        key = sprite_key(clip, track, int(rect.width()), int(rect.height()), self.v.geo.ppf,
                         (offline, bool(warns), base.rgba()))
        return key, partial(self._sprite_body, track, clip, base, offline, bool(warns))

    def clip_base(self, clip: Clip, track: Track) -> QColor:
        base = theme.CLIP_COLORS[track.kind]
        return base.darker(170) if not clip.enabled or track.muted else base

    def clips(self, p: QPainter, track: Track, items: list[tuple[Clip, QRectF]]) -> None:
        """Clips wide enough to read: bodies from sprites (steady zoom) or drawn in batches, then marks.

        A clip whose sprite is missing beyond the few a paint makes is drawn in the batch;
        its sprite is made in idle time (``SpriteCache.find``)."""
        v = self.v
        marks: list[tuple[Clip, QRectF, Sequence[ClipWarning]]] = []
        direct = []
        dpr = v.devicePixelRatioF()
        for clip, rect in items:
            warns = v.warnings_by_clip.get(clip.id, ())
            marks.append((clip, rect, warns))
            request = self.sprite_request(track, clip, rect, warns) if self.use_sprites else None
            sprite = None
            if request is not None:
                key, render = request
                sprite = v.sprites.find(key, int(rect.width()), int(rect.height()), dpr, render)
            if sprite is None:  # no sprite (zooming, deep zoom) or one of many missing: drawn with the batch
                offline = any(w.kind == MEDIA_OFFLINE for w in warns)
                direct.append((clip, rect, self.clip_base(clip, track), offline, bool(warns)))
                continue
            p.drawPixmap(QPointF(rect.left(), rect.top()), sprite)
        if direct:
            self.bodies(p, track, direct, (float(v.geo.header_w), float(v.width())))
        self.clip_marks(p, marks)

    def _sprite_body(self, track: Track, clip: Clip, base: QColor, offline: bool, warned: bool,
                     sp: QPainter, r: QRectF) -> bool:
        """A sprite's drawing; True when none of its media was still being made (no placeholder)."""
        self.media_missing = False
        self.bodies(sp, track, [(clip, r, base, offline, warned)], (0.0, r.width()))
        return not self.media_missing

    def clip_marks(self, p: QPainter, marks: list[tuple[Clip, QRectF, Sequence[ClipWarning]]]) -> None:
        """Warning badges, frames (selected ones highlighted) and the trim handle under the mouse."""
        v = self.v
        edges: list[QRectF] = []
        chosen: list[QRectF] = []
        for clip, rect, warns in marks:
            if warns:
                self.warning_badge(p, rect, warns)
            (chosen if clip.id in v.selection else edges).append(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(_EDGE)
        p.drawRects(edges)
        if chosen:
            p.setPen(_SELECTED_EDGE)
            p.drawRects(chosen)
        if v.hover_edge:
            for clip, rect, _ in marks:
                if clip.id == v.hover_edge[0]:
                    ex = rect.left() if v.hover_edge[1] == "in" else rect.right() - 3
                    p.fillRect(QRectF(ex, rect.top(), 3, rect.height()), theme.SELECT)

    def clip(self, p: QPainter, clip: Clip, track: Track, row: Row, dim: bool = False,
             ghost: bool = False, at: int | None = None) -> None:
        """One clip on its own: slivers with marks, clips being moved (dimmed) and their ghosts."""
        g = self.v.geo
        start = clip.start if at is None else at
        x0 = round(g.x_of(start))
        width = max(1, round(g.x_of(start + clip.duration)) - x0)
        rect = QRectF(x0, row.top + 2, width, row.height - 5)
        base = self.clip_base(clip, track)
        if dim:
            p.fillRect(rect, QColor(base.red(), base.green(), base.blue(), 60))
            return
        warns = self.v.warnings_by_clip.get(clip.id, ())
        if width < 18:  # whole-episode zoom: a coloured sliver, nothing more to read
            self.sliver(p, rect, base, clip.id in self.v.selection, bool(warns))
            return
        visible = (float(g.header_w), float(self.v.width()))
        self.bodies(p, track, [(clip, rect, base, False, bool(warns))], visible, ghost=ghost)
        self.clip_marks(p, [(clip, rect, warns)])

    def sliver(self, p: QPainter, rect: QRectF, base: QColor, selected: bool, warned: bool) -> None:
        p.fillRect(rect, base)
        if rect.width() >= 3:
            p.fillRect(QRectF(rect.right() - 1, rect.top(), 1, rect.height()), QColor(0, 0, 0, 150))
        if selected:
            p.fillRect(QRectF(rect.left(), rect.top(), rect.width(), 2), theme.SELECT)
            p.fillRect(QRectF(rect.left(), rect.bottom() - 2, rect.width(), 2), theme.SELECT)
        if warned:
            p.fillRect(QRectF(rect.left(), rect.bottom() - 3, rect.width(), 3), theme.WARN)

    def slivers(self, p: QPainter, rects: list[QRectF], base: QColor) -> None:
        """Many plain slivers of one colour in two raster calls (the whole-episode view)."""
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(base)
        p.drawRects(rects)
        edges = [QRectF(r.right() - 1, r.top(), 1, r.height()) for r in rects if r.width() >= 3]
        if edges:
            p.setBrush(QColor(0, 0, 0, 150))
            p.drawRects(edges)

    def bodies(self, p: QPainter, track: Track, items: list[tuple[Clip, QRectF, QColor, bool, bool]],
               visible: tuple[float, float], ghost: bool = False) -> None:
        """What is inside clips' frames, in phases so each kind of drawing is one batch.

        ``items`` are (clip, rect, colour, offline, warned); ``visible`` is the x range
        worth drawing media into. Everything stays inside each clip's rect, so no
        per-clip clipping is needed.
        """
        p.setPen(Qt.PenStyle.NoPen)
        if ghost:
            for _clip, rect, base, _o, _w in items:
                p.fillRect(rect, QColor(base.red(), base.green(), base.blue(), 150))
        else:
            groups: dict[int, list[QRectF]] = {}
            for _clip, rect, base, _o, _w in items:
                groups.setdefault(base.rgba(), []).append(rect)
            for rgba, rects in groups.items():
                p.setBrush(self.clip_fill(QColor.fromRgba(rgba), rects[0].top(), rects[0].height()))
                p.drawRects(rects)
        strips = []
        for clip, rect, base, offline, warned in items:
            label_h = 15 if rect.height() >= 30 and not (clip.text and not clip.asset_id) else 0
            body = rect.adjusted(0, label_h, 0, 0)
            if offline:
                self.hatch(p, rect, QColor("#5a1c22"), theme.OFFLINE)
                if rect.width() > 70 and body.height() > 12:
                    self.offline_label(p, body)
            asset = self.v.doc.media(clip.asset_id) if clip.asset_id and track.kind.is_visual else None
            if ghost or offline:
                pass
            elif asset is not None and body.height() > 8:
                self.thumbnails(p, clip, asset, body, visible)
            elif track.kind.is_audio and body.height() > 6:
                self.waveform(p, clip, body, base, visible)
            elif clip.text and body.height() > 6:
                p.setPen(theme.TEXT_ON_CLIP)
                p.setFont(self.label)
                stamp, _ = self.label_stamps.get(clip.text.replace("\n", " "), max(0, int(body.width()) - 12))
                p.drawStaticText(QPointF(body.left() + 6, body.center().y() - self.label_stamps.height() / 2), stamp)
            if clip.fade_in > 0 or clip.fade_out > 0:
                self.fades(p, clip, rect)
            if label_h and rect.width() > 24:
                strips.append((clip, rect, label_h, warned))
        if strips:
            self.name_strips(p, strips)

    def offline_label(self, p: QPainter, body: QRectF) -> None:
        p.setPen(QColor("#ffd7d8"))
        p.setFont(self.bold)
        text = self.fm_label.elidedText(QCoreApplication.translate("TimelineView", "MEDIA OFFLINE"),
                                        Qt.TextElideMode.ElideRight, int(body.width()) - 8)
        p.drawText(body, Qt.AlignmentFlag.AlignCenter, text)

    def clip_fill(self, base: QColor, top: float, height: float) -> QBrush:
        """A top-lit gradient in the clip's colour over a row's clip band (shared by its clips)."""
        key = (base.rgba(), top, height)
        brush = self._fills.get(key)
        if brush is None:
            grad = QLinearGradient(0, top, 0, top + height)
            grad.setColorAt(0, base.lighter(118))
            grad.setColorAt(1, base.darker(115))
            if len(self._fills) > 256:
                self._fills.clear()
            brush = self._fills[key] = QBrush(grad)
        return brush

    def name_strips(self, p: QPainter, strips: list[tuple[Clip, QRectF, int, bool]]) -> None:
        """The dark strip with each clip's name (left) and duration (right)."""
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_STRIP)
        p.drawRects([QRectF(rect.left(), rect.top(), rect.width(), label_h) for _c, rect, label_h, _w in strips])
        stamps, fps = self.label_stamps, self.v.fps
        p.setFont(self.label)
        durations = []
        p.setPen(theme.TEXT_ON_CLIP)
        for clip, rect, label_h, warned in strips:
            name = clip.name or (clip.text[:40] if clip.text else QCoreApplication.translate("TimelineView", "Clip"))
            avail = int(rect.width()) - 10 - (14 if warned else 0)
            dur, dur_w = stamps.get(format_duration(clip.duration, fps))
            y = rect.top() + (label_h - stamps.height()) / 2
            if avail > dur_w + 38:
                p.drawStaticText(QPointF(rect.left() + 5, y), stamps.get(name, self.name_room(avail - dur_w - 8))[0])
                durations.append((QPointF(rect.left() + 5 + avail - dur_w, y), dur))
            elif avail >= 18:  # narrower, an ellipsis alone would be noise
                p.drawStaticText(QPointF(rect.left() + 5, y), stamps.get(name, self.name_room(avail))[0])
        p.setPen(theme.TEXT_ON_CLIP_DIM)
        for at, dur in durations:
            p.drawStaticText(at, dur)

    def name_room(self, room: float) -> int:
        """The width a name is cut to: 6-px steps, or during a zoom gesture steps of about a quarter,
        so that the names cut while zooming are laid out once, not at every frame's width."""
        exact = int(room) // 6 * 6
        if not self.zooming:
            return exact
        coarse = 18 if room < 24 else 2 ** (math.floor(math.log2(room) * 4) / 4)
        coarse = int(coarse) // 6 * 6
        if coarse != exact:
            self.approximate = True
        return coarse

    def fades(self, p: QPainter, clip: Clip, rect: QRectF) -> None:
        g = self.v.geo
        p.setPen(QPen(QColor(255, 255, 255, 150), 1))
        if clip.fade_in > 0:
            p.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.left() + clip.fade_in * g.ppf, rect.top()))
        if clip.fade_out > 0:
            p.drawLine(QPointF(rect.right() - clip.fade_out * g.ppf, rect.top()), QPointF(rect.right(), rect.bottom()))

    def warning_badge(self, p: QPainter, rect: QRectF, warns: Sequence[ClipWarning]) -> None:
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
