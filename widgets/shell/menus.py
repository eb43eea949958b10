"""The menu bar: the window's actions in their menus, plus what the panels offer.

Panels' ``menu_actions()`` are appended to the matching menu in a section of
their own. Dynamic submenus (Open Recent, switch episode, language) are filled
when they are about to show, so they are always current.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from app.session import Session
from widgets.commands.catalog import Menu, Section
from widgets.commands.placement import add_menu_section
from widgets.draft.action import draft_action
from widgets.draft.action import menu_text as draft_menu_text
from widgets.shell import i18n
from widgets.shell.actions import ShellActions
from widgets.shell.dock_layout import DockLayout
from widgets.shell.episodes import episode_title
from widgets.shell.icons import icon
from widgets.shell.recent import RecentProjects

translate = QCoreApplication.translate
MENU_KEYS = ("File", "Edit", "View", "Episode", "Generate", "Help")


class ShellMenus:
    def __init__(self, window: QMainWindow, actions: ShellActions, docks: DockLayout, session: Session,
                 recent: RecentProjects, open_recent: Callable[[Path], object],
                 set_language: Callable[[str], None]) -> None:
        self.window = window
        self.actions = actions
        self.session = session
        self.recent = recent
        self._open_recent = open_recent
        self._set_language = set_language
        self.docks = docks
        bar = window.menuBar()
        self.menus: dict[str, QMenu] = {}
        for key in MENU_KEYS:
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{key.lower()}")
            self.menus[key] = menu
        a = actions
        m = self.menus

        self.recent_menu = QMenu(window, objectName="menu_open_recent")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        owned = a.by_name  # which commands sit where, and in what order: the command catalog
        add_menu_section(m["File"], Menu.FILE, Section.OPEN, owned)
        m["File"].addMenu(self.recent_menu)
        m["File"].addSeparator()
        add_menu_section(m["File"], Menu.FILE, Section.SAVE, owned)
        self._panel_anchor_file = m["File"].addSeparator()
        add_menu_section(m["File"], Menu.FILE, Section.CLOSE, owned)

        add_menu_section(m["Edit"], Menu.EDIT, Section.HISTORY, owned)
        self._panel_anchor_edit = m["Edit"].addSeparator()
        add_menu_section(m["Edit"], Menu.EDIT, Section.SETTINGS, owned)  # Keyboard Shortcuts, as in Premiere

        self.panels_menu_anchor = m["View"].addSeparator()
        m["View"].addActions(docks.toggle_actions())
        m["View"].addSeparator()
        add_menu_section(m["View"], Menu.VIEW, Section.LAYOUT, owned)
        self.language_menu = QMenu(window, objectName="menu_language")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.language_menu.setIcon(icon("language"))
        self.language_menu.aboutToShow.connect(self._fill_languages)
        m["View"].addMenu(self.language_menu)

        self.switch_menu = QMenu(window, objectName="menu_switch_episode")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.switch_menu.aboutToShow.connect(self._fill_episodes)
        add_menu_section(m["Episode"], Menu.EPISODE, Section.EPISODES, owned)
        m["Episode"].addSeparator()
        m["Episode"].addMenu(self.switch_menu)
        add_menu_section(m["Episode"], Menu.EPISODE, Section.NAVIGATE, owned)
        m["Episode"].addSeparator()
        self.export_draft = draft_action(window, session)  # Finish in Jianying / CapCut (widgets/draft)
        m["Episode"].addAction(self.export_draft)

        self.show_jobs = QAction(icon("jobs"), "", window, objectName="action_show_jobs")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.show_jobs.triggered.connect(lambda: _show_dock(docks.docks["JobsDock"]))
        m["Generate"].addAction(self.show_jobs)

        add_menu_section(m["Help"], Menu.HELP, Section.ABOUT, owned)

        self._merge_panel_actions()
        from widgets.season.actions import SeasonActions  # navigator, find and export across the season

        self.season = SeasonActions(window, session)
        self.season.install(self.menus)
        self.retranslate()

    def _merge_panel_actions(self) -> None:
        anchors = {"File": self._panel_anchor_file, "Edit": self._panel_anchor_edit,
                   "View": self.panels_menu_anchor}
        for key, actions in self.docks.panel_menu_actions():
            menu = self.menus.get(key)
            if menu is None or not actions:
                continue
            anchor = anchors.get(key)
            if key == "Generate":  # panel generators above "Show Jobs"
                menu.insertActions(self.show_jobs, list(actions))
                menu.insertSeparator(self.show_jobs)
            elif anchor is not None:  # a section of their own before the anchor separator
                menu.insertSeparator(anchor)
                menu.insertActions(anchor, list(actions))
            else:
                menu.addSeparator()
                menu.addActions(list(actions))

    def retranslate(self) -> None:
        titles = {
            "File": translate("Menus", "&File"), "Edit": translate("Menus", "&Edit"),
            "View": translate("Menus", "&View"), "Episode": translate("Menus", "E&pisode"),
            "Generate": translate("Menus", "&Generate"), "Help": translate("Menus", "&Help"),
        }
        for key, title in titles.items():
            self.menus[key].setTitle(title)
        self.recent_menu.setTitle(translate("Menus", "Open &Recent"))
        self.language_menu.setTitle(translate("Menus", "&Language"))
        self.switch_menu.setTitle(translate("Menus", "&Switch to Episode"))
        self.show_jobs.setText(translate("Menus", "Show &Jobs"))
        self.export_draft.setText(draft_menu_text())
        self.season.retranslate()

    # ----------------------------------------------------- dynamic submenus
    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.recent.paths()
        for i, path in enumerate(paths):
            label = f"&{i + 1} {path.name.removesuffix('.mdrama')}" if i < 9 else path.name
            action = menu.addAction(label)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        if not paths:
            empty = menu.addAction(translate("Menus", "No Recent Projects"))
            empty.setEnabled(False)
        menu.addSeparator()
        clear = self.actions["action_clear_recent"]
        clear.setEnabled(bool(paths))
        menu.addAction(clear)

    def _fill_languages(self) -> None:
        menu = self.language_menu
        menu.clear()
        group = QActionGroup(menu)
        saved = i18n.saved_language()
        choices = [("", translate("Menus", "Same as the System")), *i18n.LANGUAGES]
        for code, name in choices:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == saved)
            action.setObjectName(f"action_language_{code or 'system'}")
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))

    def _fill_episodes(self) -> None:
        menu = self.switch_menu
        menu.clear()
        group = QActionGroup(menu)
        current = self.session.current_episode
        for episode in self.session.series.episodes:
            action = menu.addAction(episode_title(episode))
            action.setCheckable(True)
            action.setChecked(current is not None and episode.id == current.id)
            group.addAction(action)
            action.triggered.connect(lambda _=False, e=episode.id: self.session.switch_episode(e))
        if not self.session.series.episodes:
            menu.addAction(translate("Menus", "No Episodes")).setEnabled(False)


def _show_dock(dock: QDockWidget) -> None:
    dock.show()
    dock.raise_()
