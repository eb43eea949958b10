"""API keys: keyring storage, environment overrides, and never a key in text we write."""

from __future__ import annotations

import json
import logging

from app import secrets
from app.settings_store import SettingsStore, settings_dir, settings_store


def test_env_names_follow_the_documented_pattern() -> None:
    assert secrets.env_name("kling", "access_key") == "MICRODRAMA_KLING_ACCESS_KEY"
    assert secrets.env_name("kling", "base_url") == "MICRODRAMA_KLING_BASE_URL"
    assert secrets.env_name("music_endpoint", "api_key") == "MICRODRAMA_MUSIC_ENDPOINT_API_KEY"


def test_keys_live_in_the_keyring_and_the_environment_wins(memory_keyring, monkeypatch) -> None:
    secrets.set_secret("kling", "secret_key", "kl-secret-from-keyring")
    assert memory_keyring.store[(secrets.SERVICE, "kling.secret_key")] == "kl-secret-from-keyring"
    assert secrets.get_secret("kling", "secret_key") == "kl-secret-from-keyring"
    assert secrets.secret_source("kling", "secret_key") == "keyring"
    monkeypatch.setenv("MICRODRAMA_KLING_SECRET_KEY", "kl-secret-from-env")
    assert secrets.get_secret("kling", "secret_key") == "kl-secret-from-env"
    assert secrets.secret_source("kling", "secret_key") == "environment"
    secrets.set_secret("kling", "secret_key", "")
    assert (secrets.SERVICE, "kling.secret_key") not in memory_keyring.store


def test_a_key_that_was_read_is_masked_in_messages_and_logs(memory_keyring, caplog) -> None:
    secrets.set_secret("openai", "api_key", "sk-test-VERYSECRET-0123456789")
    key = secrets.get_secret("openai", "api_key")
    text = f"401 from server: invalid key {key} (check it)"
    assert key not in secrets.redact(text) and secrets.MASK in secrets.redact(text)
    logger = logging.getLogger("microdrama.test")
    handler = logging.StreamHandler()
    logging.getLogger().addHandler(handler)
    try:
        secrets.install_log_redaction()
        caplog.handler.addFilter(secrets.RedactingFilter())
        with caplog.at_level(logging.WARNING):
            logger.warning("request failed with key %s", key)
        assert key not in caplog.text and secrets.MASK in caplog.text
    finally:
        logging.getLogger().removeHandler(handler)


def test_settings_file_honours_the_settings_dir_and_never_stores_secrets(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "cfg"))
    assert settings_dir() == tmp_path / "cfg"
    store = settings_store()
    store.set_provider_settings("kling", {"base_url": "http://127.0.0.1:9", "secret_key": "hunter22"},
                                secret_fields={"secret_key", "access_key"})
    raw = (tmp_path / "cfg" / "settings.json").read_text(encoding="utf-8")
    assert "hunter22" not in raw
    assert json.loads(raw)["providers"]["kling"] == {"base_url": "http://127.0.0.1:9"}
    assert SettingsStore(tmp_path / "cfg" / "settings.json").provider_settings("kling")["base_url"] \
        == "http://127.0.0.1:9"


def test_a_damaged_settings_file_is_kept_aside_not_lost(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ not json", encoding="utf-8")
    store = SettingsStore(path)
    assert store.provider_settings("kling") == {}
    assert (tmp_path / "settings.json.damaged").read_text(encoding="utf-8") == "{ not json"
