"""The timeline canvas: a custom-painted QWidget with headers, ruler and tracks.

Custom painting (no QGraphicsScene) keeps a 500-clip episode well under a
frame's budget: nothing exists per clip but the model itself, and only visible
clips are drawn. Interaction follows Premiere: drag to move (a ghost shows the
drop, one undo step on release), edges to trim (Ctrl: ripple, Alt: roll; every
mouse move updates the model live, merged into one undo step), rubber band and
Shift/Ctrl selection, snapping to edges, playhead and markers.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from PySide6.QtCore import QEasingCurve, QEvent, QPoint, QRect, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QSizePolicy, QToolTip, QWidget
from shiboken6 import isValid

from app.errors import UserError
from app.model import Clip, Episode, MediaKind, Take, TrackKind
from app.session import Session
from app.timeline import query
from app.timeline.edits import EditRefused, TimelineEditor
from app.timeline.snapping import snap_frames, snap_targets
from app.timeline.sources import clip_for_asset, clip_for_shot, default_track_kind
from app.timeline.structure import TrackEditor
from app.timeline.warnings import ClipWarning, timeline_warnings
from widgets.timeline import theme
from widgets.timeline.geometry import Geometry
from widgets.timeline.media_cache import ClipMediaCache
from widgets.timeline.painter import TimelinePainter, TrackIndex, header_button_rects
from widgets.timeline.sprites import SpriteCache
from widgets.timeline.waveform_tiles import WaveformTiles

SHOT_MIME = "application/x-microdrama-shot"
ASSET_MIME = "application/x-microdrama-asset"
CLIPS_MIME = "application/x-microdrama-clips"
_drag_ids = itertools.count(1)


class TimelineView(QWidget):
    viewChanged = Signal()  # zoom, scroll or content size changed (scrollbars follow)
    selectionChanged = Signal()
    warningsChanged = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.doc = session.document
        self.geo = Geometry()
        self.selection: set[str] = set()
        self.target_track_id: str | None = None
        self.snapping = True
        self.tool = "select"  # select | ripple | roll
        self.media_cache = ClipMediaCache(self, session=session)
        self.wave_tiles = WaveformTiles()
        self.sprites = SpriteCache()
        self.duration = 0  # cached episode length (frames), refreshed with the model
        self.settle_timer = QTimer(self, singleShot=True, interval=150)  # exact repaint after a zoom
        self.settle_timer.timeout.connect(self.update)
        self._warnings_timer = QTimer(self, singleShot=True, interval=120)
        self._warnings_timer.timeout.connect(self.refresh_warnings)
        self.media_cache.updated.connect(self.update)
        self.painter = TimelinePainter(self)
        self._index: dict[str, TrackIndex] = {}
        self._dirty = True
        self.warnings_by_clip: dict[str, list[ClipWarning]] = {}
        self.warnings_by_kind: dict[str, list[ClipWarning]] = {}
        self._exists: dict[str, bool] = {}
        self._asset_files: dict[tuple[str, str], Path] = {}
        self._audio_paths: dict[tuple, Path | None] = {}
        # interaction state
        self._mode: str | None = None
        self._press = QPoint()
        self._press_frame = 0.0
        self._press_row = -1
        self._drag_key = ""
        self._drag_payload: object = None
        self._base_selection: set[str] = set()
        self.moving_ids: set[str] = set()
        self._ghost = (0, 0)
        self._rubber: QRect | None = None
        self.snap_frame: int | None = None
        self.hover_edge: tuple[str, str] | None = None
        self.toast = ""
        self._toast_timer = QTimer(self, singleShot=True, interval=3000)
        self._toast_timer.timeout.connect(self._clear_toast)
        self._scroll_anim = QVariantAnimation(self, duration=140, easingCurve=QEasingCurve.Type.OutCubic)
        self._scroll_anim.valueChanged.connect(lambda v: self.set_scroll_x(float(v), animate=False))
        self._editor: QLineEdit | None = None

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

        self.doc.objectChanged.connect(self._model_changed)
        self.doc.listChanged.connect(self._model_changed)
        self.doc.mediaChanged.connect(self._media_changed)
        self.doc.reset.connect(self._reset)
        session.currentEpisodeChanged.connect(self._reset)
        session.playheadChanged.connect(self._playhead_moved)
        self._reset()

    # ------------------------------------------------------------------ model
    @property
    def episode(self) -> Episode | None:
        return self.session.current_episode

    @property
    def fps(self) -> int:
        return self.doc.series.settings.fps

    @property
    def bundle_root(self) -> Path | None:
        return self.session.bundle.root if self.session.bundle else None

    def editor(self) -> TimelineEditor:
        return TimelineEditor(self.doc, self.episode)

    def track_editor(self) -> TrackEditor:
        return TrackEditor(self.doc, self.episode)

    def kind_label(self, kind: TrackKind) -> str:
        return {
            TrackKind.PICTURE: self.tr("Video"), TrackKind.OVERLAY: self.tr("Titles / overlay"),
            TrackKind.DIALOGUE: self.tr("Dialogue"), TrackKind.MUSIC: self.tr("Music"),
            TrackKind.EFFECTS: self.tr("Effects"), TrackKind.SUBTITLES: self.tr("Subtitles"),
        }[kind]

    def audio_path(self, clip: Clip) -> Path | None:
        key = (clip.take_id, clip.asset_id)
        if key not in self._audio_paths:
            self._audio_paths[key] = self._find_audio_path(clip)
        return self._audio_paths[key]

    def _find_audio_path(self, clip: Clip) -> Path | None:
        root = self.bundle_root
        if root is None:
            return None
        if clip.take_id:
            take = self.doc.find(clip.take_id)
            return root / take.path if isinstance(take, Take) and take.path else None
        asset = self.doc.media(clip.asset_id)
        if asset is not None and (asset.kind is MediaKind.AUDIO or asset.probe.get("has_audio")):
            return root / asset.path
        return None

    def asset_file(self, asset) -> Path:
        """Where an asset's file is (cached: painting asks for it per thumbnail)."""
        key = (asset.id, asset.path)
        found = self._asset_files.get(key)
        if found is None:
            found = self._asset_files[key] = self.bundle_root / asset.path
        return found

    def index_of(self, track) -> TrackIndex:
        self._refresh()
        found = self._index.get(track.id)
        if found is None:
            found = self._index[track.id] = TrackIndex.of(track)
        return found

    def _exists_check(self, rel: str) -> bool:
        if rel not in self._exists:
            root = self.bundle_root
            try:
                self._exists[rel] = root is None or self.session.bundle.resolve(rel).is_file()
            except UserError:
                self._exists[rel] = False
        return self._exists[rel]

    def _refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._index.clear()
        ep = self.episode
        self.duration = ep.timeline.duration if ep else 0
        if ep is None:
            self.warnings_by_clip, self.warnings_by_kind = {}, {}
            self.geo.rows = []
            return
        self.geo.layout_rows(ep.timeline.tracks)
        if not self._warnings_timer.isActive():
            # during a drag the model changes per mouse move: check warnings once it pauses
            self._warnings_timer.start()

    def refresh_warnings(self) -> None:
        """Recompute the warnings drawn on clips (debounced after edits)."""
        self._warnings_timer.stop()
        ep = self.episode
        by_clip: dict[str, list[ClipWarning]] = {}
        by_kind: dict[str, list[ClipWarning]] = {}
        for w in timeline_warnings(self.doc, ep, self._exists_check) if ep else []:
            by_kind.setdefault(w.kind, []).append(w)
            if w.clip_id and w.kind != "picture_gap":
                by_clip.setdefault(w.clip_id, []).append(w)
        self.warnings_by_clip, self.warnings_by_kind = by_clip, by_kind
        self.warningsChanged.emit()
        self.update()

    def _layout(self) -> None:
        """Bring caches and track rows up to date (cheap when nothing changed)."""
        self._refresh()
        ep = self.episode
        self.geo.layout_rows(ep.timeline.tracks if ep else [])

    def _model_changed(self, *_args) -> None:
        self._dirty = True
        self._audio_paths.clear()
        self.selection = {i for i in self.selection if isinstance(self.doc.find(i), Clip)}
        self.update()
        self.viewChanged.emit()

    def _media_changed(self, *_args) -> None:
        self._exists.clear()
        self._asset_files.clear()
        self._audio_paths.clear()
        self._model_changed()

    def _reset(self, *_args) -> None:
        self.selection.clear()
        self._exists.clear()
        self._asset_files.clear()
        self._audio_paths.clear()
        self.media_cache.clear()
        self.wave_tiles.clear()
        self.sprites.clear()
        self._dirty = True
        self._refresh()
        self.refresh_warnings()
        if self.width() > self.geo.header_w + 50:
            self.zoom_to_fit()
        self.update()
        self.viewChanged.emit()

    # ------------------------------------------------------------ zoom/scroll
    def content_frames(self) -> int:
        self._refresh()
        return self.duration + 10 * self.fps

    def visible_width(self) -> int:
        return max(1, self.width() - self.geo.header_w)

    def max_scroll_x(self) -> float:
        return max(0.0, self.content_frames() * self.geo.ppf - self.visible_width() * 0.5)

    def set_scroll_x(self, value: float, animate: bool = False) -> None:
        value = max(0.0, min(self.max_scroll_x(), value))
        if animate:
            self._scroll_anim.stop()
            self._scroll_anim.setStartValue(self.geo.scroll_x)
            self._scroll_anim.setEndValue(value)
            self._scroll_anim.start()
            return
        if value != self.geo.scroll_x:
            self.geo.scroll_x = value
            self.update()
            self.viewChanged.emit()

    def set_scroll_y(self, value: int) -> None:
        value = max(0, min(int(value), max(0, self.content_height() - (self.height() - self.geo.ruler_h))))
        if value != self.geo.scroll_y:
            self.geo.scroll_y = value
            self._layout()
            self.update()
            self.viewChanged.emit()

    def content_height(self) -> int:
        ep = self.episode
        return sum(t.height for t in ep.timeline.tracks) if ep else 0

    def set_zoom(self, ppf: float, anchor_x: float | None = None) -> None:
        ppf = max(theme.MIN_PPF, min(theme.MAX_PPF, ppf))
        anchor_x = self.geo.header_w + self.visible_width() / 2 if anchor_x is None else anchor_x
        frame = self.geo.frame_at(anchor_x)
        self.geo.ppf = ppf
        self.geo.scroll_x = max(0.0, frame * ppf - (anchor_x - self.geo.header_w))
        self.geo.scroll_x = min(self.geo.scroll_x, self.max_scroll_x())
        self.update()
        self.viewChanged.emit()

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        if anchor_x is None:  # keyboard zoom keeps the playhead in place, like Premiere
            px = self.geo.x_of(self.session.playhead)
            anchor_x = px if self.geo.header_w <= px <= self.width() else None
        self.set_zoom(self.geo.ppf * factor, anchor_x)

    def zoom_to_fit(self) -> None:
        frames = max(self.fps * 10, (self.episode.timeline.duration if self.episode else 0))
        self.geo.scroll_x = 0
        self.set_zoom(self.visible_width() * 0.96 / frames, self.geo.header_w)

    def _playhead_moved(self, frame: int) -> None:
        x = self.geo.x_of(frame)
        if self._mode is None and (x < self.geo.header_w or x > self.width() - 10):
            self.set_scroll_x(frame * self.geo.ppf - self.visible_width() * 0.1)
        self.update()

    # ---------------------------------------------------------------- paint
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        self._layout()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.painter.paint(p)
        p.end()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:  # cached drawings hold translated words
            self.sprites.clear()
            self.painter.forget_cached()
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        first = event.oldSize().width() <= self.geo.header_w + 50
        super().resizeEvent(event)
        if first and self.width() > self.geo.header_w + 50:
            self.zoom_to_fit()
        self.viewChanged.emit()

    def show_toast(self, text: str) -> None:
        self.toast = text
        self._toast_timer.start()
        self.update()

    def _clear_toast(self) -> None:
        self.toast = ""
        self.update()

    # -------------------------------------------------------------- hit test
    def frame_at_x(self, x: float) -> int:
        return max(0, round(self.geo.frame_at(x)))

    def clip_hit(self, pos: QPoint) -> tuple[Clip | None, str | None]:
        """The clip under ``pos`` and which edge ("in"/"out") is within grab distance, if any."""
        row = self.geo.row_at(pos.y())
        if row is None or pos.x() < self.geo.header_w:
            return None, None
        f = self.geo.frame_at(pos.x())
        span = theme.EDGE_GRAB_PX / self.geo.ppf
        near = self.index_of(row.track).visible(int(f - span) - 1, int(f + span) + 1)
        best: tuple[float, Clip, str] | None = None
        for c in near:
            width_px = c.duration * self.geo.ppf
            grab = min(theme.EDGE_GRAB_PX, width_px / 3)
            for edge, frame in (("in", c.start), ("out", c.end)):
                d = pos.x() - self.geo.x_of(frame)
                inside = d >= 0 if edge == "in" else d <= 0
                if abs(d) <= grab and inside and (best is None or abs(d) < best[0]):
                    best = (abs(d), c, edge)
        if best is not None:
            return best[1], best[2]
        return query.clip_at(row.track, int(f)) if f >= 0 else None, None

    def marker_hit(self, pos: QPoint):
        if pos.y() > self.geo.ruler_h or self.episode is None:
            return None
        for m in self.episode.timeline.markers:
            if abs(self.geo.x_of(m.frame) - pos.x()) <= 6 and pos.y() >= self.geo.ruler_h - 16:
                return m
        return None

    # ---------------------------------------------------------------- mouse
    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self.episode is None:
            return
        self.setFocus()
        self._layout()
        pos = e.position().toPoint()
        self._press = pos
        self._press_frame = self.geo.frame_at(pos.x())
        self._drag_key = f"tl-drag-{next(_drag_ids)}"
        row = self.geo.row_at(pos.y())
        self._press_row = self.geo.rows.index(row) if row else -1
        if e.button() != Qt.MouseButton.LeftButton:
            return
        mods = e.modifiers()
        if pos.y() < self.geo.ruler_h:
            if pos.x() < self.geo.header_w:
                return
            marker = self.marker_hit(pos)
            if marker is not None:
                self._mode, self._drag_payload = "marker", marker.id
                self.session.set_playhead(marker.frame)
                return
            self._mode = "scrub"
            self._scrub(pos, mods)
            return
        if row is None:
            self._begin_rubber(mods)
            return
        if pos.x() < self.geo.header_w:
            self.target_track_id = row.track.id
            if pos.y() >= row.bottom - 4:
                self._mode, self._drag_payload = "resize", (row.track.id, row.height)
                return
            for flag, rect in header_button_rects(row, self.geo.header_w).items():
                if rect.contains(pos):
                    self.track_editor().set_flag(row.track.id, flag, not getattr(row.track, flag))
                    return
            self.update()
            return
        self.target_track_id = row.track.id
        clip, edge = self.clip_hit(pos)
        if clip is not None and edge is not None:
            mode = "roll" if (mods & Qt.KeyboardModifier.AltModifier or self.tool == "roll") else (
                "ripple" if (mods & Qt.KeyboardModifier.ControlModifier or self.tool == "ripple") else "trim")
            if mode == "roll" and edge == "in":
                left = next((c for c in row.track.clips if c.end == clip.start), None)
                if left is not None:
                    clip, edge = left, "out"
                else:
                    mode = "trim"
            self._set_selection({clip.id})
            self._mode, self._drag_payload = mode, (clip.id, edge, clip.start if edge == "in" else clip.end)
            return
        if clip is not None:
            if mods & Qt.KeyboardModifier.ControlModifier:
                self._set_selection(self.selection ^ {clip.id})
            elif mods & Qt.KeyboardModifier.ShiftModifier:
                self._set_selection(self.selection | {clip.id})
            elif clip.id not in self.selection:
                self._set_selection({clip.id})
            if clip.id in self.selection:
                self._mode = "press_clip"
            if clip.shot_id:
                self.session.select_shot(clip.shot_id)
            return
        self._begin_rubber(mods)

    def _begin_rubber(self, mods) -> None:
        keep = mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        self._base_selection = set(self.selection) if keep else set()
        if not keep:
            self._set_selection(set())
        self._mode = "rubber"
        self._rubber = QRect(self._press, self._press)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        pos = e.position().toPoint()
        mods = e.modifiers()
        self._layout()
        if self._mode is None:
            self._hover(pos)
            return
        try:
            if self._mode == "scrub":
                self._scrub(pos, mods)
            elif self._mode == "press_clip":
                if (pos - self._press).manhattanLength() >= QApplication.startDragDistance():
                    self._mode = "move"
                    self.moving_ids = set(self.selection)
                    self._update_move(pos, mods)
            elif self._mode == "move":
                self._update_move(pos, mods)
            elif self._mode in ("trim", "ripple", "roll"):
                self._update_trim(pos, mods)
            elif self._mode == "rubber":
                self._update_rubber(pos)
            elif self._mode == "resize":
                track_id, h0 = self._drag_payload
                self.track_editor().resize_track(track_id, h0 + pos.y() - self._press.y(), self._drag_key)
            elif self._mode == "marker":
                frame = self._snapped(self.frame_at_x(pos.x()), mods)
                self.track_editor().move_marker(self._drag_payload, frame, self._drag_key)
        except EditRefused as exc:
            self.show_toast(str(exc))

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        mode, self._mode = self._mode, None
        if mode == "move":
            delta, tdelta = self._ghost
            ids = list(self.moving_ids)
            self.moving_ids = set()
            try:
                self.editor().move_clips(ids, delta, tdelta)
            except EditRefused as exc:
                self.show_toast(str(exc))
        elif mode == "press_clip":
            clip, _ = self.clip_hit(e.position().toPoint())
            mods = e.modifiers()
            if clip is not None and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
                self._set_selection({clip.id})
        self._rubber = None
        self.snap_frame = None
        self._ghost = (0, 0)
        self.update()

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        pos = e.position().toPoint()
        marker = self.marker_hit(pos)
        if marker is not None:
            self._inline_edit(QRect(int(self.geo.x_of(marker.frame)) + 6, 0, 160, self.geo.ruler_h - 4), marker.name,
                              lambda text, mid=marker.id: self.track_editor().rename_marker(mid, text))
            return
        row = self.geo.row_at(pos.y())
        if row is not None and pos.x() < self.geo.header_w:
            self._inline_edit(QRect(8, row.top + 3, self.geo.header_w - 16, 22), row.track.name,
                              lambda text, tid=row.track.id: self.track_editor().rename_track(tid, text))

    def _inline_edit(self, rect: QRect, text: str, apply) -> None:
        edit = QLineEdit(text, self)
        edit.setGeometry(rect)
        edit.setStyleSheet("QLineEdit{background:#101114;color:#eee;border:1px solid #59d2ff;padding:1px 4px;}")
        edit.selectAll()
        done = {"v": False}

        def finish() -> None:
            if not done["v"]:
                done["v"] = True
                apply(edit.text())
                edit.deleteLater()
                self.setFocus()

        edit.editingFinished.connect(finish)
        edit.show()
        edit.setFocus()
        self._editor = edit

    def _hover(self, pos: QPoint) -> None:
        edge = None
        cursor = Qt.CursorShape.ArrowCursor
        row = self.geo.row_at(pos.y())
        if row is not None and pos.x() < self.geo.header_w and pos.y() >= row.bottom - 4:
            cursor = Qt.CursorShape.SizeVerCursor
        elif pos.x() >= self.geo.header_w and pos.y() >= self.geo.ruler_h:
            clip, which = self.clip_hit(pos)
            if clip is not None and which is not None:
                edge = (clip.id, which)
                cursor = Qt.CursorShape.SizeHorCursor
        if edge != self.hover_edge:
            self.hover_edge = edge
            self.update()
        self.setCursor(cursor)
        clip, _ = self.clip_hit(pos)
        warns = self.warnings_by_clip.get(clip.id) if clip else None
        if warns:
            QToolTip.showText(self.mapToGlobal(pos), "\n".join(self.warning_text(w) for w in warns), self)

    def warning_text(self, w: ClipWarning) -> str:
        """The translated message of a warning (made in the UI language, with timecodes)."""
        return w.message

    def _snapped(self, frame: int, mods, exclude: set[str] | None = None) -> int:
        self.snap_frame = None
        if not self.snapping or self.episode is None:
            return frame
        playhead = None if self._mode == "scrub" else self.session.playhead
        targets = snap_targets(self.episode.timeline, playhead, exclude or set())
        s = snap_frames([frame], targets, self.geo.ppf)
        if s.target is not None:
            self.snap_frame = s.target
        return frame + s.delta

    def _scrub(self, pos: QPoint, mods) -> None:
        frame = self.frame_at_x(pos.x())
        if mods & Qt.KeyboardModifier.ShiftModifier:
            frame = self._snapped(frame, mods)
        else:
            self.snap_frame = None
        self.session.set_playhead(frame)
        self.update()

    def _update_move(self, pos: QPoint, mods) -> None:
        clips = [self.doc.find(i) for i in self.moving_ids]
        clips = [c for c in clips if isinstance(c, Clip)]
        if not clips:
            return
        delta = round((pos.x() - self._press.x()) / self.geo.ppf)
        first = min(c.start for c in clips)
        last = max(c.end for c in clips)
        self.snap_frame = None
        if self.snapping and self.episode is not None:
            targets = snap_targets(self.episode.timeline, self.session.playhead, self.moving_ids)
            s = snap_frames([first + delta, last + delta], targets, self.geo.ppf)
            if s.target is not None:
                delta += s.delta
                self.snap_frame = s.target
        delta = max(delta, -first)
        row = self.geo.row_at(max(self.geo.ruler_h, pos.y()))
        tdelta = (self.geo.rows.index(row) - self._press_row) if row is not None and self._press_row >= 0 else 0
        self._ghost = (delta, tdelta)
        self.update()

    def ghost_clips(self):
        if self._mode != "move" or not self.moving_ids or self.episode is None:
            return
        delta, tdelta = self._ghost
        tracks = self.episode.timeline.tracks
        for cid in self.moving_ids:
            clip = self.doc.find(cid)
            track = query.track_of(self.doc, cid)
            if not isinstance(clip, Clip) or track is None:
                continue
            i = tracks.index(track) + tdelta
            if 0 <= i < len(tracks):
                yield clip, tracks[i].id, clip.start + delta

    def _update_trim(self, pos: QPoint, mods) -> None:
        clip_id, edge, edge0 = self._drag_payload
        frame = self._snapped(edge0 + round((pos.x() - self._press.x()) / self.geo.ppf), mods, {clip_id})
        ed = self.editor()
        if self._mode == "trim":
            ed.trim(clip_id, edge, frame, self._drag_key)
        elif self._mode == "ripple":
            ed.ripple_trim(clip_id, edge, frame, self._drag_key)
        else:
            ed.roll_trim(clip_id, frame, self._drag_key)
        clip = self.doc.find(clip_id)
        if isinstance(clip, Clip):  # show the edge frame in the player while trimming
            self.session.set_playhead(clip.start if edge == "in" and self._mode != "roll" else max(0, clip.end - 1))

    def rubber_rect(self) -> QRect | None:
        return self._rubber.normalized() if self._rubber is not None else None

    def _update_rubber(self, pos: QPoint) -> None:
        self._rubber = QRect(self._press, pos)
        r = self._rubber.normalized()
        f0, f1 = self.geo.frame_at(r.left()), self.geo.frame_at(r.right())
        hit = set()
        for row in self.geo.rows:
            if row.bottom < r.top() or row.top > r.bottom():
                continue
            hit.update(c.id for c in self.index_of(row.track).visible(int(f0), int(f1) + 1))
        self._set_selection(self._base_selection | hit)

    def _set_selection(self, ids: set[str]) -> None:
        if ids != self.selection:
            self.selection = set(ids)
            self.selectionChanged.emit()
            self.update()

    def wheelEvent(self, e: QWheelEvent) -> None:  # noqa: N802
        mods = e.modifiers()
        dy = e.angleDelta().y() or e.angleDelta().x()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.zoom_by(1.25 ** (dy / 120), e.position().x())
        elif mods & Qt.KeyboardModifier.ShiftModifier:
            self.set_scroll_y(self.geo.scroll_y - dy // 2)
        else:
            pixel = e.pixelDelta()
            if not pixel.isNull():
                self.set_scroll_x(self.geo.scroll_x - (pixel.x() or pixel.y()))
            else:
                target = self._scroll_anim.endValue() if self._scroll_anim.state() else self.geo.scroll_x
                self.set_scroll_x(float(target) - dy * 1.2, animate=True)
        e.accept()

    # ------------------------------------------------------------- keyboard
    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if self.episode is None:
            return super().keyPressEvent(e)
        key, mods = e.key(), e.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        K = Qt.Key
        if key in (K.Key_Delete, K.Key_Backspace):  # before Cut: Shift+Del is also a Cut key
            self.delete_selection(ripple=shift)
        elif e.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif e.matches(QKeySequence.StandardKey.Cut):
            self.copy_selection()
            self.delete_selection(ripple=False)
        elif e.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif e.matches(QKeySequence.StandardKey.SelectAll):
            self._set_selection({c.id for t in self.episode.timeline.tracks for c in t.clips})
        elif key == K.Key_S and not ctrl:
            self.split_at_playhead()
        elif key == K.Key_N and not ctrl:
            self.toggle_marker()
        elif key in (K.Key_Plus, K.Key_Equal):
            self.zoom_by(1.5)
        elif key in (K.Key_Minus, K.Key_Underscore):
            self.zoom_by(1 / 1.5)
        elif key == K.Key_Backslash:
            self.zoom_to_fit()
        elif key in (K.Key_Left, K.Key_Right):
            step = self.fps if shift else 1
            self.session.set_playhead(self.session.playhead + (step if key == K.Key_Right else -step))
        elif key in (K.Key_Up, K.Key_Down):
            self.jump_to_edit(+1 if key == K.Key_Down else -1)
        elif key == K.Key_Home:
            self.session.set_playhead(0)
        elif key == K.Key_End:
            self.session.set_playhead(max(0, self.episode.timeline.duration - 1))
        elif key == K.Key_Space:
            self.session.services.transport.toggleRequested.emit()
        elif key in (K.Key_J, K.Key_K, K.Key_L) and not ctrl:
            self.session.services.transport.shuttleRequested.emit({K.Key_J: -1, K.Key_K: 0, K.Key_L: 1}[key])
        elif key == K.Key_Escape:
            self._set_selection(set())
        else:
            return super().keyPressEvent(e)
        e.accept()

    # -------------------------------------------------------------- actions
    def _guard(self, fn, *args):
        try:
            return fn(*args)
        except EditRefused as exc:
            self.show_toast(str(exc))
        return None

    def split_at_playhead(self) -> None:
        new = self._guard(self.editor().split, self.session.playhead, set(self.selection))
        if new:
            self._set_selection(self.selection | set(new))

    def delete_selection(self, ripple: bool = False) -> None:
        if not self.selection:
            if ripple and self.target_track_id:  # Shift+Delete on a gap closes it
                self._guard(self.editor().close_gap, self.target_track_id, self.session.playhead)
            return
        ids = list(self.selection)
        done = self._guard(self.editor().ripple_delete if ripple else self.editor().delete, ids)
        if done == 0:
            self.show_toast(self.tr("The selected clips are on locked tracks."))

    def copy_selection(self) -> None:
        if not self.selection:
            return
        data = self.editor().copy(sorted(self.selection))
        from PySide6.QtCore import QMimeData

        mime = QMimeData()
        mime.setData(CLIPS_MIME, json.dumps(data).encode())
        QGuiApplication.clipboard().setMimeData(mime)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(CLIPS_MIME):
            return
        data = json.loads(bytes(mime.data(CLIPS_MIME)).decode())
        ids = self._guard(self.editor().paste, data, self.session.playhead, self.target_track_id)
        if ids:
            self._set_selection(set(ids))
            self.session.set_playhead(max(self.doc.find(i).end for i in ids))

    def toggle_marker(self) -> None:
        self.track_editor().toggle_marker(self.session.playhead)

    def jump_to_edit(self, direction: int) -> None:
        ph = self.session.playhead
        points = sorted({f for t in self.episode.timeline.tracks for c in t.clips for f in (c.start, c.end)})
        nxt = [p for p in points if p > ph] if direction > 0 else [p for p in points if p < ph]
        if nxt:
            self.session.set_playhead(nxt[0] if direction > 0 else nxt[-1])

    # ------------------------------------------------------------ context menu
    def contextMenuEvent(self, e) -> None:  # noqa: N802
        if self.episode is None:
            return
        clip, _ = self.clip_hit(e.pos())
        if clip is not None and clip.id not in self.selection:
            self._set_selection({clip.id})
        menu = QMenu(self)
        has = bool(self.selection)
        menu.addAction(self.tr("Split at Playhead"), self.split_at_playhead).setShortcut("S")
        menu.addAction(self.tr("Delete"), lambda: self.delete_selection(False)).setEnabled(has)
        menu.addAction(self.tr("Ripple Delete"), lambda: self.delete_selection(True)).setEnabled(has)
        menu.addSeparator()
        menu.addAction(self.tr("Copy"), self.copy_selection).setEnabled(has)
        menu.addAction(self.tr("Paste"), self.paste)
        if clip is not None:
            menu.addSeparator()
            act = menu.addAction(self.tr("Enabled"))
            act.setCheckable(True)
            act.setChecked(clip.enabled)
            act.triggered.connect(lambda on, c=clip: self.doc.edit(c, self.tr("Enable clip"), enabled=on))
        row = self.geo.row_at(e.pos().y())
        if clip is None and row is not None:
            self.target_track_id = row.track.id
            menu.addAction(self.tr("Close Gap"),
                           lambda t=row.track.id, f=self.frame_at_x(e.pos().x()): self._guard(self.editor().close_gap, t, f))
        menu.exec(e.globalPos())

    # ------------------------------------------------------------ drag & drop
    def dragEnterEvent(self, e) -> None:  # noqa: N802
        mime = e.mimeData()
        if self.episode is not None and (mime.hasFormat(SHOT_MIME) or mime.hasFormat(ASSET_MIME) or mime.hasUrls()):
            e.acceptProposedAction()

    def dragMoveEvent(self, e) -> None:  # noqa: N802
        pos = e.position().toPoint()
        self._snapped(self.frame_at_x(pos.x()), Qt.KeyboardModifier.NoModifier)
        row = self.geo.row_at(pos.y())
        self.target_track_id = row.track.id if row else self.target_track_id
        self.update()
        e.acceptProposedAction()

    def dragLeaveEvent(self, _e) -> None:  # noqa: N802
        self.snap_frame = None
        self.update()

    def dropEvent(self, e) -> None:  # noqa: N802
        pos = e.position().toPoint()
        frame = self.snap_frame if self.snap_frame is not None else self.frame_at_x(pos.x())
        self.snap_frame = None
        row = self.geo.row_at(pos.y())
        mime = e.mimeData()
        clips: list[Clip] = []
        if mime.hasFormat(SHOT_MIME):
            for sid in parse_ids(bytes(mime.data(SHOT_MIME)).decode("utf-8")):
                shot = self.doc.find(sid)
                clip = clip_for_shot(self.doc, shot) if shot is not None else None
                if clip is None:
                    self.show_toast(self.tr("A shot has no still or clip yet; generate or import one first."))
                else:
                    clips.append(clip)
        elif mime.hasFormat(ASSET_MIME):
            for aid in parse_ids(bytes(mime.data(ASSET_MIME)).decode("utf-8")):
                asset = self.doc.media(aid)
                if asset is not None:
                    clips.append(clip_for_asset(self.doc, asset))
        elif mime.hasUrls():
            paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
            if paths:
                self.import_and_place(paths, frame, row.track.id if row else None)
                e.acceptProposedAction()
        if clips:
            self.insert_clips(clips, frame, row.track if row else None)
            e.acceptProposedAction()
        self.update()

    def import_and_place(self, paths: list[Path], frame: int, track_id: str | None) -> None:
        """Import files on the job queue, then insert them at ``frame`` (one undo step) when they land."""
        from app.media.import_job import import_files_job

        episode_id = self.episode.id if self.episode else None
        self.show_toast(self.tr("Importing %n file(s)…", "", len(paths)))

        def place(assets, failures: list[str]) -> None:
            if not isValid(self):  # the view was closed while the files were copied
                return
            if failures:
                self.show_toast(failures[0] if len(failures) == 1 else
                                self.tr("%n file(s) could not be imported: ", "", len(failures)) + failures[0])
            if not assets or self.episode is None or self.episode.id != episode_id:
                return
            track = self.doc.find(track_id) if track_id else None
            self.insert_clips([clip_for_asset(self.doc, a) for a in assets], frame, track)

        import_files_job(self.session, paths, place)

    def insert_clips(self, clips: list[Clip], frame: int, track=None) -> list[str]:
        """Insert dropped clips end to end at ``frame`` on ``track`` (or the first suitable track)."""
        ep = self.episode
        kind = query.clip_kind(self.doc, clips[0])
        if track is None or not query.compatible(kind, track.kind) or track.locked:
            want = default_track_kind(self.doc, clips[0])
            track = next((t for t in ep.timeline.tracks_of(want) if not t.locked), None) or next(
                (t for t in ep.timeline.tracks if query.compatible(kind, t.kind) and not t.locked), None)
        if track is None:
            self.show_toast(self.tr("No unlocked track can hold this media."))
            return []
        ids = self._guard(self.editor().lay_end_to_end, track.id, frame, clips,
                          self.tr("Insert %n clip(s)", "", len(clips))) or []
        if ids:
            self._set_selection(set(ids))
        return ids


def parse_ids(text: str) -> list[str]:
    """Ids from a drag payload: a JSON list or whitespace/comma separated."""
    text = text.strip()
    if text.startswith("["):
        try:
            return [str(x) for x in json.loads(text)]
        except ValueError:
            pass
    return [t for t in text.replace(",", " ").split() if t]
