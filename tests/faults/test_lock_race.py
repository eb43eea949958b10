"""Two editors opening a project with a stale lock at the same moment: exactly one gets it.

Real processes, started once and told to race on a fresh project each trial
at the same wall-clock instant. The winner keeps its lock until every racer
has answered, as a running editor would.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from app.project_lock import LOCK_FILE, LockOwner

REPO = Path(__file__).resolve().parents[2]
RACERS = 3
TRIALS = 40


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _stale_lock(root: Path, pid: int) -> None:
    root.mkdir()
    owner = LockOwner(pid=pid, hostname=socket.gethostname(), user="gone", time="2026-01-01T00:00:00+00:00")
    (root / LOCK_FILE).write_text(json.dumps(asdict(owner)))


def test_racing_editors_on_a_stale_lock_exactly_one_wins(tmp_path: Path) -> None:
    racers = [subprocess.Popen([sys.executable, str(Path(__file__).with_name("lock_race_child.py"))], cwd=REPO,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
                               env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
              for _ in range(RACERS)]
    try:
        for r in racers:
            assert r.stdout.readline().strip() == "ready"
        dead = _dead_pid()
        outcomes = []
        started = time.monotonic()
        for trial in range(TRIALS):
            root = tmp_path / f"p{trial}.mdrama"
            _stale_lock(root, dead)
            t0 = time.time() + 0.05
            for r in racers:
                r.stdin.write(f"try {root} {t0}\n")
            answers = [r.stdout.readline().strip() for r in racers]
            outcomes.append(answers.count("won"))
            holder = json.loads((root / LOCK_FILE).read_text())
            assert holder["pid"] in {r.pid for r, a in zip(racers, answers, strict=True) if a == "won"}
            for r in racers:
                r.stdin.write("release\n")
            assert [r.stdout.readline().strip() for r in racers] == ["released"] * RACERS
            assert not (root / LOCK_FILE).exists()
        assert outcomes == [1] * TRIALS
        assert time.monotonic() - started < 60
    finally:
        for r in racers:
            r.stdin.close()
            r.wait(timeout=10)


def test_a_lock_file_nested_to_death_counts_as_garbled_and_is_taken_over(tmp_path: Path) -> None:
    from app.project_lock import ProjectLock

    root = tmp_path / "Deep.mdrama"
    root.mkdir()
    (root / LOCK_FILE).write_text("[" * 100_000 + "]" * 100_000)
    lock = ProjectLock(root)
    assert lock.acquire().pid == os.getpid()
    lock.release()
    assert not (root / LOCK_FILE).exists()


def test_both_guards_exclude_other_processes(tmp_path: Path) -> None:
    """The flock guard and the claim-file fallback (used where neither flock nor msvcrt exists)."""
    child = str(Path(__file__).with_name("guard_child.py"))
    for mode in ("flock", "claim"):
        counter = tmp_path / f"{mode}.count"
        counter.write_text("0")
        procs = [subprocess.Popen([sys.executable, child, mode, str(tmp_path / ".lock"), str(counter), "150"],
                                  cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
                 for _ in range(3)]
        assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
        assert counter.read_text() == "450", mode
    assert not (tmp_path / ".lock.claim").exists()
