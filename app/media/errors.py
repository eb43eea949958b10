"""The media engine's user-facing error."""

from __future__ import annotations

from app.errors import UserError


class MediaError(UserError):
    """A media file cannot be used as it is; the message names the file and what to do."""
