"""Switching between episodes leaves the main window's layout alone.

A title with Chinese characters is drawn with a fallback font whose lines are taller
than Latin-only text. In a season that mixes both, the status bar's episode label
changed height on a switch, the status bar with it, and the main window resized every
dock and repainted all of itself (30-50 ms at season size, the switch's worst stall).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QStatusBar

from widgets.shell.episodes import rename_episode
from widgets.shell.theme import apply_theme


class Resizes(QObject):
    """Counts resize events of the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.seen.append(watched.objectName() or type(watched).__name__)
        return False


def label_height(text: str, like: QLabel) -> int:
    probe = QLabel(text)
    probe.setFont(like.font())
    return probe.sizeHint().height()


def test_switching_between_latin_and_chinese_titles_resizes_no_dock(window, qtbot, season: Path) -> None:
    app = QApplication.instance()
    font = app.font()
    apply_theme(app, "en")  # the English UI's fonts, as the app starts with them (Latin faces before CJK ones)
    try:
        switch_through_the_season(window, qtbot, season)
    finally:
        app.setFont(font)


def switch_through_the_season(window, qtbot, season: Path) -> None:
    assert window.controller.open_path(season)
    session = window.session
    episodes = session.series.episodes
    rename_episode(session, episodes[1], "Plain Latin")  # the others: "暗流 Undercurrent", "重逢 Reunion"
    status = window.findChild(QLabel, "StatusEpisode")
    assert status is not None
    assert label_height("Ep 2 · Plain Latin", status) != label_height("Ep 3 · 重逢 Reunion", status), \
        "the test needs a Chinese title drawn taller than a Latin one (CJK font installed)"
    qtbot.wait(100)
    watcher = Resizes()
    watched = [*window.findChildren(QDockWidget), window.findChild(QStatusBar), status]
    for widget in watched:
        widget.installEventFilter(watcher)
    for episode in (episodes[2], episodes[1], episodes[0], episodes[1]):
        session.set_current_episode(episode.id)
        qtbot.waitUntil(lambda episode=episode: status.text().endswith(episode.title), timeout=5000)
        qtbot.wait(50)  # the main window's layout request, if any, has run
    assert watcher.seen == []
