"""The real window on a season whose episodes are read on first use: the navigator, Find in
Season and a damaged episode, driven with keys and mouse."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from app.model.lazy_episode import LazyEpisode
from tests.season_open.conftest import part_of
from widgets.season.find import FindInSeasonDialog
from widgets.season.navigator import EpisodeNavigator

SHOTS = os.environ.get("MICRODRAMA_TEST_SCREENSHOTS")  # a folder to keep screenshots in, for a look


def double_click(qtbot, viewport, pos) -> None:
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pos)


def unread(window) -> list[int]:
    return [e.number for e in window.session.series.episodes if isinstance(e, LazyEpisode) and not e.loaded]


def open_season(window, qtbot, season: Path) -> None:
    assert window.controller.open_path(season)
    qtbot.waitUntil(lambda: window.session.current_episode is not None)


def test_the_navigator_shows_unread_episodes_and_find_reaches_into_them(window, qtbot, season: Path) -> None:
    open_season(window, qtbot, season)
    assert unread(window) == [2, 3, 4]
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    navigator = window.findChild(EpisodeNavigator)
    assert navigator is not None and navigator.isVisible()
    table = navigator.table
    assert table.rowCount() == 4
    assert [table.item(3, c).text() for c in (0, 3, 4, 5)] == ["4", "6 shots", "0%", "100%"]
    assert unread(window) == [2, 3, 4]  # the states came from the manifest
    if SHOTS:
        navigator.grab().save(str(Path(SHOTS) / "navigator-unread.png"))
    navigator.close()

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(FindInSeasonDialog)
    assert dialog is not None and dialog.isVisible()
    assert window.session.episode_warmer.hurried  # a search wants every episode: the read-ahead stops resting
    qtbot.keyClicks(dialog.query, "line 4.2.3")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.hits), timeout=10_000)
    assert [h.episode_number for h in dialog.hits] == [4]
    rect = dialog.results.visualItemRect(dialog.results.topLevelItem(0))
    double_click(qtbot, dialog.results.viewport(), rect.center())
    assert window.session.current_episode.number == 4
    assert window.session.selected_shot_id == dialog.hits[0].shot_id


def test_opening_a_damaged_episode_says_what_to_do_and_keeps_its_file(window, qtbot, season: Path) -> None:
    damaged = part_of(season, 2)
    damaged.write_bytes(b'{"format": "microdrama-studio/episode", "episode": {"scen')
    open_season(window, qtbot, season)
    prompter = window.controller.prompter
    assert prompter.asked("warning") == []
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    table = window.findChild(EpisodeNavigator).table
    double_click(qtbot, table.viewport(), table.visualItemRect(table.item(2, 1)).center())
    assert window.session.current_episode.number == 3
    qtbot.waitUntil(lambda: bool(prompter.asked("warning")), timeout=10_000)
    title, message = prompter.asked("warning")[0]
    assert title == "An episode could not be read"
    assert damaged.name in message and "project.json.bak" in message and "shown empty" in message
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "damaged-episode.png"))
    window.session.save()
    assert damaged.read_bytes().endswith(b'"scen')


def test_deleting_a_selected_clip_reads_no_other_episode(window, qtbot, season: Path) -> None:
    """The timeline checks its selection and warnings after an edit within the episode shown: a
    clip just deleted is not looked for in the episodes not read yet (that read the whole season)."""
    from widgets.timeline.view import TimelineView

    open_season(window, qtbot, season)
    view = window.findChild(TimelineView)
    assert view is not None
    from app.model import Clip

    track = window.session.current_episode.timeline.tracks[0]
    clip = Clip(start=0, duration=30, name="A title")
    window.session.document.append(track, "clips", clip, "Add clip")
    view.selection = {clip.id}
    window.session.document.remove(clip, "Delete clip")
    view.refresh_warnings()
    qtbot.wait(0)
    assert view.selection == set()
    assert unread(window) == [2, 3, 4]
