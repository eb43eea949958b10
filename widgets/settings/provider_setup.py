"""The one way the editor says "this needs a provider": a message with a button that opens
the Providers dialog on the provider to set up, so no message is a dead end."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ProviderNotConfigured, UserError


def provider_page_for(exc: ProviderNotConfigured) -> str:
    """The provider whose settings page to open: the one named, else the first that offers the capability."""
    if exc.provider:
        return exc.provider
    from providers import registry

    offered = registry.for_capability(exc.capability) if exc.capability else []
    ready = [p for p in offered if not p.offline and not p.user_service]
    return (ready or offered)[0].name if offered else ""


def explain_generation_error(parent: QWidget, exc: Exception, title: str | None = None) -> None:
    """Show ``exc``; a provider problem gets "Set Up Providers…" that opens the dialog at the right page.
    A vendor's error is shown in plain words with the vendor's own text as the details."""
    title = title or QCoreApplication.translate("ProviderSetup", "Cannot generate")
    from app.jobs.failures import classify

    if not isinstance(exc, (ProviderNotConfigured, UserError)):
        from widgets.jobs.original_text import warn_with_original

        failure = classify(exc)
        warn_with_original(parent, title, failure.message, failure.original)
        return
    if not isinstance(exc, ProviderNotConfigured):
        QMessageBox.warning(parent, title, str(exc))
        return
    box = QMessageBox(QMessageBox.Icon.Information, title, exc.message, QMessageBox.StandardButton.Close, parent)
    setup = box.addButton(QCoreApplication.translate("ProviderSetup", "Set Up Providers…"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(setup)
    box.exec()
    if box.clickedButton() is setup:
        open_providers(parent, provider_page_for(exc))


def open_providers(parent: QWidget, select: str = "") -> None:
    from widgets.settings.providers_dialog import ProvidersDialog

    ProvidersDialog(parent.window() if parent is not None else None, select=select).exec()
