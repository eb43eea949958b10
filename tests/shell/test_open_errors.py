"""A project that cannot be opened gets a clear message, and nothing on disk changes."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from widgets.main_window import MainWindow


def _snapshot(folder):
    """Every file of the project, but the empty guard file that serialises lock takeovers (made once, by design)."""
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock.guard"}


def test_corrupt_project_shows_an_error_naming_the_file_and_keeps_it(window_factory, project, prompter):
    (project / "project.json").write_text('{"schema": 1, "series": {"title": "trunc', encoding="utf-8")
    before = _snapshot(project)
    window = window_factory()
    assert not window.controller.open_path(project)
    [(title, message)] = prompter.asked("error")
    assert title == "Could not open the project"
    assert "project.json" in message
    assert not window.session.is_open
    assert window.welcome.isVisibleTo(window)
    assert _snapshot(project) == before
    assert project not in window.recent.paths()


def test_real_error_dialog_for_a_folder_that_is_not_a_project(qtbot, tmp_path):
    """The real message box (not a scripted answer): closed by a timer once it is up."""
    folder = tmp_path / "Holiday photos"
    folder.mkdir()
    (folder / "beach.jpg").write_bytes(b"\xff\xd8\xff")
    window = MainWindow()
    qtbot.addWidget(window)
    seen: list[tuple[str, str]] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text()))
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(20, close_box)
    assert not window.controller.open_path(folder)
    assert seen and seen[0][0] == "Could not open the project"
    assert "project.json" in seen[0][1] and str(folder) in seen[0][1]
    assert (folder / "beach.jpg").read_bytes() == b"\xff\xd8\xff"
