"""MP4 export: what platforms require, WYSIWYG with preview, and never a half-written file."""

from __future__ import annotations

import json
import resource
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import av
import numpy as np
import pysrt
import pytest

from app.media.ailabel import ai_label_layers
from app.media.compositor import Compositor, MissingMediaError
from app.media.decode import FrameFetcher
from app.media.export import ExportCancelled, Exporter, ExportOptions
from app.media.export_worker import ExportWorker
from app.media.presets import PRESETS, ExportPreset, get_preset
from app.model import Episode, KenBurns, Rect, TrackKind, Transition, TransitionKind
from tests.media.conftest_export import Project, export_media, project  # noqa: F401

pytestmark = pytest.mark.usefixtures("qapp")
REPO = Path(__file__).resolve().parents[2]
PRESET = ExportPreset("test", "test", width=360, height=640, crf=18)


def ffprobe(path: Path) -> dict:
    return json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-count_frames", "-show_streams", "-show_format", "-of", "json", str(path)],
        capture_output=True, text=True, check=True).stdout)


def top_level_atoms(path: Path) -> list[str]:
    atoms, data = [], path.read_bytes()
    pos = 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8:pos + 16])[0]
        atoms.append(kind.decode("latin-1"))
        if size < 8:
            break
        pos += size
    return atoms


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else 10 * np.log10(255.0 ** 2 / mse)


def busy_episode(p: Project, media) -> None:
    p.add(TrackKind.PICTURE, media.flash_clip, start=0, source_in=3, duration=40)
    p.add(TrackKind.PICTURE, media.pattern_still, start=40, duration=40,
          ken_burns=KenBurns(Rect(0, 0, 1, 1), Rect(0.3, 0.3, 0.5, 0.5)),
          transition_in=Transition(TransitionKind.CROSSFADE, 8))
    p.add(TrackKind.PICTURE, media.flash_clip, start=80, source_in=50, duration=25,
          transition_in=Transition(TransitionKind.DIP_TO_BLACK, 6))
    p.add(TrackKind.OVERLAY, None, start=0, duration=20, text="第一集 重逢", fade_out=5)
    p.add(TrackKind.SUBTITLES, None, start=5, duration=30, text="你终于回来了。")
    p.add(TrackKind.SUBTITLES, None, start=50, duration=40, text="I never left — 我一直都在")
    p.add(TrackKind.MUSIC, media.music, start=0, duration=105, fade_out=15)
    p.add(TrackKind.DIALOGUE, media.voice, start=45, duration=45)


