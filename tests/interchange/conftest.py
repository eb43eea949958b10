"""A small real project for interchange tests: a bundle with a video, a still and a voice file."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest
import soundfile as sf

from app.bundle import ProjectBundle
from app.model import Clip, Episode, KenBurns, Marker, MediaKind, Series, TrackKind


def _write_video(path: Path, frames: int = 60, fps: int = 30) -> None:
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 180, 320, "yuv420p"
        for i in range(frames):
            img = np.full((320, 180, 3), (i * 4) % 255, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


@pytest.fixture
def small_project(tmp_path: Path) -> tuple[ProjectBundle, Series, Episode]:
    video, still, voice = tmp_path / "shot1.mp4", tmp_path / "shot2.png", tmp_path / "line1.wav"
    _write_video(video)
    import cv2

    cv2.imwrite(str(still), np.full((1920, 1080, 3), 90, np.uint8))
    sf.write(voice, np.zeros(48000, np.float32), 48000)
    series = Series(title="霸道总裁爱上我")
    episode = Episode(number=1, title="初遇")
    series.episodes.append(episode)
    bundle = ProjectBundle.create(tmp_path / "Drama.mdrama", series)
    assets = {}
    for path, kind, probe in ((video, MediaKind.VIDEO, {"kind": "video", "frames": 60, "duration": 2.0, "fps": 30.0}),
                              (still, MediaKind.IMAGE, {"kind": "image", "width": 1080, "height": 1920}),
                              (voice, MediaKind.AUDIO, {"kind": "audio", "duration": 1.0, "audio_rate": 48000})):
        asset = bundle.import_file(path, kind=kind)
        asset.probe = probe
        series.media[asset.id] = asset
        assets[kind] = asset
    tl = episode.timeline
    picture = tl.first_track(TrackKind.PICTURE)
    picture.clips += [
        Clip(asset_id=assets[MediaKind.VIDEO].id, start=0, duration=45, source_in=10, name="Shot 1"),
        Clip(asset_id=assets[MediaKind.IMAGE].id, start=50, duration=60, name="Shot 2", ken_burns=KenBurns()),
        # overlaps Shot 2: must survive the trip through sequential OTIO tracks
        Clip(asset_id=assets[MediaKind.VIDEO].id, start=100, duration=20, source_in=0, name="Insert"),
    ]
    tl.first_track(TrackKind.DIALOGUE).clips.append(
        Clip(asset_id=assets[MediaKind.AUDIO].id, start=12, duration=30, gain_db=-3.0, fade_in=3, name="Lin 1"))
    subs = tl.first_track(TrackKind.SUBTITLES)
    subs.clips += [Clip(start=12, duration=30, text="你为什么在这里？"),
                   Clip(start=50, duration=45, text="Because I never left.\nNever.")]
    tl.markers.append(Marker(frame=50, name="hook"))
    bundle.save(series)
    return bundle, series, episode
