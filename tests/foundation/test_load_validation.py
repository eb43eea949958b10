"""Values of the right type but an impossible range, and duplicate ids, are refused on load.

Each case edits a saved project.json the way a damaged or hand-edited file
looks, and checks the message names the field by its path in project.json,
the backup is offered, and the damaged file is left as it was.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.bundle import ProjectBundle, ProjectFileError
from app.model import Clip, TrackKind
from app.model.schema import ProjectFormatError, decode, encode

from .conftest import small_series

REPO = Path(__file__).resolve().parents[2]
Doc = dict[str, Any]


def _ep(doc: Doc) -> Doc:
    return doc["series"]["episodes"][0]


def _clip(doc: Doc) -> Doc:
    picture = next(t for t in _ep(doc)["timeline"]["tracks"] if t["kind"] == "picture")
    return picture["clips"][0]


def _set(getter: Callable[[Doc], Doc], key: str, value: Any) -> Callable[[Doc], None]:
    def edit(doc: Doc) -> None:
        getter(doc)[key] = value
    return edit


def _duplicate_shot(doc: Doc) -> None:
    shots = _ep(doc)["scenes"][0]["shots"]
    twin = json.loads(json.dumps(shots[0]))
    twin["dialogue"][0]["id"] = "otherline"
    shots.append(twin)


def _duplicate_clip_across_tracks(doc: Doc) -> None:
    tracks = _ep(doc)["timeline"]["tracks"]
    tracks[0]["clips"].append(dict(_clip(doc)))


def _renamed_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("z" + v if k == "id" else _renamed_ids(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed_ids(v) for v in value]
    return value


def _duplicate_episode_number(doc: Doc) -> None:
    doc["series"]["episodes"].append(_renamed_ids(_ep(doc)))


def _settings(doc: Doc) -> Doc:
    return doc["series"]["settings"]


CASES = [
    (_set(_settings, "fps", 0), "series.settings.fps: 0 fps is out of range"),
    (_set(_settings, "fps", -25), "series.settings.fps: -25 fps is out of range"),
    (_set(_settings, "fps", 100000), "series.settings.fps: 100000 fps is out of range"),
    (_set(_settings, "sample_rate", 0), "series.settings.sample_rate: 0 Hz is out of range"),
    (_set(_settings, "loudness_target_lufs", float("inf")), "series.settings.loudness_target_lufs: inf is not a finite"),
    (_set(_settings, "true_peak_dbtp", float("nan")), "series.settings.true_peak_dbtp: NaN"),
    (_set(_clip, "start", 10**12),
     "series.episodes[0].timeline.tracks[1].clips[0].start: 1000000000000 frames is beyond any episode"),
    (_set(_clip, "duration", 10**9), "series.episodes[0].timeline.tracks[1].clips[0].duration: 1000000000 frames"),
    (_set(_clip, "duration", -5), "series.episodes[0].timeline.tracks[1].clips[0].duration: -5 frames is too short"),
    (_set(_clip, "start", -1), "series.episodes[0].timeline.tracks[1].clips[0].start: -1 frames is negative"),
    (_set(_clip, "gain_db", float("nan")), "series.episodes[0].timeline.tracks[1].clips[0].gain_db: NaN"),
    (_set(_clip, "gain_db", float("inf")), "clips[0].gain_db: inf is not a finite number"),
    (_set(_clip, "fade_in", -3), "clips[0].fade_in: -3 frames is negative"),
    (_set(lambda d: _ep(d)["scenes"][0]["shots"][0], "duration", 0),
     "series.episodes[0].scenes[0].shots[0].duration: 0 frames is too short"),
    (_duplicate_shot, "series.episodes[0].scenes[0].shots[1].id: the id"),
    (_duplicate_clip_across_tracks, "series.episodes[0].timeline.tracks[1].clips[0].id: the id"),
    (_duplicate_episode_number, "series.episodes[1].number: episode 1 appears twice"),
]


@pytest.mark.parametrize("edit, expected", CASES, ids=[c[1][:60] for c in CASES])
def test_out_of_range_or_duplicate_is_refused_naming_the_path(bundle: ProjectBundle, edit, expected) -> None:
    series = bundle.load()
    bundle.save(series)  # a good project.json.bak exists
    doc = json.loads(encode(series))  # the single-file form (older projects; split ones: tests/split)
    edit(doc)
    damaged = (json.dumps(doc, indent=2) + "\n").encode()
    bundle.project_file.write_bytes(damaged)
    with pytest.raises(ProjectFileError) as info:
        bundle.load()
    message = str(info.value)
    assert expected in message
    assert "\n" not in message.split(" A good backup")[0]  # one line
    assert info.value.backup is not None and info.value.backup.usable  # the editor offers the backup
    assert bundle.project_file.read_bytes() == damaged


def test_a_valid_project_with_silent_clip_and_every_kind_still_loads() -> None:
    series = small_series()
    track = series.episodes[0].timeline.first_track(TrackKind.MUSIC)
    track.clips.append(Clip(start=0, duration=30, gain_db=float("-inf")))  # -inf dB is silence, allowed
    back = decode(encode(series))
    assert back.episodes[0].timeline.first_track(TrackKind.MUSIC).clips[0].gain_db == float("-inf")


def test_duplicate_ids_within_one_kind_only() -> None:
    series = small_series()
    # a clip may share its id with nothing else of its kind, but a shot and a clip are different kinds
    clip = series.episodes[0].timeline.first_track(TrackKind.PICTURE).clips[0]
    clip.id = next(series.episodes[0].shots()).id
    decode(encode(series))
    series.episodes[0].timeline.first_track(TrackKind.MUSIC).clips.append(Clip(id=clip.id, duration=5))
    with pytest.raises(ProjectFormatError, match=r"tracks\[4\]\.clips\[0\]\.id: the id .* used twice .*tracks\[1\]"):
        decode(encode(series))


@pytest.mark.parametrize("depth", [200, 100_000])
def test_deeply_nested_json_is_a_clear_error_not_a_recursion_error(depth: int) -> None:
    doc = {"format": "microdrama-studio/project", "schema_version": 1,
           "series": {"title": "x", "jobs": [{"request": {"p": json.loads("[" * 10 + "]" * 10)}}]}}
    raw = json.dumps(doc).replace('"p": [', '"p": ' + "[" * depth + "[", 1).replace("]]", "]]" + "]" * depth, 1)
    with pytest.raises(ProjectFormatError, match="levels deep"):
        decode(raw.encode())


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "widgets.launch", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                                           "HOME": str(Path.home())})


@pytest.mark.parametrize("damage", ["fps0", "nested"])
def test_cli_info_and_export_exit_2_with_one_line(bundle: ProjectBundle, tmp_path: Path, damage: str) -> None:
    doc = json.loads(bundle.project_file.read_bytes())
    if damage == "fps0":
        doc["series"]["settings"]["fps"] = 0
        raw = json.dumps(doc).encode()
    else:
        raw = ("[" * 50_000 + "]" * 50_000).encode()
        raw = json.dumps(doc).replace('"title": "Small"', '"title": ' + raw.decode(), 1).encode()
    bundle.project_file.write_bytes(raw)
    for args in (["info", str(bundle.root)], ["export", str(bundle.root), "--out", str(tmp_path / "x.mp4")]):
        done = _cli(*args)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert ("settings.fps" if damage == "fps0" else "levels deep") in done.stderr
    assert bundle.project_file.read_bytes() == raw


def test_vendor_reported_job_progress_is_clamped_not_refused() -> None:
    """Display-only data some vendors report in percent must never make a project unopenable."""
    from app.model import JobRecord

    series = small_series()
    series.jobs = [JobRecord(progress=50.0), JobRecord(progress=float("nan")), JobRecord(progress=-2.0),
                   JobRecord(progress=0.25)]
    assert [j.progress for j in decode(encode(series)).jobs] == [1.0, 0.0, 0.0, 0.25]
