"""Opening a project that crashed, is in use elsewhere or is damaged: the user decides, nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from app.bundle import ProjectBundle
from app.model.schema import encode
from widgets.shell import episodes
from widgets.shell.prompts import RecoveryChoice

REPO = Path(__file__).resolve().parents[2]


def _write_autosave(project, title: str) -> None:
    bundle = ProjectBundle(project)
    series = bundle.load()
    series.episodes[0].title = title
    bundle.autosave_file.write_bytes(encode(series))
    later = time.time() + 5
    os.utime(bundle.autosave_file, (later, later))


def test_after_a_crash_the_autosave_is_offered_and_recovered(window_factory, project, prompter):
    _write_autosave(project, "Written just before the crash")
    window = window_factory()
    prompter.recovery_choice = RecoveryChoice.RECOVER
    assert window.controller.open_path(project)
    [(name, detail)] = prompter.asked("ask_recovery")
    assert name == "Love"
    assert "autosave" in detail.lower()
    assert window.session.current_episode.title == "Written just before the crash"
    assert window.isWindowModified()  # recovered work is not saved yet
    assert ProjectBundle(project).load().episodes[0].title == "Part 1"


def test_declining_recovery_opens_the_last_save_and_keeps_the_autosave(window_factory, project, prompter):
    _write_autosave(project, "Autosaved")
    window = window_factory()
    prompter.recovery_choice = RecoveryChoice.LAST_SAVED
    assert window.controller.open_path(project)
    assert window.session.current_episode.title == "Part 1"
    window.controller.close_project()

    prompter.recovery_choice = RecoveryChoice.CANCEL  # offered again: declining did not delete it
    assert not window.controller.open_path(project)
    assert len(prompter.asked("ask_recovery")) == 2
    assert not window.session.is_open


def test_a_project_open_in_another_running_editor_is_refused(window_factory, project, prompter):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from app.project_lock import ProjectLock; "
         f"ProjectLock({str(project)!r}).acquire(); print('locked', flush=True); time.sleep(60)"],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        window = window_factory()
        prompter.open_locked = True  # even if the user says "open anyway", a live owner keeps it
        assert not window.controller.open_path(project)
        [(message, stale)] = prompter.asked("ask_open_locked")
        assert not stale
        assert f"process {holder.pid}" in message
        assert not window.session.is_open
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_from_another_computer_can_be_taken_over_when_the_user_says_so(window_factory, project,
                                                                              prompter):
    (project / ".lock").write_text(json.dumps({"pid": 4242, "hostname": "edit-bay-7", "user": "lin",
                                               "time": "2026-11-24T22:10:00+08:00"}), encoding="utf-8")
    window = window_factory()
    prompter.open_locked = False
    assert not window.controller.open_path(project)
    [(message, stale)] = prompter.asked("ask_open_locked")
    assert stale and "edit-bay-7" in message and "4242" in message

    prompter.open_locked = True
    assert window.controller.open_path(project)
    assert window.session.is_open
    assert json.loads((project / ".lock").read_text())["pid"] == os.getpid()


def test_a_damaged_project_offers_its_backup_and_never_touches_the_damaged_file(window_factory, project,
                                                                              prompter):
    bundle = ProjectBundle(project)
    series = bundle.load()
    series.episodes[0].title = "Second save"
    bundle.save(series)  # the first save becomes project.json.bak
    (project / "project.json").write_bytes(b'{"schema": 1, "ser')
    damaged = (project / "project.json").read_bytes()

    window = window_factory()
    prompter.open_backup = False
    assert not window.controller.open_path(project)
    [(message,)] = prompter.asked("ask_open_backup")
    assert "project.json" in message

    prompter.open_backup = True
    assert window.controller.open_path(project)
    assert window.session.current_episode.title == "Part 1"
    assert window.isWindowModified()
    assert (project / "project.json").read_bytes() == damaged


def test_missing_media_are_reported_but_the_project_opens(window_factory, project, prompter, tmp_path, qtbot):
    still = tmp_path / "portrait.png"
    still.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 64)
    bundle = ProjectBundle(project)
    series = bundle.load()
    asset = bundle.import_file(still)
    series.media[asset.id] = asset
    bundle.save(series)
    (project / asset.path).unlink()

    window = window_factory()
    assert window.controller.open_path(project)
    qtbot.waitUntil(lambda: bool(prompter.asked("warning")))  # the check runs on a worker after the paint
    [(title, message)] = prompter.asked("warning")
    assert title == "Some media files are missing"
    assert "portrait.png" in message


def test_save_as_keeps_the_undo_history_and_moves_the_lock(window_factory, project, prompter, qtbot, tmp_path):
    window = window_factory()
    window.controller.open_path(project)
    episodes.rename_episode(window.session, window.session.current_episode, "Before Save As")
    prompter.new_location = tmp_path / "Elsewhere"
    results: list[bool] = []
    window.controller.save_as(results.append)
    if not results:  # while the copy runs the window refuses to close instead of losing it
        assert not window.close()
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results == [True]
    copy = tmp_path / "Elsewhere.mdrama"
    assert (copy / ".lock").is_file() and not (project / ".lock").exists()
    assert window.shell_actions["action_undo"].isEnabled()  # history survives the move
    assert window.session.bundle.root == copy
