"""Painting of the timeline: ruler, track headers, clips, warnings, playhead.

Only what is visible is drawn: per track, clips are found by bisecting their
sorted start frames (``TrackIndex``), so a repaint costs the visible clips, not
the whole episode.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
)

from app.model import Clip, MediaKind, Track, TrackKind
from app.timeline import query
from app.timeline.structure import track_display_name
from app.timeline.timecode import format_duration, format_timecode
from app.timeline.warnings import MEDIA_OFFLINE, ClipWarning
from widgets.timeline import theme
from widgets.timeline.geometry import Row, ruler_steps
from widgets.timeline.media_cache import PEAKS_PER_SECOND
from widgets.timeline.sprites import MAX_SPRITE_W, sprite_key
from widgets.timeline.text_stamps import TextStamps
from widgets.timeline.waveform_tiles import TILE_W

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


_STRIP = QColor(0, 0, 0, 70)  # under a clip's name and duration
_PLACEHOLDER = QColor(255, 255, 255, 14)  # where a thumbnail is still being made
_EDGE = QPen(QColor(0, 0, 0, 150), 1)
_SELECTED_EDGE = QPen(theme.SELECT, 2)

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
        self.sprites_enabled = True  # off: every clip drawn from scratch (tests, the benchmark's reference)
        self.use_sprites = False
        self.zooming = False
        self.approximate = False
        self._last_ppf = 0.0
        self._headers: tuple[tuple, QPixmap] | None = None
        self._fills: dict[tuple[int, float, float], QBrush] = {}
        self.label_stamps = TextStamps(self.label)
        self.small_stamps = TextStamps(self.small)

    # ------------------------------------------------------------------ main
    def paint(self, p: QPainter) -> None:
        v = self.v
        g = v.geo
        # while the zoom changes every frame, sprites made now would never be reused
        self.zooming = g.ppf != self._last_ppf
        self.use_sprites = self.sprites_enabled and not self.zooming
        self._last_ppf = g.ppf
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

    # ----------------------------------------------------------------- ruler
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

    # ---------------------------------------------------------------- headers
    def forget_cached(self) -> None:
        self._headers = None
        self.label_stamps.clear()
        self.small_stamps.clear()

    def headers(self, p: QPainter) -> None:
        """The track headers, from a pixmap redrawn only when a track or the layout changes."""
        v, g = self.v, self.v.geo
        dpr = v.devicePixelRatioF()
        key = (g.header_w, v.height(), dpr, v.target_track_id, v.kind_label(TrackKind.PICTURE),
               tuple((r.track.id, r.track.name, r.track.kind, r.track.muted, r.track.solo, r.track.locked,
                      r.top, r.height) for r in g.rows))
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
        hidden, selection, warned = v.moving_ids, v.selection, v.warnings_by_clip
        base = theme.CLIP_COLORS[t.kind] if not t.muted else theme.CLIP_COLORS[t.kind].darker(170)
        plain: list[QRectF] = []  # narrow, enabled, unmarked clips: drawn together
        items: list[tuple[Clip, QRectF]] = []
        top, height = row.top + 2, row.height - 5
        x_of = g.x_of
        for clip in v.index_of(t).visible(first, last):
            x0 = round(x_of(clip.start))
            width = round(x_of(clip.end)) - x0
            if clip.id in hidden or width < 18:
                if clip.enabled and clip.id not in hidden and clip.id not in selection and clip.id not in warned:
                    plain.append(QRectF(x0, top, max(1, width), height))
                else:
                    self.clip(p, clip, t, row, dim=clip.id in hidden)
            else:
                items.append((clip, QRectF(x0, top, width, height)))
        if plain:
            self.slivers(p, plain, base)
        if items:
            self.clips(p, t, items)

    def clip_base(self, clip: Clip, track: Track) -> QColor:
        base = theme.CLIP_COLORS[track.kind]
        return base.darker(170) if not clip.enabled or track.muted else base

    def clips(self, p: QPainter, track: Track, items: list[tuple[Clip, QRectF]]) -> None:
        """Clips wide enough to read: bodies from sprites (steady zoom) or drawn in batches, then marks."""
        v = self.v
        marks: list[tuple[Clip, QRectF, Sequence[ClipWarning]]] = []
        direct = []
        ppf, generation, dpr = v.geo.ppf, v.media_cache.generation, v.devicePixelRatioF()
        for clip, rect in items:
            warns = v.warnings_by_clip.get(clip.id, ())
            offline = any(w.kind == MEDIA_OFFLINE for w in warns)
            base = self.clip_base(clip, track)
            marks.append((clip, rect, warns))
            if not self.use_sprites or rect.width() > MAX_SPRITE_W:
                direct.append((clip, rect, base, offline, bool(warns)))
                continue
            width, height = int(rect.width()), int(rect.height())
            key = sprite_key(clip, track, width, height, ppf, (offline, bool(warns), generation, base.rgba()))
            sprite = v.sprites.get(key, width, height, dpr,
                                   partial(self._sprite_body, track, clip, base, offline, bool(warns)))
            p.drawPixmap(QPointF(rect.left(), rect.top()), sprite)
        if direct:
            self.bodies(p, track, direct, (float(v.geo.header_w), float(v.width())))
        self.clip_marks(p, marks)

    def _sprite_body(self, track: Track, clip: Clip, base: QColor, offline: bool, warned: bool,
                     sp: QPainter, r: QRectF) -> None:
        self.bodies(sp, track, [(clip, r, base, offline, warned)], (0.0, r.width()))

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

    def thumbnails(self, p: QPainter, clip: Clip, asset, body: QRectF, visible: tuple[float, float]) -> None:
        v = self.v
        probe = asset.probe or {}
        aspect = (probe.get("width") or 9) / max(1, probe.get("height") or 16)
        tw = max(8.0, body.height() * aspect)
        still = asset.kind is MediaKind.IMAGE
        root = v.bundle_root
        if root is None:
            return
        path = v.asset_file(asset)
        left = max(body.left(), visible[0] - tw)
        x = body.left() + ((left - body.left()) // tw) * tw
        limit = min(body.right(), visible[1])
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
            room = body.right() - x  # the last thumbnail is cut at the clip's end
            if img is not None and not img.isNull():
                if room >= img.width() / img.devicePixelRatio():
                    p.drawImage(QPointF(x, body.top()), img)
                else:  # an unscaled blit of the part that fits
                    p.drawImage(QPointF(x, body.top()), img, QRectF(0, 0, room * img.devicePixelRatio(), img.height()))
            else:
                p.fillRect(QRectF(x + 1, body.top() + 1, min(tw, room) - 2, body.height() - 2), _PLACEHOLDER)
            x += tw

    def waveform(self, p: QPainter, clip: Clip, body: QRectF, base: QColor, visible: tuple[float, float]) -> None:
        v = self.v
        path = v.audio_path(clip)
        peaks = v.media_cache.peaks(path) if path is not None else None
        mid = body.center().y()
        if peaks is None or len(peaks) == 0:
            p.setPen(QPen(base.lighter(150), 1))
            p.drawLine(QPointF(body.left(), mid), QPointF(body.right(), mid))
            return
        bins_per_px = PEAKS_PER_SECOND / v.fps / v.geo.ppf
        offset = clip.source_in * PEAKS_PER_SECOND / v.fps - clip.audio_offset_samples * PEAKS_PER_SECOND / 48000
        gain = 10 ** (clip.gain_db / 20)
        left = round(body.left())
        height = max(1, int(body.height()) - 2)
        colour = base.lighter(165)
        # While the zoom changes every frame, tiles are made at the nearest half-octave zoom and
        # stretched (by less than a fifth) into place: a zoom gesture reuses them instead of
        # rendering every tile again each frame. The repaint after the gesture draws them exactly.
        tile_bpp = 2 ** (round(math.log2(bins_per_px) * 2) / 2) if self.zooming else bins_per_px
        scale = bins_per_px / tile_bpp  # tile pixels per screen pixel
        tiles_w = int(body.width() * scale)
        vis0 = max(0, int((max(body.left(), visible[0]) - left) * scale))
        vis1 = int((min(body.right(), visible[1]) - left) * scale) + 1
        for t in range(vis0 // TILE_W, vis1 // TILE_W + 1):
            x = t * TILE_W
            width = min(TILE_W, tiles_w - x)
            if width <= 0:
                break
            img = v.wave_tiles.tile((str(path),), peaks, offset + x * tile_bpp, tile_bpp, width, height, gain, colour)
            if scale == 1.0:
                p.drawImage(QPointF(left + x, body.top() + 1), img)
            else:
                p.drawImage(QRectF(left + x / scale, body.top() + 1, width / scale, height), img)
        if scale != 1.0:
            self.approximate = True

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

    # --------------------------------------------------------------- overlays
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
