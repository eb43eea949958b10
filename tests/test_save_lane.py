"""Saves and autosaves run on ``app.background``'s save lane: in order, one at a time, and never
dropped at quit; a failing save says why and leaves the last good project on disk."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app import background as bg
from app.bundle import ProjectBundle
from app.session import Session
from tests.split.conftest import season_series

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def season(tmp_path: Path, qapp) -> Path:
    session = Session(autosave_interval_ms=3_600_000)
    session.create(tmp_path / "Season.mdrama", season_series(episodes=4, shots=6))
    root = session.bundle.root
    session.close()
    return root


def test_lane_tasks_run_one_at_a_time_in_the_order_asked(qtbot) -> None:
    log: list[str] = []
    reported: list[int] = []
    lock = threading.Lock()

    def step(n: int) -> int:
        with lock:
            log.append(f"start {n}")
        time.sleep(0.005)  # long enough that a second worker, if there were one, would interleave
        with lock:
            log.append(f"end {n}")
        return n

    for n in range(12):
        bg.run_in_background(lambda n=n: step(n), reported.append, lane=bg.Lane.SAVE)
    assert bg.wait_for_lane(bg.Lane.SAVE, 20_000)  # runs them all and delivers their results, in order
    assert log == [f"{what} {n}" for n in range(12) for what in ("start", "end")]  # never overlapping
    assert reported == list(range(12))
    assert bg.lane_pending(bg.Lane.SAVE) == 0


def test_two_saves_asked_back_to_back_land_in_order(season: Path, qtbot) -> None:
    session = Session(autosave_interval_ms=3_600_000)
    session.open(season)
    episode = session.series.episodes[1]
    saved: list[str] = []
    session.saved.connect(lambda: saved.append(ProjectBundle(season).load().episodes[1].title))
    session.document.edit(episode, "t", title="first save")
    session.autosaver.autosave_now()  # an autosave queued before the saves takes its turn too
    session.save_in_background()
    session.document.edit(episode, "t", title="second save")
    session.save_in_background()
    assert session.save_worker.wait(20_000)  # both written, their outcomes delivered
    assert len(saved) == 2
    assert saved[-1] == "second save"
    assert ProjectBundle(season).load().episodes[1].title == "second save"
    assert ProjectBundle(season).load(use_backup=True).episodes[1].title == "first save"
    assert not session.is_modified
    assert not session.bundle.autosave_file.exists()  # the saves removed the autosave written before them
    session.close()


def test_quit_during_a_save_waits_for_it_and_for_the_next_queued_one(tmp_path: Path, qtbot) -> None:
    """``wait_for_background`` (what the main window calls when it closes) lets saves finish."""
    started = threading.Event()
    first, second = tmp_path / "first.bin", tmp_path / "second.bin"
    reported: list[str] = []

    def slow_save(path: Path) -> str:
        started.set()
        part = path.with_suffix(".tmp")
        with part.open("wb") as out:
            for _ in range(20):
                out.write(b"x" * 4096)
                out.flush()
                time.sleep(0.02)
        os.replace(part, path)
        return path.name

    bg.run_in_background(lambda: slow_save(first), reported.append, lane=bg.Lane.SAVE)
    bg.run_in_background(lambda: slow_save(second), reported.append, lane=bg.Lane.SAVE)
    assert started.wait(10)  # the first save is being written now
    bg.wait_for_background(timeout_ms=1)  # quit: a short limit for thumbnails, none for saves
    assert first.read_bytes() == second.read_bytes() == b"x" * 4096 * 20
    assert reported == ["first.bin", "second.bin"]  # and their outcomes were delivered
    assert bg.lane_pending(bg.Lane.SAVE) == 0


def test_closing_right_after_a_background_save_keeps_the_save(season: Path, qtbot) -> None:
    session = Session(autosave_interval_ms=3_600_000)
    session.open(season)
    for episode in session.series.episodes:
        session.document.edit(episode, "t", title=f"closing {episode.number}")
    session.save_in_background()
    session.close()  # what quitting does after "Save": the queued save still lands, complete
    bg.wait_for_background(timeout_ms=1)
    titles = [e.title for e in ProjectBundle(season).load().episodes]
    assert titles == [f"closing {n}" for n in range(1, 5)]


FAILING_SAVE = r"""
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from app.session import Session
session = Session(autosave_interval_ms=3_600_000)
session.open(sys.argv[1])
failures = []
session.saveFailed.connect(failures.append)
session.document.edit(session.series.episodes[0], "t", title="big " + "x" * 200_000)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, hard))  # the disk is "full" after 64 KB
session.save_in_background()
session.save_worker.wait()
print("FAILED:", failures[0] if failures else "")
print("MODIFIED:", session.is_modified)
import hashlib, pathlib
print("PROJECT_AFTER_FAILURE:", hashlib.sha256((pathlib.Path(sys.argv[1]) / "project.json").read_bytes()).hexdigest())
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # space freed: the next save works
session.save()
print("SAVED:", not session.is_modified)
session.close()
"""


def test_a_failing_save_reports_why_and_keeps_the_previous_good_file(season: Path) -> None:
    before = {p.relative_to(season): p.read_bytes() for p in season.rglob("*.json")}
    proc = subprocess.run([sys.executable, "-c", FAILING_SAVE, str(season)], cwd=REPO, capture_output=True,
                          text=True, timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(": ", 1) for line in proc.stdout.splitlines() if ": " in line)
    assert "disk is full" in lines["FAILED"] and "free some space" in lines["FAILED"]
    assert lines["MODIFIED"] == "True"  # the edit is still unsaved in memory
    assert lines["PROJECT_AFTER_FAILURE"] == hashlib.sha256(before[Path("project.json")]).hexdigest()
    assert lines["SAVED"] == "True"
    # what was on disk before the failed save was untouched by it: the retry added new parts only
    for rel, data in before.items():
        if rel.as_posix() != "project.json" and (season / rel).exists():
            assert (season / rel).read_bytes() == data
    assert ProjectBundle(season).load().episodes[0].title.startswith("big ")
    assert ProjectBundle(season).load(use_backup=True).episodes[0].title == "v0 episode 1"
    assert not list(season.rglob(".*.tmp"))
