"""Help and preferences dialogs, and a broken panel that must not take the editor down."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import __version__
from widgets.docks import DOCKS, DockSpec
from widgets.shell import i18n
from widgets.shell.about import AboutDialog
from widgets.shell.preferences import PROJECTS_KEY, PreferencesDialog, projects_folder
from widgets.shell.settings import app_settings


def test_shortcuts_dialog_opens_from_the_menu_without_blocking(window_factory, qtbot):
    window = window_factory()
    seen = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close_it)
            return
        seen.append(dialog.objectName())
        dialog.reject()

    QTimer.singleShot(20, close_it)
    window.shell_actions["action_shortcuts"].trigger()
    assert seen == ["ShortcutsDialog"]


def test_about_names_version_and_licence(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in texts
    assert "GPL-3.0-or-later" in texts


def test_preferences_switch_language_and_projects_folder(qtbot, tmp_path):
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.folder.setText(str(tmp_path / "Series"))
    dialog.apply()
    assert i18n.current_language() == "zh_CN"
    assert i18n.saved_language() == "zh_CN"
    assert projects_folder() == tmp_path / "Series"
    assert app_settings().value(PROJECTS_KEY) == str(tmp_path / "Series")

    dialog.language.setCurrentIndex(dialog.language.findData(""))  # follow the system again
    dialog.apply()
    assert i18n.saved_language() == ""


def test_a_panel_that_fails_to_load_shows_why_and_the_rest_work(monkeypatch, window_factory, project):
    from widgets.shell import dock_layout

    broken = DockSpec("ScriptDock", "Script", "widgets.no_such_module:ScriptPanel")
    monkeypatch.setattr(dock_layout, "DOCKS", (broken, *[s for s in DOCKS if s.object_name != "ScriptDock"]))
    window = window_factory()
    assert window.controller.open_path(project)
    panel = window.docks.panels["ScriptDock"]
    assert panel.title() == "This panel could not be loaded"
    assert "widgets.no_such_module" in panel.text()
    assert window.docks.panels["StoryboardDock"] is not None
