"""Sync: a flash-and-beep clip at odd offsets with trims stays in sync in the exported MP4.

Judged by independent tools: ffprobe for frame times and stream starts, the
ffmpeg command line for decoding the audio back.
"""

from __future__ import annotations

import json
import subprocess

import av
import numpy as np
import pytest

from app.media.export import Exporter, ExportOptions
from app.media.presets import ExportPreset
from app.model import TrackKind
from tests.media.conftest_export import RATE, Project, export_media, project  # noqa: F401

pytestmark = pytest.mark.usefixtures("qapp")
PRESET = ExportPreset("test", "test", width=360, height=640, crf=18, x264_preset="veryfast")


def beep_onsets(samples: np.ndarray) -> list[int]:
    env = np.abs(samples)
    hot = np.nonzero(env > 0.5 * env.max())[0]
    starts = [int(hot[0])] + [int(b) for a, b in zip(hot[:-1], hot[1:], strict=True) if b - a > RATE // 10]
    return starts


def test_flash_and_beep_coincide_in_the_export(project: Project, export_media, tmp_path):
    # Source: flashes + beeps on source frames 45 and 100. Clip A shows source 13.. from frame 7
    # (flash at timeline 39); clip B shows source 61.. from frame 77 (flash at timeline 116).
    for start, source_in, duration in ((7, 13, 70), (77, 61, 50)):
        project.add(TrackKind.PICTURE, export_media.flash_clip, start=start, source_in=source_in, duration=duration)
        project.add(TrackKind.EFFECTS, export_media.flash_clip, start=start, source_in=source_in, duration=duration)
    out = tmp_path / "sync.mp4"
    Exporter(project.series, project.bundle, project.episode, out, ExportOptions(preset=PRESET, labels=[])).run()

    probe = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "stream=codec_type,start_time:frame=pts_time",
         "-show_frames", "-select_streams", "v", "-of", "json", str(out)],
        capture_output=True, text=True, check=True).stdout)
    times = [float(f["pts_time"]) for f in probe["frames"]]
    assert len(times) == 127 and float(probe["streams"][0]["start_time"]) == 0.0
    with av.open(str(out)) as container:
        means = [f.to_ndarray(format="gray").mean() for f in container.decode(video=0)]
    flashes = [i for i, m in enumerate(means) if m > 200]
    assert flashes == [39, 116]

    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(out), "-map", "0:a", "-ac", "1", "-ar", str(RATE),
                          "-f", "f32le", "-"], capture_output=True, check=True).stdout
    audio = np.frombuffer(raw, np.float32)
    onsets = beep_onsets(audio)
    assert len(onsets) == 2
    for frame, onset in zip(flashes, onsets, strict=True):
        flash_sample = times[frame] * RATE
        assert abs(onset - flash_sample) <= RATE / 1000  # within 1 ms of audio
        # and the beep starts within the flash frame itself
        assert times[frame] <= onset / RATE < times[frame] + 1 / 30
