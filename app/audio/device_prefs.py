"""The booth's remembered device choice, kept in the editor's per-user settings.

Stored by device name (PortAudio indices change when devices come and go) in the
same INI store the rest of the editor uses (``MICRODRAMA_SETTINGS_DIR`` or Qt's
user store for Microdrama/Microdrama Studio).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Microdrama"
APPLICATION = "Microdrama Studio"
_PREFIX = "booth/"


def _settings() -> QSettings:
    folder = os.environ.get("MICRODRAMA_SETTINGS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "microdrama-studio.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


@dataclass
class BoothPrefs:
    input_device: str = ""
    output_device: str = ""
    count_in: int = 2  # beeps before recording; 0 = none
    monitor: bool = False
    record_to_picture: bool = True

    @classmethod
    def load(cls) -> BoothPrefs:
        s = _settings()
        def get(key: str, default: object) -> object:
            value = s.value(_PREFIX + key, default)
            return default if value is None else value
        return cls(
            input_device=str(get("input_device", "")),
            output_device=str(get("output_device", "")),
            count_in=int(str(get("count_in", 2))),
            monitor=str(get("monitor", "false")).lower() == "true",
            record_to_picture=str(get("record_to_picture", "true")).lower() == "true",
        )

    def save(self) -> None:
        s = _settings()
        s.setValue(_PREFIX + "input_device", self.input_device)
        s.setValue(_PREFIX + "output_device", self.output_device)
        s.setValue(_PREFIX + "count_in", int(self.count_in))
        s.setValue(_PREFIX + "monitor", "true" if self.monitor else "false")
        s.setValue(_PREFIX + "record_to_picture", "true" if self.record_to_picture else "false")
        s.sync()
