"""Creating the dock panels, their default arrangement, and remembering the layout.

Panels are created from ``widgets/docks.py``. A panel that fails to import or
construct does not take the editor down: its dock explains the failure and the
error is logged with its traceback.

The layout is saved with QMainWindow.saveState under a version number; bump
``STATE_VERSION`` when the default arrangement changes so old layouts are
dropped instead of restored into a shape that no longer fits.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QTabWidget, QWidget

from app.session import Session
from widgets.docks import DOCKS, DockSpec
from widgets.shell.empty_state import EmptyState
from widgets.shell.settings import app_settings

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

STATE_VERSION = 1
STATE_KEY = "window/state"
GEOMETRY_KEY = "window/geometry"
VERSION_KEY = "window/state_version"


# The docks arrange_default() places by name; any other dock joins the Storyboard/Jobs tabs.
PLACED = ("ScriptDock", "StoryboardDock", "PreviewDock", "JobsDock", "TimelineDock", "VoiceBoothDock")


class _PanelFrame(QScrollArea):
    """Holds a panel so that its minimum size can never force the window larger than the screen.

    The panel fills the dock as usual; only when the dock is smaller than the panel's
    minimum size do scroll bars appear (a wide tool bar on a 1366-pixel laptop).
    """

    def __init__(self, panel: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("PanelFrame")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(panel)
        self.setMinimumSize(120, 80)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget()
        return inner.sizeHint() if inner is not None else super().sizeHint()


def load_panel_class(target: str) -> Callable[..., QWidget]:
    """A panel class from "package.module:ClassName": ``(session, parent[, commands=...])``."""
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def load_commands_class(target: str) -> Callable[[Session, QWidget], QObject]:
    """A lazy panel's menu commands class from "package.module:ClassName" (see ``DockSpec.commands``)."""
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


