"""``microdrama generate`` against an asynchronous vendor (killed and resumed) and offline (motion)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np

from app.bundle import ProjectBundle
from app.jobs.journal import load_with_journal
from app.model import MediaKind
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY

REPO = Path(__file__).resolve().parents[2]


def _cli(*args: str, env: dict[str, str]) -> subprocess.Popen:
    full = dict(os.environ, PYTHONFAULTHANDLER="1")  # a crash prints every thread's stack
    full.update(env)
    return subprocess.Popen([sys.executable, "-m", "widgets.launch", "generate", *args], cwd=REPO, env=full,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kling_env(server) -> dict[str, str]:
    return {"MICRODRAMA_KLING_BASE_URL": server.url, "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
            "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY}


def test_a_killed_run_resumes_without_paying_twice(project, kling_server) -> None:
    kling_server.polls_to_finish = 10**6
    proc = _cli(str(project), "--episode", "1", "--stills", "--image-provider", "kling",
                env=_kling_env(kling_server))
    deadline = time.monotonic() + 60
    while True:
        records = load_with_journal(ProjectBundle(project)).jobs
        posted = len(kling_server.received("POST /v1/images/generations"))
        # a quiet moment: every task the vendor accepted is recorded, none is half-submitted
        accepted = [r for r in records if r.state == "remote" and r.task_id]
        waiting = [r for r in records if r.state == "queued" and not r.task_id]
        if accepted and posted == len(accepted) and len(accepted) + len(waiting) == 3:
            break
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the tasks were never recorded"
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)  # the laptop lid closes; no chance to clean up
    proc.wait(timeout=10)
    paid_before = {r.task_id for r in load_with_journal(ProjectBundle(project)).jobs if r.task_id}

    kling_server.polls_to_finish = 0
    again = _cli(str(project), "--episode", "1", "--stills", "--image-provider", "kling",
                 env=_kling_env(kling_server))
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, (again.returncode, err)
    assert "earlier task" in err
    # each shot was paid for exactly once: earlier tasks collected, only the rest submitted
    assert len(kling_server.received("POST /v1/images/generations")) == 3
    series = ProjectBundle(project).load()
    assert all(s.chosen_still for s in series.episodes[0].shots())
    assert {r.state for r in series.jobs} == {"succeeded"} and len(series.jobs) == 3
    assert paid_before <= {r.task_id for r in series.jobs}


def _add_stills(project: Path) -> None:
    bundle = ProjectBundle(project)
    series = bundle.load()
    series.settings.width, series.settings.height = 216, 384  # a small draft project renders fast
    for i, shot in enumerate(series.episodes[0].shots()):
        img = np.zeros((480, 270, 3), np.uint8)
        cv2.rectangle(img, (20 + 30 * i, 40), (200, 400), (60 * i, 200, 255 - 60 * i), -1)
        path = project.parent / f"still{i}.png"
        cv2.imwrite(str(path), img)
        asset = bundle.import_file(path, kind=MediaKind.IMAGE)
        series.media[asset.id] = asset
        shot.stills = [asset.id]
        shot.chosen_still = asset.id
    bundle.save(series)


def test_offline_motion_clips_from_the_chosen_stills(project) -> None:
    _add_stills(project)
    proc = _cli(str(project), "--episode", "1", "--clips", env={})
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    series = ProjectBundle(project).load()
    for shot in series.episodes[0].shots():
        clip = series.media[shot.chosen_clip]
        assert clip.kind is MediaKind.VIDEO and clip.probe["frames"] > 0
        assert (clip.probe["width"], clip.probe["height"]) == (216, 384)
        assert clip.provenance.provider == "motion"
        assert clip.provenance.reference_inputs and clip.provenance.reference_inputs[0].endswith(".png")
