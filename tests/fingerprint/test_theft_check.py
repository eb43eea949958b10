"""The theft check finds transformed copies of our episodes and ignores unrelated clips."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.fingerprint.matcher import find_matches
from app.fingerprint.store import load_all, record_export
from app.fingerprint.synthetic import write_synthetic_episode
from app.model import Episode, Series

REPO = Path(__file__).resolve().parents[2]

TRANSFORMS = {
    "reencoded_small": ["-vf", "scale=180:320", "-crf", "33"],
    "cropped": ["-vf", "crop=iw*0.86:ih*0.86"],
    "mirrored": ["-vf", "hflip"],
    "faster_8pct": ["-vf", "setpts=PTS/1.08"],
    "slower_8pct": ["-vf", "setpts=PTS/0.92"],
    "logo_and_text_bar": ["-vf", "drawbox=x=8:y=8:w=90:h=50:color=red@0.9:t=fill,"
                                 "drawbox=x=0:y=ih*0.6:w=iw:h=ih*0.08:color=yellow@0.8:t=fill"],
    "excerpt_4s": ["-ss", "9", "-t", "4"],
}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("theft")
    series = Series(title="Revenge of the Heiress")
    episodes = [Episode(number=1, title="The Wedding"), Episode(number=2, title="The Return")]
    series.episodes += episodes
    bundle = ProjectBundle.create(root / "Show.mdrama", series)
    exports = []
    for seed, episode in zip((11, 22), episodes, strict=True):
        video = write_synthetic_episode(root / f"ep{episode.number}.mp4", seed=seed, seconds=20)
        record_export(bundle, episode, video)
        exports.append(video)
    return bundle, episodes, exports, root


def _transform(src: Path, dest: Path, args: list[str]) -> Path:
    cmd = ["ffmpeg", "-v", "error", "-y"]
    if args[:1] == ["-ss"]:
        cmd += args[:4] + ["-i", str(src)]
        args = []
    else:
        cmd += ["-i", str(src)]
    subprocess.run(cmd + args + ["-c:v", "libx264", "-preset", "ultrafast", "-an", str(dest)], check=True)
    return dest


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_transformed_copy_is_found_at_the_right_time(library, name) -> None:
    bundle, episodes, exports, root = library
    suspect = _transform(exports[1], root / f"{name}.mp4", TRANSFORMS[name])
    _, matches = find_matches(suspect, load_all(bundle))
    assert matches, f"{name}: no match"
    best = matches[0]
    assert best.episode_id == episodes[1].id
    assert best.score > 0.4
    assert best.mirrored == (name == "mirrored")
    if name == "excerpt_4s":
        assert abs(best.reference_start - 9) < 0.8 and best.suspect_end - best.suspect_start > 2.5
    else:
        assert best.reference_start < 1.5 and best.reference_end > 17
    if name.startswith(("faster", "slower")):
        assert abs(best.speed - (1.08 if name.startswith("faster") else 0.92)) <= 0.02


@pytest.mark.parametrize("seed", [33, 44, 55])
def test_unrelated_clips_do_not_match(library, seed) -> None:
    bundle, _, _, root = library
    other = write_synthetic_episode(root / f"unrelated{seed}.mp4", seed=seed, seconds=12)
    _, matches = find_matches(other, load_all(bundle))
    assert matches == []


def test_match_command_prints_json(library) -> None:
    bundle, episodes, exports, root = library
    suspect = _transform(exports[0], root / "cli_suspect.mp4", TRANSFORMS["cropped"])
    result = subprocess.run([sys.executable, "-m", "widgets.launch", "match", str(bundle.root), str(suspect)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["matches"][0]["episode_number"] == 1
    assert report["matches"][0]["reference_end"] > 15


def test_match_command_on_a_non_video_says_so(library, tmp_path) -> None:
    bundle = library[0]
    junk = tmp_path / "not_a_video.mp4"
    junk.write_bytes(b"hello" * 100)
    result = subprocess.run([sys.executable, "-m", "widgets.launch", "match", str(bundle.root), str(junk)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2 and "cannot be read as a video" in result.stderr
    assert "Traceback" not in result.stderr


def test_fingerprint_built_from_composed_frames_matches_the_decoded_one(library, tmp_path) -> None:
    """The exporter's on-the-fly fingerprint finds copies just like one made by decoding the file."""
    import av

    from app.fingerprint.store import FingerprintBuilder

    bundle, episodes, exports, root = library
    builder = FingerprintBuilder(30)
    with av.open(str(exports[0])) as container:
        for index, frame in enumerate(container.decode(video=0)):
            builder.add(index, frame.to_ndarray(format="rgb24"))
    other = ProjectBundle.create(tmp_path / "Other.mdrama", Series(title="x"))
    builder.save(other, episodes[0], exports[0])
    suspect = _transform(exports[0], tmp_path / "s.mp4", TRANSFORMS["cropped"])
    _, matches = find_matches(suspect, load_all(other))
    assert matches and matches[0].episode_id == episodes[0].id and matches[0].score > 0.6
