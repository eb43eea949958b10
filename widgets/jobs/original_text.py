"""The vendor's own words behind a plain message: a "Show original" disclosure with Copy.

Errors are shown in the user's language (``app.jobs.vendor_errors``); the vendor's original
text (already key-scrubbed) is what a support ticket needs, so it stays one click away,
selectable and copyable, in the job row's detail area and in the error dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class OriginalText(QWidget):
    """A folded, read-only copy of the vendor's text; hidden entirely when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OriginalText")
        self.toggle = QPushButton()
        self.toggle.setObjectName("showOriginal")
        self.toggle.setCheckable(True)
        self.toggle.setFlat(True)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyOriginal")
        self.text = QPlainTextEdit()
        self.text.setObjectName("originalText")
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(90)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.toggle)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.text)
        self.toggle.toggled.connect(self._unfold)
        self.copy_button.clicked.connect(self.copy)
        self._retranslate()
        self.set_original("")

    def set_original(self, text: str) -> None:
        """Show the disclosure for ``text`` (folded), or hide everything when it is empty."""
        if text != self.text.toPlainText():
            self.text.setPlainText(text)
            self.toggle.setChecked(False)
        self._unfold(self.toggle.isChecked())
        self.setVisible(bool(text))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def _unfold(self, shown: bool) -> None:
        self.text.setVisible(shown)
        self.copy_button.setVisible(shown)
        self._retranslate()

    def _retranslate(self) -> None:
        self.toggle.setText(self.tr("Hide original") if self.toggle.isChecked() else self.tr("Show original"))
        self.copy_button.setText(self.tr("Copy"))
        self.toggle.setToolTip(self.tr("The vendor's own message, for a support request"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def warn_with_original(parent: QWidget | None, title: str, plain: str, original: str) -> QMessageBox:
    """A warning box with the plain message and, when it differs, the vendor's text as details."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, plain, QMessageBox.StandardButton.Close, parent)
    box.setObjectName("vendorErrorBox")
    if original and original != plain:
        box.setDetailedText(original)
    box.exec()
    return box
