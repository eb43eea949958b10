"""Suspects as they come off phones and download tools: rotated by metadata, 4K at 60 fps, hours long.

Files are made once per module with ffmpeg (the long one by stream-copy concatenation of a
one-minute clip, so it costs seconds to make). The two-hour case runs in bench/match_bench.py
(about 17 s of CPU); here a twenty-minute one shows bounded memory and steady progress.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import av
import pytest

from app.fingerprint.audio import stream_peaks
from app.fingerprint.index import SeasonIndex
from app.fingerprint.lookalike import write_lookalike_drama
from app.fingerprint.matcher import find_matches
from app.fingerprint.sampler import sample_gray_frames
from app.fingerprint.store import Fingerprint, fingerprint_video

REPO = Path(__file__).resolve().parents[2]


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-suspects")
    ours = write_lookalike_drama(root / "ours.mp4", seed=11, seconds=16)
    times, hashes, informative = fingerprint_video(ours)
    fp = Fingerprint("ep1", 1, "ours", str(ours), "", "", times, hashes, informative, stream_peaks(ours))
    # a phone clip: stored sideways (turned clockwise), with a display matrix that turns it back
    _ffmpeg("-ss", "4", "-t", "8", "-i", str(ours), "-vf", "transpose=1", "-c:v", "libx264", "-preset", "ultrafast",
            "-c:a", "aac", str(root / "sideways.mp4"))
    _ffmpeg("-i", str(root / "sideways.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90", str(root / "phone.mp4"))
    _ffmpeg("-f", "lavfi", "-i", "testsrc=size=3840x2160:rate=60", "-t", "1", "-c:v", "libx264", "-preset",
            "ultrafast", "-crf", "40", str(root / "uhd60.mp4"))
    _ffmpeg("-f", "lavfi", "-i", "testsrc2=size=96x160:rate=1", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000",
            "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-c:a", "aac", "-ac", "1", "-b:a", "16k",
            str(root / "minute.mp4"))
    (root / "list.txt").write_text("".join(f"file '{root / 'minute.mp4'}'\n" for _ in range(20)))
    _ffmpeg("-f", "concat", "-safe", "0", "-i", str(root / "list.txt"), "-c", "copy", str(root / "long.mp4"))
    return {"root": root, "index": SeasonIndex([fp])}


def test_a_phone_video_is_turned_upright_by_its_display_matrix(media) -> None:
    phone = media["root"] / "phone.mp4"
    with av.open(str(phone)) as container:
        assert next(container.decode(video=0)).rotation != 0  # the test file really carries the matrix
    _, gray = next(sample_gray_frames(phone, width=96))
    assert gray.shape[0] > gray.shape[1]  # stored landscape, read portrait
    _, matches = find_matches(phone, media["index"])
    assert matches and matches[0].has_picture, [m.as_json() for m in matches]
    assert abs(matches[0].alignment - 4.0) <= 1.0 and not matches[0].region


def _run_in_child(path: Path) -> dict:
    """Fingerprint in a fresh process, so its peak memory is this file's alone."""
    code = ("import json, resource, sys\n"
            "from app.fingerprint.index import SeasonIndex\n"
            "from app.fingerprint.suspect import fingerprint_suspect\n"
            "steps = []\n"
            "p = fingerprint_suspect(sys.argv[1], SeasonIndex([]), progress=steps.append)\n"
            "print(json.dumps({'samples': len(p.times), 'duration': p.duration, 'steps': steps, 'height': 0,\n"
            "                  'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_a_4k_60fps_suspect_is_read_with_bounded_memory(media) -> None:
    result = _run_in_child(media["root"] / "uhd60.mp4")
    assert 4 <= result["samples"] <= 6  # 5 a second, not 60
    assert result["rss_mb"] < 600, result["rss_mb"]


def test_a_long_suspect_reports_progress_and_keeps_memory_bounded(media) -> None:
    result = _run_in_child(media["root"] / "long.mp4")
    assert abs(result["duration"] - 1200) < 5 and result["samples"] >= 1150  # 1 fps source: one sample a second
    steps = result["steps"]
    assert len(steps) >= 100 and steps == sorted(steps) and steps[-1] > 0.95
    assert result["rss_mb"] < 400, result["rss_mb"]
