"""Errors a user can act on. The CLI prints their message (no traceback); the GUI shows it."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: the message says what happened and what to do."""


class ProviderNotConfigured(UserError):
    """No provider is chosen or set up for a capability. The GUI offers to open the Providers
    dialog at ``provider`` (or the first provider offering ``capability``); the CLI adds ``cli_hint``."""

    def __init__(self, message: str, *, capability: str, provider: str = "", cli_hint: str = "") -> None:
        super().__init__(f"{message} {cli_hint}".strip())
        self.message = message
        self.capability = capability
        self.provider = provider
        self.cli_hint = cli_hint
