"""Errors a user can act on. The CLI prints their message (no traceback); the GUI shows it."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: the message says what happened and what to do."""
