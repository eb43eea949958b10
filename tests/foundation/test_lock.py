"""Locking: a project open in one editor is refused to another, stale locks are taken over."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.project_lock import LOCK_FILE, ProjectLock, ProjectLockedError

REPO = Path(__file__).resolve().parents[2]


def test_open_writes_lock_naming_owner_and_close_releases_it(session, bundle: ProjectBundle) -> None:
    session.open(bundle.root)
    data = json.loads((bundle.root / LOCK_FILE).read_text())
    assert data["hostname"] == socket.gethostname()
    assert data["pid"] > 0 and data["user"] and data["time"]
    session.close()
    assert not (bundle.root / LOCK_FILE).exists()


def test_second_session_in_same_process_is_refused(session, make_session, bundle) -> None:
    session.open(bundle.root)
    other = make_session()
    with pytest.raises(ProjectLockedError, match="already open in this Microdrama Studio window"):
        other.open(bundle.root)
    assert not other.is_open
    session.close()
    other.open(bundle.root)  # free once the first closed
    assert other.is_open


def test_reopening_the_same_project_in_the_same_session_works(session, bundle) -> None:
    session.open(bundle.root)
    session.open(bundle.root)
    assert session.is_open and (bundle.root / LOCK_FILE).exists()


def test_second_instance_is_told_who_holds_the_project(bundle: ProjectBundle, session) -> None:
    """A real second process opening the project gets ProjectLockedError naming pid, user and host."""
    session.open(bundle.root)
    code = (
        "import sys\n"
        "from app.session import Session\n"
        "from app.project_lock import ProjectLockedError\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "try:\n"
        f"    Session().open({str(bundle.root)!r})\n"
        "except ProjectLockedError as exc:\n"
        "    print(exc.owner.pid); print(exc); sys.exit(3)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    pid_line, message = proc.stdout.splitlines()[:2]
    import os

    assert int(pid_line) == os.getpid()
    assert f"process {os.getpid()}" in message and "is in use by" in message
    assert "Close it there first" in message


def test_stale_lock_of_a_dead_process_is_taken_over(bundle: ProjectBundle, session) -> None:
    """A process takes the lock and is killed without releasing it: the next open takes over."""
    code = (
        "import os\n"
        "from app.project_lock import ProjectLock\n"
        f"ProjectLock({str(bundle.root)!r}).acquire()\n"
        "os._exit(0)  # like a crash: no release\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=60)
    stale = json.loads((bundle.root / LOCK_FILE).read_text())
    import os

    assert stale["pid"] != os.getpid()
    session.open(bundle.root)
    now = json.loads((bundle.root / LOCK_FILE).read_text())
    assert now["pid"] == os.getpid()


def test_lock_with_reused_pid_is_stale(bundle: ProjectBundle) -> None:
    """Our own pid but another process start time: the pid was reused after a crash."""
    import os

    (bundle.root / LOCK_FILE).write_text(json.dumps({
        "pid": os.getppid(), "hostname": socket.gethostname(), "user": "x", "time": "t",
        "process_start": "1"}))
    lock = ProjectLock(bundle.root)
    lock.acquire()
    assert lock.held
    lock.release()


def test_garbled_lock_is_stale(bundle: ProjectBundle, session) -> None:
    (bundle.root / LOCK_FILE).write_text('{"pid": 12')
    session.open(bundle.root)
    assert session.is_open


def test_lock_from_another_host_needs_explicit_takeover(bundle: ProjectBundle, session) -> None:
    (bundle.root / LOCK_FILE).write_text(json.dumps({
        "pid": 4242, "hostname": "edit-bay-2", "user": "mei", "time": "2026-01-01T10:00:00+08:00"}))
    with pytest.raises(ProjectLockedError) as info:
        session.open(bundle.root)
    assert "edit-bay-2" in str(info.value) and "mei" in str(info.value)
    assert "open the project anyway" in str(info.value)
    assert info.value.owner.hostname == "edit-bay-2" and info.value.can_take_over
    session.open(bundle.root, steal_lock=True)
    assert json.loads((bundle.root / LOCK_FILE).read_text())["hostname"] == socket.gethostname()


def test_release_leaves_a_thiefs_lock_alone(bundle: ProjectBundle) -> None:
    lock = ProjectLock(bundle.root)
    lock.acquire()
    (bundle.root / LOCK_FILE).write_text(json.dumps({"pid": 1, "hostname": "other", "time": "x"}))
    lock.release()
    assert (bundle.root / LOCK_FILE).exists()
