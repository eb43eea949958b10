"""``microdrama generate``: the estimate equals the charge, and old failures are not this run's errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.jobs.journal import load_with_journal
from app.model import Episode, Scene, Series, Shot
from tests.project_helpers import saved_bundle
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY, kling_error
from tests.providers.servers.media import png_bytes

REPO = Path(__file__).resolve().parents[2]
# frames at 30 fps: 4.1 s, 5 s, 6 s, 8 s and 10 s shots; Kling makes and bills 5, 5, 5, 10 and 10 s
DURATIONS = (123, 150, 180, 240, 300)


def _series() -> Series:
    series = Series(title="雨城")
    for number, durations in ((1, DURATIONS), (2, (150,))):
        episode = Episode(number=number, title=f"第{number}集")
        scene = Scene(number=1, heading="外景 菜市场 夜")
        for i, frames in enumerate(durations, 1):
            scene.shots.append(Shot(code=f"E0{number}-00{i}", number=i, duration=frames,
                                    image_prompt=f"雨夜菜市场，镜头{i}", motion_prompt="她冲向镜头"))
        episode.scenes.append(scene)
        series.episodes.append(episode)
    return series


@pytest.fixture
def bundle(tmp_path) -> Path:
    return saved_bundle(tmp_path / "RainCity.mdrama", _series())


def _generate(project: Path, server, settings: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, MICRODRAMA_KLING_BASE_URL=server.url, MICRODRAMA_KLING_ACCESS_KEY=ACCESS_KEY,
               MICRODRAMA_KLING_SECRET_KEY=SECRET_KEY, MICRODRAMA_POLL_INTERVAL="0.05",
               MICRODRAMA_SETTINGS_DIR=str(settings))
    return subprocess.run([sys.executable, "-m", "widgets.launch", "generate", str(project), *args], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=180)


def test_estimate_equals_charge_and_earlier_failures_do_not_fail_the_run(bundle, kling_server, tmp_path) -> None:
    kling_server.polls_to_finish = 0
    # an earlier run for episode 2 was refused by the vendor: its failure stays in the project
    kling_server.fail_next("POST /v1/images/generations", kling_error(400, 1301, "risk control"), times=3)
    first = _generate(bundle, kling_server, tmp_path / "s", "--episode", "2", "--stills",
                      "--image-provider", "kling")
    assert first.returncode == 1, first.stderr
    assert "risk control" in first.stderr  # the vendor's own words on the command line
    kling_server.reset()
    kling_server.polls_to_finish = 0
    kling_server.image_bytes = png_bytes(320, 576)  # Kling takes first frames of 300 px and more

    run = _generate(bundle, kling_server, tmp_path / "s", "--episode", "1", "--image-provider", "kling",
                    "--video-provider", "kling")
    assert run.returncode == 0, run.stderr
    assert re.search(r"note: 1 earlier job\(s\)", run.stderr) and "E02-001" in run.stderr
    assert "error:" not in run.stderr
    clips = re.search(r"Clips: 5 job\(s\), estimated \$(\d+\.\d\d)", run.stderr)
    charged = re.search(r"Clips.*?charged \$(\d+\.\d\d)", run.stderr, re.S)
    assert clips and charged, run.stderr
    assert clips.group(1) == charged.group(1)

    series = load_with_journal(ProjectBundle(bundle))
    records = [r for r in series.jobs if r.target.get("slot") == "clip" and r.state == "succeeded"]
    assert len(records) == 5
    asked = sorted(r.request["handle"]["endpoint"]["duration"] for r in records)
    assert asked == ["10", "10", "5", "5", "5"]  # what was asked of the vendor is what was priced
    for record in records:
        assert record.cost == pytest.approx(record.estimated_cost) and record.cost > 0
    price = 0.056  # kling's default per-second rule
    assert sum(r.cost for r in records) == pytest.approx(35 * price)
