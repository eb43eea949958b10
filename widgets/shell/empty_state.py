"""A panel's empty state: an icon, what the panel is for, and what to do next.

Feature panels reuse ``EmptyState`` for their own "nothing here yet" views.
Buttons mirror a ``QAction`` (text, icon, enabled state) so the empty state
always offers exactly what the menus offer; actions of the main window are
found by object name (``"action_open"``), so a panel needs no reference to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from widgets.shell.icons import icon
from widgets.shell.theme import COLORS


def plain_text(text: str) -> str:
    """Action text without mnemonics: "&Open…" -> "Open…", "打开(&O)…" -> "打开…"."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ActionButton(QPushButton):
    """A push button that triggers a QAction and follows its text and enabled state."""

    def __init__(self, action: QAction, primary: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self.setProperty("primary", primary)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self._sync()

    @property
    def action(self) -> QAction:
        return self._action

    def _sync(self) -> None:
        self.setText(plain_text(self._action.text()))
        self.setEnabled(self._action.isEnabled())
        self.setToolTip(self._action.toolTip())


def find_action(widget: QWidget, name: str) -> QAction | None:
    """The main window's action with object name ``name``, or None before the panel is docked."""
    window = widget.window()
    return window.findChild(QAction, name) if window is not None else None


class EmptyState(QWidget):
    """Centred icon, title, one or two sentences and action buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._icon = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self._title = QLabel(objectName="EmptyStateTitle", alignment=Qt.AlignmentFlag.AlignCenter)  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self._title.setWordWrap(True)
        self._text = QLabel(objectName="EmptyStateText", alignment=Qt.AlignmentFlag.AlignCenter)  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self._text.setWordWrap(True)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(8)
        self._buttons.addStretch(1)
        self._buttons.addStretch(1)

        # A column of bounded width keeps long sentences readable in a wide dock; the
        # labels fill the column, so word-wrapped text gets the height it needs.
        column = QWidget(self)
        column.setMaximumWidth(440)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        col = QVBoxLayout(column)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(8)
        col.addWidget(self._icon)
        col.addSpacing(4)
        col.addWidget(self._title)
        col.addWidget(self._text)
        col.addSpacing(8)
        col.addLayout(self._buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 12)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self._icon_name = ""

    def set_content(self, icon_name: str, title: str, text: str,
                    actions: Sequence[QAction] = (), icon_size: int = 48) -> None:
        if icon_name != self._icon_name:
            self._icon_name = icon_name
            pix = icon(icon_name, COLORS["text_dim"]).pixmap(QSize(icon_size, icon_size), self.devicePixelRatioF())
            self._icon.setPixmap(pix)
        self._title.setText(title)
        self._title.setVisible(bool(title))
        self._text.setText(text)
        self._text.setVisible(bool(text))
        self._set_actions(actions)

    def title(self) -> str:
        return self._title.text()

    def text(self) -> str:
        return self._text.text()

    def buttons(self) -> list[ActionButton]:
        items = (self._buttons.itemAt(i) for i in range(1, self._buttons.count() - 1))
        return [w for item in items if item is not None and isinstance(w := item.widget(), ActionButton)]

    def _set_actions(self, actions: Sequence[QAction]) -> None:
        current = [b.action for b in self.buttons()]
        if current == list(actions):
            return
        for button in self.buttons():
            self._buttons.removeWidget(button)
            button.deleteLater()
        for i, action in enumerate(actions):
            self._buttons.insertWidget(1 + i, ActionButton(action, primary=(i == 0), parent=self))
