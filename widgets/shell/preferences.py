"""Preferences: interface language and the default folder for new projects.

The language applies at once (translators are swapped and every widget gets a
LanguageChange event) and is remembered in QSettings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.shell import i18n
from widgets.shell.settings import app_settings
from widgets.shell.theme import ui_font

translate = QCoreApplication.translate
PROJECTS_KEY = "paths/projects"


def projects_folder() -> Path:
    """Where new series and the demo go unless the user picks another place."""
    saved = str(app_settings().value(PROJECTS_KEY, "") or "")
    if saved:
        return Path(saved)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "Microdrama Studio"


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreferencesDialog")
        self.setWindowTitle(translate("Preferences", "Preferences"))
        self.setMinimumWidth(480)
        self.language = QComboBox()
        self.language.addItem(translate("Preferences", "Same as the system"), "")
        for code, name in i18n.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.saved_language())))
        self.folder = QLineEdit(str(projects_folder()))
        browse = QPushButton(translate("Preferences", "Browse…"))
        browse.setAutoDefault(False)  # Enter confirms the dialog; it never opens the folder picker
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(translate("Preferences", "Language:"), self.language)
        form.addRow(translate("Preferences", "New projects go in:"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("Preferences", "Choose a Folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def apply(self) -> None:
        """Store the choices; the language takes effect immediately."""
        app_settings().setValue(PROJECTS_KEY, self.folder.text().strip())
        set_language(self.language.currentData() or "")


def set_language(code: str) -> None:
    """Remember ``code`` ("" = follow the system) and switch the running UI to it."""
    i18n.save_language(code)
    language = i18n.effective_language()
    i18n.install_language(language)
    QApplication.setFont(ui_font(language))
