"""Timeline drag and drop: shots and media from the other docks, files from the desktop (imported on
the job queue, placed when they land), and laying dropped clips end to end."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from shiboken6 import isValid

from app.model import Clip
from app.timeline import query
from app.timeline.sources import clip_for_asset, clip_for_shot, default_track_kind
from widgets.timeline.view_base import TimelineViewBase

translate = QCoreApplication.translate
SHOT_MIME = "application/x-microdrama-shot"
ASSET_MIME = "application/x-microdrama-asset"


class TimelineDrop(TimelineViewBase):
    """Mixin of ``TimelineView``: what a drop on it does."""

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
                    self.show_toast(translate("TimelineView", "A shot has no still or clip yet; generate or import one first."))
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
        self.show_toast(translate("TimelineView", "Importing %n file(s)…", "", len(paths)))

        def place(assets, failures: list[str]) -> None:
            if not isValid(self):  # the view was closed while the files were copied
                return
            if failures:
                self.show_toast(failures[0] if len(failures) == 1 else
                                translate("TimelineView", "%n file(s) could not be imported: ", "", len(failures)) + failures[0])
            if not assets or self.episode is None or self.episode.id != episode_id:
                return
            track = self.doc.find(track_id) if track_id else None
            self.insert_clips([clip_for_asset(self.doc, a) for a in assets], frame, track)

        import_files_job(self.session, paths, place)

    def insert_clips(self, clips: list[Clip], frame: int, track=None) -> list[str]:
        """Insert dropped clips end to end at ``frame`` on ``track`` (or the first suitable track)."""
        ep = self.episode
        if ep is None:
            return []
        kind = query.clip_kind(self.doc, clips[0])
        if track is None or not query.compatible(kind, track.kind) or track.locked:
            want = default_track_kind(self.doc, clips[0])
            track = next((t for t in ep.timeline.tracks_of(want) if not t.locked), None) or next(
                (t for t in ep.timeline.tracks if query.compatible(kind, t.kind) and not t.locked), None)
        if track is None:
            self.show_toast(translate("TimelineView", "No unlocked track can hold this media."))
            return []
        ids = self._guard(self.editor().lay_end_to_end, track.id, frame, clips,
                          translate("TimelineView", "Insert %n clip(s)", "", len(clips))) or []
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
