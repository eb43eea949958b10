"""Saved projects and opened sessions for tests: one way to make them, so fixtures do not copy it.

A bundle is made through a real ``Session`` (as the editor does), and an opened session always shuts its
job manager down before closing, so no worker outlives the test that started it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.jobs.manager import job_manager
from app.model import Episode, Series
from app.session import Session


def saved_bundle(path: Path, series: Series) -> Path:
    """Create ``series`` as a bundle at ``path``, close it, and return the bundle's root folder."""
    session = Session()
    session.create(path, series)
    root = session.bundle.root
    session.close()
    return root


def one_episode_series() -> Series:
    """A series with one empty episode: the smallest project a panel or dialog can open."""
    series = Series(title="契约新娘")
    series.episodes.append(Episode(number=1, title="签约"))
    return series


@contextmanager
def opened_session(root: Path) -> Iterator[Session]:
    """Open the bundle at ``root``; on leaving, stop its jobs and close it."""
    session = Session()
    session.open(root)
    try:
        yield session
    finally:
        job_manager(session).shutdown()
        session.close()
