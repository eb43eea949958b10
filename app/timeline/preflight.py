"""What an export is about to get wrong, said before it starts.

Black frames, stretches with no sound at all and subtitles over a black screen are
what viewers notice first; an editor that exports them silently looks broken. The
export dialog and ``microdrama export`` show these and let the user go on anyway.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.document import ProjectDocument
from app.model import Episode, Track, TrackKind
from app.timeline.warnings import ClipWarning, WarningKind, span_text

SILENCE_MIN_SECONDS = 1.0  # shorter pauses are part of the drama



def _holes(spans: Iterable[tuple[int, int]], end: int, minimum: int = 1) -> list[tuple[int, int]]:
    """The parts of [0, end) not covered by ``spans``, at least ``minimum`` frames long."""
    holes, pos = [], 0
    for start, stop in sorted(spans):
        if start - pos >= minimum:
            holes.append((pos, start))
        pos = max(pos, stop)
    if end - pos >= minimum:
        holes.append((pos, end))
    return holes


def _audible(tracks: list[Track]) -> list[Track]:
    audio = [t for t in tracks if t.kind.is_audio and not t.muted]
    solo = [t for t in audio if t.solo]
    return solo or audio


def export_preflight(doc: ProjectDocument, episode: Episode) -> list[ClipWarning]:
    """Black stretches, silent stretches and subtitles over black in the episode as it would export."""
    fps = doc.series.settings.fps
    tl = episode.timeline
    end = tl.duration
    out: list[ClipWarning] = []
    pictures = [c for t in tl.tracks if t.kind.is_visual for c in t.clips if c.enabled]
    black = _holes(((c.start, c.end) for c in pictures), end)
    for start, stop in black:
        out.append(ClipWarning(WarningKind.PICTURE_GAP, QCoreApplication.translate("TimelineWarnings", "Black frames: no picture at {span}.").format(
            span=span_text(start, stop, fps)), None, start, stop))
    sounds = [c for t in _audible(tl.tracks) for c in t.clips if c.enabled]
    for start, stop in _holes(((c.start, c.end) for c in sounds), end, round(SILENCE_MIN_SECONDS * fps)):
        out.append(ClipWarning(WarningKind.SILENCE, QCoreApplication.translate("TimelineWarnings", "Silence: no sound at all at {span}.").format(
            span=span_text(start, stop, fps)), None, start, stop))
    for track in tl.tracks_of(TrackKind.SUBTITLES):
        for c in track.clips:
            for start, stop in black:
                lo, hi = max(start, c.start), min(stop, c.end)
                if c.enabled and c.text.strip() and lo < hi:
                    out.append(ClipWarning(WarningKind.SUBTITLE_OVER_BLACK, QCoreApplication.translate("TimelineWarnings",
                        "Subtitle “{text}” over black frames at {span}.").format(
                        text=" ".join(c.text.split())[:30], span=span_text(lo, hi, fps)), c.id, lo, hi))
    return sorted(out, key=lambda w: (w.start, w.kind))
