"""The season's menu entries: Episode Navigator, Find in Season, Export Season.

One owner for the three actions and the dialogs they open (made on first use,
then kept, so the navigator and the find results stay where the user left
them). ``ShellMenus`` installs them with ``install`` and retranslates them.
Their texts, status tips, keys and menu places are declared in the command
catalog (``widgets/commands/catalog.py``, section ``SEASON``); this module only
binds what they do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from app.session import Session
from widgets.commands.catalog import BY_ID, Menu, Section
from widgets.commands.keymap import keymap
from widgets.commands.placement import add_menu_section, insert_menu_section

if TYPE_CHECKING:
    from widgets.season.export import SeasonExportDialog
    from widgets.season.find import FindInSeasonDialog


class SeasonActions(QObject):
    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.navigator_action = self._command("action_episode_navigator", self.show_navigator)
        self.find_action = self._command("action_find_in_season", self.show_find)
        self.export_action = self._command("action_export_season", self.show_export)
        for action in self.actions:
            window.addAction(action)  # shortcuts work wherever the focus is in the window
        self._navigator: QWidget | None = None
        self._find: FindInSeasonDialog | None = None
        self._export: SeasonExportDialog | None = None
        session.projectOpened.connect(self._update_enabled)
        session.projectClosed.connect(self._on_closed)
        self._update_enabled()
        self.retranslate()

    def _command(self, cid: str, slot) -> QAction:
        """The QAction of catalogued command ``cid`` (its object name), keyed by the keymap."""
        action = QAction(self.window, objectName=cid)  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        keymap().bind_action(action, cid)  # keys: command catalog, re-keyed from the Keyboard Shortcuts dialog
        action.triggered.connect(slot)
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.navigator_action, self.find_action, self.export_action]

    def install(self, menus: dict[str, QMenu]) -> None:
        """Episode ▸ Episode Navigator…, Edit ▸ Find in Season…, File ▸ Export Season… (before Close
        Project): the ``SEASON`` section of each menu, as the catalog places them."""
        owned = {action.objectName(): action for action in self.actions}
        for key, menu in (("Episode", Menu.EPISODE), ("Edit", Menu.EDIT)):
            menus[key].addSeparator()
            add_menu_section(menus[key], menu, Section.SEASON, owned)
        file_menu = menus["File"]
        anchor = next((a for a in file_menu.actions() if a.objectName() == "action_close_project"), None)
        insert_menu_section(file_menu, anchor, Menu.FILE, Section.SEASON, owned)

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
        # a search reads every episode: the read-ahead reads the unread ones on its worker without rests
        self.session.episode_warmer.hurry()
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
        for action in self.actions:
            spec = BY_ID[action.objectName()]
            action.setText(spec.menu_label())
            action.setStatusTip(spec.tip_text())