class DockLayout:
    """Owns the dock widgets of a main window."""

    def __init__(self, window: QMainWindow, session: Session) -> None:
        self.window = window
        self.session = session
        self.docks: dict[str, QDockWidget] = {}
        self.panels: dict[str, QWidget | None] = {}  # None: a lazy panel not made yet
        self.commands: dict[str, QObject] = {}  # menu commands of lazy panels, made at once
        # true while docks are arranged and until the window is first shown: lazy panels wait then
        self._lazy_on_hold = True
        self._workspace_state: QByteArray | None = None
        window.setDockNestingEnabled(True)
        window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        for spec in DOCKS:
            self._create(spec)
        self.arrange_default()

    # ------------------------------------------------------------- creation
    def _create(self, spec: DockSpec) -> None:
        dock = QDockWidget(self.window)
        dock.setObjectName(spec.object_name)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.docks[spec.object_name] = dock
        if spec.lazy:
            dock.setWidget(QWidget(dock))
            self.panels[spec.object_name] = None
            if spec.commands:
                self._make_commands(spec)
            dock.visibilityChanged.connect(lambda visible, s=spec: self._on_lazy_visibility(s.object_name, visible))
        else:
            self._make_panel(spec)
        self.retranslate_dock(spec)

    def _make_commands(self, spec: DockSpec) -> None:
        try:
            self.commands[spec.object_name] = load_commands_class(spec.commands)(self.session,
                                                                                  self.docks[spec.object_name])
        except Exception:  # the panel itself may still load: it then reports its own failure
            log.exception("could not create the menu commands of %s (%s)", spec.object_name, spec.commands)

    def _make_panel(self, spec: DockSpec) -> QWidget:
        dock = self.docks[spec.object_name]
        try:
            panel_class = load_panel_class(spec.target)
            commands = self.commands.get(spec.object_name)
            panel = (panel_class(self.session, dock) if commands is None
                     else panel_class(self.session, dock, commands=commands))
        except Exception as exc:  # a broken panel must not stop the editor from starting
            log.exception("could not create the %s panel (%s)", spec.object_name, spec.target)
            panel = EmptyState(dock)
            panel.set_content("warning", translate("DockLayout", "This panel could not be loaded"),
                              f"{type(exc).__name__}: {exc}")
        old = dock.widget()
        dock.setWidget(_PanelFrame(panel, dock))
        if old is not None:
            old.deleteLater()
        self.panels[spec.object_name] = panel
        from widgets.commands.keymap import keymap

        keymap().adopt(panel)  # its catalogued actions take the user's keys
        return panel

    def _on_lazy_visibility(self, object_name: str, visible: bool) -> None:
        if visible and not self._lazy_on_hold and self.panels.get(object_name) is None:
            self.panel(object_name)

    def window_shown(self) -> None:
        """The window's first show is over. While it was shown every dock said "visible", the
        tabs behind others too: lazy panels are made now for the docks really on screen."""
        if self._lazy_on_hold:
            self._lazy_on_hold = False
            QTimer.singleShot(0, self.window, self._make_shown_lazy_panels)

    def _on_screen(self, object_name: str) -> bool:
        """Qt keeps the docks of the tabs behind "visible" (moved out of sight): on screen is what
        has a visible region."""
        dock = self.docks[object_name]
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    @contextmanager
    def _arrangement(self) -> Iterator[None]:
        """Rearranging shows every dock for a moment (tabs behind others too) before Qt moves the ones
        behind out of sight: lazy panels wait until it is done, then the docks left on screen get theirs."""
        outer = not self._lazy_on_hold
        self._lazy_on_hold = True
        try:
            yield
        finally:
            if outer:
                self._lazy_on_hold = False
                # once Qt has moved the tabs behind out of sight (dropped if the window goes first)
                QTimer.singleShot(0, self.window, self._make_shown_lazy_panels)

    def _make_shown_lazy_panels(self) -> None:
        for spec in DOCKS:
            if spec.lazy and self.panels.get(spec.object_name) is None and self._on_screen(spec.object_name):
                self.panel(spec.object_name)

    def panel(self, object_name: str) -> QWidget:
        """The panel of a dock, made now if it is a lazy one not shown yet."""
        found = self.panels.get(object_name)
        if found is None:
            found = self._make_panel(next(s for s in DOCKS if s.object_name == object_name))
            if self.docks[object_name].isVisible():
                found.show()
        return found

    def retranslate(self) -> None:
        for spec in DOCKS:
            self.retranslate_dock(spec)

    def retranslate_dock(self, spec: DockSpec) -> None:
        dock = self.docks[spec.object_name]
        dock.setWindowTitle(translate("Docks", spec.title))
        dock.toggleViewAction().setObjectName(f"action_toggle_{spec.object_name}")

    def toggle_actions(self) -> list[QAction]:
        return [self.docks[s.object_name].toggleViewAction() for s in DOCKS]

    def panel_menu_actions(self) -> Iterator[tuple[str, list[QAction]]]:
        """(menu name, actions) offered by panels through ``menu_actions()``."""
        for spec in DOCKS:
            owner = self.commands.get(spec.object_name) or self.panels[spec.object_name]
            provider = getattr(owner, "menu_actions", None)
            if provider is None:
                continue
            try:
                offered = provider() or {}
            except Exception:
                log.exception("menu_actions() of %s failed", spec.object_name)
                continue
            yield from offered.items()

    # --------------------------------------------------------------- layout
    def arrange_default(self) -> None:
        """Script | Storyboard | Preview over a full-width Timeline. Voice Booth is a tab behind
        Script; Jobs (and docks added later) are tabs behind the Storyboard, which is wide
        enough for their tables, so the 9:16 Preview keeps the whole height of its column."""
        with self._arrangement():
            self._arrange_default()

    def _arrange_default(self) -> None:
        w = self.window
        d = self.docks
        area = Qt.DockWidgetArea
        for dock in d.values():
            w.removeDockWidget(dock)
            dock.setFloating(False)
        # One dock area holding a vertical split (top row over the timeline): sizes between
        # nested splits can be set reliably, unlike sizes between separate dock areas.
        w.addDockWidget(area.LeftDockWidgetArea, d["ScriptDock"])
        w.splitDockWidget(d["ScriptDock"], d["TimelineDock"], Qt.Orientation.Vertical)
        w.splitDockWidget(d["ScriptDock"], d["StoryboardDock"], Qt.Orientation.Horizontal)
        w.splitDockWidget(d["StoryboardDock"], d["PreviewDock"], Qt.Orientation.Horizontal)
        w.tabifyDockWidget(d["ScriptDock"], d["VoiceBoothDock"])
        w.tabifyDockWidget(d["StoryboardDock"], d["JobsDock"])
        for name, dock in d.items():  # docks added after this layout was designed (Provenance...)
            if name not in PLACED:
                w.tabifyDockWidget(d["JobsDock"], dock)
        for dock in d.values():
            dock.show()
        d["ScriptDock"].raise_()
        d["StoryboardDock"].raise_()
        self.fit_sizes()

    def fit_sizes(self) -> None:
        """Proportions for the default layout at the window's current size: a wide storyboard,
        a 9:16 preview tall enough to judge a frame, a timeline showing all default tracks."""
        w = self.window
        d = self.docks
        width = max(w.width(), 1200)
        height = max(w.height(), 700) - 90  # menu bar, tool bar, status bar
        side = int(width * 0.21)
        preview = int(width * 0.24)
        timeline = int(height * 0.42)
        w.resizeDocks([d["ScriptDock"], d["StoryboardDock"], d["PreviewDock"]],
                      [side, width - side - preview, preview], Qt.Orientation.Horizontal)
        w.resizeDocks([d["StoryboardDock"], d["TimelineDock"]], [height - timeline, timeline],
                      Qt.Orientation.Vertical)

    # ------------------------------------------------------------ workspace
    @property
    def workspace_visible(self) -> bool:
        return self._workspace_state is None

    def hide_workspace(self) -> None:
        """Hide every dock (the welcome view takes the window), remembering the layout."""
        if self._workspace_state is None:
            self._workspace_state = self.window.saveState(STATE_VERSION)
            for dock in self.docks.values():
                dock.hide()

    def show_workspace(self) -> None:
        if self._workspace_state is not None:
            state, self._workspace_state = self._workspace_state, None
            with self._arrangement():
                if not self.window.restoreState(state, STATE_VERSION):
                    self.arrange_default()

    def current_state(self) -> QByteArray:
        return self._workspace_state if self._workspace_state is not None else self.window.saveState(STATE_VERSION)

    # ---------------------------------------------------------- persistence
    def save(self) -> None:
        settings = app_settings()
        settings.setValue(GEOMETRY_KEY, self.window.saveGeometry())
        settings.setValue(STATE_KEY, self.current_state())
        settings.setValue(VERSION_KEY, STATE_VERSION)

    def restore(self) -> bool:
        """Restore the last session's layout; False (default layout kept) when none or outdated."""
        settings = app_settings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes):
            self.window.restoreGeometry(QByteArray(geometry))
        state = settings.value(STATE_KEY)
        if int(str(settings.value(VERSION_KEY, 0) or 0)) != STATE_VERSION or not isinstance(state, QByteArray | bytes):
            return False
        with self._arrangement():
            return self.window.restoreState(QByteArray(state), STATE_VERSION)
