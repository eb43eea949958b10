"""`microdrama demo` writes a complete series offline; `microdrama info` summarises any project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import soundfile as sf

from app.bundle import ProjectBundle
from app.model import JobRecord, TrackKind
from app.model.schema import encode

REPO = Path(__file__).resolve().parents[2]
PROBE_KEYS = {"kind", "width", "height", "fps", "frames", "duration", "rotation", "vfr", "video_codec",
              "has_audio", "audio_rate", "audio_channels", "audio_codec"}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "widgets.launch", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=240, env=env)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo made once through the real CLI, as a newcomer would."""
    target = tmp_path_factory.mktemp("demo") / "Demo"
    proc = cli("demo", str(target))
    assert proc.returncode == 0, proc.stderr
    root = Path(proc.stdout.strip().splitlines()[-1])
    assert root == target.with_name("Demo.mdrama")
    return root


def test_demo_series_is_complete(demo: Path) -> None:
    series = ProjectBundle(demo).load()
    assert series.title and len(series.characters) == 3 and len(series.episodes) == 1
    episode = series.episodes[0]
    shots = list(episode.shots())
    lines = [line for _s, line in episode.dialogue_lines()]
    assert len(episode.scenes) == 3 and 6 <= len(shots) <= 8
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in line.text) for line in lines)  # Chinese
    assert any(line.text.isascii() for line in lines)  # and English
    assert all(line.character_id and series.character(line.character_id) for line in lines)
    fps = series.settings.fps
    assert 30 * fps <= episode.timeline.duration <= 40 * fps
    # the screenplay holds every line of dialogue
    assert episode.script.startswith("Title:")
    assert all(line.text in episode.script for line in lines)
    # picture: one still clip per shot, each with a Ken Burns move, back to back
    picture = episode.timeline.first_track(TrackKind.PICTURE).clips_sorted()
    assert [c.shot_id for c in picture] == [s.id for s in shots]
    assert all(c.ken_burns is not None and c.asset_id == s.chosen_still for c, s in zip(picture, shots, strict=True))
    assert all(a.end == b.start for a, b in zip(picture, picture[1:], strict=False))
    # subtitles: one text clip per line, inside its shot
    subs = episode.timeline.first_track(TrackKind.SUBTITLES).clips
    assert sorted(c.line_id for c in subs) == sorted(line.id for line in lines)
    span = {c.shot_id: (c.start, c.end) for c in picture}
    for clip in subs:
        assert clip.text and span[clip.shot_id][0] <= clip.start < clip.end <= span[clip.shot_id][1]
    titles = episode.timeline.first_track(TrackKind.OVERLAY).clips
    assert len(titles) == 1 and titles[0].text and titles[0].end == episode.timeline.duration
    music = episode.timeline.first_track(TrackKind.MUSIC).clips
    assert len(music) == 1 and series.media[music[0].asset_id].kind.value == "audio"
    # every line speaks (offline scratch voice), on the dialogue track, within its shot
    dialogue = episode.timeline.first_track(TrackKind.DIALOGUE).clips
    assert sorted(c.line_id for c in dialogue) == sorted(line.id for line in lines)
    assert all(line.chosen_take() is not None and line.chosen_take().is_ai for line in lines)
    for clip in dialogue:
        assert span[clip.shot_id][0] <= clip.start < clip.end <= span[clip.shot_id][1]
    # characters have reference images stored in the bundle
    assert all(c.reference_images and c.reference_images[0] in series.media for c in series.characters)


def test_demo_media_are_real_files_with_probe_and_provenance(demo: Path) -> None:
    bundle = ProjectBundle(demo)
    series = bundle.load()
    assert bundle.missing_media(series) == []
    for asset in series.media.values():
        assert set(asset.probe) >= PROBE_KEYS  # the shared contract (the prober may add more)
        if asset.id.startswith("take_"):  # the lines' scratch voices: AI speech (espeak-ng), labelled so
            assert asset.provenance.source == "generated" and asset.provenance.provider == "espeak"
            assert sf.info(str(bundle.resolve(asset.path))).samplerate == 48_000
            continue
        assert asset.provenance.source == "rendered" and "Microdrama demo" in asset.provenance.author
        path = bundle.resolve(asset.path)
        if asset.kind.value == "image":
            image = cv2.imread(str(path))
            assert image.shape == (1920, 1080, 3) == (asset.probe["height"], asset.probe["width"], 3)
            assert image.std() > 15  # a drawing, not a flat fill
        else:
            audio, rate = sf.read(str(path))
            assert rate == 48_000 == asset.probe["audio_rate"] and audio.shape[1] == 2
            assert 38 <= len(audio) / rate <= 42
            peak, rms = np.abs(audio).max(), np.sqrt(np.mean(audio**2))
            assert 0.2 < peak < 0.99 and rms > 0.02  # audible, not clipping
            # tonal: the first chord (A minor) puts energy at A (110/220/440 Hz) and E/C, not noise
            seg = audio[48_000 * 3:48_000 * 4, 0]
            spectrum = np.abs(np.fft.rfft(seg))
            freqs = np.fft.rfftfreq(len(seg), 1 / 48_000)
            top = freqs[np.argsort(spectrum)[-6:]]
            notes = np.round(12 * np.log2(top / 440.0)) % 12
            assert set(notes.astype(int)) <= {0, 3, 7, 8}  # A, C, E (+ F from the next chord's tail)


