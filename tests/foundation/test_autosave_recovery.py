"""Autosave goes to its own file off the GUI thread; after a crash the session offers it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app.bundle import AUTOSAVE_FILE, ProjectBundle
from app.model import MediaAsset, MediaKind
from app.model.schema import decode
from app.session import Session

REPO = Path(__file__).resolve().parents[2]


def _edit(session: Session, title: str) -> None:
    session.document.edit(session.series, "Rename series", title=title)


def test_autosave_writes_separate_file_and_never_touches_project_json(qtbot, session, bundle) -> None:
    session.open(bundle.root)
    before = bundle.project_file.read_bytes()
    assert not session.autosaver.autosave_now()  # clean stack: nothing to autosave
    _edit(session, "Edited title")
    with qtbot.waitSignal(session.autosaver.autosaved, timeout=10_000):
        assert session.autosaver.autosave_now()
    assert bundle.project_file.read_bytes() == before
    assert decode(bundle.autosave_file.read_bytes(), str(bundle.autosave_file)).title == "Edited title"
    assert not session.autosaver.autosave_now()  # nothing new since
    session.save()
    assert not bundle.autosave_file.exists()  # a save removes it
    assert decode(bundle.project_file.read_bytes(), str(bundle.project_file)).title == "Edited title"


def test_autosave_does_not_block_the_gui_thread(qtbot, session, bundle) -> None:
    """While the disk write is stuck, the GUI thread returns at once and keeps running events."""
    session.open(bundle.root)
    _edit(session, "Big edit")
    store = session.autosaver._store
    assert store is not None
    store.lock.acquire()  # the disk "hangs": the writer cannot get in
    try:
        assert session.autosaver.autosave_now()  # returns although the write cannot happen yet
        ticks = []
        qtbot.waitUntil(lambda: ticks.append(1) or len(ticks) > 3, timeout=15000)  # event loop alive
        assert not bundle.autosave_file.exists()
    finally:
        store.lock.release()
    with qtbot.waitSignal(session.autosaver.autosaved, timeout=10_000):
        pass
    assert decode(bundle.autosave_file.read_bytes(), str(bundle.autosave_file)).title == "Big edit"


def test_autosave_timer_fires_on_its_own(qtbot, bundle) -> None:
    session = Session(autosave_interval_ms=50)
    try:
        session.open(bundle.root)
        _edit(session, "Timer")
        with qtbot.waitSignal(session.autosaver.autosaved, timeout=10_000):
            pass
        assert bundle.autosave_file.exists()
    finally:
        session.close()
    assert not bundle.autosave_file.exists()  # a normal close removes it


def test_undo_back_to_saved_state_removes_autosave(qtbot, session, bundle) -> None:
    session.open(bundle.root)
    _edit(session, "Temp")
    with qtbot.waitSignal(session.autosaver.autosaved, timeout=10_000):
        session.autosaver.autosave_now()
    session.document.undo_stack.undo()
    session.autosaver.wait_idle()
    assert not bundle.autosave_file.exists()


def test_save_discards_a_write_queued_before_it(qtbot, session, bundle) -> None:
    session.open(bundle.root)
    _edit(session, "Queued")
    store = session.autosaver._store
    store.lock.acquire()
    try:
        session.autosaver.autosave_now()
    finally:
        store.lock.release()
        session.save()  # races the queued write: the write must not resurrect the file
    session.autosaver.wait_idle()
    assert not bundle.autosave_file.exists()


def _crash_after_autosave(root: Path, title: str) -> None:
    """A real editor process that edits, autosaves and dies without closing."""
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from app.session import Session\n"
        "app = QCoreApplication([])\n"
        "s = Session()\n"
        f"s.open({str(root)!r})\n"
        f"s.document.edit(s.series, 'Rename', title={title!r})\n"
        "s.autosaver.autosave_now(); s.autosaver.wait_idle()\n"
        "os.kill(os.getpid(), 9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, timeout=60)
    assert proc.returncode == -9, proc.stderr


def test_crash_then_reopen_offers_and_recovers_autosave(session, bundle) -> None:
    _crash_after_autosave(bundle.root, "Unsaved work 未保存")
    info = Session.recovery_available(bundle.root)
    assert info is not None
    assert info.title == "Unsaved work 未保存" and info.project_readable
    assert info.project_time is not None and info.autosave_time >= info.project_time
    assert "newer than the last save" in info.describe()
    session.open(bundle.root, recover=True)  # the crashed process's stale lock is taken over
    assert session.series.title == "Unsaved work 未保存"
    assert session.is_modified and session.opened_from == "autosave"
    assert decode(bundle.project_file.read_bytes(), str(bundle.project_file)).title == "Small"  # not saved yet
    session.save()
    assert decode(bundle.project_file.read_bytes(), str(bundle.project_file)).title == "Unsaved work 未保存"
    assert Session.recovery_available(bundle.root) is None
    assert not bundle.autosave_file.exists()


def test_declined_recovery_is_offered_again_until_saved(session, bundle) -> None:
    _crash_after_autosave(bundle.root, "Maybe later")
    session.open(bundle.root)  # declined
    assert session.series.title == "Small" and not session.is_modified
    session.close()
    assert Session.recovery_available(bundle.root) is not None  # still there
    session.open(bundle.root)
    _edit(session, "Saved instead")
    session.save()
    assert Session.recovery_available(bundle.root) is None


def test_discard_recovery_deletes_the_autosave(bundle) -> None:
    _crash_after_autosave(bundle.root, "Throw away")
    Session.discard_recovery(bundle.root)
    assert Session.recovery_available(bundle.root) is None


def test_autosave_older_than_project_is_not_offered(bundle) -> None:
    bundle.autosave_file.write_bytes(bundle.project_file.read_bytes())
    old = time.time() - 100
    os.utime(bundle.autosave_file, (old, old))
    assert Session.recovery_available(bundle.root) is None


def test_recovery_tolerates_missing_media(session, bundle) -> None:
    """The autosave names an asset whose file is gone: recovery opens and lists it."""
    _crash_after_autosave(bundle.root, "With media")
    series = decode(bundle.autosave_file.read_bytes(), str(bundle.autosave_file))
    series.media["gone1"] = MediaAsset(id="gone1", path="media/ab/gone.png", kind=MediaKind.IMAGE)
    from app.model.schema import encode

    bundle.autosave_file.write_bytes(encode(series))
    session.open(bundle.root, recover=True)
    assert [a.id for a in session.missing_media] == ["gone1"]
    assert session.media_problems[0].reason == "missing"


def test_autosave_offered_when_project_json_is_damaged(bundle: ProjectBundle) -> None:
    _crash_after_autosave(bundle.root, "Rescued")
    old = time.time() + 5  # project.json written after the autosave, but damaged
    bundle.project_file.write_bytes(b'{"format": "microdrama')
    os.utime(bundle.project_file, (old, old))
    info = Session.recovery_available(bundle.root)
    assert info is not None and not info.project_readable
    assert "missing or damaged" in info.describe()
    assert (bundle.root / AUTOSAVE_FILE).exists()


def test_autosave_of_a_running_editor_is_not_offered_as_recovery(bundle) -> None:
    """Another live process holds the project and autosaves: a second editor must not offer it."""
    code = (
        "import sys, time\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from app.session import Session\n"
        "app = QCoreApplication([])\n"
        "s = Session()\n"
        f"s.open({str(bundle.root)!r})\n"
        "s.document.edit(s.series, 'Rename', title='Live work')\n"
        "s.autosaver.autosave_now(); s.autosaver.wait_idle()\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        assert bundle.autosave_file.exists()
        assert Session.recovery_available(bundle.root) is None
    finally:
        proc.communicate("\n", timeout=60)
