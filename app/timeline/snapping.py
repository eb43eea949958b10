"""Snapping: a pure function from a dragged position to the nearest edit point.

Tolerance is in screen pixels (what the hand feels), converted to frames with the
current zoom, so snapping feels the same at every zoom level.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.model import Timeline


@dataclass(frozen=True)
class Snap:
    delta: int  # frames to add to the dragged position(s)
    target: int | None  # the frame snapped to, None when nothing was in reach


def snap_frames(candidates: Sequence[int], targets: Iterable[int], px_per_frame: float,
                tolerance_px: float = 8.0) -> Snap:
    """Find the smallest shift bringing any candidate onto a target within tolerance.

    ``candidates`` are the frames being dragged (a clip's start and end for a move,
    one edge for a trim). Returns ``Snap(0, None)`` when no target is close enough.
    """
    limit = tolerance_px / max(px_per_frame, 1e-9)
    best: tuple[float, int, int] | None = None
    for t in targets:
        for c in candidates:
            d = t - c
            if abs(d) <= limit and (best is None or abs(d) < best[0]):
                best = (abs(d), d, t)
    if best is None:
        return Snap(0, None)
    return Snap(best[1], best[2])


def snap_targets(timeline: Timeline, playhead: int | None, exclude_clip_ids: Iterable[str] = ()) -> list[int]:
    """Clip edges (except the dragged clips'), the playhead, markers, in/out and zero."""
    skip = set(exclude_clip_ids)
    points: set[int] = {0}
    for track in timeline.tracks:
        for clip in track.clips:
            if clip.id not in skip:
                points.add(clip.start)
                points.add(clip.end)
    points.update(m.frame for m in timeline.markers)
    if playhead is not None:
        points.add(playhead)
    for p in (timeline.in_point, timeline.out_point):
        if p is not None:
            points.add(p)
    return sorted(points)