def test_demo_round_trips_through_project_json(demo: Path) -> None:
    from app.project_files import full_snapshot, write_parts

    raw = (demo / "project.json").read_bytes()
    manifest, _parts = write_parts(demo, full_snapshot(ProjectBundle(demo).load()))
    assert manifest == raw  # every part file named in it is the same bytes too (named by content)


def test_demo_edits_undo_and_redo_exactly(qtbot, demo: Path, tmp_path: Path) -> None:
    from app.session import Session

    session = Session(autosave_interval_ms=3_600_000)
    try:
        session.open(demo)
        doc = session.document
        start = encode(session.series)
        episode = session.current_episode
        picture = episode.timeline.first_track(TrackKind.PICTURE)
        first, second = picture.clips_sorted()[:2]
        for step in range(1, 20):  # a drag
            doc.edit(second, "Move clip", merge_key="drag", start=second.start + step)
        doc.edit(episode.scenes[0].shots[0], "Retitle", action="她独自等待。")
        doc.remove(episode.scenes[2], "Delete scene")
        doc.move(first, 0, "Move to overlay", owner=episode.timeline.first_track(TrackKind.OVERLAY), field="clips")
        assert doc.undo_stack.count() == 4
        after = encode(session.series)
        while doc.undo_stack.canUndo():
            doc.undo_stack.undo()
        assert encode(session.series) == start
        while doc.undo_stack.canRedo():
            doc.undo_stack.redo()
        assert encode(session.series) == after
    finally:
        session.close()


def test_demo_refuses_to_overwrite_a_project(demo: Path) -> None:
    proc = cli("demo", str(demo))
    assert proc.returncode == 2 and "already holds a project" in proc.stderr
    assert "Traceback" not in proc.stderr


def _info(path: Path, *extra: str) -> dict:
    proc = cli("info", str(path), *extra)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_info_summarises_the_demo(demo: Path) -> None:
    info = _info(demo)
    assert list(info) == ["title", "path", "schema_version", "fps", "resolution", "episodes", "totals",
                          "characters", "locations", "media_count", "missing_media", "media_outside_bundle",
                          "jobs", "autosave_newer_than_save"]
    ep = info["episodes"][0]
    series = ProjectBundle(demo).load()
    assert ep["number"] == 1 and ep["shots"] == len(list(series.episodes[0].shots()))
    assert ep["duration_frames"] == series.episodes[0].timeline.duration
    assert ep["duration_seconds"] == pytest.approx(ep["duration_frames"] / 30)
    assert ep["dialogue_lines"] == info["totals"]["dialogue_lines"] == 7
    assert info["fps"] == 30 and info["media_count"] == len(series.media)
    assert info["missing_media"] == [] and info["jobs"] == {}
    assert "林夏" in info["characters"]


def test_info_lists_missing_media_jobs_and_reads_backup(tmp_path: Path, demo: Path) -> None:
    import shutil

    copy = tmp_path / "Copy.mdrama"
    shutil.copytree(demo, copy)
    bundle = ProjectBundle(copy)
    series = bundle.load()
    series.jobs = [JobRecord(state="remote"), JobRecord(state="failed"), JobRecord(state="remote")]
    bundle.save(series)
    gone = next(iter(series.media.values()))
    bundle.resolve(gone.path).unlink()
    info = _info(copy)
    assert info["missing_media"] == [gone.path]
    assert info["jobs"] == {"failed": 1, "remote": 2}
    # a damaged project.json: a clear error naming the file, then --use-backup works
    (copy / "project.json").write_text('{"format": "microdrama-studio/project", "schema_vers')
    proc = cli("info", str(copy))
    assert proc.returncode == 2 and str(copy / "project.json") in proc.stderr
    assert "--use-backup" in proc.stderr and "Traceback" not in proc.stderr
    assert _info(copy, "--use-backup")["jobs"] == {}  # the backup is the save before the jobs


def test_demo_screenplay_parses_into_its_scenes_and_lines(demo: Path) -> None:
    from app.script.fountain import Kind, parse

    episode = ProjectBundle(demo).load().episodes[0]
    play = parse(episode.script)
    assert [e.text for e in play.of_kind(Kind.SCENE_HEADING)] == [s.heading for s in episode.scenes]
    assert [e.text for e in play.of_kind(Kind.DIALOGUE)] == [line.text for _s, line in episode.dialogue_lines()]
    assert [e.text for e in play.of_kind(Kind.CHARACTER)] == [
        line.character_name for _s, line in episode.dialogue_lines()]
