"""The timeline's edits: move, trim (plain, ripple, roll), split, delete, paste, insert.

Policies, chosen to match what Premiere users expect:

* **Collisions overwrite.** A clip moved, pasted or dropped onto occupied frames
  replaces what was there (fully covered clips go, partly covered ones are
  trimmed, a clip straddling the whole range is split around it). Nothing is
  refused for a collision, and one undo restores everything.
* **Plain trims stop at the neighbouring clip** and at the end of the source
  (video/audio/takes); stills and text extend without limit.
* **Ripple edits are sync-locked**: clips after the edit point on every unlocked
  track shift together, so dialogue stays under its picture. When another track
  has no room to close up, the ripple is limited to the room there is (a gap can
  remain, never an overlap). Locked tracks never change.
* Edits on locked tracks are refused with a message (``EditRefused``).
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication

from app.document import ProjectDocument
from app.errors import UserError
from app.model import Clip, Episode, Timeline, Track, TrackKind, Transition
from app.model.ids import new_id
from app.timeline import query
from app.timeline.command import TimelineCommand

INF = math.inf


class EditRefused(UserError):
    """An edit that cannot be done as asked (locked track, incompatible track...)."""


@contextmanager
def transaction(doc: ProjectDocument, text: str, merge_key: str | None = None) -> Iterator[TimelineCommand]:
    """Record changes into one command; on error the partial changes are rolled back."""
    cmd = TimelineCommand(doc, text, merge_key)
    try:
        yield cmd
    except BaseException:
        cmd.undo()
        raise
    cmd.push()


def _clamp(value: float, lo: float, hi: float) -> int:
    return int(max(lo, min(hi, value)))


def copy_clip(clip: Clip, **changes: object) -> Clip:
    """A deep copy of a clip with a fresh id."""
    out = copy.deepcopy(clip)
    out.id = new_id()
    for k, v in changes.items():
        setattr(out, k, v)
    return out


class TimelineEditor:
    """Edits on one episode's timeline, each one undo step on the document's stack."""

    def __init__(self, doc: ProjectDocument, episode: Episode) -> None:
        self.doc = doc
        self.episode = episode

    # ---------------------------------------------------------------- access
    @property
    def timeline(self) -> Timeline:
        return self.episode.timeline

    @property
    def fps(self) -> int:
        return self.doc.series.settings.fps

    def clip(self, clip_id: str) -> Clip:
        clip = self.doc.find(clip_id)
        if not isinstance(clip, Clip):
            raise KeyError(clip_id)
        return clip

    def track(self, track_id: str) -> Track:
        track = self.doc.find(track_id)
        if not isinstance(track, Track):
            raise KeyError(track_id)
        return track

    def track_of(self, clip_id: str) -> Track:
        track = query.track_of(self.doc, clip_id)
        if track is None:
            raise KeyError(clip_id)
        return track

    def _src(self, clip: Clip) -> int | None:
        return query.source_length(self.doc, clip, self.fps)

    def _unlocked(self, clip_ids: Iterable[str]) -> list[Clip]:
        return [self.clip(i) for i in clip_ids if not self.track_of(i).locked]

    # ------------------------------------------------------------- overwrite
    def _clear_range(self, cmd: TimelineCommand, track: Track, start: int, end: int,
                     exclude: Iterable[str] = ()) -> None:
        """Overwrite [start, end) on ``track``: remove, trim or split what is there."""
        for c in query.overlapping(track, start, end, exclude):
            sourced = self._src(c) is not None
            if c.start >= start and c.end <= end:
                cmd.remove(c)
            elif c.start < start and c.end > end:
                right = copy_clip(c, start=end, duration=c.end - end, fade_in=0, transition_in=Transition(),
                                  source_in=c.source_in + (end - c.start) if sourced else c.source_in)
                cmd.set(c, duration=start - c.start, fade_out=0)
                cmd.insert(track, "clips", track.clips.index(c) + 1, right)
            elif c.start < start:
                cmd.set(c, duration=start - c.start, fade_out=min(c.fade_out, start - c.start))
            else:
                cut = end - c.start
                cmd.set(c, start=end, duration=c.duration - cut, fade_in=min(c.fade_in, c.duration - cut),
                        source_in=c.source_in + cut if sourced else c.source_in)

    # ------------------------------------------------------------------ move
    def move_clips(self, clip_ids: list[str], delta: int, track_delta: int = 0) -> bool:
        """Move clips by ``delta`` frames and ``track_delta`` tracks (overwriting); False if nothing moved."""
        clips = [self.clip(i) for i in clip_ids]
        if not clips:
            return False
        tracks = self.timeline.tracks
        origins = [self.track_of(c.id) for c in clips]
        if any(t.locked for t in origins):
            raise EditRefused(QCoreApplication.translate("TimelineEdits", "A selected clip is on a locked track; unlock the track to move it."))
        delta = max(delta, -min(c.start for c in clips))
        targets: list[Track] = []
        for clip, origin in zip(clips, origins, strict=True):
            index = tracks.index(origin) + track_delta
            if not 0 <= index < len(tracks):
                raise EditRefused(QCoreApplication.translate("TimelineEdits", "There is no track there to move the clip to."))
            target = tracks[index]
            if target.locked:
                raise EditRefused(QCoreApplication.translate("TimelineEdits", "Track “{name}” is locked.").format(name=_track_name(target)))
            if target is not origin and not query.compatible(query.clip_kind(self.doc, clip), target.kind):
                raise EditRefused(QCoreApplication.translate("TimelineEdits", "“{clip}” cannot go on the {kind} track “{name}”.").format(clip=clip.name or QCoreApplication.translate("TimelineEdits", "Clip"), kind=_kind_label(target.kind), name=_track_name(target)))
            targets.append(target)
        if delta == 0 and track_delta == 0:
            return False
        moving = {c.id for c in clips}
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Move clip") if len(clips) == 1 else QCoreApplication.translate("TimelineEdits", "Move {count} clips").format(count=len(clips))) as cmd:
            for clip, target in zip(clips, targets, strict=True):
                self._clear_range(cmd, target, clip.start + delta, clip.end + delta, moving)
            for clip, origin, target in zip(clips, origins, targets, strict=True):
                cmd.set(clip, start=clip.start + delta)
                if target is not origin:
                    cmd.move_to(clip, target, "clips")
        return True

    # ------------------------------------------------------------------ trim
    def trim(self, clip_id: str, edge: str, frame: int, merge_key: str | None = None) -> int:
        """Move a clip's ``"in"`` or ``"out"`` edge to ``frame``; returns where it landed.

        Stops at the neighbouring clip, at frame 0, at one frame of length and at
        the ends of the source (stills and text are unlimited).
        """
        clip = self.clip(clip_id)
        track = self.track_of(clip_id)
        if track.locked:
            raise EditRefused(QCoreApplication.translate("TimelineEdits", "Track “{name}” is locked.").format(name=_track_name(track)))
        prev, nxt = query.neighbours(track, clip)
        src = self._src(clip)
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Trim clip"), merge_key) as cmd:
            if edge == "out":
                hi = min(nxt.start if nxt else INF, clip.start + src - clip.source_in if src else INF)
                new_end = _clamp(frame, clip.start + 1, hi)
                dur = new_end - clip.start
                cmd.set(clip, duration=dur, fade_out=min(clip.fade_out, dur))
                return new_end
            lo = max(prev.end if prev else 0, clip.start - clip.source_in if src else -INF)
            new_start = _clamp(frame, lo, clip.end - 1)
            d = new_start - clip.start
            cmd.set(clip, start=new_start, duration=clip.duration - d, fade_in=min(clip.fade_in, clip.duration - d),
                    source_in=clip.source_in + d if src else clip.source_in)
            return new_start

    def _room_to_close(self, from_frame: int, skip: Track, exclude: set[str]) -> float:
        """How far clips at/after ``from_frame`` on other unlocked tracks can move left."""
        room = INF
        for t in self.timeline.tracks:
            if t is skip or t.locked:
                continue
            moved = [c.start for c in t.clips if c.start >= from_frame and c.id not in exclude]
            if moved:
                stays = [c.end for c in t.clips if c.start < from_frame and c.id not in exclude]
                room = min(room, min(moved) - max(stays, default=0))
        return max(0, room)

    def _shift(self, cmd: TimelineCommand, from_frame: int, delta: int, exclude: set[str]) -> None:
        """Shift every clip starting at/after ``from_frame`` on unlocked tracks by ``delta``."""
        if delta == 0:
            return
        for t in self.timeline.tracks:
            if t.locked:
                continue
            for c in sorted(t.clips, key=lambda c: c.start, reverse=delta > 0):
                if c.start >= from_frame and c.id not in exclude:
                    cmd.set(c, start=c.start + delta)

    def ripple_trim(self, clip_id: str, edge: str, frame: int, merge_key: str | None = None) -> int:
        """Trim an edge and shift everything after it (sync-locked); returns the edge's new frame.

        For the ``"in"`` edge the clip keeps its start: the new first frame of the
        source moves to where the clip began, as in Premiere.
        """
        clip = self.clip(clip_id)
        track = self.track_of(clip_id)
        if track.locked:
            raise EditRefused(QCoreApplication.translate("TimelineEdits", "Track “{name}” is locked.").format(name=_track_name(track)))
        src = self._src(clip)
        old_end = clip.end
        room = self._room_to_close(old_end, track, {clip.id})
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Ripple trim"), merge_key) as cmd:
            if edge == "out":
                hi = clip.start + src - clip.source_in if src else INF
                new_end = _clamp(frame, max(clip.start + 1, old_end - room), hi)
                delta = new_end - old_end
                cmd.set(clip, duration=clip.duration + delta, fade_out=min(clip.fade_out, clip.duration + delta))
                self._shift(cmd, old_end, delta, {clip.id})
                return new_end
            lo = -clip.source_in if src else -INF
            d = _clamp(frame - clip.start, lo, min(clip.duration - 1, room))
            cmd.set(clip, duration=clip.duration - d, source_in=clip.source_in + d if src else clip.source_in,
                    fade_in=min(clip.fade_in, clip.duration - d))
            self._shift(cmd, old_end, -d, {clip.id})
            return clip.start + d

    def roll_trim(self, clip_id: str, frame: int, merge_key: str | None = None) -> int:
        """Move the cut between a clip and the clip right after it; returns the new cut frame."""
        left = self.clip(clip_id)
        track = self.track_of(clip_id)
        right = next((c for c in track.clips if c.start == left.end and c is not left), None)
        if right is None:
            return self.trim(clip_id, "out", frame, merge_key)
        if track.locked:
            raise EditRefused(QCoreApplication.translate("TimelineEdits", "Track “{name}” is locked.").format(name=_track_name(track)))
        lsrc, rsrc = self._src(left), self._src(right)
        lo = max(left.start + 1, right.start - right.source_in if rsrc else -INF)
        hi = min(right.end - 1, left.start + lsrc - left.source_in if lsrc else INF)
        cut = _clamp(frame, lo, hi)
        d = cut - left.end
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Roll edit"), merge_key) as cmd:
            cmd.set(left, duration=left.duration + d, fade_out=min(left.fade_out, left.duration + d))
            cmd.set(right, start=right.start + d, duration=right.duration - d,
                    source_in=right.source_in + d if rsrc else right.source_in,
                    fade_in=min(right.fade_in, right.duration - d))
        return cut

    # ----------------------------------------------------------------- split
    def split(self, frame: int, clip_ids: Iterable[str] | None = None) -> list[str]:
        """Cut clips at ``frame``: the given ones under it, else all under it on unlocked tracks.

        Returns the ids of the new right-hand pieces.
        """
        under = [c for t in self.timeline.tracks if not t.locked for c in t.clips if c.start < frame < c.end]
        chosen = set(clip_ids or ())
        targets = [c for c in under if c.id in chosen] or under
        new_ids: list[str] = []
        if not targets:
            return new_ids
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Split clip") if len(targets) == 1 else QCoreApplication.translate("TimelineEdits", "Split {count} clips").format(count=len(targets))) as cmd:
            for clip in targets:
                track = self.track_of(clip.id)
                cut = frame - clip.start
                sourced = self._src(clip) is not None
                right = copy_clip(clip, start=frame, duration=clip.duration - cut, fade_in=0,
                                  transition_in=Transition(),
                                  source_in=clip.source_in + cut if sourced else clip.source_in)
                cmd.set(clip, duration=cut, fade_out=0)
                cmd.insert(track, "clips", track.clips.index(clip) + 1, right)
                new_ids.append(right.id)
        return new_ids

    # ---------------------------------------------------------------- delete
    def delete(self, clip_ids: Iterable[str]) -> int:
        """Remove clips (locked tracks are skipped); returns how many went."""
        clips = self._unlocked(clip_ids)
        if not clips:
            return 0
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Delete clip") if len(clips) == 1 else QCoreApplication.translate("TimelineEdits", "Delete {count} clips").format(count=len(clips))) as cmd:
            for c in clips:
                cmd.remove(c)
        return len(clips)

    def ripple_delete(self, clip_ids: Iterable[str]) -> int:
        """Remove clips and close the space they leave, sync-locked across unlocked tracks."""
        clips = sorted(self._unlocked(clip_ids), key=lambda c: c.start, reverse=True)
        if not clips:
            return 0
        gone = {c.id for c in clips}
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Ripple delete")) as cmd:
            for c in clips:
                track = self.track_of(c.id)
                start, end = c.start, c.end
                cmd.remove(c)
                later = [x.start for x in track.clips if x.start >= end]
                earlier = [x.end for x in track.clips if x.start < start]
                own_room = (min(later) - max(earlier, default=0)) if later else INF
                amount = min(end - start, own_room, self._room_to_close(end, track, gone))
                if amount > 0 and amount is not INF:
                    self._shift(cmd, end, -int(amount), gone)
        return len(clips)

    def close_gap(self, track_id: str, frame: int) -> int:
        """Ripple-delete the empty range under ``frame`` on a track; returns frames closed."""
        track = self.track(track_id)
        gap = next(((a, b) for a, b in query.gaps(track) if a <= frame < b), None)
        if gap is None or track.locked:
            return 0
        a, b = gap
        amount = int(min(b - a, self._room_to_close(b, track, set())))
        if amount <= 0:
            return 0
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Close gap")) as cmd:
            self._shift(cmd, b, -amount, set())
        return amount

    # ---------------------------------------------------------------- insert
    def place_clips(self, track_id: str, clips: list[Clip], text: str = "Insert clips") -> list[str]:
        """Put new clips on a track at their own ``start``s, overwriting what is there."""
        track = self.track(track_id)
        if track.locked:
            raise EditRefused(QCoreApplication.translate("TimelineEdits", "Track “{name}” is locked.").format(name=_track_name(track)))
        for c in clips:
            kind = query.clip_kind(self.doc, c)
            if not query.compatible(kind, track.kind):
                raise EditRefused(QCoreApplication.translate("TimelineEdits", "“{clip}” cannot go on the {kind} track “{name}”.").format(clip=c.name or QCoreApplication.translate("TimelineEdits", "Clip"), kind=_kind_label(track.kind), name=_track_name(track)))
        with transaction(self.doc, text) as cmd:
            for c in clips:
                self._clear_range(cmd, track, c.start, c.end)
                cmd.append(track, "clips", c)
        return [c.id for c in clips]

    def lay_end_to_end(self, track_id: str, frame: int, clips: list[Clip], text: str = "Insert clips") -> list[str]:
        """Place clips one after another from ``frame`` (a drop of several items)."""
        pos = max(0, frame)
        for c in clips:
            c.start = pos
            pos += c.duration
        return self.place_clips(track_id, clips, text)

    # ------------------------------------------------------------ clipboard
    def copy(self, clip_ids: Iterable[str]) -> dict:
        """Clipboard data for clips: their fields, relative positions and source tracks."""
        from app.model.serial import to_data

        clips = [self.clip(i) for i in clip_ids]
        if not clips:
            return {}
        origin = min(c.start for c in clips)
        tracks = self.timeline.tracks
        return {
            "format": "microdrama-clips/1",
            "clips": [
                {"offset": c.start - origin, "track_index": tracks.index(self.track_of(c.id)),
                 "track_kind": self.track_of(c.id).kind.value, "clip": to_data(c)}
                for c in clips
            ],
        }

    def paste(self, data: dict, frame: int, track_id: str | None = None) -> list[str]:
        """Paste copied clips at ``frame`` (overwriting); onto ``track_id`` when the copy was one track."""
        from app.model.serial import from_data

        items = data.get("clips") or [] if isinstance(data, dict) else []
        if not items:
            return []
        tracks = self.timeline.tracks
        one_track = len({i["track_index"] for i in items}) == 1
        placed: list[tuple[Track, Clip]] = []
        for item in items:
            clip = from_data(Clip, item["clip"])
            clip = copy_clip(clip, start=max(0, frame) + int(item["offset"]))
            kind = TrackKind(item["track_kind"])
            target = self.track(track_id) if (track_id and one_track) else None
            if target is None or not query.compatible(query.clip_kind(self.doc, clip), target.kind):
                idx = item["track_index"]
                same = tracks[idx] if idx < len(tracks) and tracks[idx].kind is kind else None
                target = same or self.timeline.first_track(kind)
            if target is None or target.locked:
                raise EditRefused(QCoreApplication.translate("TimelineEdits", "There is no unlocked track of the right kind to paste onto."))
            placed.append((target, clip))
        with transaction(self.doc, QCoreApplication.translate("TimelineEdits", "Paste")) as cmd:
            for target, clip in placed:
                self._clear_range(cmd, target, clip.start, clip.end)
                cmd.append(target, "clips", clip)
        return [c.id for _, c in placed]


def _kind_label(kind: TrackKind) -> str:
    """A track kind in the UI's language ("画面" for picture), for messages."""
    from app.timeline.structure import KIND_LABELS  # structure imports this module

    return QCoreApplication.translate("TrackNames", str(KIND_LABELS.get(kind, kind.value)))


def _track_name(track: Track) -> str:
    from app.timeline.structure import track_display_name

    return track_display_name(track)
