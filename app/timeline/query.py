"""Read-only questions about a timeline: which track holds a clip, what a clip is,
how long its source is, what overlaps a range. No edits here."""

from __future__ import annotations

import bisect
import enum
import math
from collections.abc import Iterable

from app.document import ProjectDocument
from app.model import Clip, MediaKind, Take, Timeline, Track, TrackKind
from app.timeline.hold import asset_frames


class ClipKind(enum.Enum):
    """What a clip carries, which decides the tracks it may sit on."""

    VISUAL = "visual"  # a still or video
    AUDIO = "audio"  # an audio file or a voice take
    TEXT = "text"  # subtitle or title text


_COMPATIBLE = {
    ClipKind.VISUAL: {TrackKind.PICTURE, TrackKind.OVERLAY},
    ClipKind.AUDIO: {TrackKind.DIALOGUE, TrackKind.MUSIC, TrackKind.EFFECTS},
    ClipKind.TEXT: {TrackKind.SUBTITLES, TrackKind.OVERLAY},
}


def clip_kind(doc: ProjectDocument, clip: Clip) -> ClipKind:
    if clip.take_id:
        return ClipKind.AUDIO
    asset = doc.media(clip.asset_id)
    if asset is not None:
        return ClipKind.AUDIO if asset.kind is MediaKind.AUDIO else ClipKind.VISUAL
    if clip.asset_id:  # offline media: guess from where it sits, never refuse a move for it
        return ClipKind.VISUAL
    return ClipKind.TEXT


def compatible(kind: ClipKind, track_kind: TrackKind) -> bool:
    return track_kind in _COMPATIBLE[kind]


def accepts_offline(track_kind: TrackKind) -> ClipKind:
    """The clip kind a track's own clips most likely have (for offline media)."""
    if track_kind.is_audio:
        return ClipKind.AUDIO
    if track_kind is TrackKind.SUBTITLES:
        return ClipKind.TEXT
    return ClipKind.VISUAL


def track_of(doc: ProjectDocument, clip_id: str) -> Track | None:
    found = doc.owner_of(clip_id)
    if found is None:
        return None
    owner, field = found
    return owner if field == "clips" and isinstance(owner, Track) else None


def take_frames(take: Take, fps: int) -> int:
    """Frames a voice take lasts (rounded up, so the last word is never cut)."""
    rate = take.sample_rate or 48000
    return max(1, math.ceil(take.samples * fps / rate))


def source_length(doc: ProjectDocument, clip: Clip, fps: int) -> int | None:
    """Frames of source material behind a clip, or None when unlimited (stills, text, unknown)."""
    if clip.take_id:
        take = doc.find(clip.take_id)
        return take_frames(take, fps) if isinstance(take, Take) and take.samples else None
    return asset_frames(doc.media(clip.asset_id), fps)


def asset_frames_of(doc: ProjectDocument, asset_id: str | None, fps: int) -> int | None:
    """Frames of the video/audio asset ``asset_id`` (None for stills and unknown assets)."""
    return asset_frames(doc.media(asset_id), fps)


def sorted_clips(track: Track) -> list[Clip]:
    return track.clips_sorted()


def overlapping(track: Track, start: int, end: int, exclude: Iterable[str] = ()) -> list[Clip]:
    """Clips of ``track`` that overlap [start, end), except the excluded ids."""
    skip = set(exclude)
    return [c for c in track.clips if c.id not in skip and c.start < end and c.end > start]


def neighbours(track: Track, clip: Clip) -> tuple[Clip | None, Clip | None]:
    """The nearest clip ending at or before ``clip`` starts, and the nearest starting at or after it ends."""
    before = [c for c in track.clips if c is not clip and c.end <= clip.start]
    after = [c for c in track.clips if c is not clip and c.start >= clip.end]
    return (max(before, key=lambda c: c.end, default=None), min(after, key=lambda c: c.start, default=None))


def clip_at(track: Track, frame: int) -> Clip | None:
    for c in track.clips:
        if c.start <= frame < c.end:
            return c
    return None


def gaps(track: Track, until: int | None = None) -> list[tuple[int, int]]:
    """Empty ranges [a, b) on a track from frame 0 up to its end (or ``until``)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for c in track.clips_sorted():
        if c.start > pos:
            out.append((pos, c.start))
        pos = max(pos, c.end)
    if until is not None and until > pos:
        out.append((pos, until))
    return out


def visible_clips(starts: list[int], clips: list[Clip], first: int, last: int, max_len: int) -> list[Clip]:
    """Clips (sorted by start, ``starts`` their start frames) overlapping [first, last].

    ``max_len`` is the longest clip on the track, so a bisect finds the range in
    O(log n) instead of scanning every clip on each repaint.
    """
    lo = bisect.bisect_left(starts, first - max_len)
    hi = bisect.bisect_right(starts, last)
    return [c for c in clips[lo:hi] if c.end > first]


def picture_track(timeline: Timeline) -> Track | None:
    return timeline.first_track(TrackKind.PICTURE)
