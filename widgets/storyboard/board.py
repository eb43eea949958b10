"""The board of shot cards: a grid of cards that hands drops to its panel.

Dragging cards reorders shots; files dragged in from the desktop are matched to
shots by their names. Both are handed to the panel in a later turn (the drop's
own event must end first).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QListWidget

from widgets.storyboard.card import CARD_SIZE

if TYPE_CHECKING:
    from widgets.storyboard.panel import StoryboardPanel

ID_ROLE = Qt.ItemDataRole.UserRole + 3


class Board(QListWidget):
    """Cards in a grid; a drop is handed to the panel as (moved shot ids, row dropped before)."""

    def __init__(self, panel: StoryboardPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Snap)
        self.setGridSize(QSize(CARD_SIZE.width() + 8, CARD_SIZE.height() + 8))
        self.setSpacing(4)
        self.setUniformItemSizes(True)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.panel.fit_cards()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():  # files from the desktop: matched to shots by their names
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.panel.import_files(paths))
            return
        target = self.indexAt(event.position().toPoint())
        row = target.row() if target.isValid() else self.count()
        moved = [item.data(ID_ROLE) for item in self.selectedItems()]
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        QTimer.singleShot(0, lambda: self.panel.move_shots(moved, row))
