"""The view shown when no project is open: start a series, open one, or try the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.shell.actions import ShellActions
from widgets.shell.empty_state import plain_text
from widgets.shell.icons import app_icon
from widgets.shell.recent import RecentProjects

translate = QCoreApplication.translate


class _RecentRow(QWidget):
    """Project name over its folder, the folder dimmed: scanning a list of names stays easy."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        name = QLabel(path.name.removesuffix(".mdrama"), objectName="RecentName")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        folder = QLabel(str(path.parent), objectName="RecentFolder")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 6, 8, 6)
        col.setSpacing(1)
        col.addWidget(name)
        col.addWidget(folder)


class WelcomeView(QWidget):
    openRequested = Signal(Path)

    def __init__(self, actions: ShellActions, recent: RecentProjects, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._actions = actions
        self._recent = recent

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(64, 64), self.devicePixelRatioF()))
        self.title = QLabel("Microdrama Studio", objectName="WelcomeTitle")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.subtitle = QLabel(objectName="WelcomeSubtitle")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.subtitle.setWordWrap(True)
        self.start_label = QLabel(objectName="WelcomeSection")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.buttons: dict[str, QPushButton] = {}
        start = QVBoxLayout()
        start.setSpacing(8)
        for name in ("action_new_series", "action_open", "action_open_demo"):
            action = actions[name]
            button = QPushButton(objectName="WelcomeAction")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
            button.setIcon(action.icon())
            button.setIconSize(QSize(20, 20))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(action.trigger)
            action.changed.connect(self._sync_buttons)
            self.buttons[name] = button
            start.addWidget(button)

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(logo)
        left.addSpacing(6)
        left.addWidget(self.title)
        left.addWidget(self.subtitle)
        left.addSpacing(24)
        left.addWidget(self.start_label)
        left.addLayout(start)
        left.addStretch(1)

        self.recent_label = QLabel(objectName="WelcomeSection")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.recent_list = QListWidget(objectName="RecentList")  # type: ignore[call-arg]  # the PySide6 stub omits inherited properties (objectName)
        self.recent_list.setIconSize(QSize(18, 18))
        self.recent_list.itemActivated.connect(self._open_item)
        self.recent_list.itemClicked.connect(self._open_item)
        self.recent_empty = QLabel(objectName="EmptyStateText")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.recent_empty.setWordWrap(True)
        card = QFrame(objectName="WelcomeCard")  # type: ignore[call-arg]  # the PySide6 stub omits inherited properties (objectName)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(18, 16, 18, 16)
        card_layout.addWidget(self.recent_label)
        card_layout.addWidget(self.recent_list, 1)
        card_layout.addWidget(self.recent_empty)
        card_layout.addStretch(0)

        row = QHBoxLayout()
        row.setSpacing(48)
        row.addLayout(left, 4)
        row.addWidget(card, 5)
        inner = QWidget()
        inner.setLayout(row)
        inner.setMaximumSize(980, 560)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(1)
        outer.addWidget(inner, 4, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.subtitle.setText(translate("Welcome", "Write, board, voice and cut vertical drama series "
                                                   "with AI, from the first idea to the exported episode."))
        self.start_label.setText(translate("Welcome", "START").upper())
        self.recent_label.setText(translate("Welcome", "RECENT PROJECTS").upper())
        self.recent_empty.setText(translate("Welcome", "Projects you open appear here."))
        self._sync_buttons()
        self.refresh()

    def _sync_buttons(self) -> None:
        for name, button in self.buttons.items():
            action = self._actions[name]
            button.setText(plain_text(action.text()))
            button.setToolTip(action.toolTip())
            button.setEnabled(action.isEnabled())

    def refresh(self) -> None:
        self.recent_list.clear()
        for path in self._recent.paths():
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            row = _RecentRow(path)
            item.setSizeHint(row.sizeHint())
            self.recent_list.addItem(item)
            self.recent_list.setItemWidget(item, row)
        has = self.recent_list.count() > 0
        self.recent_list.setVisible(has)
        self.recent_empty.setVisible(not has)
        holder = self.recent_list.parentWidget()
        layout = holder.layout() if holder is not None else None
        if isinstance(layout, QBoxLayout):
            layout.setStretch(layout.count() - 1, 0 if has else 1)  # keep the hint under the heading

    def _open_item(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