def test_export_is_a_platform_ready_mp4_that_matches_the_preview(project: Project, export_media, tmp_path):
    busy_episode(project, export_media)
    (tmp_path / "renders").mkdir()
    out = tmp_path / "renders" / "Episode 1.mp4"
    seen: list[float] = []
    result = Exporter(project.series, project.bundle, project.episode, out, ExportOptions(preset=PRESET),
                      progress=lambda f, eta: seen.append(f)).run()
    assert result.path == out and out.is_file() and seen[-1] == 1.0 and seen == sorted(seen)
    info = ffprobe(out)
    video = next(s for s in info["streams"] if s["codec_type"] == "video")
    audio = next(s for s in info["streams"] if s["codec_type"] == "audio")
    assert (video["codec_name"], video["pix_fmt"], video["width"], video["height"]) == ("h264", "yuv420p", 360, 640)
    assert video["avg_frame_rate"] == "30/1"
    assert int(video["nb_read_frames"]) == project.episode.timeline.duration == 105  # exact duration
    assert abs(float(video["duration"]) - 105 / 30) < 1e-6
    assert (audio["codec_name"], int(audio["sample_rate"]), audio["channels"]) == ("aac", 48000, 2)
    assert abs(float(audio["duration"]) - 105 / 30) < 1024 / 48000
    atoms = top_level_atoms(out)
    assert atoms.index("moov") < atoms.index("mdat")  # faststart: playable while downloading
    aigc = json.loads(info["format"]["tags"]["AIGC"])
    assert set(aigc) == {"Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator",
                         "PropagateID", "ReservedCode2"}
    subs = pysrt.open(str(result.srt_path), encoding="utf-8")
    assert [s.text for s in subs] == ["你终于回来了。", "I never left — 我一直都在"]
    assert subs[1].start.ordinal == round(50 / 30 * 1000)
    assert sorted(p.name for p in out.parent.iterdir()) == ["Episode 1.mp4", "Episode 1.srt"]  # no leftovers

    # WYSIWYG: the preview compositor's frame N equals exported frame N
    preview = Compositor(project.series, project.bundle, FrameFetcher(project.bundle.root),
                         safe_area=PRESET.safe_area,
                         labels=ai_label_layers(project.series.settings, project.episode.timeline.duration))
    wanted = {0, 10, 37, 44, 60, 83, 86, 104}
    with av.open(str(out)) as container:
        for i, frame in enumerate(container.decode(video=0)):
            if i in wanted:
                shown = preview.render(project.episode, i, (360, 640), preview=True)
                assert psnr(frame.to_ndarray(format="rgb24"), shown) > 40, f"frame {i}"

    # loudness, measured by ffmpeg's own EBU R128 meter
    log = subprocess.run(["ffmpeg", "-nostats", "-i", str(out), "-af", "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True).stderr
    summary = log[log.rindex("Summary:"):]
    lufs = float(summary.split("I:")[1].split("LUFS")[0])
    peak = float(summary.split("Peak:")[1].split("dBFS")[0])
    assert abs(lufs - project.series.settings.loudness_target_lufs) <= 1.0
    assert peak <= -0.5  # -1 dBTP target; AAC may overshoot slightly


def test_cancel_stops_quickly_and_leaves_nothing(project: Project, export_media, tmp_path):
    project.add(TrackKind.PICTURE, export_media.flash_clip, start=0, duration=120)
    project.add(TrackKind.PICTURE, export_media.pattern_still, start=120, duration=900,
                ken_burns=KenBurns())
    out_dir = tmp_path / "renders"
    out_dir.mkdir()
    cancelled_at: list[float] = []
    exporter = Exporter(project.series, project.bundle, project.episode, out_dir / "e.mp4",
                        ExportOptions(preset=PRESET))

    def progress(fraction: float, eta) -> None:
        if fraction > 0.05 and not cancelled_at:
            cancelled_at.append(time.monotonic())
            threading.Thread(target=exporter.cancel).start()

    exporter.progress = progress
    with pytest.raises(ExportCancelled):
        exporter.run()
    assert time.monotonic() - cancelled_at[0] < 1.0
    assert list(out_dir.iterdir()) == []


def test_worker_reports_progress_and_result_through_signals(qtbot, project: Project, export_media, tmp_path):
    project.add(TrackKind.PICTURE, export_media.red_still, start=0, duration=30)
    worker = ExportWorker(project.series, project.bundle, project.episode, tmp_path / "w.mp4",
                          ExportOptions(preset=PRESET))
    progress: list[float] = []
    worker.progress.connect(lambda f, eta: progress.append(f))
    with qtbot.waitSignal(worker.finished, timeout=60000) as blocker:
        worker.start()
    assert blocker.args[0].path == tmp_path / "w.mp4" and (tmp_path / "w.mp4").is_file()
    qtbot.waitUntil(lambda: bool(progress) and progress[-1] == 1.0)


def test_missing_media_blocks_export_and_lists_every_file(project: Project, export_media, tmp_path):
    a = project.add(TrackKind.PICTURE, export_media.red_still, start=0, duration=30)
    b = project.add(TrackKind.MUSIC, export_media.music, start=0, duration=30)
    project.add(TrackKind.PICTURE, export_media.blue_still, start=30, duration=30)
    for clip in (a, b):
        project.bundle.resolve(project.series.media[clip.asset_id].path).unlink()
    with pytest.raises(MissingMediaError) as info:
        Exporter(project.series, project.bundle, project.episode, tmp_path / "x.mp4").run()
    message = str(info.value)
    assert "red.png" in message and "music.wav" in message and "blue.png" not in message
    assert not any(tmp_path.glob("*.mp4"))


def test_empty_episode_is_refused(project: Project, tmp_path):
    with pytest.raises(Exception, match="nothing on its timeline"):
        Exporter(project.series, project.bundle, project.episode, tmp_path / "x.mp4").run()


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


def test_disk_full_during_export_fails_cleanly(project: Project, export_media, tmp_path):
    project.add(TrackKind.PICTURE, export_media.flash_clip, start=0, duration=90)
    project.add(TrackKind.MUSIC, export_media.music, start=0, duration=90)
    project.bundle.save(project.series)
    out_dir = tmp_path / "full"
    out_dir.mkdir()
    proc = subprocess.run([sys.executable, "-m", "widgets.launch", "export", str(project.bundle.root),
                           "--out", str(out_dir / "e.mp4"), "--preset", "draft"],
                          cwd=REPO, capture_output=True, text=True, preexec_fn=_limit_file_size, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert "disk is full" in proc.stderr and "Traceback" not in proc.stderr
    assert list(out_dir.iterdir()) == []


def test_cli_exports_all_episodes_with_a_progress_bar(project: Project, export_media, tmp_path):
    project.add(TrackKind.PICTURE, export_media.red_still, start=0, duration=20)
    second = Episode(number=2, title="Two")
    project.series.episodes.append(second)
    second.timeline.first_track(TrackKind.PICTURE).clips.append(
        type(project.track(TrackKind.PICTURE).clips[0])(asset_id=project.track(TrackKind.PICTURE).clips[0].asset_id,
                                                        start=0, duration=15))
    project.bundle.save(project.series)
    out_dir = tmp_path / "all"
    proc = subprocess.run([sys.executable, "-m", "widgets.launch", "export", str(project.bundle.root), "--all",
                           "--out", str(out_dir), "--preset", "draft"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    files = sorted(p.name for p in out_dir.iterdir())
    assert files == ["Export-E01.mp4", "Export-E02.mp4"]
    assert "Episode 1" in proc.stderr and "100%" in proc.stderr
    counts = [int(ffprobe(out_dir / f)["streams"][0]["nb_read_frames"]) for f in files]
    assert counts == [20, 15]
    assert ffprobe(out_dir / files[0])["streams"][0]["width"] == 720


def test_presets_cover_the_platforms():
    assert {"douyin", "kuaishou", "tiktok", "youtube-shorts", "instagram-reels", "draft"} <= set(PRESETS)
    assert get_preset("YouTube Shorts").name == "youtube-shorts"
    assert get_preset(None).size == (1080, 1920)
    with pytest.raises(Exception, match="Unknown export preset"):
        get_preset("myspace")


def test_worker_cancel_emits_cancelled_and_leaves_nothing(qtbot, project: Project, export_media, tmp_path):
    project.add(TrackKind.PICTURE, export_media.pattern_still, start=0, duration=3000, ken_burns=KenBurns())
    out_dir = tmp_path / "w"
    out_dir.mkdir()
    worker = ExportWorker(project.series, project.bundle, project.episode, out_dir / "w.mp4",
                          ExportOptions(preset=PRESET))
    worker.progress.connect(lambda f, eta: worker.cancel() if f > 0.01 else None)
    with qtbot.waitSignal(worker.cancelled, timeout=60000):
        worker.start()
    assert list(out_dir.iterdir()) == []


def test_a_series_in_another_shape_exports_in_that_shape(project: Project, export_media, tmp_path):
    from app.media.presets import output_size

    assert output_size(get_preset("standard"), 1080, 1920) == (1080, 1920)
    assert output_size(get_preset("standard"), 1080, 1440) == (1080, 1440)
    assert output_size(get_preset("draft"), 1920, 1080) == (1280, 720)
    project.series.settings.width, project.series.settings.height = 1080, 1440  # a 3:4 series
    project.add(TrackKind.PICTURE, export_media.red_still, start=0, duration=15)
    out = tmp_path / "three-four.mp4"
    Exporter(project.series, project.bundle, project.episode, out, ExportOptions(preset=get_preset("draft"))).run()
    video = next(s for s in ffprobe(out)["streams"] if s["codec_type"] == "video")
    assert (video["width"], video["height"]) == (720, 960)
