"""The takes of one line: star the chosen one, play, rename, note, delete, clean up."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.audio import takes as take_ops
from app.background import run_in_background
from app.model import DialogueLine, TakeCleanup
from app.session import Session
from widgets.booth.flow import FlowLayout

COL_STAR, COL_NAME, COL_LENGTH, COL_NOTE, COL_STATUS = range(5)
HIGHPASS_HZ = 80.0


class TakesList(QWidget):
    playRequested = Signal(str)  # take id
    cleanupFailed = Signal(str)
    _processed = Signal(str, str, object, str)  # line id, take id, TakeCleanup, error (worker -> GUI)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.line: DialogueLine | None = None
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnCount(5)
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked | QTreeWidget.EditTrigger.EditKeyPressed)
        header = self.tree.header()
        header.setSectionResizeMode(COL_STAR, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_STAR, 28)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LENGTH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.itemChanged.connect(self._edited)
        self.tree.currentItemChanged.connect(lambda *_: self._sync_buttons())
        layout.addWidget(self.tree, 1)

        buttons = FlowLayout(spacing=4)
        self.play_button = QPushButton(self)
        self.star_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.note_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        for b in (self.play_button, self.star_button, self.rename_button, self.note_button, self.delete_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.play_button.clicked.connect(self._play)
        self.star_button.clicked.connect(self._star_current)
        self.rename_button.clicked.connect(lambda: self._edit_current(COL_NAME))
        self.note_button.clicked.connect(lambda: self._edit_current(COL_NOTE))
        self.delete_button.clicked.connect(self._delete)

        cleanup = FlowLayout(spacing=10)
        self.trim_box = QCheckBox(self)
        self.highpass_box = QCheckBox(self)
        self.normalize_box = QCheckBox(self)
        for box in (self.trim_box, self.highpass_box, self.normalize_box):
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.toggled.connect(self._cleanup_changed)
            cleanup.addWidget(box)
        layout.addLayout(cleanup)
        # compact (a narrow side dock): the clean-up choices fold into one menu button on the button row
        self.cleanup_button = QToolButton(self)
        self.cleanup_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.cleanup_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cleanup_menu = QMenu(self.cleanup_button)
        self.cleanup_button.setMenu(self.cleanup_menu)
        self.cleanup_button.hide()
        buttons.addWidget(self.cleanup_button)
        self._cleanup_actions = []
        for box in (self.trim_box, self.highpass_box, self.normalize_box):
            action = self.cleanup_menu.addAction("")
            action.setCheckable(True)
            action.toggled.connect(box.setChecked)
            box.toggled.connect(action.setChecked)
            self._cleanup_actions.append((action, box))
        self.cleanup_menu.aboutToShow.connect(self._sync_cleanup_menu)
        self._compact = False
        self._processed.connect(self._apply_cleanup)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels(["★", self.tr("Take"), self.tr("Length"), self.tr("Note"), self.tr("Status")])
        labels = ((self.play_button, self.tr("Play"), "▶"), (self.star_button, self.tr("★ Choose"), "★"),
                  (self.rename_button, self.tr("Rename"), "✎"), (self.note_button, self.tr("Note"), "✍"),
                  (self.delete_button, self.tr("Delete"), "✕"))
        for button, text, glyph in labels:
            button.setText(glyph if self._compact else text)
            button.setToolTip(text if self._compact else "")
            button.setMinimumWidth(0)
            if self._compact:
                button.setMaximumWidth(button.fontMetrics().horizontalAdvance(glyph) + 24)
            else:
                button.setMaximumWidth(16777215)
        self.trim_box.setText(self.tr("Trim silence"))
        self.highpass_box.setText(self.tr("High-pass 80 Hz"))
        self.normalize_box.setText(self.tr("Normalise loudness"))
        self.trim_box.setToolTip(self.tr("Silence before the first and after the last word (the take keeps "
                                         "its timing; the recording itself is never changed)."))
        self.cleanup_button.setText(self.tr("Clean-up"))
        for action, box in self._cleanup_actions:
            action.setText(box.text())
            action.setChecked(box.isChecked())
        self.refresh()

    def _sync_cleanup_menu(self) -> None:
        """The boxes are also set with signals blocked when a take is shown: mirror them on opening."""
        for action, box in self._cleanup_actions:
            action.blockSignals(True)
            action.setChecked(box.isChecked())
            action.setEnabled(box.isEnabled())
            action.blockSignals(False)

    def set_compact(self, compact: bool) -> None:
        """Glyph buttons with tooltips and the clean-up choices in a menu: one row in a narrow dock."""
        self._compact = compact
        for box in (self.trim_box, self.highpass_box, self.normalize_box):
            box.setVisible(not compact)
        self.cleanup_button.setVisible(compact)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if compact
                                               else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.retranslate()

    # --------------------------------------------------------------- content
    def set_line(self, line: DialogueLine | None) -> None:
        self.line = line
        self.refresh()

    def current_take_id(self) -> str:
        item = self.tree.currentItem()
        return item.data(COL_NAME, Qt.ItemDataRole.UserRole) if item is not None else ""

    def refresh(self) -> None:
        current = self.current_take_id()
        self._filling = True
        self.tree.clear()
        line = self.line
        takes = take_ops.visible_takes(line) if line is not None else []
        select = None
        for take in reversed(takes):  # newest first
            item = QTreeWidgetItem()
            item.setData(COL_NAME, Qt.ItemDataRole.UserRole, take.id)
            chosen = line is not None and line.chosen_take_id == take.id
            item.setText(COL_STAR, "★" if chosen else "☆")
            item.setForeground(COL_STAR, QBrush(QColor("#f0b34a" if chosen else "#5b5f67")))
            item.setToolTip(COL_STAR, self.tr("Click to use this take on the dialogue track"))
            item.setText(COL_NAME, take.name)
            item.setText(COL_LENGTH, f"{take.samples / max(1, take.sample_rate):.1f} s")
            item.setText(COL_NOTE, take.note)
            flags = []
            if take_ops.is_missing(self.session, take):
                flags.append(self.tr("missing file"))
                for col in range(5):
                    item.setForeground(col, QBrush(QColor("#f0605a")))
            if take.is_ai:
                flags.append(self.tr("AI"))
                asset = self.session.series.media.get(take_ops.asset_id_for(take))
                if asset is not None and asset.provenance.provider == "espeak":
                    flags.append(self.tr("scratch voice"))
                    item.setToolTip(COL_STATUS, self.tr("A robotic offline voice for timing; replace it "
                                                        "with a vendor voice or a recording"))
            if take.recovered:
                flags.append(self.tr("recovered"))
            if take.dropped_samples:
                flags.append(self.tr("dropped audio"))
            if take.cleanup.trim_silence or take.cleanup.highpass_hz or take.cleanup.normalize:
                flags.append(self.tr("cleaned"))
            item.setText(COL_STATUS, ", ".join(flags))
            if take.dropped_samples and not take_ops.is_missing(self.session, take):
                item.setForeground(COL_STATUS, QBrush(QColor("#f0b34a")))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.tree.addTopLevelItem(item)
            if take.id == current or select is None:
                select = item if take.id == current or select is None else select
        if select is not None:
            self.tree.setCurrentItem(select)
        self._filling = False
        self._sync_buttons()

    def _take(self, take_id: str):
        if self.line is None:
            return None
        return next((t for t in self.line.takes if t.id == take_id), None)

    def _sync_buttons(self) -> None:
        take = self._take(self.current_take_id())
        has = take is not None
        missing = has and take_ops.is_missing(self.session, take)
        self.play_button.setEnabled(has and not missing)
        self.star_button.setEnabled(has and not missing)
        for b in (self.rename_button, self.note_button, self.delete_button):
            b.setEnabled(has)
        for box in (self.trim_box, self.highpass_box, self.normalize_box):
            box.setEnabled(has and not missing)
        self._filling, filling = True, self._filling
        cleanup = take.cleanup if has else TakeCleanup()
        self.trim_box.setChecked(cleanup.trim_silence)
        self.highpass_box.setChecked(bool(cleanup.highpass_hz))
        self.normalize_box.setChecked(cleanup.normalize)
        self._filling = filling
        if has:
            chosen = self.line is not None and self.line.chosen_take_id == take.id
            self.star_button.setText(self.tr("☆ Unchoose") if chosen else self.tr("★ Choose"))

    # --------------------------------------------------------------- actions
    def toggle_star(self, take_id: str) -> None:
        line, take = self.line, self._take(take_id)
        if line is None or take is None or take_ops.is_missing(self.session, take):
            return
        take_ops.choose_take(self.session, line, None if line.chosen_take_id == take.id else take)

    def _star_current(self) -> None:
        self.toggle_star(self.current_take_id())

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == COL_STAR:
            self.toggle_star(item.data(COL_NAME, Qt.ItemDataRole.UserRole))

    def _double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column in (COL_NAME, COL_NOTE):
            self.tree.editItem(item, column)
        elif column in (COL_LENGTH, COL_STATUS):
            self.playRequested.emit(item.data(COL_NAME, Qt.ItemDataRole.UserRole))

    def _edit_current(self, column: int) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.tree.editItem(item, column)

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling:
            return
        take = self._take(item.data(COL_NAME, Qt.ItemDataRole.UserRole))
        if take is None:
            return
        if column == COL_NAME:
            name = item.text(COL_NAME).strip()
            if name and name != take.name:
                self.session.document.edit(take, self.tr("Rename take"), name=name)
            else:
                self.refresh()
        elif column == COL_NOTE and item.text(COL_NOTE) != take.note:
            self.session.document.edit(take, self.tr("Take note"), note=item.text(COL_NOTE))

    def _play(self) -> None:
        take_id = self.current_take_id()
        if take_id:
            self.playRequested.emit(take_id)

    def _delete(self) -> None:
        take = self._take(self.current_take_id())
        if take is not None and self.line is not None:
            take_ops.delete_take(self.session, self.line, take)

    def _cleanup_changed(self) -> None:
        if self._filling:
            return
        take = self._take(self.current_take_id())
        if take is None or self.line is None:
            return
        cleanup = TakeCleanup(trim_silence=self.trim_box.isChecked(),
                              highpass_hz=HIGHPASS_HZ if self.highpass_box.isChecked() else None,
                              normalize=self.normalize_box.isChecked())
        if cleanup == take.cleanup or self.session.bundle is None:
            return
        # the processing runs on a worker; the undoable edit is made when its file is ready
        for box in (self.trim_box, self.highpass_box, self.normalize_box):
            box.setEnabled(False)
        root, line_id, take_id = self.session.bundle.root, self.line.id, take.id
        snapshot = copy.deepcopy(take)  # the worker reads a copy, never the live model

        def work() -> str:
            try:
                take_ops.render_processed_file(root, snapshot, cleanup)
            except (OSError, RuntimeError, ValueError) as exc:
                return str(exc)
            return ""

        run_in_background(work, lambda error: self._processed.emit(line_id, take_id, cleanup, error),
                          lambda exc: self._processed.emit(line_id, take_id, cleanup, str(exc)), name="take-cleanup")

    def _apply_cleanup(self, line_id: str, take_id: str, cleanup: TakeCleanup, error: str) -> None:
        line = self.session.document.find(line_id)
        take = self.session.document.find(take_id)
        if error:
            self.cleanupFailed.emit(self.tr("The clean-up could not be made: %1").replace("%1", error))
        elif line is not None and take is not None:
            take_ops.set_cleanup(self.session, line, take, cleanup)
        self._sync_buttons()
