"""Subtitle files parse with standard libraries and carry frame-exact times."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pysrt
import webvtt

from app.interchange.subtitles import frame_to_ms, render

REPO = Path(__file__).resolve().parents[2]


def test_srt_parses_with_pysrt_and_times_match_frames(small_project, tmp_path) -> None:
    _, series, episode = small_project
    path = tmp_path / "e1.srt"
    path.write_text(render(episode, "srt", 30, 1080, 1920), encoding="utf-8")
    subs = pysrt.open(str(path), encoding="utf-8")
    assert [s.text for s in subs] == ["你为什么在这里？", "Because I never left.\nNever."]
    assert subs[0].start.ordinal == 400 and subs[0].end.ordinal == 1400  # frames 12..42 at 30 fps
    assert subs[1].start.ordinal == frame_to_ms(50, 30) == 1667


def test_webvtt_parses_with_webvtt_py(small_project, tmp_path) -> None:
    _, _, episode = small_project
    path = tmp_path / "e1.vtt"
    path.write_text(render(episode, "vtt", 30, 1080, 1920), encoding="utf-8")
    captions = webvtt.read(str(path))
    assert captions[0].start == "00:00:00.400" and captions[0].text == "你为什么在这里？"
    assert len(captions) == 2


def test_ass_is_read_by_ffmpeg_subtitle_decoder(small_project, tmp_path) -> None:
    _, _, episode = small_project
    path = tmp_path / "e1.ass"
    path.write_text(render(episode, "ass", 30, 1080, 1920), encoding="utf-8")
    srt = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "srt", "-"],
                         capture_output=True, text=True, check=True).stdout
    assert "你为什么在这里？" in srt and "00:00:00,400 --> 00:00:01,400" in srt
    assert "Noto Sans CJK SC" in path.read_text(encoding="utf-8")


def test_cli_export_subtitles_picks_format_from_extension(small_project, tmp_path) -> None:
    bundle, _, _ = small_project
    out = tmp_path / "cli.vtt"
    result = subprocess.run([sys.executable, "-m", "widgets.launch", "export-subtitles", str(bundle.root),
                             "--out", str(out)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("WEBVTT")


def test_cli_reports_a_bad_episode_without_traceback(small_project) -> None:
    bundle, _, _ = small_project
    result = subprocess.run([sys.executable, "-m", "widgets.launch", "export-subtitles", str(bundle.root),
                             "--episode", "7"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2
    assert "no episode 7" in result.stderr and "Traceback" not in result.stderr
