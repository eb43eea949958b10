"""Timeline editing actions: split, delete, copy/paste, markers, in/out, the context menu, and the
table that ties each timeline command id to what it does."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from app.model import Clip
from widgets.commands.catalog import CommandSpec, Scope
from widgets.commands.keymap import keymap
from widgets.commands.placement import context_sections
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
            "timeline.toggle_enabled": self.toggle_enabled,
            "timeline.close_gap": self.close_gap_at_playhead,
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
        data = json.loads(bytes(mime.data(CLIPS_MIME).data()).decode())
        ids = self._guard(self.editor().paste, data, self.session.playhead, self.target_track_id)
        if ids:
            self._set_selection(set(ids))
            pasted = [c for c in (self.doc.find(i) for i in ids) if isinstance(c, Clip)]
            self.session.set_playhead(max((c.end for c in pasted), default=self.session.playhead))

    def toggle_enabled(self) -> None:
        """Disable the selected clips (enable them when all are disabled already), as one undo step."""
        editor = self.editor()
        ids = [i for i in sorted(self.selection) if isinstance(self.doc.peek(i), Clip)]
        clips = [editor.clip(i) for i in ids if not editor.track_of(i).locked]  # as every edit: locked tracks stay
        if not clips:
            return
        on = all(not c.enabled for c in clips)
        with self.doc.macro(translate("TimelineView", "Enable clip")):
            for clip in clips:
                self.doc.edit(clip, translate("TimelineView", "Enable clip"), enabled=on)

    def close_gap_at_playhead(self) -> None:
        """Close the gap under the playhead on the target track (the keyed form of the menu's Close Gap)."""
        if self.target_track_id:
            self._guard(self.editor().close_gap, self.target_track_id, self.session.playhead)

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
        if self.episode is None:
            return
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
        row = self.geo.row_at(e.pos().y())
        gap: tuple[str, int] | None = None
        if clip is None and row is not None:
            self.target_track_id = row.track.id
            gap = (row.track.id, self.frame_at_x(e.pos().x()))
        menu = self.context_menu(clip, gap)
        menu.exec(e.globalPos())

    def context_menu(self, clip: Clip | None, gap: tuple[str, int] | None) -> QMenu:
        """The right-click menu, from the command catalog's ``context`` sections: each entry is a
        catalogued command (its text and current key), offered where it applies: clip commands on
        a selection, Enabled on the clicked clip, Close Gap on an empty stretch of a track."""
        menu = QMenu(self)
        handlers = self.command_handlers()
        if gap is not None:
            handlers["timeline.close_gap"] = lambda: self._guard(self.editor().close_gap, *gap)
        has = bool(self.selection)
        needs_selection = {"timeline.delete", "timeline.ripple_delete", "timeline.copy", "timeline.cut"}
        for _section, specs in context_sections(Scope.TIMELINE):
            shown = [spec for spec in specs if self._offered(spec, clip, gap)]
            if not shown:
                continue
            if menu.actions():
                menu.addSeparator()
            for spec in shown:
                act = menu.addAction(spec.menu_label())
                act.setObjectName(spec.id)
                act.setShortcuts(keymap().sequences(spec.id))
                act.setStatusTip(spec.tip_text())
                act.setEnabled(has or spec.id not in needs_selection)
                if spec.id == "timeline.toggle_enabled" and clip is not None:
                    act.setCheckable(True)
                    act.setChecked(clip.enabled)
                act.triggered.connect(lambda _=False, run=handlers[spec.id]: run())
        return menu

    @staticmethod
    def _offered(spec: CommandSpec, clip: Clip | None, gap: tuple[str, int] | None) -> bool:
        if spec.id == "timeline.toggle_enabled":
            return clip is not None
        if spec.id == "timeline.close_gap":
            return gap is not None
        return True
