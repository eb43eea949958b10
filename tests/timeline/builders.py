"""Small projects for timeline tests, built in code."""

from __future__ import annotations

from app.document import ProjectDocument
from app.model import Clip, Episode, MediaAsset, MediaKind, Series, TrackKind


def video_asset(asset_id: str, seconds: float) -> MediaAsset:
    return MediaAsset(id=asset_id, path=f"media/{asset_id}.mp4", kind=MediaKind.VIDEO,
                      probe={"kind": "video", "width": 1080, "height": 1920, "fps": 30.0,
                             "frames": int(seconds * 30), "duration": seconds})


def still_asset(asset_id: str) -> MediaAsset:
    return MediaAsset(id=asset_id, path=f"media/{asset_id}.png", kind=MediaKind.IMAGE,
                      probe={"kind": "image", "width": 1080, "height": 1920})


def picture_doc(lengths: tuple[int, ...] = (60, 90, 45), source_seconds: float = 10.0) -> tuple[ProjectDocument, Episode]:
    """A document with one episode whose picture track holds video clips end to end."""
    series = Series(title="T")
    episode = Episode(number=1)
    series.episodes.append(episode)
    pic = episode.timeline.first_track(TrackKind.PICTURE)
    pos = 0
    for i, n in enumerate(lengths):
        asset = video_asset(f"v{i}", source_seconds)
        series.media[asset.id] = asset
        pic.clips.append(Clip(id=f"c{i}", asset_id=asset.id, start=pos, duration=n, source_in=0, name=f"Shot {i + 1}"))
        pos += n
    return ProjectDocument(series), episode
