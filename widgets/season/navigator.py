"""The episode navigator: every episode of the season in one table, with how far each has come.

Numbers, titles and state columns (script, board, pictures, voices, exported)
derived from the model by ``app.season.state``; a filter box; double-click or
Enter opens the episode in the editor. Model changes refresh the table after a
short pause, so a burst of edits costs one refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.season.state import EpisodeState, season_states
from app.session import Session

DONE = QColor("#7ed491")
PARTLY = QColor("#f5c26b")
MISSING = QColor("#8a8f98")
REFRESH_DELAY_MS = 300


class EpisodeNavigator(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EpisodeNavigator")
        self.session = session
        self.filter = QLineEdit(objectName="navigator_filter")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.table = QTableWidget(0, 7, objectName="navigator_table")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))
        self.summary = QLabel(objectName="navigator_summary")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        doc = session.document
        for signal in (doc.objectChanged, doc.listChanged, doc.mediaChanged, doc.reset):
            signal.connect(self._schedule)
        session.currentEpisodeChanged.connect(self._mark_current)
        session.saved.connect(self._schedule)
        self.resize(760, 560)
        self.retranslate()
        self.refresh()

    def _schedule(self, *_args: object) -> None:
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------ content
    def refresh(self) -> None:
        bundle = self.session.bundle
        states = season_states(self.session.series, bundle.name if bundle else "",
                               bundle.root / "renders" if bundle else None)
        self._ids = [e.id for e in self.session.series.episodes]
        self.table.setRowCount(len(states))
        for row, state in enumerate(states):
            self._fill(row, state)
        done = sum(s.complete for s in states)
        self.summary.setText(self.tr("%1 episodes, %2 complete").replace("%1", str(len(states)))
                             .replace("%2", str(done)))
        self._apply_filter(self.filter.text())
        self._mark_current()

    def _fill(self, row: int, state: EpisodeState) -> None:
        def cell(column: int, text: str, color: QColor | None = None, align_right: bool = False) -> None:
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, column, item)
            item.setText(text)
            if color is not None:
                item.setForeground(color)
            if align_right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        def share(value: float, count: int) -> tuple[str, QColor]:
            if count == 0:
                return "—", MISSING
            return f"{round(value * 100)}%", DONE if value >= 1.0 else PARTLY if value > 0 else MISSING

        cell(0, str(state.number), align_right=True)
        cell(1, state.title or self.tr("(untitled)"))
        cell(2, "✓" if state.has_script else "—", DONE if state.has_script else MISSING)
        cell(3, self.tr("%1 shots").replace("%1", str(state.shots)) if state.shots else "—",
             DONE if state.shots else MISSING)
        cell(4, *share(state.pictures, state.shots))
        cell(5, *share(state.voices, state.lines))
        cell(6, "✓" if state.exported else "—", DONE if state.exported else MISSING)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            number, title = self.table.item(row, 0), self.table.item(row, 1)
            shown = not needle or needle == number.text() or needle in title.text().casefold()
            self.table.setRowHidden(row, not shown)

    def _mark_current(self, *_args: object) -> None:
        current = self.session.current_episode
        if current is not None and current.id in self._ids:
            row = self._ids.index(current.id)
            self.table.selectRow(row)
            self.table.scrollToItem(self.table.item(row, 0))

    def open_row(self, row: int) -> None:
        """Make the episode in ``row`` the one the editor shows."""
        if 0 <= row < len(self._ids):
            self.session.switch_episode(self._ids[row])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentRow() >= 0:
            self.open_row(self.table.currentRow())
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Episode Navigator"))
        self.filter.setPlaceholderText(self.tr("Filter by number or title"))
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Title"), self.tr("Script"), self.tr("Board"), self.tr("Pictures"),
            self.tr("Voices"), self.tr("Exported")])
        if self.table.rowCount():
            self.refresh()
