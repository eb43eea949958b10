"""Which text provider the script tools use, and calling it.

A provider is used only when the creator chose one (Preferences, stored as
settings ``defaults/text``) or named one in ``MICRODRAMA_TEXT_PROVIDER``; a local
server that merely could exist is never called behind their back.
"""

from __future__ import annotations

import os
from typing import Any

from app.jobs.provider_config import make_provider, missing_required
from app.settings_store import settings_store

ENV = "MICRODRAMA_TEXT_PROVIDER"


def chosen_text_provider() -> str | None:
    name = os.environ.get(ENV) or settings_store().get("defaults", "text")
    return str(name) if name else None


def configured_text_provider() -> str | None:
    """The chosen provider if all its required settings (keys, URL) are present."""
    name = chosen_text_provider()
    if not name:
        return None
    try:
        return None if missing_required(name) else name
    except Exception:  # noqa: BLE001 - an unknown name counts as not configured
        return None


def set_text_provider(name: str | None) -> None:
    settings_store().set("defaults", "text", name or "")


def text_client(name: str) -> Any:  # the provider's client, as make_provider builds it
    return make_provider(name)
