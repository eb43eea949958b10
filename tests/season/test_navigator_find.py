"""The episode navigator and Find in Season, driven with keys and mouse on the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.season.state import render_name
from widgets.season.find import FindInSeasonDialog
from widgets.season.navigator import EpisodeNavigator


def double_click(qtbot, viewport, pos) -> None:
    """A real double-click: the first click, then the second (QTest's dblclick event alone lacks the press)."""
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pos)


def _open(window, qtbot, season: Path) -> None:
    assert window.controller.open_path(season)
    qtbot.waitUntil(lambda: window.session.current_episode is not None)


def test_navigator_shows_each_episode_state_and_opens_an_episode(window, qtbot, season: Path) -> None:
    _open(window, qtbot, season)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    navigator = window.findChild(EpisodeNavigator)
    assert navigator is not None and navigator.isVisible()
    table = navigator.table
    assert table.rowCount() == 3
    cells = [table.item(1, c).text() for c in range(7)]
    assert cells[0] == "2" and cells[2] == "✓" and cells[3] == "30 shots"
    assert cells[4] == "100%" and cells[5] == "100%" and cells[6] == "—"

    # an export of episode 2 appears in renders/: the navigator says so after the next refresh
    bundle = window.session.bundle
    (bundle.root / "renders" / render_name(bundle.name, window.session.series.episodes[1])).write_bytes(b"x")
    navigator.refresh()
    assert table.item(1, 6).text() == "✓"

    # a shot loses its pictures: the share drops
    episode = window.session.series.episodes[2]
    shot = next(episode.shots())
    window.session.document.edit(shot, "clear", chosen_still=None, chosen_clip=None)
    qtbot.waitUntil(lambda: table.item(2, 4).text() == "97%", timeout=15000)

    rect = table.visualItemRect(table.item(2, 1))
    double_click(qtbot, table.viewport(), rect.center())
    assert window.session.current_episode.number == 3

    navigator.filter.setText("2")
    assert [r for r in range(3) if not table.isRowHidden(r)] == [1]


def test_find_in_season_lists_hits_and_jumps_to_the_shot(window, qtbot, season: Path) -> None:
    _open(window, qtbot, season)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(FindInSeasonDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.query.insert("合同")  # "the contract" (as an input method commits it): one line, in every episode
    qtbot.waitUntil(lambda: bool(dialog.hits), timeout=15000)
    episodes = {h.episode_number for h in dialog.hits}
    assert episodes == {1, 2, 3}
    assert all("合同" in h.text for h in dialog.hits)
    assert dialog.results.topLevelItemCount() == len(dialog.hits)

    last = dialog.results.topLevelItem(len(dialog.hits) - 1)
    rect = dialog.results.visualItemRect(last)
    double_click(qtbot, dialog.results.viewport(), rect.center())
    hit = dialog.hits[-1]
    assert window.session.current_episode.number == 3 == hit.episode_number
    assert window.session.selected_shot_id == hit.shot_id

    dialog.query.clear()
    qtbot.keyClicks(dialog.query, "ETHAN")  # a character: every shot he is in
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    cast = [h for h in dialog.hits if h.kind.value == "character"]
    assert {h.episode_number for h in cast} == {1, 2, 3} and all(h.text == "ETHAN" for h in cast)
    assert window.session.selected_shot_id == dialog.hits[0].shot_id
    assert window.session.current_episode.number == 1

    dialog.query.clear()
    qtbot.keyClicks(dialog.query, "no such words anywhere")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.hits == [] and dialog.count.text() == "Nothing found in this season."
    QApplication.processEvents()
