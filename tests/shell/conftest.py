"""Shared pieces for the shell tests: clean settings, small projects, a scripted prompter."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.model import Episode, Series
from widgets.shell import i18n
from widgets.shell.prompts import RecoveryChoice, SaveChoice
from widgets.shell.settings import app_settings


class ScriptedPrompter:
    """Answers the shell's questions from a script and records every question asked.

    It stands in for the user, not for our code: the controller and window under
    test are the real ones; only the human at the dialog is replaced.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []
        self.save_choice = SaveChoice.DISCARD
        self.recovery_choice = RecoveryChoice.RECOVER
        self.open_locked = False
        self.open_backup = False
        self.confirm_answer = True
        self.text_answer: str | None = None
        self.project_choice: Path | None = None
        self.new_location: Path | None = None

    def error(self, title: str, message: str) -> None:
        self.calls.append(("error", (title, message)))

    def confirm(self, title: str, question: str, action: str) -> bool:
        self.calls.append(("confirm", (title, question, action)))
        return self.confirm_answer

    def ask_save_changes(self, project_name: str) -> SaveChoice:
        self.calls.append(("ask_save_changes", (project_name,)))
        return self.save_choice

    def ask_recovery(self, project_name: str, detail: str) -> RecoveryChoice:
        self.calls.append(("ask_recovery", (project_name, detail)))
        return self.recovery_choice

    def ask_open_locked(self, message: str, stale: bool) -> bool:
        self.calls.append(("ask_open_locked", (message, stale)))
        return self.open_locked

    def ask_open_backup(self, message: str) -> bool:
        self.calls.append(("ask_open_backup", (message,)))
        return self.open_backup

    def warning(self, title: str, message: str) -> None:
        self.calls.append(("warning", (title, message)))

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        self.calls.append(("ask_text", (title, label, text)))
        return self.text_answer

    def choose_project(self, start: Path) -> Path | None:
        self.calls.append(("choose_project", (start,)))
        return self.project_choice

    def choose_new_location(self, title: str, start: Path) -> Path | None:
        self.calls.append(("choose_new_location", (title, start)))
        return self.new_location

    def asked(self, name: str) -> list[tuple]:
        return [args for call, args in self.calls if call == name]


@pytest.fixture(autouse=True)
def clean_settings():
    """Each story starts like a first run: no layout, no recent projects, English UI."""
    settings = app_settings()
    settings.clear()
    settings.setValue(i18n.SETTINGS_KEY, "en")
    settings.sync()
    i18n.install_language("en")
    yield
    i18n.install_language("en")
    app_settings().clear()


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


def make_project(path: Path, title: str = "Love in the Rain", episodes: int = 2) -> Path:
    series = Series(title=title, episodes=[Episode(number=i + 1, title=f"Part {i + 1}") for i in range(episodes)])
    return ProjectBundle.create(path, series).root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "Love.mdrama")


@pytest.fixture
def window_factory(qtbot, prompter):
    from widgets.main_window import MainWindow

    made: list[MainWindow] = []

    def make(prompt: ScriptedPrompter | None = None) -> MainWindow:
        window = MainWindow(prompter=prompt or prompter)
        qtbot.addWidget(window)
        window.resize(1600, 1000)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    drain_background_work()


def drain_background_work(timeout_s: float = 30.0) -> None:
    """Let panels' background renders finish and report while their widgets still exist.

    Panels queue work on the shared thread pool in reaction to events (a project
    closing asks the preview for a blank frame), so drain until the pool stays idle.
    """
    import time

    from PySide6.QtCore import QCoreApplication, QThreadPool

    pool = QThreadPool.globalInstance()
    deadline = time.monotonic() + timeout_s
    idle = 0
    while idle < 3 and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        pool.waitForDone(100)
        QCoreApplication.processEvents()
        idle = idle + 1 if pool.activeThreadCount() == 0 else 0
