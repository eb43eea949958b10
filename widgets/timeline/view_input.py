"""Timeline input: hit testing, mouse (select, move, trim, scrub, rubber band), wheel and keys.

Keys are looked up in the command keymap (``widgets.commands``) for the timeline
scope, so a key the user re-maps in the Keyboard Shortcuts dialog works here at
once; the view claims its keys on ShortcutOverride so a window-wide shortcut on
the same key gives way while the timeline has the focus.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QToolTip

from app.model import Clip
from app.timeline import query
from app.timeline.edits import EditRefused
from app.timeline.snapping import snap_frames, snap_targets
from app.timeline.warnings import ClipWarning
from widgets.commands.catalog import Scope
from widgets.commands.keymap import keymap
from widgets.timeline.painter import header_button_rects
from widgets.timeline.view_base import TimelineViewBase

_drag_ids = itertools.count(1)


class TimelineInput(TimelineViewBase):
    """Mixin of ``TimelineView``: everything the mouse and keyboard do to it."""

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
            elif self._mode == "resize" and isinstance(self._drag_payload, tuple) and len(self._drag_payload) == 2:
                track_id, h0 = self._drag_payload
                self.track_editor().resize_track(track_id, h0 + pos.y() - self._press.y(), self._drag_key)
            elif self._mode == "marker" and isinstance(self._drag_payload, str):
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

    def _scrub(self, pos: QPoint, mods) -> None:
        frame = self.frame_at_x(pos.x())
        if mods & Qt.KeyboardModifier.ShiftModifier:
            frame = self._snapped(frame, mods)
        else:
            self.snap_frame = None
        self.session.set_playhead(frame)
        self.update()

    def _update_move(self, pos: QPoint, mods) -> None:
        found = [self.doc.find(i) for i in self.moving_ids]
        clips = [c for c in found if isinstance(c, Clip)]
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
        if not (isinstance(self._drag_payload, tuple) and len(self._drag_payload) == 3):
            return
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
        hit: set[str] = set()
        for row in self.geo.rows:
            if row.bottom < r.top() or row.top > r.bottom():
                continue
            hit.update(c.id for c in self.index_of(row.track).visible(int(f0), int(f1) + 1))
        self._set_selection(self._base_selection | hit)

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
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and self.episode is not None \
                and keymap().dispatch(Scope.TIMELINE, e, self.command_handlers()):
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if self.episode is None or not keymap().dispatch(Scope.TIMELINE, e, self.command_handlers()):
            super().keyPressEvent(e)
