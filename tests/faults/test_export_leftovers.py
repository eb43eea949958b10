"""Exports killed with SIGKILL leave ``.X.pid<N>.<random>.exporting.mp4``; the next export or opening removes it.

Real export subprocesses, really killed. A running export's temp file is never touched.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.export_leftovers import LEGACY_STALE_S, PATTERN, clean_abandoned_exports
from app.session import Session

from .conftest import REPO, export_in_process

LONG = 900  # frames (30 s): an export that runs long enough to be killed mid-way


def _start_export(root: Path, *out: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "widgets.launch", "export", str(root), "--preset", "draft", *out]
    return subprocess.Popen(args, cwd=REPO, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _temp_being_written(folder: Path, proc: subprocess.Popen, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in folder.glob(".*.exporting.mp4"):
            if f".pid{proc.pid}." in path.name and path.stat().st_size > 0:
                return path
        assert proc.poll() is None, "the export ended before it could be killed"
        time.sleep(0.05)
    raise AssertionError("no temporary export file appeared")


def test_next_export_removes_what_a_killed_export_left(project_factory, tmp_path: Path, qapp) -> None:
    long_project = project_factory("Long", LONG)
    folder = tmp_path / "out"
    folder.mkdir()
    proc = _start_export(long_project.root, "--out", str(folder / "long.mp4"))
    try:
        leftover = _temp_being_written(folder, proc)
        assert PATTERN.match(leftover.name)
        # while it runs, a cleanup leaves it alone
        assert clean_abandoned_exports(folder) == [] and leftover.exists()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert leftover.exists() and not (folder / "long.mp4").exists()
    unrelated = folder / ".notes.abcdefgh.txt"
    unrelated.write_text("mine")
    export_in_process(project_factory("Short"), folder / "short.mp4")
    assert not leftover.exists()
    assert (folder / "short.mp4").stat().st_size > 0 and unrelated.exists()
    assert not list(folder.glob(".*.exporting.mp4"))


def test_opening_the_project_cleans_its_renders_folder(project_factory, qtbot) -> None:
    bundle = project_factory("Killed", LONG)
    renders = bundle.root / "renders"
    proc = _start_export(bundle.root)  # default destination: the project's renders/
    try:
        leftover = _temp_being_written(renders, proc)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    old_style = renders / ".Killed-E01.k2j4h5g6.exporting.mp4"  # made by an app version without pids in names
    old_style.write_bytes(b"\0" * 1000)
    os.utime(old_style, (time.time() - LEGACY_STALE_S - 5,) * 2)
    fresh_old_style = renders / ".Killed-E01.zzzzzzzz.exporting.mp4"  # may be a running older app: kept
    fresh_old_style.write_bytes(b"\0")
    session = Session(autosave_interval_ms=3_600_000)
    try:
        session.open(bundle.root)
        assert not leftover.exists() and not old_style.exists()
        assert fresh_old_style.exists()
    finally:
        session.close()
