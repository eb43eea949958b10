"""Help ▸ About: version and licence (the shortcut list is widgets/commands/dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from widgets.shell.icons import app_icon

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
