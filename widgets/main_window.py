"""The main window: assembles the shell parts around the dock panels.

Everything with a job of its own lives in ``widgets/shell/`` (actions, menus,
docks, welcome view, project life cycle, dialogs); this class wires them to the
session and to each other.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

from app.background import wait_for_background
from app.session import Session
from app.thread_priority import favour_gui_thread
from widgets.commands.catalog import Section
from widgets.commands.keymap import keymap
from widgets.commands.placement import add_toolbar_section
from widgets.shell import episodes
from widgets.shell.actions import ShellActions
from widgets.shell.dock_layout import DockLayout
from widgets.shell.icons import app_icon
from widgets.shell.menus import ShellMenus
from widgets.shell.preferences import set_language
from widgets.shell.project_controller import ProjectController
from widgets.shell.prompts import DialogPrompter, Prompter
from widgets.shell.recent import RecentProjects
from widgets.shell.status import StatusInfo
from widgets.shell.welcome import WelcomeView

translate = QCoreApplication.translate
APP_NAME = "Microdrama Studio"
SHUTDOWN_WAIT_MS = 5000


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None, prompter: Prompter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        favour_gui_thread()  # workers hand back the interpreter lock within 1 ms (app/thread_priority.py)
        self.setObjectName("MainWindow")
        self.setWindowIcon(app_icon())
        self.session = session or Session(self)
        self.recent = RecentProjects()
        self.prompter: Prompter = prompter or DialogPrompter(self)
        self.controller = ProjectController(self.session, self.prompter, self.recent, self)
        self.controller.new_series_dialog = self._new_series_dialog
        from widgets.settings import keyfile_prompt

        keyfile_prompt.install()  # keys in the encrypted key file: jobs ask for the passphrase here
        self.episode_tracker = episodes.EpisodeTracker(self.session, self)

        self.shell_actions = ShellActions(self)
        self.shell_actions.bind_undo_stack(self.session.document.undo_stack)
        self.docks = DockLayout(self, self.session)
        self.menus = ShellMenus(self, self.shell_actions, self.docks, self.session, self.recent,
                                self.controller.open_path, set_language)
        self._build_toolbar()
        # The central widget is the welcome view when no project is open, and collapses
        # to nothing otherwise so the docks share the whole window. The welcome view is made
        # when it is first needed: started with a project, the editor never builds it.
        self._welcome: WelcomeView | None = None
        self.central = QStackedWidget()
        self.setCentralWidget(self.central)
        self.status = StatusInfo(self.session, self.statusBar())
        self._connect()
        self.resize(1600, 1000)
        self._layout_restored = self.docks.restore()
        self._shown_once = False
        self.retranslate()
        self._on_project_changed()
        keymap().adopt(self)  # the window's actions take the user's keys (Edit ▸ Keyboard Shortcuts)

    # --------------------------------------------------------------- wiring
    def _build_toolbar(self) -> None:
        bar = QToolBar(objectName="MainToolbar")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        a = self.shell_actions
        owned = a.by_name  # which buttons, in what order: the command catalog (toolbar, toolbar_section)
        add_toolbar_section(bar, Section.FILE_TOOLS, owned)
        bar.addSeparator()
        add_toolbar_section(bar, Section.HISTORY, owned)
        bar.addSeparator()
        self.episode_label = QLabel(objectName="ToolbarLabel")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.episode_switcher = episodes.EpisodeSwitcher(self.session)
        # tool-bar widgets are hidden through their QAction (hiding the widget itself does not stick)
        self._episode_tools = [bar.addWidget(self.episode_label), bar.addWidget(self.episode_switcher)]
        add_toolbar_section(bar, Section.EPISODES, owned)
        self.toolbar = bar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _connect(self) -> None:
        a, c, s = self.shell_actions, self.controller, self.session
        a["action_new_series"].triggered.connect(c.new_series)
        a["action_open"].triggered.connect(c.open_dialog)
        a["action_open_demo"].triggered.connect(lambda: c.open_demo())
        a["action_clear_recent"].triggered.connect(self._clear_recent)
        a["action_save"].triggered.connect(lambda: c.save(wait=False))  # written on the writer thread
        a["action_save_as"].triggered.connect(lambda: c.save_as())
        a["action_close_project"].triggered.connect(c.close_project)
        a["action_quit"].triggered.connect(self.close)
        a["action_preferences"].triggered.connect(self.show_preferences)
        a["action_reset_layout"].triggered.connect(self.docks.arrange_default)
        a["action_add_episode"].triggered.connect(lambda: episodes.add_episode(s))
        a["action_rename_episode"].triggered.connect(self.rename_episode)
        a["action_delete_episode"].triggered.connect(self.delete_episode)
        a["action_previous_episode"].triggered.connect(lambda: self._step_episode(-1))
        a["action_next_episode"].triggered.connect(lambda: self._step_episode(1))
        a["action_shortcuts"].triggered.connect(self.show_shortcuts)
        a["action_about"].triggered.connect(self.show_about)
        s.projectOpened.connect(self._on_project_changed)
        s.projectClosed.connect(self._on_project_changed)
        s.currentEpisodeChanged.connect(self._update_enabled)
        s.document.listChanged.connect(self._update_enabled)
        s.document.undo_stack.cleanChanged.connect(self._update_title)
        s.saved.connect(self._update_title)
        c.busyChanged.connect(self._update_enabled)
        c.message.connect(lambda text: self.statusBar().showMessage(text, 5000))

    # -------------------------------------------------------------- state
    @property
    def welcome(self) -> WelcomeView:
        """The view shown when no project is open (made on first use)."""
        return self._welcome if self._welcome is not None else self._make_welcome()

    def _make_welcome(self) -> WelcomeView:
        welcome = WelcomeView(self.shell_actions, self.recent)  # fills itself from the recent list
        welcome.openRequested.connect(self.controller.open_path)
        self.central.addWidget(welcome)
        self._welcome = welcome
        return welcome

    def _on_project_changed(self) -> None:
        if self.session.is_open:
            self.central.hide()
            self.docks.show_workspace()
        else:
            self.docks.hide_workspace()
            if self._welcome is not None:
                self._welcome.refresh()
            elif self.isVisible():  # else made at the first show
                self._make_welcome()
            self.central.show()
        self._update_title()
        self._update_enabled()

    def _update_title(self, *_args: object) -> None:
        bundle = self.session.bundle
        if bundle is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        name = self.session.series.title or bundle.name
        if getattr(self.session, "read_only", ""):
            name += " " + translate("MainWindow", "(read-only)")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(not self.session.document.undo_stack.isClean())

    def _update_enabled(self, *_args: object) -> None:
        a = self.shell_actions
        is_open = self.session.is_open
        busy = self.controller.busy
        has_episode = self.session.current_episode is not None
        count = len(self.session.series.episodes)
        for name in ("action_save", "action_save_as", "action_close_project", "action_add_episode"):
            a[name].setEnabled(is_open and not busy)
        for name in ("action_rename_episode", "action_delete_episode"):
            a[name].setEnabled(is_open and has_episode and not busy)
        a["action_previous_episode"].setEnabled(is_open and count > 1)
        a["action_next_episode"].setEnabled(is_open and count > 1)
        for name in ("action_new_series", "action_open"):
            a[name].setEnabled(not busy)
        a["action_open_demo"].setEnabled(not busy and self.controller.demo_available())
        for toggle in self.docks.toggle_actions():
            toggle.setEnabled(is_open)
        for tool in self._episode_tools:
            tool.setVisible(is_open)
        a["action_reset_layout"].setEnabled(is_open)

    # ------------------------------------------------------------ commands
    def _new_series_dialog(self, location: Path):  # noqa: ANN202 - a NewSeriesDialog
        from widgets.shell.new_series import NewSeriesDialog

        return NewSeriesDialog(location, self)

    def _clear_recent(self) -> None:
        self.recent.clear()
        if self._welcome is not None:
            self._welcome.refresh()

    def _step_episode(self, step: int) -> None:
        series = self.session.series
        current = self.session.current_episode
        if not series.episodes or current is None:
            return
        index = (series.episodes.index(current) + step) % len(series.episodes)
        self.session.switch_episode(series.episodes[index].id)

    def rename_episode(self) -> None:
        episode = self.session.current_episode
        if episode is None:
            return
        title = self.prompter.ask_text(translate("MainWindow", "Rename Episode"),
                                       translate("MainWindow", "Title of episode %1:").replace("%1", str(episode.number)),
                                       episode.title)
        if title is not None:
            episodes.rename_episode(self.session, episode, title)

    def delete_episode(self) -> None:
        episode = self.session.current_episode
        if episode is None:
            return
        if self.prompter.confirm(
                translate("MainWindow", "Delete Episode"),
                translate("MainWindow", "Delete \"%1\" with its script, shots and timeline? You can undo this "
                                        "with Edit ▸ Undo.").replace("%1", episodes.episode_title(episode)),
                translate("MainWindow", "Delete")):
            episodes.delete_episode(self.session, episode)

    # the dialogs' modules load when first opened, not on the way to the first paint
    def show_preferences(self) -> None:
        from widgets.shell.preferences import PreferencesDialog

        dialog = PreferencesDialog(self)
        if dialog.exec():
            dialog.apply()

    def show_shortcuts(self) -> None:
        from widgets.commands.dialog import KeyboardShortcutsDialog

        KeyboardShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from widgets.shell.about import AboutDialog

        AboutDialog(self).exec()

    # -------------------------------------------------------------- events
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.shell_actions.retranslate()
        self.menus.retranslate()
        self.docks.retranslate()
        self.episode_label.setText(translate("MainWindow", "Episode"))
        self.toolbar.setWindowTitle(translate("MainWindow", "Main Toolbar"))
        self._update_title()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.docks.window_shown()
            if not self.session.is_open and self._welcome is None:
                self._make_welcome()  # now, before the first paint
            if not self._layout_restored and self.docks.workspace_visible:
                # dock sizes set before the first show are not final: fit them to the real window
                QTimer.singleShot(0, self.docks.fit_sizes)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.controller.busy:
            self.statusBar().showMessage(translate("MainWindow", "Wait until the project is copied or "
                                                                 "created, then close again."), 5000)
            event.ignore()
            return
        if not self.controller.maybe_save():
            event.ignore()
            return
        self.docks.save()
        self.session.close()
        # Panels render through app.background; let started work report before the panels go
        # away, and drop work that has not started.
        wait_for_background(SHUTDOWN_WAIT_MS)
        QCoreApplication.sendPostedEvents()
        event.accept()
