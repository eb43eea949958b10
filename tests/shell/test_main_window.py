"""The main window as a user meets it: docks, menus, shortcuts, undo, episodes, closing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from app.bundle import ProjectBundle
from widgets.docks import DOCKS
from widgets.shell import episodes
from widgets.shell.empty_panels import ShellEmptyPanel
from widgets.shell.prompts import SaveChoice


def test_first_run_shows_welcome_then_all_docks_once_a_project_opens(window_factory, project):
    window = window_factory()
    window.show()
    assert window.welcome.isVisible()
    assert all(not d.isVisible() for d in window.docks.docks.values())
    assert not window.shell_actions["action_save"].isEnabled()

    assert window.controller.open_path(project)
    assert not window.central.isVisible()
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert names == {spec.object_name for spec in DOCKS}
    for spec in DOCKS:
        dock = window.docks.docks[spec.object_name]
        assert dock.widget() is not None
        assert dock.windowTitle() == spec.title
    visible = [n for n, d in window.docks.docks.items() if d.isVisible() and not d.visibleRegion().isEmpty()]
    assert {"StoryboardDock", "TimelineDock", "PreviewDock", "ScriptDock"} <= set(visible)
    docks = window.docks.docks
    assert docks["JobsDock"] in window.tabifiedDockWidgets(docks["StoryboardDock"])
    assert docks["VoiceBoothDock"] in window.tabifiedDockWidgets(docks["ScriptDock"])
    preview = docks["PreviewDock"].geometry()
    assert preview.height() > 0.45 * window.height()  # a 9:16 picture needs height
    assert docks["TimelineDock"].width() == window.width()
    assert window.windowTitle().startswith("Love in the Rain")


def test_menus_exist_with_standard_shortcuts(window_factory):
    window = window_factory()
    titles = [m.title().replace("&", "") for m in window.menus.menus.values()]
    assert titles == ["File", "Edit", "View", "Episode", "Generate", "Help"]

    def keys(name: str) -> list[str]:
        action = window.findChild(QAction, name)
        return [k.toString() for k in action.shortcuts()]

    assert "Ctrl+N" in keys("action_new_series")
    assert "Ctrl+O" in keys("action_open")
    assert "Ctrl+S" in keys("action_save")
    assert "Ctrl+Z" in keys("action_undo")
    assert "Ctrl+Shift+Z" in keys("action_redo")
    file_actions = [a.objectName() for a in window.menus.menus["File"].actions()]
    for name in ("action_new_series", "action_open", "action_open_demo", "action_save", "action_save_as",
                 "action_close_project", "action_quit"):
        assert name in file_actions
    assert window.menus.recent_menu.menuAction() in window.menus.menus["File"].actions()
    view_actions = window.menus.menus["View"].actions()
    for spec in DOCKS:
        assert window.docks.docks[spec.object_name].toggleViewAction() in view_actions


def test_ctrl_s_saves_and_the_title_loses_its_modified_marker(window_factory, project, qtbot):
    window = window_factory()
    assert window.controller.open_path(project)
    episodes.rename_episode(window.session, window.session.current_episode, "The Contract")
    assert window.isWindowModified()
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # offscreen windows activate only once exposed
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isWindowModified())
    qtbot.waitUntil(lambda: not window.session.save_worker.busy)  # written on the writer thread
    assert ProjectBundle(project).load().episodes[0].title == "The Contract"

    episodes.rename_episode(window.session, window.session.current_episode, "Undone by Ctrl+Z")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.current_episode.title == "The Contract"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.current_episode.title == "Undone by Ctrl+Z"


def test_undo_and_redo_actions_follow_the_undo_stack(window_factory, project):
    window = window_factory()
    window.controller.open_path(project)
    undo, redo = window.shell_actions["action_undo"], window.shell_actions["action_redo"]
    assert not undo.isEnabled() and not redo.isEnabled()

    episodes.rename_episode(window.session, window.session.current_episode, "Rainy Night")
    assert undo.isEnabled()
    assert undo.text() == "&Undo Rename Episode 1"
    assert window.isWindowModified()

    undo.trigger()
    assert window.session.current_episode.title == "Part 1"
    assert not undo.isEnabled()
    assert redo.isEnabled() and redo.text() == "&Redo Rename Episode 1"
    assert not window.isWindowModified()

    redo.trigger()
    assert window.session.current_episode.title == "Rainy Night"


def test_episodes_are_added_renamed_and_deleted_as_undo_steps(window_factory, project, prompter):
    window = window_factory()
    window.controller.open_path(project)
    session = window.session
    window.shell_actions["action_add_episode"].trigger()
    assert [e.number for e in session.series.episodes] == [1, 2, 3]
    assert session.current_episode.number == 3
    assert window.episode_switcher.count() == 3
    assert window.episode_switcher.currentText() == "Ep 3"

    prompter.text_answer = "Finale"
    window.shell_actions["action_rename_episode"].trigger()
    assert session.current_episode.title == "Finale"
    assert window.episode_switcher.currentText() == "Ep 3 · Finale"

    session.set_current_episode(session.series.episodes[1].id)
    window.shell_actions["action_delete_episode"].trigger()
    assert prompter.asked("confirm")
    assert [(e.number, e.title) for e in session.series.episodes] == [(1, "Part 1"), (2, "Finale")]
    assert session.current_episode.title == "Finale"  # the neighbour took over

    window.shell_actions["action_undo"].trigger()  # one step restores the episode and the numbering
    assert [(e.number, e.title) for e in session.series.episodes] == [(1, "Part 1"), (2, "Part 2"), (3, "Finale")]

    session.set_current_episode(session.series.episodes[0].id)
    window.shell_actions["action_next_episode"].trigger()
    assert session.current_episode.number == 2
    window.shell_actions["action_previous_episode"].trigger()
    window.shell_actions["action_previous_episode"].trigger()  # wraps around
    assert session.current_episode.number == 3


def test_closing_with_unsaved_changes_asks_first(window_factory, project, prompter, qtbot):
    window = window_factory()
    window.show()
    window.controller.open_path(project)
    episodes.rename_episode(window.session, window.session.current_episode, "Unsaved title")

    prompter.save_choice = SaveChoice.CANCEL
    assert not window.close()
    assert window.session.is_open
    assert prompter.asked("ask_save_changes") == [("Love",)]

    prompter.save_choice = SaveChoice.SAVE
    assert window.close()
    assert ProjectBundle(project).load().episodes[0].title == "Unsaved title"


def test_discarding_changes_leaves_the_saved_project_alone(window_factory, project, prompter):
    window = window_factory()
    window.controller.open_path(project)
    episodes.rename_episode(window.session, window.session.current_episode, "Never saved")
    prompter.save_choice = SaveChoice.DISCARD
    assert window.controller.close_project()
    assert not window.session.is_open
    assert ProjectBundle(project).load().episodes[0].title == "Part 1"


def test_empty_states_say_what_is_missing_and_offer_the_next_step(window_factory, tmp_path, qtbot):
    from tests.shell.conftest import make_project

    path = make_project(tmp_path / "Empty.mdrama", episodes=0)
    from widgets.shell.empty_panels import StoryboardEmptyPanel

    window = window_factory()
    window.show()
    window.controller.open_path(path)
    # the shell's empty panel in a dock of its own (the real Storyboard dock holds the feature panel)
    dock = QDockWidget("Empty storyboard", window)
    panel = StoryboardEmptyPanel(window.session, dock)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.show()
    assert isinstance(panel, ShellEmptyPanel)
    qtbot.waitUntil(lambda: panel.empty.title() == "This series has no episodes")
    buttons = panel.empty.buttons()
    assert [b.text() for b in buttons] == ["Add Episode"]
    buttons[0].click()
    assert len(window.session.series.episodes) == 1
    qtbot.waitUntil(lambda: panel.empty.title() == "No shots in Episode 1 yet")

    window.controller.close_project()
    dock.show()
    qtbot.waitUntil(lambda: panel.empty.title() == "No project open")
    assert [b.text() for b in panel.empty.buttons()][:2] == ["New Series…", "Open…"]


def test_new_series_dialog_builds_the_bundle_it_promises(window_factory, tmp_path, qtbot):
    from widgets.shell.new_series import NewSeriesDialog

    dialog = NewSeriesDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.create_button.isEnabled()  # no title yet
    dialog.title_edit.setText("霸道总裁: Part/One")
    dialog.episode_edit.setText("契约")
    assert dialog.create_button.isEnabled()
    path = dialog.bundle_path()
    assert path == tmp_path / "霸道总裁 Part One.mdrama"

    window = window_factory()
    assert window.controller.create(path, dialog.series())
    assert window.session.series.episodes[0].title == "契约"
    assert (path / "project.json").is_file()
    dialog.title_edit.setText("霸道总裁: Part/One")
    dialog._validate()
    assert not dialog.create_button.isEnabled()  # now taken


def test_save_as_copies_the_bundle_with_media_and_continues_in_the_copy(window_factory, project, prompter,
                                                                        qtbot, tmp_path: Path):
    still = tmp_path / "still.png"
    still.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    bundle = ProjectBundle(project)
    asset = bundle.import_file(still)
    window = window_factory()
    window.controller.open_path(project)
    window.session.document.add_media_raw(asset)
    episodes.rename_episode(window.session, window.session.current_episode, "Edited before Save As")

    prompter.new_location = tmp_path / "Copies" / "Love copy"
    (tmp_path / "Copies").mkdir()
    results: list[bool] = []
    window.controller.save_as(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results == [True]
    copy = tmp_path / "Copies" / "Love copy.mdrama"
    assert window.session.bundle.root == copy
    assert (copy / asset.path).read_bytes() == still.read_bytes()
    assert ProjectBundle(copy).load().episodes[0].title == "Edited before Save As"
    assert ProjectBundle(project).load().episodes[0].title == "Part 1"  # original untouched
    assert not window.isWindowModified()


def test_panels_menu_actions_are_merged_into_the_matching_menus(window_factory):
    window = window_factory()
    offered = list(window.docks.panel_menu_actions())
    assert offered  # the landed panels (timeline, jobs...) offer commands
    for menu_name, actions in offered:
        texts = [a.text() for a in window.menus.menus[menu_name].actions()]
        for action in actions:  # panels may build fresh QActions per call: compare what users see
            assert action.text() in texts, f"{action.text()} missing from {menu_name}"


def test_a_project_handed_over_by_the_desktop_opens_in_the_window(window_factory, project, qtbot):
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from widgets.shell.file_open import FileOpenHandler

    window = window_factory()
    window.show()
    FileOpenHandler(QApplication.instance(), window)
    # macOS sends the bundle; a file manager may hand over a file inside it
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(project / "project.json")))
    assert window.controller.session.bundle is not None
    assert window.controller.session.bundle.root == project.absolute()
    assert not window.welcome.isVisible()


def test_new_series_asks_for_language_picture_and_frame_rate(tmp_path, qtbot):
    from widgets.shell.i18n import current_language, install_language
    from widgets.shell.new_series import NewSeriesDialog

    install_language("zh_CN")
    try:
        dialog = NewSeriesDialog(tmp_path)
        qtbot.addWidget(dialog)
        assert current_language() == "zh_CN" and dialog.language.currentData() == "zh"  # follows the UI
        assert dialog.picture.currentData() == "1080x1920" and dialog.fps.currentData() == 30
        dialog.title_edit.setText("契约新娘")
        dialog.picture.setCurrentIndex(dialog.picture.findData("1080x1440"))
        dialog.fps.setCurrentIndex(dialog.fps.findData(25))
        series = dialog.series()
        assert (series.bible.language, series.settings.width, series.settings.height, series.settings.fps) == (
            "zh", 1080, 1440, 25)
        SHOTS = Path("/tmp/microdrama-screenshots")
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "new-series-zh.png"))
    finally:
        install_language("en")
    dialog = NewSeriesDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"


def test_a_chinese_series_gets_chinese_defaults_and_prompts() -> None:
    from app.model import Bible, Episode, Series
    from app.script.breakdown import breakdown
    from app.script.llm_breakdown import prompt_language
    from app.script.writing import episode_messages

    series = Series(title="契约新娘", bible=Bible(language="zh"))
    scenes = breakdown("1. 内景 办公室 - 日\n\n林晓：你来了。\n", series, 1, 30)
    shot = scenes[0].shots[0]
    assert shot.action == "林晓说话" and shot.motion_prompt == "缓慢推近" and "竖屏" in shot.image_prompt
    series.episodes.append(Episode(number=1))
    assert "Simplified Chinese" in episode_messages(series, series.episodes[0])[1][1]
    assert "Simplified Chinese" in prompt_language(series)
