"""Help menu dialogs: About (version, licence) and the keyboard shortcut list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from widgets.shell.empty_state import plain_text
from widgets.shell.icons import app_icon
from widgets.shell.view_keys import VIEW_KEYS

translate = QCoreApplication.translate
LICENCE = "GPL-3.0-or-later"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(translate("About", "About Microdrama Studio"))
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(72, 72), self.devicePixelRatioF()))
        name = QLabel("Microdrama Studio", objectName="WelcomeTitle")  # type: ignore[call-overload]  # the PySide6 stub omits inherited properties (objectName)
        version = QLabel(translate("About", "Version %1").replace("%1", __version__))
        version.setObjectName("AboutVersion")
        text = QLabel(translate(
            "About", "Make AI-generated vertical drama series on one desktop: script, storyboard, timeline, "
                     "voice booth, preview and export.<br><br>Licensed under the GNU General Public License, "
                     "version 3 or later (%1). It comes with no warranty.").replace("%1", LICENCE))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout()
        col.addWidget(name)
        col.addWidget(version)
        col.addSpacing(8)
        col.addWidget(text)
        row = QHBoxLayout()
        row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(12)
        row.addLayout(col, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setFixedWidth(460)


def keyboard_keys(action: QAction) -> list[QKeySequence]:
    """Shortcuts typed on a keyboard. Qt adds platform extras to standard keys (the "Undo" key F14 of
    Sun keyboards, media keys); those are left out, so Undo reads "Ctrl+Z", not "Ctrl+Z, F14"."""
    keys = []
    for seq in action.shortcuts():
        key = seq[0].key() if seq.count() else None  # type: ignore[index]  # the PySide6 stub lacks QKeySequence.__getitem__
        if key is not None and (MEDIA_KEYS_FIRST <= int(key.value) <= MEDIA_KEYS_LAST
                                or int(Qt.Key.Key_F13.value) <= int(key.value) <= int(Qt.Key.Key_F35.value)):
            continue
        keys.append(seq)
    return keys


MEDIA_KEYS_FIRST, MEDIA_KEYS_LAST = int(Qt.Key.Key_Back.value), 0x0100FFFF


def shortcut_rows(menus: list[tuple[str, list[QAction]]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group title, [(command, keys)]) for the menus' actions and the keys panels handle themselves,
    each (command, keys) listed once."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[tuple[str, str]] = set()

    def add(title: str, rows: list[tuple[str, str]]) -> None:
        fresh = []
        for row in rows:
            if row not in seen and row[1]:
                seen.add(row)
                fresh.append(row)
        if fresh:
            existing = next((g for g in groups if g[0] == title), None)
            if existing is not None:
                existing[1].extend(fresh)
            else:
                groups.append((title, fresh))

    for menu_title, actions in menus:
        add(plain_text(menu_title), [
            (plain_text(a.text().split("\t")[0]),
             ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keyboard_keys(a)))
            for a in actions if keyboard_keys(a)])
    for panel, command, keys in VIEW_KEYS:
        add(translate("ViewKeys", panel), [(translate("ViewKeys", command), keys)])
    return groups


class ShortcutsDialog(QDialog):
    """Every action with a shortcut, grouped by menu: the window's and the panels' alike."""

    def __init__(self, menus: list[tuple[str, list[QAction]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(translate("About", "Keyboard Shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([translate("About", "Command"), translate("About", "Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        for title, rows in shortcut_rows(menus):
            header = QTreeWidgetItem([title, ""])
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            header.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(header)
            for text, keys in rows:
                self.tree.addTopLevelItem(QTreeWidgetItem([text, keys]))
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0) + 24, 260))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(480, 520)
