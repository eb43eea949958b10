"""Fixtures for the foundation tests: small real projects on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.model import Clip, DialogueLine, Episode, Scene, Series, Shot, TrackKind
from app.session import Session


def small_series(title: str = "Small") -> Series:
    series = Series(title=title)
    episode = Episode(number=1, title="Pilot")
    shot = Shot(code="E01-001", duration=60, dialogue=[DialogueLine(character_name="LIN", text="你好")])
    episode.scenes.append(Scene(number=1, heading="INT. ROOF - NIGHT", shots=[shot]))
    episode.timeline.first_track(TrackKind.PICTURE).clips.append(Clip(start=0, duration=60, shot_id=shot.id))
    series.episodes.append(episode)
    return series


@pytest.fixture
def bundle(project_dir: Path) -> ProjectBundle:
    """A saved bundle holding ``small_series``."""
    return ProjectBundle.create(project_dir, small_series())


@pytest.fixture
def session(qtbot):
    """A Session with autosave effectively off (tests trigger it by hand); closed afterwards."""
    s = Session(autosave_interval_ms=3_600_000)
    yield s
    s.close()


@pytest.fixture
def make_session(qtbot):
    """Factory for extra sessions (a second editor window or instance)."""
    made: list[Session] = []

    def make() -> Session:
        s = Session(autosave_interval_ms=3_600_000)
        made.append(s)
        return s

    yield make
    for s in made:
        s.close()
