"""What the editor remembers between runs: dock layout and recent projects."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from tests.shell.conftest import make_project


def test_dock_layout_is_restored_in_the_next_window(window_factory, project, qtbot):
    first = window_factory()
    first.show()
    first.controller.open_path(project)
    docks = first.docks.docks
    docks["JobsDock"].hide()
    first.tabifyDockWidget(docks["StoryboardDock"], docks["PreviewDock"])
    first.removeDockWidget(docks["ScriptDock"])
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks["ScriptDock"])
    docks["ScriptDock"].show()
    assert first.close()

    second = window_factory()
    second.show()
    assert second.welcome.isVisible()  # no project yet: the layout waits behind the welcome view
    second.controller.open_path(project)
    d2 = second.docks.docks
    assert not d2["JobsDock"].isVisible()
    assert d2["PreviewDock"] in second.tabifiedDockWidgets(d2["StoryboardDock"])
    assert second.dockWidgetArea(d2["ScriptDock"]) == Qt.DockWidgetArea.RightDockWidgetArea

    second.shell_actions["action_reset_layout"].trigger()
    assert d2["JobsDock"].isVisible()
    assert second.dockWidgetArea(d2["ScriptDock"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert d2["PreviewDock"] not in second.tabifiedDockWidgets(d2["StoryboardDock"])
    assert d2["JobsDock"] in second.tabifiedDockWidgets(d2["StoryboardDock"])


def test_layout_of_an_older_version_is_ignored(window_factory, project):
    from widgets.shell import dock_layout
    from widgets.shell.settings import app_settings

    first = window_factory()
    first.controller.open_path(project)
    first.docks.docks["JobsDock"].hide()
    first.close()
    app_settings().setValue(dock_layout.VERSION_KEY, dock_layout.STATE_VERSION - 1)

    second = window_factory()
    second.show()
    second.controller.open_path(project)
    assert second.docks.docks["JobsDock"].isVisible()


def test_recent_projects_newest_first_and_missing_ones_pruned(window_factory, tmp_path, qtbot):
    a = make_project(tmp_path / "A.mdrama")
    b = make_project(tmp_path / "B.mdrama")
    window = window_factory()
    window.controller.open_path(a)
    window.controller.open_path(b)
    window.controller.open_path(a)
    assert window.recent.paths() == [a, b]

    menu = window.menus.recent_menu
    menu.aboutToShow.emit()
    labels = [act.text() for act in menu.actions() if not act.isSeparator()]
    assert labels[:2] == ["&1 A", "&2 B"]

    shutil.rmtree(b)
    assert window.recent.paths() == [a]
    menu.aboutToShow.emit()
    assert [act.text() for act in menu.actions() if not act.isSeparator()][0] == "&1 A"
    assert "&2 B" not in [act.text() for act in menu.actions()]

    window.controller.close_project()
    welcome = window.welcome
    assert welcome.recent_list.count() == 1
    opened = []
    welcome.openRequested.connect(opened.append)
    welcome.recent_list.itemClicked.emit(welcome.recent_list.item(0))
    assert opened == [a]

    window.shell_actions["action_clear_recent"].trigger()
    assert window.recent.paths() == []
    assert welcome.recent_list.count() == 0
