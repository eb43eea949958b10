"""A lip-sync provider uses the keys of the vendor account it belongs to: one key, entered once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from app import secrets
from app.jobs.provider_config import key_owner, missing_required, provider_values
from tests.jobs.conftest import memory_keyring  # noqa: F401 - fixture
from widgets.settings.providers_dialog import ProvidersDialog


@pytest.fixture(autouse=True)
def _settings(tmp_path, monkeypatch):
    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "settings"))


def test_kling_lip_sync_uses_the_kling_keys(memory_keyring):  # noqa: F811
    assert key_owner("kling_lipsync") == "kling" and key_owner("fal_lipsync") == "fal"
    assert missing_required("kling_lipsync")  # nothing entered yet
    secrets.set_secret("kling", "access_key", "ak-entered-once-123")
    secrets.set_secret("kling", "secret_key", "sk-entered-once-456")
    values = provider_values("kling_lipsync")
    assert values["access_key"] == "ak-entered-once-123" and values["secret_key"] == "sk-entered-once-456"
    assert missing_required("kling_lipsync") == []
    assert not any(user.startswith("kling_lipsync.") for _service, user in memory_keyring.store)


def test_the_providers_dialog_shows_no_second_key_entry(qtbot, memory_keyring):  # noqa: F811
    secrets.set_secret("fal", "api_key", "fal-key-entered-once")
    dialog = ProvidersDialog(select="fal_lipsync")
    qtbot.addWidget(dialog)
    page = dialog.page("fal_lipsync")
    edit = page.editors["api_key"]
    assert isinstance(edit, QLineEdit) and not edit.isEnabled()
    assert "fal.ai" in edit.placeholderText() and edit.text() == ""
    assert page.values()["api_key"] == "fal-key-entered-once"  # Test connection uses the fal key
    dialog.accept()
    assert (secrets.SERVICE, "fal_lipsync.api_key") not in memory_keyring.store
