"""Jianying / CapCut draft export: read the written draft back with pyJianYingDraft and compare with our timeline."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pyJianYingDraft as jy
import pytest

from app.bundle import ProjectBundle
from app.demo import create_demo
from app.errors import UserError
from app.interchange.draft_export import REPORT_NAME, DraftOptions, write_draft
from app.interchange.draft_targets import TARGETS, DraftApp
from app.interchange.draft_time import frame_to_us, us_to_frame
from app.model import Clip, TrackKind, Transition, TransitionKind

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(qapp, tmp_path_factory) -> ProjectBundle:
    # qapp first: the demo renders text, and a QGuiApplication made for it would block the later QApplication
    return create_demo(tmp_path_factory.mktemp("demo") / "Demo.mdrama")


def _read(folder: Path):
    """The draft as pyJianYingDraft reads it: (script, raw JSON)."""
    script = jy.DraftFolder(str(folder.parent)).load_template(folder.name)
    return script, json.loads((folder / "draft_content.json").read_text(encoding="utf-8"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _spans(script, kind: jy.TrackType, fps: int) -> list[tuple[int, int]]:
    out = []
    for track in script.imported_tracks:
        if track.track_type is kind:
            for seg in track.segments:
                tr = seg.target_timerange
                start, end = us_to_frame(tr.start, fps), us_to_frame(tr.start + tr.duration, fps)
                assert frame_to_us(start, fps) == tr.start and frame_to_us(end, fps) == tr.start + tr.duration
                out.append((start, end - start))
    return sorted(out)


def test_demo_round_trip_to_the_frame(demo, tmp_path) -> None:
    series = demo.load()
    episode = series.episodes[0]
    fps = series.settings.fps
    result = write_draft(series, episode, demo, tmp_path / "drafts", DraftOptions(collect=True))
    assert result.folder.parent == tmp_path / "drafts" and result.problems == []
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == [result.folder.name]  # no temp folder left
    script, raw = _read(result.folder)
    assert (raw["canvas_config"]["width"], raw["canvas_config"]["height"], raw["fps"]) == (1080, 1920, fps)
    assert raw["platform"]["app_source"] == "lv"

    tl = episode.timeline
    def ours(kinds, text: bool | None = None):
        return sorted((c.start, c.duration) for t in tl.tracks if t.kind in kinds for c in t.clips
                      if text is None or (c.asset_id is None) == text)
    assert _spans(script, jy.TrackType.video, fps) == ours({TrackKind.PICTURE, TrackKind.OVERLAY}, text=False)
    assert _spans(script, jy.TrackType.audio, fps) == ours({TrackKind.DIALOGUE, TrackKind.MUSIC, TrackKind.EFFECTS})
    assert _spans(script, jy.TrackType.text, fps) == ours({TrackKind.SUBTITLES, TrackKind.OVERLAY}, text=True)
    assert raw["duration"] == frame_to_us(tl.duration, fps)

    # Every material is a copy inside the draft, byte for byte the bundle's file.
    by_name = {a.original_name or Path(a.path).name: a for a in series.media.values()}
    materials = raw["materials"]["videos"] + raw["materials"]["audios"]
    assert len(materials) == result.copied_files == len({c.asset_id for t in tl.tracks for c in t.clips if c.asset_id})
    for material in materials:
        path = Path(material["path"])
        assert result.folder in path.parents and path.is_file()
        asset = by_name[material.get("material_name") or material["name"]]
        assert _sha(path) == asset.sha256
    # Stills are photos; crossfades became 叠化 transitions; the music bed keeps its gain and fades.
    assert {m["type"] for m in raw["materials"]["videos"]} == {"photo"}
    assert all(m["local_material_id"] for m in raw["materials"]["videos"])  # Jianying 5.9+ needs it
    crossfades = sum(1 for t in tl.tracks for c in t.clips if c.transition_in.kind is TransitionKind.CROSSFADE)
    assert [t["name"] for t in raw["materials"]["transitions"]] == ["叠化"] * crossfades
    music = tl.first_track(TrackKind.MUSIC).clips[0]
    seg = next(s for s in raw["tracks"] if s["type"] == "audio")["segments"][0]
    assert seg["volume"] == pytest.approx(10 ** (music.gain_db / 20))
    fade = raw["materials"]["audio_fades"][0]
    assert (fade["fade_in_duration"], fade["fade_out_duration"]) == (frame_to_us(music.fade_in, fps),
                                                                      frame_to_us(music.fade_out, fps))
    texts = [json.loads(m["content"])["text"] for m in raw["materials"]["texts"]]
    assert sorted(texts) == sorted(c.text for t in tl.tracks for c in t.clips if c.asset_id is None)
    report = (result.folder / REPORT_NAME).read_text(encoding="utf-8")
    assert TARGETS[DraftApp.JIANYING].windows_folder in report and "5.9" in report


def test_small_project_trims_overlaps_dialogue_and_links(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    fps = series.settings.fps
    result = write_draft(series, episode, bundle, tmp_path / "out", DraftOptions(collect=False, name="E1 草稿"))
    assert result.folder.name == "E1 草稿"
    script, raw = _read(result.folder)
    video_tracks = [t for t in raw["tracks"] if t["type"] == "video"]
    assert len(video_tracks) == 2  # "Insert" overlaps "Shot 2": a second lane, as in the app
    shot1 = video_tracks[0]["segments"][0]
    assert shot1["source_timerange"] == {"start": frame_to_us(10, fps), "duration": frame_to_us(45, fps)}
    assert shot1["volume"] == 0.0  # picture sound is not in our mix
    still = video_tracks[0]["segments"][1]
    props = {k["property_type"]: [kf["values"][0] for kf in k["keyframe_list"]] for k in still["common_keyframes"]}
    assert props["KFTypeScaleX"][0] == pytest.approx(1.0) and props["KFTypeScaleX"][-1] == pytest.approx(1.25)
    assert {"KFTypePositionX", "KFTypePositionY"} <= set(props)
    # Linked, not copied: materials point into the bundle.
    for material in raw["materials"]["videos"] + raw["materials"]["audios"]:
        assert bundle.root.resolve() in Path(material["path"]).resolve().parents
    voice = next(t for t in raw["tracks"] if t["type"] == "audio")["segments"][0]
    assert voice["target_timerange"] == {"start": frame_to_us(12, fps), "duration": frame_to_us(42, fps) - frame_to_us(12, fps)}
    assert voice["volume"] == pytest.approx(10 ** (-3 / 20))
    assert raw["materials"]["audio_fades"][0]["fade_in_duration"] == frame_to_us(3, fps)
    texts = sorted(json.loads(m["content"])["text"] for m in raw["materials"]["texts"])
    assert texts == sorted(["你为什么在这里？", "Because I never left.\nNever."])
    assert any("hook" in p for p in result.problems)  # markers listed: drafts have none
    assert "hook" in (result.folder / REPORT_NAME).read_text(encoding="utf-8")
    assert _spans(script, jy.TrackType.video, fps) == [(0, 45), (50, 60), (100, 20)]


def test_capcut_draft_names_capcut(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    result = write_draft(series, episode, bundle, tmp_path, DraftOptions(app=DraftApp.CAPCUT))
    _, raw = _read(result.folder)
    assert raw["platform"]["app_source"] == raw["last_modified_platform"]["app_source"] == "cc"
    assert raw["platform"]["app_id"] == 359289
    meta = json.loads((result.folder / "draft_meta_info.json").read_text(encoding="utf-8"))
    assert meta["draft_name"] == result.folder.name and meta["draft_fold_path"] == str(result.folder)
    assert "CapCut" in (result.folder / REPORT_NAME).read_text(encoding="utf-8")


def test_offline_media_stops_before_writing(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    still = next(a for a in series.media.values() if a.kind.value == "image")
    bundle.resolve(still.path).unlink()
    out = tmp_path / "out"
    with pytest.raises(UserError, match="offline: shot2.png"):
        write_draft(series, episode, bundle, out, DraftOptions())
    assert not out.exists() or not any(out.iterdir())


def test_existing_draft_is_never_overwritten(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    old = tmp_path / "Mine"
    old.mkdir()
    (old / "keep.txt").write_text("mine")
    with pytest.raises(UserError, match="already exists"):
        write_draft(series, episode, bundle, tmp_path, DraftOptions(name="Mine"))
    assert (old / "keep.txt").read_text() == "mine"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".Mine")]


def test_unwritable_destination(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Cannot create the folder"):
        write_draft(series, episode, bundle, blocker / "drafts", DraftOptions())
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(UserError, match="Cannot write"):
            write_draft(series, episode, bundle, locked, DraftOptions())


def test_unsupported_transition_is_reported(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    picture = episode.timeline.first_track(TrackKind.PICTURE)
    # Shot 2 starts after a gap: a crossfade from nothing has no draft equivalent.
    picture.clips[1].transition_in = Transition(TransitionKind.CROSSFADE, 10)
    picture.clips.append(Clip(start=200, duration=10, text="", asset_id=picture.clips[0].asset_id, enabled=False,
                              name="Off"))
    result = write_draft(series, episode, bundle, tmp_path, DraftOptions())
    assert any("Shot 2" in p and "crossfade" in p for p in result.problems)
    assert any("Off" in p and "disabled" in p for p in result.problems)
    report = (result.folder / REPORT_NAME).read_text(encoding="utf-8")
    assert "Shot 2" in report and "Off" in report


def test_cancel_leaves_nothing(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    calls = []

    def cancel_on_third() -> None:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_draft(series, episode, bundle, tmp_path / "out", DraftOptions(), check_cancel=cancel_on_third)
    assert list((tmp_path / "out").iterdir()) == []


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "widgets.launch", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_cli_exports_and_refuses_a_second_time(demo, tmp_path) -> None:
    out = tmp_path / "drafts"
    done = _cli("export-draft", str(demo.root), "--episode", "1", "--out", str(out), "--app", "capcut",
                "--collect", "--name", "Ep1")
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout.strip().splitlines()[-1])
    assert info["draft"] == str(out / "Ep1") and info["app"] == "capcut" and info["copied_files"] > 0
    _, raw = _read(out / "Ep1")
    assert raw["platform"]["app_source"] == "cc"
    again = _cli("export-draft", str(demo.root), "--out", str(out), "--name", "Ep1")
    assert again.returncode == 2
    assert again.stderr.strip().splitlines()[-1].startswith("error: A draft named “Ep1” already exists")
    assert "Traceback" not in again.stderr


def test_ken_burns_placement_shows_the_rectangle_our_renderer_shows() -> None:
    from app.interchange.draft_layout import fit_placement, rect_placement
    from app.media.kenburns import region_px
    from app.model import FitMode, Rect

    src, canvas = (2000, 1500), (1080, 1920)
    for rect in (Rect(), Rect(0.1, 0.2, 0.5, 0.5), Rect(0.5, 0.0, 0.5, 1.0)):
        place = rect_placement(rect, src, canvas)
        # Jianying: media contained at scale 1, then scaled about its centre and moved (half-canvas units, y up).
        k = min(canvas[0] / src[0], canvas[1] / src[1]) * place.scale_x
        x, y, w, h = region_px(rect, *src, *canvas)
        # the canvas centre shows the region's centre, and the canvas width spans the region's width
        cx = src[0] / 2 + (-place.x * canvas[0] / 2) / k
        cy = src[1] / 2 + (place.y * canvas[1] / 2) / k
        assert (cx, cy) == (pytest.approx(x + w / 2), pytest.approx(y + h / 2))
        assert canvas[0] / k == pytest.approx(w)
    fill = fit_placement(FitMode.FILL, (1920, 1080), canvas)
    assert fill.scale_x == pytest.approx((1920 / 1080) ** 2)  # a landscape clip cropped to fill a 9:16 canvas
    assert fit_placement(FitMode.FIT, (1920, 1080), canvas).scale_x == 1.0


def test_the_library_is_not_imported_at_start_up() -> None:
    """pyJianYingDraft (and on Windows its uiautomation) loads only inside an export, never with the menus."""
    code = ("import sys; import widgets.shell.menus, app.interchange.draft_export, app.cli.cmd_export_draft; "
            "print('pyJianYingDraft' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "False", done.stderr


def test_a_chosen_take_lands_where_our_mix_plays_it(small_project, tmp_path) -> None:
    """A take clip (no asset, linked by take id) with a latency offset: the draft plays it at the same sample."""
    import shutil

    from app.model import DialogueLine, Scene, Shot, Take

    bundle, series, episode = small_project
    voice = next(a for a in series.media.values() if a.kind.value == "audio")
    shutil.copyfile(bundle.resolve(voice.path), bundle.folder("takes") / "line-take1.wav")
    take = Take(path="takes/line-take1.wav", name="Take 1", samples=48000)
    line = DialogueLine(character_name="林", text="你好", takes=[take], chosen_take_id=take.id)
    episode.scenes.append(Scene(number=1, shots=[Shot(code="S1", dialogue=[line])]))
    dialogue = episode.timeline.first_track(TrackKind.DIALOGUE)
    fps, rate = series.settings.fps, series.settings.sample_rate
    dialogue.clips += [
        Clip(take_id=take.id, line_id=line.id, start=60, duration=20, source_in=5, audio_offset_samples=400,
             name="林: Take 1"),
        Clip(take_id=take.id, line_id=line.id, start=90, duration=20, source_in=0, audio_offset_samples=800,
             name="林: Take 1 again"),
    ]
    result = write_draft(series, episode, bundle, tmp_path, DraftOptions(collect=True))
    _, raw = _read(result.folder)
    segments = sorted((s for t in raw["tracks"] if t["type"] == "audio" for s in t["segments"]),
                      key=lambda s: s["target_timerange"]["start"])
    assert len(segments) == 3
    # our mix: timeline sample start*spf + offset plays source sample source_in*spf
    for seg, (start, source_in, offset) in zip(segments[1:], ((60, 5, 400), (90, 0, 800)), strict=True):
        played_at = seg["target_timerange"]["start"] + (frame_to_us(source_in, fps) - seg["source_timerange"]["start"])
        assert played_at == frame_to_us(start, fps) + round(offset * 1_000_000 / rate)
    assert segments[1]["target_timerange"]["start"] == frame_to_us(60, fps)  # kept on the frame grid
    take_files = [m["path"] for m in raw["materials"]["audios"] if m["name"] == "line-take1.wav"]
    assert len(take_files) == 1 and Path(take_files[0]).is_file() and result.folder in Path(take_files[0]).parents
    assert not any("offset" in p for p in result.problems)


def test_music_ducks_under_dialogue_with_volume_keyframes(small_project, tmp_path) -> None:
    from app.interchange.draft_ducking import duck_envelope
    from app.media.mixer import DuckSettings

    bundle, series, episode = small_project
    fps = series.settings.fps
    voice = next(a for a in series.media.values() if a.kind.value == "audio")
    episode.timeline.first_track(TrackKind.MUSIC).clips.append(
        Clip(asset_id=voice.id, start=0, duration=30, gain_db=-6.0, name="Bed"))
    result = write_draft(series, episode, bundle, tmp_path, DraftOptions())
    _, raw = _read(result.folder)
    music = next(s for t in raw["tracks"] if t["type"] == "audio" for s in t["segments"] if s["volume"] < 0.6)
    keys = [(k["time_offset"], k["values"][0]) for kl in music["common_keyframes"] for k in kl["keyframe_list"]
            if kl["property_type"] == "KFTypeVolume"]
    base, low = 10 ** (-6 / 20), 10 ** (-6 / 20) * 10 ** (-12 / 20)
    line_start = frame_to_us(12, fps)  # the dialogue clip in the fixture
    assert keys[0] == (0, pytest.approx(base))
    assert (line_start - 60_000, pytest.approx(low)) in keys  # fully down a look-ahead before the line
    assert keys[-1] == (frame_to_us(30, fps), pytest.approx(low))  # the bed ends under the line
    # lines closer than a ramp share one dip; far apart ones get their own
    duck = DuckSettings()
    assert len(duck_envelope([(1_000_000, 2_000_000), (2_200_000, 3_000_000)], duck)) == 4
    assert len(duck_envelope([(1_000_000, 2_000_000), (5_000_000, 6_000_000)], duck)) == 8


def test_each_os_draft_folder(monkeypatch) -> None:
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\lin\AppData\Local")
    jianying, capcut = TARGETS[DraftApp.JIANYING], TARGETS[DraftApp.CAPCUT]
    assert str(jianying.default_folder("win32")).endswith(r"JianyingPro\User Data\Projects\com.lveditor.draft")
    assert str(jianying.default_folder("win32")).startswith(r"C:\Users\lin\AppData\Local")
    assert capcut.default_folder("darwin") == Path.home() / "Movies/CapCut/User Data/Projects/com.lveditor.draft"
    assert jianying.default_folder("linux") is None  # neither app runs on Linux


def test_an_empty_episode_has_no_draft(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    for track in episode.timeline.tracks:
        track.clips.clear()
    with pytest.raises(UserError, match="nothing on its timeline"):
        write_draft(series, episode, bundle, tmp_path / "out", DraftOptions())
    assert not (tmp_path / "out").exists()
