""""Fit shots to voices": lengthen every shot whose lines run past its end, in one undo step.

A generated voice rarely matches the length the storyboard guessed. For each shot whose
dialogue clips end after the shot (plus a short tail, so the last word is not cut by the
next picture), the shot grows to fit; its picture clip grows with it (as far as the source
allows: a still is unlimited), and everything after it on the timeline moves later by the
same amount, so picture, dialogue and subtitles stay in sync. Shots never get shorter here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.model import Clip, Episode, TrackKind
from app.timeline import query
from app.timeline.edits import transaction

if TYPE_CHECKING:
    from app.document import ProjectDocument

TAIL_FRAMES = 8  # a breath after the last word before the cut


@dataclass(frozen=True)
class FitReport:
    shots: int  # how many shots grew
    frames: int  # total frames added


def _shot_spans(episode: Episode) -> dict[str, tuple[int, int]]:
    """shot id -> (start, end) on the picture track, else laid out from the shot lengths."""
    spans: dict[str, tuple[int, int]] = {}
    for track in episode.timeline.tracks_of(TrackKind.PICTURE):
        for clip in track.clips:
            if clip.shot_id and clip.shot_id not in spans:
                spans[clip.shot_id] = (clip.start, clip.end)
    pos = 0
    for shot in episode.shots():
        spans.setdefault(shot.id, (pos, pos + shot.duration))
        pos = spans[shot.id][1]
    return spans


def growth_needed(episode: Episode) -> dict[str, int]:
    """Frames each shot must grow by so its dialogue fits (only shots that need it)."""
    spans = _shot_spans(episode)
    need: dict[str, int] = {}
    for track in episode.timeline.tracks_of(TrackKind.DIALOGUE):
        for clip in track.clips:
            if clip.shot_id in spans:
                over = clip.end + TAIL_FRAMES - spans[clip.shot_id][1]
                if over > 0:
                    need[clip.shot_id] = max(need.get(clip.shot_id, 0), over)
    return need


def fit_shots_to_voices(doc: ProjectDocument, episode: Episode) -> FitReport:
    """Grow the shots whose voices run long, rippling the rest of the timeline (one undo step)."""
    need = growth_needed(episode)
    if not need:
        return FitReport(0, 0)
    spans = _shot_spans(episode)
    fps = doc.series.settings.fps
    old_end = episode.timeline.duration
    # (original end of a grown shot, growth) in timeline order: a clip moves by the growth of
    # every shot that ended at or before its start
    cuts = sorted((spans[sid][1], frames) for sid, frames in need.items())

    def shift(at: int) -> int:
        return sum(frames for end, frames in cuts if end <= at)

    with transaction(doc, QCoreApplication.translate("VoicesFit", "Fit shots to voices")) as cmd:
        for shot in episode.shots():
            if shot.id in need:
                cmd.set(shot, duration=shot.duration + need[shot.id])
        for track in episode.timeline.tracks:
            for clip in list(track.clips):
                values: dict[str, int] = {}
                moved = clip.start + shift(clip.start)
                if moved != clip.start:
                    values["start"] = moved
                grow = _growth(doc, clip, need, track.kind, old_end, sum(need.values()), fps)
                if grow:
                    values["duration"] = clip.duration + grow
                if values:
                    cmd.set(clip, **values)
    return FitReport(len(need), sum(need.values()))


def _growth(doc: ProjectDocument, clip: Clip, need: dict[str, int], kind: TrackKind, old_end: int,
            total: int, fps: int) -> int:
    """How much longer ``clip`` gets: a grown shot's picture, or a bed that ran to the old end."""
    if kind is TrackKind.PICTURE and clip.shot_id in need:
        wanted = need[clip.shot_id]
    elif not clip.shot_id and not clip.line_id and clip.end == old_end and kind is TrackKind.MUSIC:
        wanted = total
    else:
        return 0
    source = query.source_length(doc, clip, fps)
    if source is not None:
        wanted = max(0, min(wanted, source - clip.source_in - clip.duration))
    return wanted
