"""Fixtures for the job tests: a real project bundle with a storyboard, vendor servers, a keyring."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from app.model import Character, Episode, Scene, Series, Shot
from tests.project_helpers import opened_session, saved_bundle
from tests.providers.servers.fixtures import *  # noqa: F401,F403


class MemoryKeyring(KeyringBackend):
    """A real keyring backend held in memory (the OS keyring is kept out of tests)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.store:
            raise PasswordDeleteError("not found")
        del self.store[(service, username)]


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """Each test gets its own settings file and fast polling."""
    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("MICRODRAMA_POLL_INTERVAL", "0.05")


def make_series() -> Series:
    series = Series(title="Rain City")
    series.bible.visual_style = "cinematic, neon rain"
    series.characters.append(Character(name="Lin Mei", description="a young courier in a yellow raincoat"))
    episode = Episode(number=1, title="Pilot", budget=None)
    scene = Scene(number=1, heading="EXT. MARKET - NIGHT")
    for i in range(1, 4):
        scene.shots.append(Shot(code=f"E01-00{i}", number=i, duration=60,
                                image_prompt=f"@Lin Mei runs through the market, shot {i}",
                                motion_prompt="she runs towards the camera", negative_prompt="blurry"))
    episode.scenes.append(scene)
    series.episodes.append(episode)
    return series


@pytest.fixture
def project(tmp_path) -> Path:
    """A saved bundle with one episode of three shots (no stills yet)."""
    return saved_bundle(tmp_path / "RainCity.mdrama", make_series())


@pytest.fixture
def session(project, qtbot):
    with opened_session(project) as s:
        yield s
