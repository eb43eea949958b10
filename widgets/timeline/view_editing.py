"""Timeline editing actions: split, delete, copy/paste, markers, in/out, the context menu, and the
table that ties each timeline command id to what it does."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from widgets.commands.keymap import keymap
from widgets.timeline.view_base import TimelineViewBase

translate = QCoreApplication.translate
CLIPS_MIME = "application/x-microdrama-clips"


class TimelineEditing(TimelineViewBase):
    """Mixin of ``TimelineView``: the edits its keys, menus and buttons run."""

    def command_handlers(self) -> dict[str, Callable[[], object]]:
        """Timeline command id -> what it does (the panel adds its tools and snapping)."""
        s = self.session
        fps = self.fps
        return {
            "timeline.play_pause": lambda: s.services.transport.toggleRequested.emit(),
            "timeline.shuttle_back": lambda: s.services.transport.shuttleRequested.emit(-1),
            "timeline.shuttle_stop": lambda: s.services.transport.shuttleRequested.emit(0),
            "timeline.shuttle_forward": lambda: s.services.transport.shuttleRequested.emit(1),
            "timeline.split": self.split_at_playhead,
            "timeline.delete": lambda: self.delete_selection(ripple=False),
            "timeline.ripple_delete": lambda: self.delete_selection(ripple=True),
            "timeline.marker": self.toggle_marker,
            "timeline.mark_in": self.mark_in,
            "timeline.mark_out": self.mark_out,
            "timeline.copy": self.copy_selection,
            "timeline.cut": self.cut_selection,
            "timeline.paste": self.paste,
            "timeline.select_all": self.select_all,
            "timeline.deselect": lambda: self._set_selection(set()),
            "timeline.zoom_in": lambda: self.zoom_by(1.5),
            "timeline.zoom_out": lambda: self.zoom_by(1 / 1.5),
            "timeline.zoom_fit": self.zoom_to_fit,
            "timeline.previous_frame": lambda: s.set_playhead(s.playhead - 1),
            "timeline.next_frame": lambda: s.set_playhead(s.playhead + 1),
            "timeline.back_second": lambda: s.set_playhead(s.playhead - fps),
            "timeline.forward_second": lambda: s.set_playhead(s.playhead + fps),
            "timeline.previous_edit": lambda: self.jump_to_edit(-1),
            "timeline.next_edit": lambda: self.jump_to_edit(+1),
            "timeline.go_start": lambda: s.set_playhead(0),
            "timeline.go_end": lambda: s.set_playhead(max(0, (self.episode.timeline.duration if self.episode else 0) - 1)),
            **self.extra_handlers,
        }

    # -------------------------------------------------------------- actions
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
            self.show_toast(translate("TimelineView", "The selected clips are on locked tracks."))

    def copy_selection(self) -> None:
        if not self.selection:
            return
        data = self.editor().copy(sorted(self.selection))
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

    def cut_selection(self) -> None:
        self.copy_selection()
        self.delete_selection(ripple=False)

    def select_all(self) -> None:
        if self.episode is not None:
            self._set_selection({c.id for t in self.episode.timeline.tracks for c in t.clips})

    def mark_in(self) -> None:
        if self.episode is None:
            return
        tl, ph = self.episode.timeline, self.session.playhead
        out = tl.out_point if tl.out_point is not None and tl.out_point > ph else None
        self.track_editor().set_range(ph, out)

    def mark_out(self) -> None:
        if self.episode is None:
            return
        tl, ph = self.episode.timeline, self.session.playhead
        start = tl.in_point if tl.in_point is not None and tl.in_point <= ph else None
        self.track_editor().set_range(start, ph + 1)

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
        menu.addAction(translate("TimelineView", "Split at Playhead"), self.split_at_playhead).setShortcuts(keymap().sequences("timeline.split"))
        menu.addAction(translate("TimelineView", "Delete"), lambda: self.delete_selection(False)).setEnabled(has)
        menu.addAction(translate("TimelineView", "Ripple Delete"), lambda: self.delete_selection(True)).setEnabled(has)
        menu.addSeparator()
        menu.addAction(translate("TimelineView", "Copy"), self.copy_selection).setEnabled(has)
        menu.addAction(translate("TimelineView", "Paste"), self.paste)
        if clip is not None:
            menu.addSeparator()
            act = menu.addAction(translate("TimelineView", "Enabled"))
            act.setCheckable(True)
            act.setChecked(clip.enabled)
            act.triggered.connect(lambda on, c=clip: self.doc.edit(c, translate("TimelineView", "Enable clip"), enabled=on))
        row = self.geo.row_at(e.pos().y())
        if clip is None and row is not None:
            self.target_track_id = row.track.id
            menu.addAction(translate("TimelineView", "Close Gap"),
                           lambda t=row.track.id, f=self.frame_at_x(e.pos().x()): self._guard(self.editor().close_gap, t, f))
        menu.exec(e.globalPos())

