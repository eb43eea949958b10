"""The voice booth tabbed behind the Script dock skips its refreshes (an episode switch, a batch's
events) and catches up when its tab is chosen: it then lists the current episode's lines."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from app.demo_season import create_demo_season


@pytest.fixture(scope="module")
def season(tmp_path_factory):
    return create_demo_season(tmp_path_factory.mktemp("booth-season") / "Season", 2).root


def listed_lines(booth) -> list[str]:
    return [booth.lines.item(r).data(Qt.ItemDataRole.UserRole) for r in range(booth.lines.count())]


def test_a_booth_out_of_sight_catches_up_with_the_episode_when_its_tab_is_chosen(
        window_factory, season, tmp_path, qtbot) -> None:
    root = tmp_path / season.name
    shutil.copytree(season, root)
    window = window_factory()
    window.show()
    qtbot.waitExposed(window)
    assert window.controller.open_path(root)
    session = window.session
    first, second = session.series.episodes
    booth = window.docks.panel("VoiceBoothDock")
    dock = window.findChild(QDockWidget, "VoiceBoothDock")
    qtbot.waitUntil(lambda: booth._out_of_sight(), timeout=10000)  # the default layout tabs it behind Script

    session.set_current_episode(second.id)
    wanted = [line.id for _shot, line in second.dialogue_lines()]
    assert wanted and not set(wanted) & {line.id for _shot, line in first.dialogue_lines()}
    qtbot.waitUntil(lambda: booth._stale, timeout=10000)
    assert listed_lines(booth) != wanted  # nothing was rebuilt out of sight

    dock.raise_()
    qtbot.waitUntil(lambda: listed_lines(booth) == wanted, timeout=10000)
    assert not booth._stale and booth.line_id == wanted[0]
    session.document.undo_stack.setClean()
