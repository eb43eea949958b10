"""No system keyring (the null backend, as on a Linux desktop without a secret service):
API keys saved through the Providers dialog go to an encrypted key file."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import keyfile, secrets
from app.settings_store import settings_store

REPO = Path(__file__).resolve().parents[2]
KEY = "ak-typed-KEYFILE-0123456789"
PASS = "雨夜 correct horse"


@pytest.fixture(autouse=True)
def no_keyring(tmp_path, monkeypatch):
    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv(keyfile.PASSPHRASE_ENV, raising=False)
    import keyring
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    keyfile.forget_passphrase()
    yield
    keyfile.forget_passphrase()
    keyfile.set_prompt(None)
    keyring.set_keyring(previous)


def answer_passphrase(qtbot, *typed: str, seen: list | None = None) -> None:
    """When the passphrase dialog appears, type ``typed`` in turn (OK after each); "" = Cancel."""
    queue = list(typed)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "KeyFilePassphraseDialog":
            QTimer.singleShot(20, poll)
            return
        if seen is not None:
            seen.append(dialog.error.text())
        text = queue.pop(0)
        if not text:
            dialog.reject()
            return
        dialog.edit.setText(text)
        dialog.repeat.setText(text)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        if queue:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def save_key_through_dialog(qtbot, limit: int = 3):
    from widgets.settings.providers_dialog import ProvidersDialog

    dialog = ProvidersDialog(select="kling")
    qtbot.addWidget(dialog)
    page = dialog.page("kling")
    page.editors["access_key"].setText(KEY)
    page.editors["access_key"].textEdited.emit(KEY)
    page.limit.setValue(limit)
    dialog.accept()
    return dialog


def read_in_new_process(passphrase: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    env[keyfile.PASSPHRASE_ENV] = passphrase
    code = ("from app import secrets\n"
            "try:\n    print('KEY=' + secrets.get_secret('kling', 'access_key'))\n"
            "except secrets.SecretStoreError as e:\n    print('ERROR=' + str(e))\n")
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def test_save_creates_an_encrypted_key_file_readable_after_a_restart(qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    assert not secrets.keyring_usable()
    answer_passphrase(qtbot, PASS)
    dialog = save_key_through_dialog(qtbot)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    path = keyfile.keyfile_path()
    raw = path.read_bytes()
    assert KEY.encode() not in raw and PASS.encode() not in raw and b"ak-typed" not in raw
    assert json.loads(raw)["kdf"] == "scrypt"
    assert path.stat().st_mode & 0o077 == 0  # readable by the user only
    assert settings_store().concurrency_limits()["kling"] == 3
    assert KEY not in settings_store().path.read_text()
    assert all(KEY not in r.getMessage() for r in caplog.records)
    # this session knows the passphrase already: reading asks nothing
    assert secrets.get_secret("kling", "access_key") == KEY
    assert secrets.secret_source("kling", "access_key") == "keyfile"

    restarted = read_in_new_process(PASS)
    assert restarted.stdout.strip() == f"KEY={KEY}", restarted.stderr
    wrong = read_in_new_process("not it")
    assert wrong.stdout.startswith("ERROR=") and "passphrase does not open the key file" in wrong.stdout
    assert KEY not in wrong.stdout + wrong.stderr


def test_after_a_restart_the_dialog_asks_once_and_a_wrong_passphrase_is_told(qtbot):
    answer_passphrase(qtbot, PASS)
    save_key_through_dialog(qtbot)
    keyfile.forget_passphrase()  # a new session
    from widgets.settings.providers_dialog import ProvidersDialog

    errors: list[str] = []
    answer_passphrase(qtbot, "wrong one", PASS, seen=errors)
    dialog = ProvidersDialog(select="kling")
    qtbot.addWidget(dialog)
    page = dialog.page("kling")
    assert page.editors["access_key"].text() == KEY
    assert errors[0] == "" and "does not open the key file" in errors[1]
    # asked once per session: a second dialog reads the key without asking
    again = ProvidersDialog(select="kling")
    qtbot.addWidget(again)
    assert again.page("kling").editors["access_key"].text() == KEY


def test_cancelled_passphrase_saves_nothing_and_says_why(qtbot):
    before = settings_store().concurrency_limits().get("kling")
    answer_passphrase(qtbot, "")
    dialog = save_key_through_dialog(qtbot, limit=5)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog) and "passphrase" in dialog.error.text()
    assert "environment" not in dialog.error.text().split("(")[0]
    assert settings_store().concurrency_limits().get("kling") == before  # no half-saved settings
    assert not keyfile.keyfile_path().exists()


def test_a_job_thread_that_needs_the_key_asks_through_the_gui_once(qtbot):
    import threading

    from widgets.settings import keyfile_prompt

    answer_passphrase(qtbot, PASS)
    save_key_through_dialog(qtbot)
    keyfile.forget_passphrase()  # a new session: the first job needs the passphrase
    keyfile_prompt.install()
    got: list[str] = []
    asked: list[str] = []
    answer_passphrase(qtbot, PASS, seen=asked)
    workers = [threading.Thread(target=lambda: got.append(secrets.get_secret("kling", "access_key")))
               for _ in range(2)]
    for w in workers:
        w.start()
    qtbot.waitUntil(lambda: len(got) == 2, timeout=20000)
    assert got == [KEY, KEY] and len(asked) == 1  # two jobs, one dialog
