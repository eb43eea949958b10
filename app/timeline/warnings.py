"""Problems the timeline draws on clips: overlong takes, picture gaps, offline media.

Pure: the caller passes a ``media_exists`` function (the widget caches file checks),
so this runs on every model change without touching the disk itself.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.document import ProjectDocument
from app.model import Episode, Shot, Take, TrackKind
from app.timeline import query
from app.timeline.timecode import format_timecode


class WarningKind(enum.StrEnum):
    TAKE_TOO_LONG = "take_too_long"
    PICTURE_GAP = "picture_gap"
    MEDIA_OFFLINE = "media_offline"
    SILENCE = "silence"  # export pre-flight: no sound at all for a stretch
    SUBTITLE_OVER_BLACK = "subtitle_over_black"  # export pre-flight: words on a black screen


TAKE_TOO_LONG = WarningKind.TAKE_TOO_LONG
PICTURE_GAP = WarningKind.PICTURE_GAP
MEDIA_OFFLINE = WarningKind.MEDIA_OFFLINE



def span_text(start: int, end: int, fps: int) -> str:
    """``00:00:10:05–00:00:11:02 (27 frames)``: where a problem is, in the editor's timecode."""
    return QCoreApplication.translate("TimelineWarnings", "{start}–{end} ({frames} frames)").format(
        start=format_timecode(start, fps), end=format_timecode(end, fps), frames=end - start)


@dataclass(frozen=True)
class ClipWarning:
    kind: WarningKind
    message: str
    clip_id: str | None  # the clip the warning is drawn on (None: a range only)
    start: int  # the frames concerned [start, end)
    end: int


def timeline_warnings(doc: ProjectDocument, episode: Episode,
                      media_exists: Callable[[str], bool] = lambda _p: True) -> list[ClipWarning]:
    """All warnings for an episode's timeline; ``media_exists`` checks a bundle-relative path."""
    fps = doc.series.settings.fps
    tl = episode.timeline
    out: list[ClipWarning] = []

    # media offline: the asset is unknown or its file is gone; a take's file is gone
    for track in tl.tracks:
        for c in track.clips:
            path = None
            if c.take_id:
                take = doc.peek(c.take_id)  # the episode's own take: no other episode is read
                path = take.path if isinstance(take, Take) else ""
            elif c.asset_id:
                asset = doc.media(c.asset_id)
                path = asset.path if asset else ""
            if path is not None and (not path or not media_exists(path)):
                out.append(ClipWarning(MEDIA_OFFLINE, QCoreApplication.translate("TimelineWarnings", "Media offline: the file is missing from the project."),
                                       c.id, c.start, c.end))

    # gaps in the picture: frames where no picture track shows anything
    pictures = tl.tracks_of(TrackKind.PICTURE)
    spans = sorted((c.start, c.end, c.id) for t in pictures for c in t.clips if c.enabled)
    pos = 0
    for start, end, clip_id in spans:
        if start > pos:
            out.append(ClipWarning(PICTURE_GAP, QCoreApplication.translate("TimelineWarnings", "Black frames: no picture at {span}.").format(
                span=span_text(pos, start, fps)), clip_id, pos, start))
        pos = max(pos, end)

    # a dialogue take that runs past the end of its shot
    shot_ends: dict[str, int] = {}
    for t in pictures:
        for c in t.clips:
            if c.shot_id:
                shot_ends[c.shot_id] = max(shot_ends.get(c.shot_id, 0), c.end)
    for track in tl.tracks_of(TrackKind.DIALOGUE):
        for c in track.clips:
            shot = doc.peek(c.shot_id)
            if not isinstance(shot, Shot):
                continue
            take = doc.peek(c.take_id)
            length = query.take_frames(take, fps) if isinstance(take, Take) and take.samples else c.duration
            shot_end = shot_ends.get(shot.id)
            over = (c.end - shot_end) if shot_end is not None else (length - shot.duration)
            if over > 0:
                out.append(ClipWarning(TAKE_TOO_LONG, QCoreApplication.translate("TimelineWarnings",
                    "The take runs {frames} frames past the end of its shot ({span}): trim it or lengthen "
                    "the shot.").format(frames=over, span=span_text(c.end - over, c.end, fps)),
                    c.id, c.end - over, c.end))
    return out
