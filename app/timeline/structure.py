"""Track and marker edits: add/rename/remove tracks, mute/solo/lock, height, markers, in/out."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.document import ProjectDocument
from app.model import Episode, Marker, Timeline, Track, TrackKind
from app.timeline.command import TimelineCommand
from app.timeline.edits import transaction

KIND_LABELS = {
    TrackKind.PICTURE: QT_TRANSLATE_NOOP("TrackNames", "Picture"),
    TrackKind.OVERLAY: QT_TRANSLATE_NOOP("TrackNames", "Titles"),
    TrackKind.DIALOGUE: QT_TRANSLATE_NOOP("TrackNames", "Dialogue"),
    TrackKind.MUSIC: QT_TRANSLATE_NOOP("TrackNames", "Music"),
    TrackKind.EFFECTS: QT_TRANSLATE_NOOP("TrackNames", "Effects"),
    TrackKind.SUBTITLES: QT_TRANSLATE_NOOP("TrackNames", "Subtitles"),
}
_NUMBERED = re.compile(r"^(.*?)(?: (\d+))?$")


def track_display_name(track: Track) -> str:
    """The name to show: a default name ("Picture", "Music 2") in the UI language, a user's own name as typed.

    Default names are stored in English so projects read the same everywhere; only the display changes.
    """
    base, number = _NUMBERED.match(track.name).groups()
    if base != KIND_LABELS.get(track.kind):
        return track.name
    shown = QCoreApplication.translate("TrackNames", base)
    return f"{shown} {number}" if number else shown
MIN_TRACK_HEIGHT, MAX_TRACK_HEIGHT = 24, 240


class TrackEditor:
    """Edits of an episode's track list and markers, each one undo step."""

    def __init__(self, doc: ProjectDocument, episode: Episode) -> None:
        self.doc = doc
        self.episode = episode

    @property
    def timeline(self) -> Timeline:
        return self.episode.timeline

    # ---------------------------------------------------------------- tracks
    def unique_name(self, kind: TrackKind) -> str:
        base = KIND_LABELS[kind]
        names = {t.name for t in self.timeline.tracks}
        if base not in names:
            return base
        n = 2
        while f"{base} {n}" in names:
            n += 1
        return f"{base} {n}"

    def add_track(self, kind: TrackKind, name: str = "", index: int | None = None) -> Track:
        """Add a track; by default right after the last track of the same kind (or at the end)."""
        track = Track(kind=kind, name=name or self.unique_name(kind), height=36 if kind is TrackKind.SUBTITLES else 56)
        if index is None:
            same = [i for i, t in enumerate(self.timeline.tracks) if t.kind is kind]
            index = same[-1] + 1 if same else len(self.timeline.tracks)
        with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Add track “{name}”").format(name=track_display_name(track))) as cmd:
            cmd.insert(self.timeline, "tracks", index, track)
        return track

    def remove_track(self, track_id: str) -> None:
        track = self.doc.find(track_id)
        with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Delete track “{name}”").format(name=track_display_name(track))) as cmd:
            cmd.remove(track)

    def rename_track(self, track_id: str, name: str) -> None:
        track = self.doc.find(track_id)
        name = name.strip()
        if name and name != track.name:
            with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Rename track")) as cmd:
                cmd.set(track, name=name)

    def set_flag(self, track_id: str, flag: str, value: bool) -> None:
        """Mute, solo or lock a track."""
        if flag not in ("muted", "solo", "locked"):
            raise ValueError(flag)
        track = self.doc.find(track_id)
        label = {"muted": "Mute", "solo": "Solo", "locked": "Lock"}[flag]
        with transaction(self.doc, f"{label if value else 'Un' + label.lower()} “{track.name}”") as cmd:
            cmd.set(track, **{flag: bool(value)})

    def resize_track(self, track_id: str, height: int, merge_key: str | None = None) -> int:
        track = self.doc.find(track_id)
        height = max(MIN_TRACK_HEIGHT, min(MAX_TRACK_HEIGHT, int(height)))
        with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Resize track"), merge_key) as cmd:
            cmd.set(track, height=height)
        return height

    # --------------------------------------------------------------- markers
    def marker_at(self, frame: int) -> Marker | None:
        return next((m for m in self.timeline.markers if m.frame == frame), None)

    def toggle_marker(self, frame: int, name: str = "") -> Marker | None:
        """Add a marker at ``frame``, or remove the one there; returns the new marker or None."""
        existing = self.marker_at(frame)
        with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Remove marker") if existing else QCoreApplication.translate("TimelineStructure", "Add marker")) as cmd:
            if existing:
                cmd.remove(existing)
                return None
            marker = Marker(frame=max(0, frame), name=name or f"Marker {len(self.timeline.markers) + 1}")
            index = sum(1 for m in self.timeline.markers if m.frame < frame)
            cmd.insert(self.timeline, "markers", index, marker)
            return marker

    def rename_marker(self, marker_id: str, name: str) -> None:
        with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Rename marker")) as cmd:
            cmd.set(self.doc.find(marker_id), name=name.strip())

    def move_marker(self, marker_id: str, frame: int, merge_key: str | None = None) -> None:
        with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Move marker"), merge_key) as cmd:
            cmd.set(self.doc.find(marker_id), frame=max(0, int(frame)))

    def remove_marker(self, marker_id: str) -> None:
        with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Remove marker")) as cmd:
            cmd.remove(self.doc.find(marker_id))

    def next_marker(self, frame: int, direction: int) -> Marker | None:
        ms = sorted(self.timeline.markers, key=lambda m: m.frame)
        if direction > 0:
            return next((m for m in ms if m.frame > frame), None)
        return next((m for m in reversed(ms) if m.frame < frame), None)

    # ---------------------------------------------------------------- in/out
    def set_range(self, in_point: int | None, out_point: int | None) -> None:
        """Mark the in/out range (I/O in the player); out is exclusive, after in."""
        if in_point is not None and out_point is not None and out_point <= in_point:
            out_point = None
        cmd: TimelineCommand
        with transaction(self.doc, QCoreApplication.translate("TimelineStructure", "Mark range")) as cmd:
            cmd.set(self.timeline, in_point=in_point, out_point=out_point)
