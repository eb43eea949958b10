"""The demo series: a newcomer's first project, made locally with no network.

"午夜契约 Midnight Contract", episode 1 (36 s): three scenes, seven shots with
procedurally painted stills (``app.demo_art``), a synthesised music bed
(``app.demo_music``), bilingual dialogue (Chinese and English), three
characters with reference images, the episode's Fountain screenplay and a
ready timeline (stills with Ken Burns moves, a title, subtitles, music).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.bundle import ProjectBundle, now_iso
from app.demo_art import Figure, FrameSpec, render_frame, render_portrait, write_png
from app.demo_music import synthesize, write_wav
from app.model import (
    Bible,
    Character,
    Clip,
    DialogueLine,
    Episode,
    KenBurns,
    Location,
    MediaAsset,
    Provenance,
    Rect,
    Scene,
    Series,
    Shot,
    TrackKind,
    Transition,
    TransitionKind,
)
from app.model.series import CharacterVoice

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]

TITLE = "午夜契约 Midnight Contract"


@dataclass
class LineSpec:
    who: str  # character key
    text: str  # as spoken
    translation: str  # the other language, for the bilingual subtitle


@dataclass
class ShotSpec:
    scene: int
    seconds: float
    size: str
    angle: str
    movement: str
    action: str
    who: tuple[str, ...]
    frame: FrameSpec
    lines: tuple[LineSpec, ...] = ()


CHARACTERS = {
    "lin": dict(name="林夏", description="Lin Xia, 28. A brand designer whose name her ex-partner wants to buy. "
                "Calm, precise, never raises her voice. Long black hair, charcoal trench coat.",
                color="#ff7ab6", hair="long", subtitle="LIN XIA · 女主"),
    "chen": dict(name="陈默", description="Chen Mo, 30. Lin Xia's oldest friend and lawyer; says little, "
                 "notices everything. Short hair, dark suit, no tie.",
                 color="#7aa2f7", hair="short", subtitle="CHEN MO · 律师"),
    "ethan": dict(name="ETHAN", description="Ethan Ward, 40. The investor. Charming in English, ruthless "
                  "in any language. Grey suit, open collar.",
                  color="#ffd27a", hair="short", subtitle="ETHAN WARD · 投资人"),
}

LOCATIONS = [
    ("天台 ROOFTOP", "A rooftop over the river district at night, city lights to the horizon."),
    ("顶层办公室 PENTHOUSE OFFICE", "Glass walls, warm lamps, a long desk with one contract on it."),
    ("街道 STREET", "An empty street at dawn, wet asphalt reflecting the sky."),
]

SCENES = [
    ("EXT. 天台 ROOFTOP - NIGHT", "Lin Xia meets Chen Mo on the rooftop before the signing."),
    ("INT. 顶层办公室 PENTHOUSE OFFICE - NIGHT", "Ethan offers the deal; Lin Xia refuses."),
    ("EXT. 街道 STREET - DAWN", "Lin Xia and Chen Mo walk into the morning."),
]


def _shots() -> list[ShotSpec]:
    lin, chen, ethan = (CHARACTERS[k]["color"] for k in ("lin", "chen", "ethan"))
    return [
        ShotSpec(0, 5.0, "extreme wide", "high angle", "slow push in",
                 "The city glitters below. Lin Xia waits alone by the railing.", ("lin",),
                 FrameSpec("night", "午夜契约", "MIDNIGHT CONTRACT · 第一集",
                           figures=[Figure(0.62, 0.30, lin, "long", -1)], seed=11, title_y=0.36)),
        ShotSpec(0, 4.0, "medium", "eye level", "static",
                 "Footsteps. Chen Mo steps out of the stairwell. She does not turn.", ("lin", "chen"),
                 FrameSpec("night", figures=[Figure(0.3, 0.5, lin, "long", 1), Figure(0.74, 0.55, chen, "short", -1)],
                           seed=12),
                 (LineSpec("lin", "你终于来了。", "You finally came."),)),
        ShotSpec(0, 5.0, "close-up", "low angle", "slow pan right",
                 "Chen Mo holds up a thin folder.", ("chen",),
                 FrameSpec("night", figures=[Figure(0.5, 1.15, chen, "short", 1, feet=1.45)], seed=13, horizon=0.5),
                 (LineSpec("chen", "合同在这里。你确定要去？", "The contract is here. Are you sure you want to go?"),)),
        ShotSpec(1, 6.0, "medium wide", "eye level", "slow push in",
                 "Ethan stands at the window wall, back to the city.", ("ethan",),
                 FrameSpec("interior", figures=[Figure(0.5, 0.62, ethan, "short", 0)], seed=21, horizon=0.7),
                 (LineSpec("ethan", "Sign it, and the company is yours.", "签了它，公司就是你的。"),)),
        ShotSpec(1, 5.0, "two shot", "eye level", "static",
                 "Lin Xia slides the contract back across the desk.", ("lin", "ethan"),
                 FrameSpec("interior", figures=[Figure(0.28, 0.58, lin, "long", 1),
                                                Figure(0.72, 0.6, ethan, "short", -1)], seed=22, horizon=0.7),
                 (LineSpec("lin", "我不卖自己的名字。", "I don't sell my own name."),
                  LineSpec("ethan", "Everyone has a price.", "每个人都有价码。"))),
        ShotSpec(2, 5.0, "wide", "eye level", "tracking",
                 "Dawn. Lin Xia and Chen Mo walk down the empty street.", ("lin", "chen"),
                 FrameSpec("dawn", figures=[Figure(0.42, 0.34, lin, "long", -1), Figure(0.58, 0.36, chen, "short", 1)],
                           seed=31),
                 (LineSpec("chen", "天亮了。我们走吧。", "It's morning. Let's go."),)),
        ShotSpec(2, 6.0, "close-up", "low angle", "slow push in",
                 "Lin Xia looks up into the light and almost smiles.", ("lin",),
                 FrameSpec("dawn", figures=[Figure(0.5, 1.15, lin, "long", 1, feet=1.5)], seed=32, horizon=0.48),
                 (LineSpec("lin", "这一次，结局我自己写。", "This time, I write the ending myself."),)),
    ]


KEN_BURNS = [  # alternate pushes and pulls so consecutive shots do not feel the same
    KenBurns(Rect(0.0, 0.0, 1.0, 1.0), Rect(0.08, 0.06, 0.84, 0.84)),
    KenBurns(Rect(0.1, 0.08, 0.8, 0.8), Rect(0.0, 0.0, 1.0, 1.0)),
    KenBurns(Rect(0.0, 0.1, 0.85, 0.85), Rect(0.15, 0.05, 0.85, 0.85)),
]


def _fountain(series_title: str, shots: list[ShotSpec]) -> str:
    lines = [f"Title: {series_title}", "Credit: Episode 1", "Author: Microdrama Studio demo",
             f"Draft date: {now_iso()[:10]}", ""]
    current = -1
    for spec in shots:
        if spec.scene != current:
            current = spec.scene
            lines += ["", SCENES[current][0], ""]
        lines += [spec.action, ""]
        for line in spec.lines:
            name = CHARACTERS[line.who]["name"]
            lines += [name if name.isascii() else f"@{name}", line.text, ""]
    lines += ["", "> END OF EPISODE <", ""]
    return "\n".join(lines)


def probe_dict(path: Path) -> dict[str, Any]:
    """The shared probe contract (``app.media.probe``) for a file we just made."""
    from app.media.probe import probe_file

    return probe_file(path)


def _import(bundle: ProjectBundle, series: Series, path: Path, prompt: str) -> MediaAsset:
    prov = Provenance(source="rendered", provider="microdrama-demo", model="procedural",
                      author="generated by Microdrama demo", prompt=prompt, created_at=now_iso(),
                      notes="Made locally by `microdrama demo`; free to use.")
    asset = bundle.import_file(path, provenance=prov)
    asset.probe = probe_dict(bundle.resolve(asset.path))
    series.media[asset.id] = asset
    return asset


def create_demo(path: Path, progress: Progress | None = None, *, voices: bool = True) -> ProjectBundle:
    """Write the demo bundle at ``path`` (".mdrama" is appended if missing) and return it.

    Refuses to touch a folder that already holds a project (BundleError). With ``voices`` (and
    espeak-ng installed) every line ships with an offline scratch-voice take on the dialogue track.
    """
    report = progress or (lambda fraction, detail: None)
    series = Series(title=TITLE, created_at=now_iso())
    series.bible = Bible(
        premise="A designer is offered a fortune for the rights to her own name, and must decide what it is worth.",
        tone="quiet, tense, hopeful at the end", genre="urban drama 都市剧",
        visual_style="neon-lit night silhouettes, warm interiors, pastel dawn; 9:16 vertical, cinematic grain",
        language="zh", notes="Demo series made by Microdrama Studio. Dialogue mixes Mandarin and English.")
    bundle = ProjectBundle.create(path, series)
    specs = _shots()
    steps = len(specs) + len(CHARACTERS) + 3
    done = 0

    def step(detail: str) -> None:
        nonlocal done
        done += 1
        report(done / steps, detail)

    fps = series.settings.fps
    with tempfile.TemporaryDirectory(prefix="microdrama-demo-") as tmp_name:
        tmp = Path(tmp_name)
        for key, info in CHARACTERS.items():
            file = tmp / f"character-{key}.png"
            write_png(render_portrait(info["name"], info["subtitle"], info["color"], info["hair"],
                                      seed=len(series.characters) + 3), file)
            ref = _import(bundle, series, file, f"reference portrait of {info['name']}")
            series.characters.append(Character(name=info["name"], description=info["description"],
                                               reference_images=[ref.id], color=info["color"],
                                               speech_voice="zh-CN" if key != "ethan" else "en-US",
                                               voice=CharacterVoice(speed=1.1)))  # brisk: lines fit their shots
            step(f"character {info['name']}")
        by_key = dict(zip(CHARACTERS, series.characters, strict=True))
        series.locations = [Location(name=n, description=d) for n, d in LOCATIONS]

        episode = Episode(number=1, title="签约之夜 The Signing",
                          logline="On the night she is to sell her name, Lin Xia walks away from the deal.")
        series.episodes.append(episode)
        for i, (heading, synopsis) in enumerate(SCENES):
            episode.scenes.append(Scene(number=i + 1, heading=heading, synopsis=synopsis,
                                        location_id=series.locations[i].id))
        timeline = episode.timeline
        picture = timeline.first_track(TrackKind.PICTURE)
        subtitles = timeline.first_track(TrackKind.SUBTITLES)
        titles = timeline.first_track(TrackKind.OVERLAY)  # the "Titles" track
        music_track = timeline.first_track(TrackKind.MUSIC)
        assert picture and subtitles and titles and music_track  # default_tracks() has them all
        cursor = 0
        for n, spec in enumerate(specs, start=1):
            code = f"E01-{n:03d}"
            file = tmp / f"{code}.png"
            write_png(render_frame(spec.frame), file)
            prompt = f"{spec.size}, {spec.angle}: {spec.action}"
            still = _import(bundle, series, file, prompt)
            duration = round(spec.seconds * fps)
            scene = episode.scenes[spec.scene]
            shot = Shot(code=code, number=n, duration=duration, shot_size=spec.size, camera_angle=spec.angle,
                        camera_movement=spec.movement, action=spec.action,
                        character_ids=[by_key[k].id for k in spec.who], location_id=scene.location_id,
                        image_prompt=prompt, motion_prompt=spec.movement, stills=[still.id],
                        chosen_still=still.id)
            for line in spec.lines:
                shot.dialogue.append(DialogueLine(character_id=by_key[line.who].id,
                                                  character_name=by_key[line.who].name, text=line.text))
            scene.shots.append(shot)
            picture.clips.append(Clip(
                asset_id=still.id, start=cursor, duration=duration, name=code, shot_id=shot.id,
                ken_burns=KEN_BURNS[n % len(KEN_BURNS)],
                transition_in=Transition(TransitionKind.CROSSFADE, 10) if n > 1 else Transition(),
            ))
            # subtitles share the shot's span, leaving a little air at both ends
            if shot.dialogue:
                inner = duration - 20
                each = inner // len(shot.dialogue)
                for k, (said, spec_line) in enumerate(zip(shot.dialogue, spec.lines, strict=True)):
                    subtitles.clips.append(Clip(
                        start=cursor + 10 + k * each, duration=each - 4, name=said.character_name,
                        text=f"{said.text}\n{spec_line.translation}", shot_id=shot.id, line_id=said.id))
            cursor += duration
            step(f"shot {code}")
        # the closing card on the title track: a text clip over the last shot
        titles.clips.append(Clip(start=cursor - 2 * fps, duration=2 * fps, name="To be continued",
                                 text="未完待续\nTO BE CONTINUED", fade_in=10, fade_out=10))
        episode.script = _fountain(TITLE, specs)

        file = tmp / "music-bed.wav"
        write_wav(synthesize(40.0), file)
        bed = _import(bundle, series, file, "music bed: Am-F-C-G, pads, bass, arpeggio, 96 BPM")
        music_track.clips.append(Clip(asset_id=bed.id, start=0, duration=cursor, name="Music bed",
                                      gain_db=-8.0, fade_in=fps, fade_out=2 * fps))
        step("music")
        if voices and shutil.which("espeak-ng"):
            from app.voices.offline import voice_episode_offline

            voice_episode_offline(bundle, series, episode)  # ~0.1 s a line: the demo speaks at once
        step("voices")
    bundle.save(series)
    step("saved")
    log.info("demo written to %s", bundle.root)
    return bundle


write_demo = create_demo  # the name the editor's "Open demo" calls
