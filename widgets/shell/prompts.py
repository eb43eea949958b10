"""Questions the shell asks the user, behind one small interface.

``ProjectController`` never opens a dialog itself: it asks a ``Prompter``. The
editor uses ``DialogPrompter`` (message boxes and file dialogs); tests and
scripted runs pass their own object with the same methods, so every branch
(recover or not, steal a stale lock, save/discard/cancel) is exercised without
a modal loop.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

translate = QCoreApplication.translate


class SaveChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class RecoveryChoice(enum.Enum):
    RECOVER = "recover"
    LAST_SAVED = "last_saved"
    CANCEL = "cancel"


class Prompter(Protocol):
    def error(self, title: str, message: str) -> None: ...
    def confirm(self, title: str, question: str, action: str) -> bool: ...
    def ask_save_changes(self, project_name: str) -> SaveChoice: ...
    def ask_recovery(self, project_name: str, detail: str) -> RecoveryChoice: ...
    def ask_open_locked(self, message: str, stale: bool) -> bool: ...
    def ask_open_backup(self, message: str) -> bool: ...
    def warning(self, title: str, message: str) -> None: ...
    def ask_text(self, title: str, label: str, text: str) -> str | None: ...
    def choose_project(self, start: Path) -> Path | None: ...
    def choose_new_location(self, title: str, start: Path) -> Path | None: ...


class DialogPrompter:
    """The real dialogs, parented to the main window."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def _box(self, icon: QMessageBox.Icon, title: str, text: str, info: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        box.setObjectName("ShellMessageBox")
        if info:
            box.setInformativeText(info)
        return box

    def error(self, title: str, message: str) -> None:
        box = self._box(QMessageBox.Icon.Critical, title, message)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    def warning(self, title: str, message: str) -> None:
        box = self._box(QMessageBox.Icon.Warning, title, message)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    def ask_open_backup(self, message: str) -> bool:
        box = self._box(QMessageBox.Icon.Critical, translate("Prompts", "The project file is damaged"), message)
        backup = box.addButton(translate("Prompts", "Open Backup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(backup)
        box.exec()
        return box.clickedButton() is backup

    def confirm(self, title: str, question: str, action: str) -> bool:
        box = self._box(QMessageBox.Icon.Question, title, question)
        ok = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok

    def ask_save_changes(self, project_name: str) -> SaveChoice:
        box = self._box(QMessageBox.Icon.Warning, translate("Prompts", "Unsaved changes"),
                        translate("Prompts", "Save the changes to \"%1\" before closing it?").replace("%1", project_name),
                        translate("Prompts", "If you don't save, the changes since the last save are lost."))
        save = box.addButton(QMessageBox.StandardButton.Save)
        discard = box.addButton(translate("Prompts", "Don't Save"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return SaveChoice.SAVE
        if clicked is discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def ask_recovery(self, project_name: str, detail: str) -> RecoveryChoice:
        box = self._box(QMessageBox.Icon.Warning, translate("Prompts", "Recover unsaved work?"),
                        translate("Prompts", "\"%1\" was not closed properly. An autosave with changes that "
                                             "were never saved was found.").replace("%1", project_name),
                        detail)
        recover = box.addButton(translate("Prompts", "Recover Autosave"), QMessageBox.ButtonRole.AcceptRole)
        last = box.addButton(translate("Prompts", "Open Last Saved"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(recover)
        box.exec()
        clicked = box.clickedButton()
        if clicked is recover:
            return RecoveryChoice.RECOVER
        if clicked is last:
            return RecoveryChoice.LAST_SAVED
        return RecoveryChoice.CANCEL

    def ask_open_locked(self, message: str, stale: bool) -> bool:
        title = translate("Prompts", "Project in use")
        if not stale:
            box = self._box(QMessageBox.Icon.Warning, title, message,
                            translate("Prompts", "Close it in the other window first, then open it again."))
            box.addButton(QMessageBox.StandardButton.Ok)
            box.exec()
            return False
        box = self._box(QMessageBox.Icon.Warning, title, message,
                        translate("Prompts", "If the editor that holds it is no longer running (for example "
                                             "its computer crashed), you can take the project over. If it is "
                                             "still running, two editors saving the same project overwrite "
                                             "each other's work."))
        anyway = box.addButton(translate("Prompts", "Open Anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is anyway

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value if ok else None

    def choose_project(self, start: Path) -> Path | None:
        path = QFileDialog.getExistingDirectory(
            self.parent, translate("Prompts", "Open Project (a .mdrama folder)"), str(start))
        return Path(path) if path else None

    def choose_new_location(self, title: str, start: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, title, str(start), translate("Prompts", "Microdrama projects (*.mdrama)"))
        return Path(path) if path else None
