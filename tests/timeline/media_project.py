"""A real project on disk for player tests: a counter clip (every frame shows its
number) on the picture track and a 440 Hz tone on the music track."""

from __future__ import annotations

from pathlib import Path

from app.media.probe import probe_file
from app.media.synth import write_audio_file, write_counter_clip
from app.model import Clip, Episode, Series, TrackKind
from app.session import Session

CLIP_FRAMES = 120
SOURCE_IN = 10


def make_media(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    video = write_counter_clip(folder / "counter.mp4", CLIP_FRAMES, size=(270, 480), gop=15)
    tone = write_audio_file(folder / "tone.wav", 440.0, CLIP_FRAMES / 30, rate=48000)
    return video, tone


def open_project(project_dir: Path, video: Path, tone: Path, session: Session | None = None) -> Session:
    """Create a bundle with the media imported and placed; returns the open session."""
    series = Series(title="Player test")
    series.episodes.append(Episode(number=1, title="Pilot"))
    session = session or Session()
    session.create(project_dir, series)
    assets = []
    for path in (video, tone):
        asset = session.bundle.import_file(path)
        asset.probe = probe_file(session.bundle.resolve(asset.path))
        session.document.add_media_raw(asset)
        assets.append(asset)
    ep = session.current_episode
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    music = ep.timeline.first_track(TrackKind.MUSIC)
    # timeline frame f shows source frame SOURCE_IN + f
    pic.clips.append(Clip(id="pic", asset_id=assets[0].id, start=0, duration=CLIP_FRAMES - SOURCE_IN,
                          source_in=SOURCE_IN, name="Counter"))
    music.clips.append(Clip(id="tone", asset_id=assets[1].id, start=0, duration=CLIP_FRAMES - SOURCE_IN,
                            name="Tone"))
    session.document.replace_series(session.series)  # reindex the clips added above
    session.set_current_episode(ep.id)
    return session
