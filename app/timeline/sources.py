"""New clips for things dropped on the timeline: media assets and storyboard shots."""

from __future__ import annotations

from pathlib import Path

from app.document import ProjectDocument
from app.model import Clip, FitMode, KenBurns, MediaAsset, MediaKind, Shot, TrackKind
from app.timeline import query

STILL_DEFAULT_SECONDS = 3


def clip_for_asset(doc: ProjectDocument, asset: MediaAsset) -> Clip:
    """A clip showing/playing a whole asset (stills last three seconds)."""
    fps = doc.series.settings.fps
    name = Path(asset.original_name or asset.path).stem
    clip = Clip(asset_id=asset.id, name=name, fit=FitMode.FILL, duration=STILL_DEFAULT_SECONDS * fps)
    length = query.source_length(doc, clip, fps)
    if length:
        clip.duration = length
    if asset.kind is MediaKind.IMAGE:
        clip.ken_burns = KenBurns()
    return clip


def clip_for_shot(doc: ProjectDocument, shot: Shot) -> Clip | None:
    """A picture clip for a storyboard shot (its chosen clip, else its still), linked by shot_id."""
    asset_id = shot.chosen_clip or shot.chosen_still
    if not asset_id:
        return None
    fps = doc.series.settings.fps
    clip = Clip(asset_id=asset_id, shot_id=shot.id, name=shot.code or f"Shot {shot.number}",
                duration=max(1, shot.duration), fit=FitMode.FILL)
    asset = doc.media(asset_id)
    if asset is not None and asset.kind is MediaKind.IMAGE:
        clip.ken_burns = KenBurns()
    length = query.source_length(doc, clip, fps)
    if length:
        clip.duration = max(1, min(clip.duration, length))
    return clip


def default_track_kind(doc: ProjectDocument, clip: Clip) -> TrackKind:
    kind = query.clip_kind(doc, clip)
    if kind is query.ClipKind.AUDIO:
        asset = doc.media(clip.asset_id)
        return TrackKind.DIALOGUE if clip.take_id else (TrackKind.MUSIC if asset else TrackKind.EFFECTS)
    return TrackKind.SUBTITLES if kind is query.ClipKind.TEXT else TrackKind.PICTURE
