"""The Episode menu's "Export to Jianying/CapCut…" action (kept here so the shell menu only places it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from app.session import Session


def menu_text() -> str:
    return QCoreApplication.translate("DraftExport", "Export to &Jianying / CapCut…")


def open_draft_dialog(window: QWidget, session: Session):
    """Show the dialog window-modal (not ``exec``: the event loop and job queue keep running)."""
    if session.bundle is None or session.current_episode is None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("DraftExport", "No episode"),
            QCoreApplication.translate("DraftExport", "Open a project and choose an episode first."),
        )
        return None
    from widgets.draft.dialog import DraftExportDialog

    dialog = DraftExportDialog(session, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog


def draft_action(window: QWidget, session: Session) -> QAction:
    action = QAction(menu_text(), window)
    action.setObjectName("action_export_draft")
    action.triggered.connect(lambda: open_draft_dialog(window, session))
    return action
