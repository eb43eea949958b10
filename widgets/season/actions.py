"""The season's menu entries: Episode Navigator, Find in Season, Export Season.

One owner for the three actions and the dialogs they open (made on first use,
then kept, so the navigator and the find results stay where the user left
them). ``ShellMenus`` installs them with ``install`` and retranslates them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from app.session import Session
from widgets.commands.keymap import keymap

if TYPE_CHECKING:
    from widgets.season.export import SeasonExportDialog
    from widgets.season.find import FindInSeasonDialog


class SeasonActions(QObject):
    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.navigator_action = QAction(window, objectName="action_episode_navigator")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        keymap().bind_action(self.navigator_action, "action_episode_navigator")  # keys: command catalog
        self.navigator_action.triggered.connect(self.show_navigator)
        self.find_action = QAction(window, objectName="action_find_in_season")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        keymap().bind_action(self.find_action, "action_find_in_season")
        self.find_action.triggered.connect(self.show_find)
        self.export_action = QAction(window, objectName="action_export_season")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.export_action.triggered.connect(self.show_export)
        for action in self.actions:
            window.addAction(action)  # shortcuts work wherever the focus is in the window
        self._navigator: QWidget | None = None
        self._find: FindInSeasonDialog | None = None
        self._export: SeasonExportDialog | None = None
        session.projectOpened.connect(self._update_enabled)
        session.projectClosed.connect(self._on_closed)
        self._update_enabled()
        self.retranslate()

    @property
    def actions(self) -> list[QAction]:
        return [self.navigator_action, self.find_action, self.export_action]

    def install(self, menus: dict[str, QMenu]) -> None:
        """Episode ▸ Episode Navigator…, Edit ▸ Find in Season…, File ▸ Export Season…"""
        menus["Episode"].addSeparator()
        menus["Episode"].addAction(self.navigator_action)
        menus["Edit"].addSeparator()
        menus["Edit"].addAction(self.find_action)
        file_menu = menus["File"]
        anchor = next((a for a in file_menu.actions() if a.objectName() == "action_close_project"), None)
        if anchor is not None:
            file_menu.insertAction(anchor, self.export_action)
            file_menu.insertSeparator(anchor)
        else:
            file_menu.addAction(self.export_action)

    def _update_enabled(self) -> None:
        for action in self.actions:
            action.setEnabled(self.session.is_open)

    def _on_closed(self) -> None:
        for dialog in (self._navigator, self._find):
            if dialog is not None:
                dialog.close()
        self._update_enabled()

    # --------------------------------------------------------------- dialogs
    def show_navigator(self) -> QWidget:
        from widgets.season.navigator import EpisodeNavigator

        if self._navigator is None:
            self._navigator = EpisodeNavigator(self.session, self.window)
        self._navigator.show()
        self._navigator.raise_()
        return self._navigator

    def show_find(self) -> QWidget:
        from widgets.season.find import FindInSeasonDialog

        if self._find is None:
            self._find = FindInSeasonDialog(self.session, self.window)
        self._find.show_and_focus()
        return self._find

    def show_export(self) -> QWidget:
        from widgets.season.export import SeasonExportDialog

        if self._export is None or not self._export.running:  # a new export starts with fresh choices
            if self._export is not None:
                self._export.deleteLater()
            self._export = SeasonExportDialog(self.session, self.window)
        self._export.show()
        self._export.raise_()
        return self._export

    def retranslate(self) -> None:
        self.navigator_action.setText(self.tr("Episode &Navigator…"))
        self.navigator_action.setStatusTip(self.tr("Every episode of the season with its script, board, "
                                                   "pictures, voices and export state"))
        self.find_action.setText(self.tr("&Find in Season…"))
        self.find_action.setStatusTip(self.tr("Find a character, a line or a shot in any episode"))
        self.export_action.setText(self.tr("Export &Season…"))
        self.export_action.setStatusTip(self.tr("Export several episodes one after another"))
