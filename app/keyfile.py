"""An encrypted local key file, for desktops with no system keyring (no secret service).

The file (``keys.enc`` next to the settings) is JSON holding a random salt, the
scrypt parameters and one Fernet token: the API keys as a JSON object,
encrypted with a key derived from the user's passphrase. Fernet (AES-128-CBC
with an HMAC-SHA256 tag, from the PyCA ``cryptography`` package) authenticates
what it decrypts, so a wrong passphrase is told apart from a damaged file and
never yields garbage keys. scrypt makes guessing passphrases from a stolen file
slow. Nothing here writes a key or the passphrase anywhere else.

The passphrase is asked once per session: from ``MICRODRAMA_KEYFILE_PASSPHRASE``,
else from the prompt the front end installed (a dialog in the GUI, a hidden
prompt on a terminal), and then kept in memory until the process ends.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.errors import UserError

PASSPHRASE_ENV = "MICRODRAMA_KEYFILE_PASSPHRASE"
KEYFILE_NAME = "keys.enc"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1  # ~32 MB and ~0.1 s per derivation
FORMAT = "microdrama-keyfile-1"

# prompt(creating: bool) -> passphrase, or None when the user declined
Prompt = Callable[[bool], "str | None"]


def tr(text: str) -> str:
    # pyside6-lupdate files calls of a module-level tr() under the empty context: look them up there
    return QCoreApplication.translate("", text)


class KeyFileError(UserError):
    """The key file cannot be used; the message says why and what to do."""


class KeyFileLocked(KeyFileError):
    """No passphrase was given (the user cancelled, or no terminal to ask on)."""


class WrongPassphrase(KeyFileError):
    """The passphrase does not open the key file."""


_lock = threading.RLock()
_passphrase: str | None = None
_prompt: Prompt | None = None


def keyfile_path() -> Path:
    from app.settings_store import settings_dir

    return settings_dir() / KEYFILE_NAME


def set_prompt(prompt: Prompt | None) -> None:
    """Install how the front end asks for the passphrase (called with True when creating the file)."""
    global _prompt
    _prompt = prompt


def forget_passphrase() -> None:
    global _passphrase
    with _lock:
        _passphrase = None
        _derived.clear()


def unlocked() -> bool:
    return _passphrase is not None


def exists() -> bool:
    return keyfile_path().is_file()


_derived: dict[tuple[str, bytes, int, int, int], bytes] = {}  # scrypt is slow on purpose: once per file


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    cache_key = (passphrase, salt, n, r, p)
    if cache_key not in _derived:
        raw = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
        _derived.clear()
        _derived[cache_key] = base64.urlsafe_b64encode(raw)
    return _derived[cache_key]


def _read_raw() -> dict[str, Any]:
    try:
        data = json.loads(keyfile_path().read_text("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(data.get("format"))
        return data
    except (OSError, ValueError, AttributeError) as exc:
        raise KeyFileError(tr("The key file %1 cannot be read (%2). Move it away and enter your API keys again.")
                           .replace("%1", str(keyfile_path())).replace("%2", type(exc).__name__)) from None


def _decrypt(data: dict[str, Any], passphrase: str) -> dict[str, str]:
    from cryptography.fernet import Fernet, InvalidToken

    key = _derive(passphrase, base64.b64decode(data["salt"]), data["n"], data["r"], data["p"])
    try:
        plain = Fernet(key).decrypt(data["token"].encode("ascii"))
    except InvalidToken:
        raise WrongPassphrase(tr("That passphrase does not open the key file. Check it and try again.")) from None
    return dict(json.loads(plain))


def _ask(creating: bool) -> str:
    """The session's passphrase: remembered, from the environment, or asked once.

    Called without ``_lock`` held: the prompt may run a dialog whose event loop
    lets other code read keys meanwhile.
    """
    if _passphrase is not None:
        return _passphrase
    value = os.environ.get(PASSPHRASE_ENV) or None
    if value is None and _prompt is not None:
        value = _prompt(creating) or _passphrase  # another caller may have unlocked while this one waited
    if not value:
        raise KeyFileLocked(tr("The API keys are in an encrypted key file and no passphrase was given. "
                               "Open Edit → Providers… and enter it when asked (or set %1).")
                            .replace("%1", PASSPHRASE_ENV))
    return value


def unlock(passphrase: str | None = None) -> None:
    """Check ``passphrase`` (or ask for one) against the file and keep it for the session."""
    global _passphrase
    value = passphrase or _ask(not exists())
    if exists():
        _decrypt(_read_raw(), value)
    with _lock:
        _passphrase = value


def load() -> dict[str, str]:
    """Every stored key ({} when there is no file); asks for the passphrase once if needed."""
    if not exists():
        return {}
    if _passphrase is None:
        unlock()
    with _lock:
        return _decrypt(_read_raw(), _passphrase or "")


def store(name: str, value: str) -> None:
    """Set (or with "" remove) one key and rewrite the file atomically, readable only by the user."""
    from cryptography.fernet import Fernet

    from app.fsutil import atomic_write_bytes

    if not value and not exists():
        return
    if _passphrase is None:
        unlock()
    with _lock:
        passphrase = _passphrase or ""
        path = keyfile_path()
        keys = _decrypt(_read_raw(), passphrase) if path.is_file() else {}
        if value:
            keys[name] = value
        elif name not in keys:
            return
        else:
            keys.pop(name)
        salt = os.urandom(16)
        token = Fernet(_derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(
            json.dumps(keys).encode("utf-8"))
        doc = {"format": FORMAT, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
               "salt": base64.b64encode(salt).decode("ascii"), "token": token.decode("ascii")}
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(doc, indent=1).encode("utf-8"))
        os.chmod(path, 0o600)


def terminal_prompt(creating: bool) -> str | None:
    """The CLI's prompt: a hidden passphrase read on the terminal (None when there is none)."""
    import getpass
    import sys

    if not sys.stdin.isatty():
        return None
    try:
        value = getpass.getpass(tr("Passphrase of the key file %1: ").replace("%1", str(keyfile_path())))
        if creating and value != getpass.getpass(tr("Repeat the passphrase: ")):
            return None
        return value
    except (EOFError, KeyboardInterrupt):
        return None
