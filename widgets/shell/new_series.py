"""The "New Series" dialog: series title, first episode, and where the bundle goes."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bundle import BUNDLE_SUFFIX, PROJECT_FILE
from app.model import Bible, Episode, ProjectSettings, Series

# (width, height) per picture shape; 9:16 first, the format every short-video platform leads with
FORMATS = (((1080, 1920), "9:16"), ((1080, 1440), "3:4"), ((1080, 1080), "1:1"), ((1920, 1080), "16:9"))
FRAME_RATES = (24, 25, 30, 60)

translate = QCoreApplication.translate


def folder_name(title: str) -> str:
    """A file-system-safe folder name for a series title (keeps CJK, drops path characters)."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', " ", title).strip().strip(".")
    return re.sub(r"\s+", " ", name) or "Untitled"


class NewSeriesDialog(QDialog):
    def __init__(self, location: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NewSeriesDialog")
        self.setWindowTitle(translate("NewSeries", "New Series"))
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(translate("NewSeries", "e.g. The CEO's Secret Twin"))
        self.episode_edit = QLineEdit()
        self.episode_edit.setPlaceholderText(translate("NewSeries", "e.g. The Contract"))
        self.location_edit = QLineEdit(str(location))
        browse = QPushButton(translate("NewSeries", "Browse…"))
        browse.setAutoDefault(False)  # Enter creates; it never opens the folder picker
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.location_edit, 1)
        row.addWidget(browse)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        from widgets.shell.i18n import current_language

        self.language.setCurrentIndex(0 if current_language().startswith("zh") else 1)
        self.language.setToolTip(translate("NewSeries", "The language the screenplay is written in; AI writing, "
                                           "breakdowns and prompts follow it."))
        self.picture = QComboBox()
        for (w, h), ratio in FORMATS:
            label = {"9:16": translate("NewSeries", "Vertical 9:16 (1080×1920)"),
                     "3:4": translate("NewSeries", "Portrait 3:4 (1080×1440)"),
                     "1:1": translate("NewSeries", "Square 1:1 (1080×1080)"),
                     "16:9": translate("NewSeries", "Landscape 16:9 (1920×1080)")}[ratio]
            self.picture.addItem(label, f"{w}x{h}")
        self.fps = QComboBox()
        for rate in FRAME_RATES:
            self.fps.addItem(translate("NewSeries", "%1 fps").replace("%1", str(rate)), rate)
        self.fps.setCurrentIndex(FRAME_RATES.index(30))
        self.path_label = QLabel(objectName="EmptyStateText")
        self.path_label.setWordWrap(True)

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(translate("NewSeries", "Series title:"), self.title_edit)
        form.addRow(translate("NewSeries", "First episode:"), self.episode_edit)
        form.addRow(translate("NewSeries", "Language:"), self.language)
        form.addRow(translate("NewSeries", "Picture:"), self.picture)
        form.addRow(translate("NewSeries", "Frame rate:"), self.fps)
        form.addRow(translate("NewSeries", "Location:"), row)
        form.addRow("", self.path_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(translate("NewSeries", "Create"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # the path line wraps as the title is typed: the dialog grows with it rather than cut it
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.title_edit, self.location_edit):
            edit.textChanged.connect(self._validate)
        self._validate()

    def bundle_path(self) -> Path:
        return Path(self.location_edit.text().strip()).expanduser() / (
            folder_name(self.title_edit.text()) + BUNDLE_SUFFIX)

    def series(self) -> Series:
        episode = Episode(number=1, title=self.episode_edit.text().strip())
        width, height = (int(v) for v in str(self.picture.currentData()).split("x"))
        return Series(title=self.title_edit.text().strip(), episodes=[episode],
                      bible=Bible(language=self.language.currentData()),
                      settings=ProjectSettings(width=width, height=height, fps=int(self.fps.currentData())))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("NewSeries", "Choose a Folder"),
                                                  self.location_edit.text())
        if folder:
            self.location_edit.setText(folder)

    def _validate(self) -> None:
        problem = ""
        if not self.title_edit.text().strip():
            problem = translate("NewSeries", "Give the series a title.")
        elif not self.location_edit.text().strip():
            problem = translate("NewSeries", "Choose where the project folder goes.")
        elif (self.bundle_path() / PROJECT_FILE).exists():
            problem = translate("NewSeries", "A project with this name already exists there.")
        self.create_button.setEnabled(not problem)
        self.path_label.setText(problem or translate("NewSeries", "The project will be created as %1")
                                .replace("%1", str(self.bundle_path())))
        self._fit_path_label()

    def _fit_path_label(self) -> None:
        """A long path wraps onto several lines: give the label their height, so none is cut."""
        width = self.path_label.width()
        if width > 0:
            self.path_label.setMinimumHeight(self.path_label.heightForWidth(width))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._fit_path_label()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self._fit_path_label()
