"""API keys: the OS keyring (or an encrypted key file), with an environment override per setting.

Where no usable keyring exists (a Linux desktop without a secret service: the
keyring library falls back to its "fail" or "null" backend), keys go to an
encrypted key file instead (``app.keyfile``), unlocked with a passphrase asked
once per session. A key already in the key file is read from there first.

``MICRODRAMA_<PROVIDER>_<FIELD>`` (e.g. ``MICRODRAMA_KLING_ACCESS_KEY``) wins over
the keyring, so CI and scripted runs need no keyring at all. The same override
works for non-secret settings (``MICRODRAMA_KLING_BASE_URL``), see
``app.jobs.provider_config``.

Keys never reach project.json, the settings file, logs or error messages:
every value read here is remembered (in memory only) and ``redact`` replaces it
in any text before that text is stored or shown; ``install_log_redaction``
applies the same to every log record.
"""

from __future__ import annotations

import logging
import os
import re
import threading

from PySide6.QtCore import QCoreApplication

from app.errors import UserError

SERVICE = "microdrama-studio"
MASK = "•••"
_MIN_SECRET_LEN = 4  # shorter values would mask ordinary words

_known: set[str] = set()
_known_lock = threading.Lock()


class SecretStoreError(UserError):
    """Neither the OS keyring nor the key file could be used; the message says what to do instead."""


def tr(text: str) -> str:
    # pyside6-lupdate files calls of a module-level tr() under the empty context: look them up there
    return QCoreApplication.translate("", text)


def keyring_usable() -> bool:
    """False for keyring's "fail" and "null" backends (no secret service): use the key file."""
    import keyring

    try:
        return float(getattr(keyring.get_keyring(), "priority", 0)) > 0
    except Exception:  # noqa: BLE001 - a broken backend is as good as none
        return False


def _from_keyfile(provider: str, field: str) -> str | None:
    from app import keyfile

    if not keyfile.exists():
        return None
    try:
        return keyfile.load().get(_username(provider, field))
    except keyfile.KeyFileError as exc:
        raise SecretStoreError(str(exc)) from None


def _norm(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").upper()


def env_name(provider: str, field: str) -> str:
    """The environment variable that overrides ``field`` of ``provider``."""
    return f"MICRODRAMA_{_norm(provider)}_{_norm(field)}"


def env_override(provider: str, field: str) -> str | None:
    value = os.environ.get(env_name(provider, field))
    return value if value else None


def remember(value: str) -> None:
    """Note a secret value so ``redact`` masks it wherever it shows up."""
    if value and len(value) >= _MIN_SECRET_LEN:
        with _known_lock:
            _known.add(value)


def _username(provider: str, field: str) -> str:
    return f"{provider}.{field}"


def get_secret(provider: str, field: str) -> str:
    """The secret, from the environment override or the keyring; "" when not set."""
    value = env_override(provider, field)
    if value is None:
        value = _from_keyfile(provider, field)
    if value is None and not keyring_usable():
        value = ""
    if value is None:
        import keyring
        from keyring.errors import KeyringError

        try:
            value = keyring.get_password(SERVICE, _username(provider, field)) or ""
        except KeyringError as exc:
            raise SecretStoreError(
                tr("The system keyring could not be read (%1). Unlock it, or set %2 in the environment instead.")
                .replace("%1", type(exc).__name__).replace("%2", env_name(provider, field))
            ) from None
    remember(value)
    return value


def set_secret(provider: str, field: str, value: str) -> None:
    """Store (or with "" delete) a secret: in the OS keyring, else in the encrypted key file."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    from app import keyfile

    if value:
        remember(value)
    if keyring_usable():
        try:
            if value:
                keyring.set_password(SERVICE, _username(provider, field), value)
            else:
                try:
                    keyring.delete_password(SERVICE, _username(provider, field))
                except PasswordDeleteError:
                    pass
            if not keyfile.exists():
                return
        except KeyringError:
            pass  # a keyring that refuses (locked, no service behind it): the key file instead
        else:
            value = ""  # now in the keyring: no stale copy stays in the key file
    try:
        keyfile.store(_username(provider, field), value)
    except keyfile.KeyFileError as exc:
        raise SecretStoreError(
            tr("The key for %1 was not saved: %2").replace("%1", provider).replace("%2", str(exc))) from None


def secret_source(provider: str, field: str) -> str:
    """Where a secret comes from: "environment", "keyfile", "keyring" or "" (not set)."""
    if env_override(provider, field) is not None:
        return "environment"
    try:
        if _from_keyfile(provider, field):
            return "keyfile"
        return "keyring" if get_secret(provider, field) else ""
    except SecretStoreError:
        return ""


def redact(text: str, extra: list[str] | tuple[str, ...] = ()) -> str:
    """``text`` with every known secret (and ``extra`` values) replaced by a mask."""
    if not text:
        return text
    with _known_lock:
        values = set(_known)
    values.update(v for v in extra if v and len(v) >= _MIN_SECRET_LEN)
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Masks known secrets in log messages and their arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_filter = RedactingFilter()


def install_log_redaction() -> None:
    """Attach the redacting filter to every handler of the root logger (idempotent)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if _filter not in handler.filters:
            handler.addFilter(_filter)
