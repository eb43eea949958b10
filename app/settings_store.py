"""Application settings that are not secrets: provider base URLs, models, pricing overrides.

Stored as one JSON file in the user's config folder (``platformdirs``), or in
``$MICRODRAMA_SETTINGS_DIR`` when set (tests and portable installs set it).
API keys never go here: they live in the OS keyring (``app.secrets``), and
``set_provider_settings`` refuses fields the caller marks secret.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from app.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)

APP_NAME = "microdrama-studio"
SETTINGS_FILE = "settings.json"
SETTINGS_DIR_ENV = "MICRODRAMA_SETTINGS_DIR"


def settings_dir() -> Path:
    override = os.environ.get(SETTINGS_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


class SettingsStore:
    """A small JSON document of sections; every ``set_*`` writes the file atomically.

    Reading a damaged file logs a warning and starts from defaults (the damaged
    file is kept as ``settings.json.damaged`` so nothing the user typed is lost).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else settings_dir() / SETTINGS_FILE
        self._lock = threading.Lock()
        self._data: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("cannot read settings %s: %s", self.path, exc)
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
            return data
        except (ValueError, UnicodeDecodeError) as exc:
            log.warning("settings file %s is damaged (%s); starting from defaults", self.path, exc)
            try:
                self.path.replace(self.path.with_name(self.path.name + ".damaged"))
            except OSError:
                pass
            return {}

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self._data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        atomic_write_bytes(self.path, data.encode("utf-8"), private=True)  # the user's own config

    def reload(self) -> None:
        with self._lock:
            self._data = self._read()

    # ---------------------------------------------------------------- generic
    def get(self, section: str, key: str, default: Any = None) -> Any:
        with self._lock:
            return self._data.get(section, {}).get(key, default)

    def set(self, section: str, key: str, value: Any) -> None:
        with self._lock:
            self._data.setdefault(section, {})[key] = value
            self._write()

    # -------------------------------------------------------------- providers
    def provider_settings(self, provider: str) -> dict[str, Any]:
        with self._lock:
            return dict(self._data.get("providers", {}).get(provider, {}))

    def set_provider_settings(self, provider: str, values: dict[str, Any],
                              secret_fields: AbstractSet[str] = frozenset()) -> None:
        """Replace one provider's non-secret settings; secret fields are dropped, never written."""
        clean = {k: v for k, v in values.items() if k not in secret_fields}
        with self._lock:
            self._data.setdefault("providers", {})[provider] = clean
            self._write()

    # ---------------------------------------------------------------- pricing
    def pricing(self) -> dict[str, float]:
        """User overrides of the registry's price table: ``"provider/model/unit" -> price per unit``."""
        with self._lock:
            return {k: float(v) for k, v in self._data.get("pricing", {}).items()}

    def set_pricing(self, table: dict[str, float]) -> None:
        with self._lock:
            self._data["pricing"] = {k: float(v) for k, v in table.items()}
            self._write()

    # ------------------------------------------------------------------- jobs
    def concurrency_limits(self) -> dict[str, int]:
        with self._lock:
            return {k: int(v) for k, v in self._data.get("concurrency", {}).items()}

    def set_concurrency_limit(self, provider: str, limit: int) -> None:
        self.set("concurrency", provider, max(1, int(limit)))


_store: SettingsStore | None = None
_store_lock = threading.Lock()


def settings_store() -> SettingsStore:
    """The process-wide store (re-created when ``MICRODRAMA_SETTINGS_DIR`` changes)."""
    global _store
    with _store_lock:
        wanted = settings_dir() / SETTINGS_FILE
        if _store is None or _store.path != wanted:
            _store = SettingsStore(wanted)
        return _store
