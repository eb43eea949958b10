"""A demo season: the demo series grown to N episodes of ~30 shots, at season size.

Anyone can try the editor (and the benchmarks can measure it) with the shape of
a real season — 3 still versions and 2 clip versions per shot, 2 takes per
line — without painting or encoding thousands of files: every episode reuses the
demo's art (seven stills, three portraits, the music bed) plus two short video
clips and two voice recordings made once here. Only model objects multiply, so
100 episodes take seconds to write.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import soundfile as sf

from app.bundle import ProjectBundle, now_iso
from app.demo import CHARACTERS, SCENES, ShotSpec, _import, _shots, create_demo
from app.model import (
    Clip,
    DialogueLine,
    Episode,
    MediaAsset,
    MediaKind,
    Provenance,
    Scene,
    Series,
    Shot,
    Take,
    TrackKind,
    Transition,
    TransitionKind,
)

Progress = Callable[[float, str], None]

SHOTS_PER_EPISODE = 30
STILL_VERSIONS = 3
CLIP_VERSIONS = 2
TAKES_PER_LINE = 2
CLIP_SECONDS = 6  # as long as the longest demo shot, so a clip covers any shot
TAKE_SECONDS = 2.0
SHARED_TAKES = "takes/demo-season"
TITLES = ("暗流 Undercurrent", "重逢 Reunion", "裂痕 Fault Line", "筹码 Bargaining Chip", "摊牌 Showdown",
          "退路 The Way Out", "证人 The Witness", "背叛 Betrayal", "黎明 Daybreak", "新约 A New Contract")


def _voice(seconds: float, hz: float, rate: int = 48000) -> np.ndarray:
    """A speech-like mono signal: a tone gated into syllables (real audio, small)."""
    t = np.arange(int(seconds * rate)) / rate
    envelope = (np.sin(2 * np.pi * 3.0 * t) > -0.2).astype(np.float32)
    return (0.3 * np.sin(2 * np.pi * hz * t) * envelope).astype(np.float32)


def _pan_clip(still: Path, out: Path, seconds: int, fps: int, size: tuple[int, int] = (288, 512)) -> Path:
    """A slow push-in over a demo still, encoded small and fast (H.264 ultrafast)."""
    picture = cv2.imread(str(still))
    if picture is None:
        raise ValueError(f"{still} is not a readable picture")
    image = cv2.cvtColor(picture, cv2.COLOR_BGR2RGB)
    image = cv2.resize(image, (size[0] * 3 // 2, size[1] * 3 // 2), interpolation=cv2.INTER_AREA)  # once
    h, w = image.shape[:2]
    frames = seconds * fps
    with av.open(str(out), "w") as container:
        stream = container.add_stream("libx264", rate=fps, options={"preset": "ultrafast", "crf": "28"})
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        for i in range(frames):
            zoom = 1.0 - 0.15 * i / frames
            cw, ch = int(w * zoom), int(h * zoom)
            x, y = (w - cw) // 2, (h - ch) // 2
            rgb = cv2.resize(image[y:y + ch, x:x + cw], size, interpolation=cv2.INTER_LINEAR)
            frame = av.VideoFrame.from_ndarray(rgb.astype(np.uint8, copy=False), format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out


def _shared_media(bundle: ProjectBundle, series: Series, tmp: Path, stills: list[str]) -> tuple[list[MediaAsset], list[str]]:
    """Two clip versions (small H.264) as assets, and two take files under ``takes/`` (relative paths)."""
    clips = []
    for n in range(CLIP_VERSIONS):
        still = bundle.resolve(series.media[stills[n % len(stills)]].path)
        file = _pan_clip(still, tmp / f"season-clip-{n + 1}.mp4", CLIP_SECONDS, series.settings.fps)
        clips.append(_import(bundle, series, file, f"demo motion clip, version {n + 1}"))
    takes = []
    folder = bundle.root / SHARED_TAKES
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(TAKES_PER_LINE):
        rel = f"{SHARED_TAKES}/take-{n + 1}.wav"
        sf.write(str(bundle.root / rel), _voice(TAKE_SECONDS, 180.0 + 60 * n), 48000, subtype="PCM_16")
        takes.append(rel)
    return clips, takes


def _take_asset(take: Take, performer: str) -> MediaAsset:
    """The ``take_<id>`` asset the mixer plays (see app.audio.takes)."""
    return MediaAsset(id=f"take_{take.id}", path=take.path, kind=MediaKind.AUDIO, original_name=take.name,
                      imported_at=take.created_at,
                      probe={"kind": "audio", "duration": TAKE_SECONDS, "has_audio": True, "audio_rate": 48000,
                             "audio_channels": 1, "audio_codec": "pcm_s16le"},
                      provenance=Provenance(source="recorded", author=performer, created_at=take.created_at))


def _episode(series: Series, number: int, template: Episode, specs: list[ShotSpec], stills: list[str],
             clips: list[MediaAsset], take_files: list[str], music: MediaAsset) -> Episode:
    fps = series.settings.fps
    by_name = {c.name: c for c in series.characters}
    by_key = {key: by_name[info["name"]] for key, info in CHARACTERS.items()}
    base = TITLES[(number - 2) % len(TITLES)]
    rerun = (number - 2) // len(TITLES)
    episode = Episode(number=number, title=f"{base} {rerun + 1}" if rerun else base,
                      logline=f"Episode {number} of the demo season.",
                      script=template.script.replace("Credit: Episode 1", f"Credit: Episode {number}"))
    for i, (heading, synopsis) in enumerate(SCENES):
        episode.scenes.append(Scene(number=i + 1, heading=heading, synopsis=synopsis,
                                    location_id=series.locations[i].id))
    picture = episode.timeline.first_track(TrackKind.PICTURE)
    subtitles = episode.timeline.first_track(TrackKind.SUBTITLES)
    dialogue = episode.timeline.first_track(TrackKind.DIALOGUE)
    music_track = episode.timeline.first_track(TrackKind.MUSIC)
    assert picture and subtitles and dialogue and music_track
    cursor = 0
    stamp = now_iso()
    for n in range(1, SHOTS_PER_EPISODE + 1):
        spec = specs[(n - 1) % len(specs)]
        scene = episode.scenes[min(len(SCENES) - 1, (n - 1) * len(SCENES) // SHOTS_PER_EPISODE)]
        versions = [stills[(n - 1 + k) % len(stills)] for k in range(STILL_VERSIONS)]
        duration = round(spec.seconds * fps)
        shot = Shot(code=f"E{number:02d}-{n:03d}", number=n, duration=duration, shot_size=spec.size,
                    camera_angle=spec.angle, camera_movement=spec.movement, action=spec.action,
                    character_ids=[by_key[k].id for k in spec.who], location_id=scene.location_id,
                    image_prompt=f"{spec.size}, {spec.angle}: {spec.action}", motion_prompt=spec.movement,
                    stills=versions, chosen_still=versions[0], clips=[c.id for c in clips],
                    chosen_clip=clips[n % len(clips)].id)
        for spec_line in spec.lines:
            who = by_key[spec_line.who]
            line = DialogueLine(character_id=who.id, character_name=who.name, text=spec_line.text)
            for k, rel in enumerate(take_files):
                take = Take(path=rel, name=f"Take {k + 1}", created_at=stamp, sample_rate=48000,
                            samples=int(TAKE_SECONDS * 48000), performer=who.name)
                line.takes.append(take)
                series.media[f"take_{take.id}"] = _take_asset(take, who.name)
            line.chosen_take_id = line.takes[0].id
            shot.dialogue.append(line)
        scene.shots.append(shot)
        picture.clips.append(Clip(asset_id=shot.chosen_clip, start=cursor, duration=duration, name=shot.code,
                                  shot_id=shot.id, ken_burns=None,
                                  transition_in=Transition(TransitionKind.CROSSFADE, 10) if n > 1 else Transition()))
        if shot.dialogue:
            each = (duration - 20) // len(shot.dialogue)
            for k, (line, spec_line) in enumerate(zip(shot.dialogue, spec.lines, strict=True)):
                start = cursor + 10 + k * each
                subtitles.clips.append(Clip(start=start, duration=each - 4, name=line.character_name,
                                            text=f"{line.text}\n{spec_line.translation}", shot_id=shot.id,
                                            line_id=line.id))
                dialogue.clips.append(Clip(asset_id=f"take_{line.chosen_take_id}", start=start,
                                           duration=min(each - 4, int(TAKE_SECONDS * fps)), name=line.character_name,
                                           shot_id=shot.id, line_id=line.id, take_id=line.chosen_take_id))
        cursor += duration
    music_track.clips.append(Clip(asset_id=music.id, start=0, duration=min(cursor, 40 * fps), name="Music bed",
                                  gain_db=-8.0, fade_in=fps, fade_out=2 * fps))
    return episode


def create_demo_season(path: Path, episodes: int, progress: Progress | None = None) -> ProjectBundle:
    """Write a demo season of ``episodes`` episodes at ``path`` and return its bundle.

    Episode 1 is the hand-made demo episode; 2..N are generated at season shape.
    With ``episodes`` == 1 this is exactly ``create_demo``.
    """
    if episodes < 1:
        raise ValueError("a season has at least one episode")
    report = progress or (lambda fraction, detail: None)
    bundle = create_demo(Path(path), progress=lambda f, d: report(0.3 * f, d))
    if episodes == 1:
        return bundle
    series = bundle.load()
    template = series.episodes[0]
    stills = [s.chosen_still for s in template.shots() if s.chosen_still]
    music_track = template.timeline.first_track(TrackKind.MUSIC)
    if music_track is None:
        raise ValueError("the demo episode has no music track")
    music = next(series.media[c.asset_id] for c in music_track.clips if c.asset_id)
    with tempfile.TemporaryDirectory(prefix="microdrama-season-") as tmp:
        clips, take_files = _shared_media(bundle, series, Path(tmp), stills)
    report(0.4, "shared media")
    specs = _shots()
    for number in range(2, episodes + 1):
        series.episodes.append(_episode(series, number, template, specs, stills, clips, take_files, music))
        if number % 10 == 0 or number == episodes:
            report(0.4 + 0.5 * number / episodes, f"episode {number}")
    bundle.save(series)
    report(1.0, "saved")
    return bundle
