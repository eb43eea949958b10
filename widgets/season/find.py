"""Find in Season (Ctrl+Shift+F): a character, a line or a shot in any episode.

Results list episode, scene and shot; double-click (or Enter) opens that
episode and selects the shot, so the storyboard, timeline and inspector follow.
The search runs as you type, after a short pause.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.season.search import MAX_HITS, HitKind, SearchHit, find_in_season
from app.session import Session

TYPING_PAUSE_MS = 200


class FindInSeasonDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FindInSeasonDialog")
        self.session = session
        self.hits: list[SearchHit] = []
        self.query = QLineEdit(objectName="find_query")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        self.query.setClearButtonEnabled(True)
        self.results = QTreeWidget(objectName="find_results")  # type: ignore[call-arg]  # the PySide6 stub omits inherited properties (objectName)
        self.results.setRootIsDecorated(False)
        self.results.setColumnCount(5)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.results.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        for signal in (self.results.itemActivated, self.results.itemDoubleClicked):  # keys, mouse (idempotent)
            signal.connect(lambda item, _col: self.go_to(self.results.indexOfTopLevelItem(item)))
        self.count = QLabel(objectName="find_count")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.count)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._enter)
        self.resize(820, 520)
        self.retranslate()

    def _enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.search()
        current = self.results.currentItem()
        if self.hits:
            row = max(0, self.results.indexOfTopLevelItem(current)) if current is not None else 0
            self.go_to(row)

    def kind_label(self, kind: HitKind) -> str:
        return {HitKind.CHARACTER: self.tr("Character"), HitKind.LINE: self.tr("Line"),
                HitKind.SHOT: self.tr("Shot")}[kind]

    def search(self) -> None:
        self.hits = find_in_season(self.session.series, self.query.text())
        self.results.clear()
        items = []
        for hit in self.hits:
            items.append(QTreeWidgetItem([
                self.tr("Ep %1").replace("%1", str(hit.episode_number)),
                self.tr("Scene %1").replace("%1", str(hit.scene_number)), hit.shot_code,
                self.kind_label(hit.kind), hit.text.replace("\n", " ")]))
        self.results.addTopLevelItems(items)
        if items:
            self.results.setCurrentItem(items[0])
        if not self.query.text().strip():
            self.count.setText("")
        elif len(self.hits) >= MAX_HITS:
            self.count.setText(self.tr("First %1 results; type more to narrow the search.").replace("%1", str(MAX_HITS)))
        else:
            self.count.setText(self.tr("%1 results").replace("%1", str(len(self.hits))) if self.hits
                               else self.tr("Nothing found in this season."))

    def go_to(self, row: int) -> None:
        """Open the hit's episode and select its shot."""
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        self.session.set_current_episode(hit.episode_id)
        self.session.select_shot(hit.shot_id)

    def show_and_focus(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find in Season"))
        self.query.setPlaceholderText(self.tr("A character, a line of dialogue or a shot"))
        self.results.setHeaderLabels([self.tr("Episode"), self.tr("Scene"), self.tr("Shot"), self.tr("Found"),
                                      self.tr("Text")])
        if self.hits:
            self.search()
