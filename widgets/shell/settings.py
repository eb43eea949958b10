"""The one place the editor keeps per-user settings (QSettings).

``MICRODRAMA_SETTINGS_DIR`` redirects the store to an INI file in that folder:
tests and portable installs use it so a developer's real settings are never
touched. Otherwise Qt's native store for the organisation/application is used.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Microdrama"
APPLICATION = "Microdrama Studio"


def app_settings() -> QSettings:
    """A QSettings for the editor's preferences; cheap to create, create one per use."""
    folder = os.environ.get("MICRODRAMA_SETTINGS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "microdrama-studio.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def settings_str(key: str, default: str = "") -> str:
    value = app_settings().value(key, default)
    return str(value) if value is not None else default
