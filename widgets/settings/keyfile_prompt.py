"""The passphrase dialog of the encrypted key file (used when the system has no keyring).

``install()`` makes ``app.keyfile`` ask through this dialog. It is asked at most
once per session: the first time a key is read or saved. Creating the file asks
for the passphrase twice; opening it checks the passphrase before closing, so a
typo is told at once ("does not open the key file") instead of failing later.
A job's worker thread that needs a key asks through the GUI thread and waits for
the answer; on Cancel the job fails with a message saying how to unlock.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app import keyfile
from app.background import call_on_gui_thread, install_gui_calls, on_gui_thread


class PassphraseDialog(QDialog):
    """Choose (``creating``) or enter the key file's passphrase; ``passphrase`` after ``exec()``."""

    def __init__(self, creating: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeyFilePassphraseDialog")
        self.creating = creating
        self.passphrase = ""
        self.setWindowTitle(self.tr("Key file passphrase"))
        self.setMinimumWidth(460)
        if creating:
            text = self.tr("This computer has no system keyring, so your API keys will be kept in a file "
                           "encrypted with a passphrase of your choice. You will be asked for it once each "
                           "time the editor starts. It cannot be recovered: keep it somewhere safe.")
        else:
            text = self.tr("Your API keys are kept in an encrypted key file. Enter its passphrase to use them "
                           "in this session.")
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("KeyFilePassphrase")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("KeyFilePassphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.edit)
        if creating:
            form.addRow(self.tr("Repeat:"), self.repeat)
        self.error = QLabel()
        self.error.setObjectName("KeyFileError")
        self.error.setStyleSheet("color: #f0605a;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.edit.setFocus()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def accept(self) -> None:
        value = self.edit.text()
        if not value:
            self._fail(self.tr("Enter a passphrase."))
            return
        if self.creating and value != self.repeat.text():
            self._fail(self.tr("The two passphrases differ."))
            return
        if not self.creating:
            try:
                keyfile.unlock(value)
            except keyfile.KeyFileError as exc:
                self.edit.selectAll()
                self._fail(str(exc))
                return
        self.passphrase = value
        super().accept()


def _ask_here(creating: bool) -> str | None:
    """The dialog, on the GUI thread; None on Cancel (or when another caller unlocked meanwhile)."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    if keyfile.unlocked():
        return None  # asked and answered for someone else while this request waited
    parent = QApplication.activeWindow()
    dialog = PassphraseDialog(creating, parent if parent is not None and parent.isVisible() else None)
    try:
        return dialog.passphrase if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        if shiboken6.isValid(dialog):
            dialog.deleteLater()


def ask_passphrase(creating: bool) -> str | None:
    """The prompt ``app.keyfile`` calls: a modal dialog on the GUI thread, None on Cancel.

    Called from a job's worker thread, the dialog is shown on the GUI thread and the
    worker waits for the answer (``app.background.call_on_gui_thread``: the GUI thread
    never waits for workers, so this cannot deadlock; workers ask one at a time).
    """
    if QCoreApplication.instance() is None:
        return None
    if on_gui_thread():
        return _ask_here(creating)
    # another job's dialog may have unlocked it meanwhile: keyfile then uses the session passphrase
    return call_on_gui_thread(lambda: None if keyfile.unlocked() else _ask_here(creating))


def install() -> None:
    """Call on the GUI thread (the main window does at start-up, the Providers dialog too)."""
    install_gui_calls()
    keyfile.set_prompt(ask_passphrase)
