"""The Timeline dock: toolbar, the painted timeline view and its scrollbars."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMenu,
    QScrollBar,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.model import TrackKind
from app.session import Session
from app.timeline.assemble import assemble_from_storyboard
from widgets.commands.catalog import BY_ID, COMMANDS
from widgets.commands.keymap import keymap
from widgets.timeline.short_clip_menu import ShortClipMenu
from widgets.timeline.view import TimelineView

_STYLE = """
#TimelineBar { background: #202226; border: none; border-bottom: 1px solid #2c2e33; spacing: 2px; padding: 2px 4px; }
#TimelineBar::separator { background: #33363c; width: 1px; margin: 4px 6px; }
#TimelineBar QToolButton { color: #c9ccd3; background: transparent; border: 1px solid transparent;
    border-radius: 4px; padding: 3px 8px; font-size: 12px; }
#TimelineBar QToolButton:hover { background: #2d3036; border-color: #3a3d44; }
#TimelineBar QToolButton:checked { background: #34506e; border-color: #4a79a8; color: #ffffff; }
#TimelineBar QLabel { color: #8b8f99; font-size: 11px; }
#TimelinePanel QScrollBar:horizontal { height: 12px; background: #17181b; }
#TimelinePanel QScrollBar:vertical { width: 12px; background: #17181b; }
#TimelinePanel QScrollBar::handle { background: #3a3d44; border-radius: 4px; min-width: 30px; min-height: 20px; }
#TimelinePanel QScrollBar::handle:hover { background: #4b4f58; }
#TimelinePanel QScrollBar::add-line, #TimelinePanel QScrollBar::sub-line { width: 0; height: 0; }
"""


class TimelinePanel(QWidget):
    """Dock panel: edits the current episode's timeline."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("TimelinePanel")
        self.setStyleSheet(_STYLE)
        self.view = TimelineView(session, self)
        self._build_actions()
        bar = self._build_bar()

        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.hbar.valueChanged.connect(lambda v: self.view.set_scroll_x(float(v)))
        self.vbar.valueChanged.connect(self.view.set_scroll_y)
        self.view.viewChanged.connect(self._sync_scrollbars)
        self.view.selectionChanged.connect(self._update_status)
        self.view.warningsChanged.connect(self._update_status)
        session.currentEpisodeChanged.connect(self._update_status)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(self.view, 0, 0)
        grid.addWidget(self.vbar, 0, 1)
        grid.addWidget(self.hbar, 1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addLayout(grid, 1)
        self._sync_scrollbars()
        self._update_status()

    # -------------------------------------------------------------- actions

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Texts composed from the model are rebuilt in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self._update_status()
            self._show_keys()  # command texts come from the catalog, translated when shown
        super().changeEvent(event)

    def _action(self, command: str, slot, checkable: bool = False) -> QAction:
        """The action of a catalogued timeline command: its text, tip and keys come from the catalog and
        the keymap (the view handles the keys while it has the focus, so the action only shows them)."""
        act = QAction(BY_ID[command].menu_label(), self)
        act.setCheckable(checkable)
        act.triggered.connect(slot)
        act.setObjectName(command)
        self._commands[command] = act
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        v = self.view
        self._commands: dict[str, QAction] = {}
        self._labelled_buttons: set[str] = set()  # tool-bar buttons showing their command's text
        self.act_split = self._action("timeline.split", v.split_at_playhead)
        self.act_delete = self._action("timeline.delete", lambda: v.delete_selection(False))
        self.act_ripple = self._action("timeline.ripple_delete", lambda: v.delete_selection(True))
        self.act_marker = self._action("timeline.marker", v.toggle_marker)
        self.act_zoom_in = self._action("timeline.zoom_in", lambda: v.zoom_by(1.5))
        self.act_zoom_out = self._action("timeline.zoom_out", lambda: v.zoom_by(1 / 1.5))
        self.act_fit = self._action("timeline.zoom_fit", v.zoom_to_fit)
        self.act_snap = self._action("timeline.snapping", self._toggle_snap, checkable=True)
        self.act_snap.setChecked(True)
        self.act_assemble = self._action("timeline.assemble", self.assemble)
        self.short_clip_menu = ShortClipMenu(self.session, self)
        self.tools = QActionGroup(self)
        self.tool_actions = {}
        for name in ("select", "ripple", "roll"):
            act = self._action(f"timeline.tool_{name}", lambda _=False, n=name: self._set_tool(n), checkable=True)
            self.tools.addAction(act)
            self.tool_actions[name] = act
        self.tool_actions["select"].setChecked(True)
        v.extra_handlers.update({
            "timeline.tool_select": lambda: self._set_tool("select"),
            "timeline.tool_ripple": lambda: self._set_tool("ripple"),
            "timeline.tool_roll": lambda: self._set_tool("roll"),
            "timeline.snapping": self.act_snap.trigger,
            "timeline.assemble": self.assemble,
        })
        self._show_keys()
        keymap().changed.connect(self._show_keys)

    def _show_keys(self) -> None:
        """Menus show each command's text and current key after a tab; buttons show the key in their
        tooltip (after the command's tip, when it has one)."""
        if not isValid(self):
            return
        keys = keymap()
        for cid, act in self._commands.items():
            spec = BY_ID[cid]
            label, tip = spec.menu_label(), spec.tip_text()
            hint = keys.hint(cid)
            act.setText(f"{label}\t{hint}" if hint else label)
            about = tip or label.replace("&", "")
            act.setToolTip(f"{about} ({hint})" if hint else about)
            act.setStatusTip(tip)
            if cid in self._labelled_buttons:
                act.setIconText(label)

    def _build_bar(self) -> QWidget:
        # a QToolBar, not a row of buttons: in a narrow dock it folds into an overflow menu
        bar = QToolBar(self)
        bar.setObjectName("TimelineBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setIconSize(QSize(14, 14))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def button(act: QAction, text: str | None = None) -> QAction:
            # a tool button shows its action's icon text: set that (not the button's text), so a language
            # switch that retranslates the action keeps the button's own short label
            if text is None:
                self._labelled_buttons.add(act.objectName())
            act.setIconText(text if text is not None else act.text().split("\t")[0])
            bar.addAction(act)
            return act

        for act in self.tool_actions.values():
            button(act)
        bar.addSeparator()
        button(self.act_snap)
        button(self.act_split)
        button(self.act_marker, self.tr("Marker"))
        bar.addSeparator()
        add = QToolButton(bar)
        add.setText(self.tr("Add Track"))
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add)
        for kind in TrackKind:
            menu.addAction(self.view.kind_label(kind), partial(self.add_track, kind))
        add.setMenu(menu)
        bar.addWidget(add)
        assemble = QToolButton(bar)
        assemble.setDefaultAction(self.act_assemble)
        assemble.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        assemble.setMenu(self.short_clip_menu)
        bar.addWidget(assemble)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.status = QLabel(bar)
        bar.addWidget(self.status)
        button(self.act_zoom_out, "−")
        button(self.act_fit, self.tr("Fit"))
        button(self.act_zoom_in, "+")
        return bar

    def menu_actions(self) -> dict[str, list[QAction]]:
        """The main-window menus' timeline entries, placed where the command catalog says."""
        placed: dict[str, list[QAction]] = {}
        for spec in COMMANDS:
            act = self._commands.get(spec.id)
            if act is not None and spec.menu is not None:
                placed.setdefault(spec.menu.value, []).append(act)
        placed.setdefault("Episode", []).append(self.short_clip_menu.menuAction())  # after Assemble
        return placed

    # -------------------------------------------------------------- slots
    def _toggle_snap(self, on: bool) -> None:
        self.view.snapping = on

    def _set_tool(self, name: str) -> None:
        self.view.tool = name
        self.tool_actions[name].setChecked(True)

    def add_track(self, kind: TrackKind) -> None:
        if self.session.current_episode is not None:
            self.view.track_editor().add_track(kind)

    def assemble(self) -> None:
        episode = self.session.current_episode
        if episode is None:
            return
        report = assemble_from_storyboard(self.session.document, episode)
        if report.relocated:
            self.view.show_toast(self.tr("Assembled. Manual clips moved to free tracks: %1").replace(
                "%1", ", ".join(report.relocated[:4])))
        elif report.changed:
            self.view.show_toast(self.tr("Timeline assembled from the storyboard."))
        else:
            self.view.show_toast(self.tr("The timeline already matches the storyboard."))
        self.view.zoom_to_fit()

    def _sync_scrollbars(self) -> None:
        v = self.view
        for bar, maximum, page, value in (
            (self.hbar, int(v.max_scroll_x()), v.visible_width(), int(v.geo.scroll_x)),
            (self.vbar, max(0, v.content_height() - (v.height() - v.geo.ruler_h)), v.height(), v.geo.scroll_y),
        ):
            bar.blockSignals(True)
            bar.setRange(0, maximum)
            bar.setPageStep(max(1, page))
            bar.setSingleStep(max(1, page // 20))
            bar.setValue(value)
            bar.blockSignals(False)
        self.vbar.setVisible(self.vbar.maximum() > 0)

    def _update_status(self, *_args) -> None:
        ep = self.session.current_episode
        if ep is None:
            self.status.setText("")
            return
        n = len(self.view.selection)
        warns = sum(len(w) for w in self.view.warnings_by_kind.values())
        from app.timeline.timecode import format_timecode

        parts = [self.tr("Duration %1").replace("%1", format_timecode(self.view.duration, self.view.fps))]
        if n:
            parts.append(self.tr("%n selected", "", n))
        if warns:
            parts.append(self.tr("%n warning(s)", "", warns))
        self.status.setText("   ·   ".join(parts))

