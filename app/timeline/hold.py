"""Which source frame a video clip shows, when the clip may outlast its source.

Pure functions over the model, shared by the compositor (preview and export) and
the timeline, so what the editor shows is what the export writes.
"""

from __future__ import annotations

from app.model import Clip, HoldMode, MediaAsset, MediaKind


def asset_frames(asset: MediaAsset | None, fps: int) -> int | None:
    """Frames of a video or audio asset at ``fps`` (None for stills, unknown or unprobed assets)."""
    if asset is None or asset.kind is MediaKind.IMAGE:
        return None
    probe = asset.probe or {}
    seconds = float(probe.get("duration") or 0.0)
    if seconds <= 0 and probe.get("frames") and probe.get("fps"):
        seconds = float(probe["frames"]) / float(probe["fps"])
    if seconds <= 0:
        return None
    # round to the nearest frame: container durations carry sub-frame noise
    return max(1, int(round(seconds * fps)))


def source_frame(clip: Clip, frame: int, source_frames: int | None) -> int:
    """The source frame (at the timeline rate) clip ``clip`` shows at timeline ``frame``.

    Within the source this is ``source_in + offset`` whatever the hold mode. Past the
    source's end: FREEZE keeps the last frame, LOOP starts again at ``source_in``,
    SLOW stretches the used range evenly over the whole clip (from its first frame,
    so the motion stays smooth instead of jumping speed at the end).
    """
    offset = frame - clip.start
    if source_frames is None:
        return clip.source_in + offset
    available = max(1, source_frames - clip.source_in)
    if clip.duration <= available:
        return clip.source_in + offset
    if clip.hold is HoldMode.LOOP:
        return clip.source_in + offset % available
    if clip.hold is HoldMode.SLOW:
        return clip.source_in + min(available - 1, offset * available // clip.duration)
    return clip.source_in + min(offset, available - 1)


def needs_hold(clip: Clip, source_frames: int | None) -> bool:
    """True when the clip outlasts its source (the hold mode decides what is shown)."""
    return source_frames is not None and clip.duration > source_frames - clip.source_in
