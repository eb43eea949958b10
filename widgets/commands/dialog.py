"""Edit ▸ Keyboard Shortcuts: every command with where it works and its keys; search, record a new
key, reset one or all, presets (Microdrama, Premiere Pro, DaVinci Resolve), conflicts, keymap files.

The dialog edits a copy; OK makes it current everywhere (``Keymap.apply``) and saves it in the user
settings, Cancel leaves everything as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.commands.catalog import BY_ID, COMMANDS, Scope
from widgets.commands.keymap import PORTABLE, Keys, conflicts, keymap, preset_keys
from widgets.commands.keymap_file import KeymapFileError, read_keymap, write_keymap
from widgets.commands.presets import Preset

ID_ROLE = Qt.ItemDataRole.UserRole
W = TypeVar("W", bound=QWidget)
NATIVE = QKeySequence.SequenceFormat.NativeText


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def shown_keys(keys: tuple[str, ...]) -> str:
    return ", ".join(QKeySequence.fromString(k, PORTABLE).toString(NATIVE) for k in keys)


class KeyboardShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        current = keymap()
        self.preset: Preset = current.preset
        self.keys: Keys = dict(current.keys)

        self.preset_box = named(QComboBox(), "ShortcutsPreset")
        for preset in Preset:
            self.preset_box.addItem(preset.label(), preset)
        self.preset_box.setCurrentIndex(list(Preset).index(self.preset))
        self.preset_box.activated.connect(self._preset_chosen)
        self.search = named(QLineEdit(), "ShortcutsSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search commands or keys"))
        self.search.textChanged.connect(self._filter)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preset:")))
        top.addWidget(self.preset_box)
        top.addStretch(1)
        top.addWidget(self.search, 2)

        self.tree = named(QTreeWidget(), "ShortcutsTree")
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.groups: dict[Scope, QTreeWidgetItem] = {}
        for scope in Scope:
            group = QTreeWidgetItem([scope.label(), ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            self.groups[scope] = group
        for spec in COMMANDS:
            item = QTreeWidgetItem([spec.label(), ""])
            item.setData(0, ID_ROLE, spec.id)
            self.groups[spec.scope].addChild(item)
            self.items[spec.id] = item
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(self._selected)

        self.editing = named(QLabel(), "ShortcutsEditing")
        self.key_edit = named(QKeySequenceEdit(), "ShortcutsKeyEdit")
        self.key_edit.setMaximumSequenceLength(1)
        self.key_edit.setToolTip(self.tr("Click here and press the new key"))
        self.key_edit.editingFinished.connect(self._recorded)
        self.clear_button = named(QPushButton(self.tr("No Key")), "ShortcutsClear")
        self.clear_button.clicked.connect(lambda: self._set_keys(self._current_id(), ()))
        self.reset_button = named(QPushButton(self.tr("Reset")), "ShortcutsReset")
        self.reset_button.setToolTip(self.tr("Give this command the preset's key again"))
        self.reset_button.clicked.connect(self._reset_one)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.editing, 2)
        edit_row.addWidget(self.key_edit, 1)
        edit_row.addWidget(self.clear_button)
        edit_row.addWidget(self.reset_button)

        self.conflict_label = named(QLabel(), "ShortcutsConflicts")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet("color: #e0a040;")

        self.reset_all_button = named(QPushButton(self.tr("Reset All")), "ShortcutsResetAll")
        self.reset_all_button.clicked.connect(self._reset_all)
        self.import_button = named(QPushButton(self.tr("Import…")), "ShortcutsImport")
        self.import_button.clicked.connect(self._import)
        self.export_button = named(QPushButton(self.tr("Export…")), "ShortcutsExport")
        self.export_button.clicked.connect(self._export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        for button in (self.reset_all_button, self.import_button, self.export_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.conflict_label)
        layout.addLayout(bottom)
        self._refresh()
        self.tree.setCurrentItem(self.items[COMMANDS[0].id])
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0) + 24, 300))
        self.resize(680, 620)

    # ------------------------------------------------------------------ view
    def _refresh(self) -> None:
        for cid, item in self.items.items():
            item.setText(1, shown_keys(self.keys.get(cid, ())))
        found = conflicts(self.keys)
        clashing = {cid for c in found if not c.shadowed for cid in c.command_ids}
        lines = []
        for c in found:
            key = shown_keys((c.key,))
            if c.shadowed:
                lines.append(self.tr("“%1” works everywhere as %2, but means %3 while the %4 has the focus.")
                             .replace("%1", key).replace("%2", BY_ID[c.command_ids[0]].label())
                             .replace("%3", BY_ID[c.command_ids[1]].label()).replace("%4", c.scope.label()))
            else:
                lines.append(self.tr("“%1” is given to %2 in %3.").replace("%1", key)
                             .replace("%2", self.tr(", ").join(BY_ID[i].label() for i in c.command_ids))
                             .replace("%3", c.scope.label()))
        for cid, item in self.items.items():
            item.setForeground(1, Qt.GlobalColor.red if cid in clashing else self.tree.palette().text())
        self.conflict_label.setText("\n".join(lines))
        self.conflict_label.setVisible(bool(lines))
        self._selected(self.tree.currentItem())

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for scope, group in self.groups.items():
            visible = 0
            for i in range(group.childCount()):
                item = group.child(i)
                if item is None:
                    continue
                hay = f"{item.text(0)} {item.text(1)} {scope.label()}".casefold()
                hide = bool(needle) and needle not in hay
                item.setHidden(hide)
                visible += not hide
            group.setHidden(visible == 0)

    def _current_id(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, ID_ROLE) or "") if item is not None else ""

    def _selected(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        cid = str(item.data(0, ID_ROLE) or "") if item is not None else ""
        for widget in (self.key_edit, self.clear_button, self.reset_button):
            widget.setEnabled(bool(cid))
        if not cid:
            self.editing.setText(self.tr("Pick a command to change its key."))
            return
        spec = BY_ID[cid]
        self.editing.setText(self.tr("%1 (%2):").replace("%1", spec.label()).replace("%2", spec.scope.label()))
        keys = self.keys.get(cid, ())
        self.key_edit.blockSignals(True)
        self.key_edit.setKeySequence(QKeySequence.fromString(keys[0], PORTABLE) if keys else QKeySequence())
        self.key_edit.blockSignals(False)

    # ----------------------------------------------------------------- edits
    def _set_keys(self, cid: str, keys: tuple[str, ...]) -> None:
        if cid:
            self.keys[cid] = keys
            self._refresh()

    def _recorded(self) -> None:
        seq = self.key_edit.keySequence()
        text = seq.toString(PORTABLE) if seq.count() else ""
        cid = self._current_id()
        if cid and text:
            others = tuple(k for k in self.keys.get(cid, ())[1:] if k != text)
            self._set_keys(cid, (text, *others))  # the new key first; other keys of the command stay

    def _reset_one(self) -> None:
        cid = self._current_id()
        if cid:
            self._set_keys(cid, preset_keys(self.preset)[cid])

    def _reset_all(self) -> None:
        self.keys = preset_keys(self.preset)
        self._refresh()

    def _preset_chosen(self, index: int) -> None:
        self.preset = self.preset_box.itemData(index)
        self._reset_all()

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Keyboard Shortcuts"), "",
                                              self.tr("Keymap (*.json)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            preset, keys = read_keymap(path)
        except KeymapFileError:
            self.conflict_label.setText(self.tr("%1 is not a keymap file.").replace("%1", path.name))
            self.conflict_label.setVisible(True)
            return False
        self.preset = preset
        self.preset_box.setCurrentIndex(list(Preset).index(preset))
        self.keys = {**preset_keys(preset), **keys}
        self._refresh()
        return True

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Keyboard Shortcuts"), "keymap.json",
                                              self.tr("Keymap (*.json)"))
        if path:
            write_keymap(Path(path), self.preset, self.keys)

    def accept(self) -> None:
        keymap().apply(self.preset, self.keys)
        super().accept()
