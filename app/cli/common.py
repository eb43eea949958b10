"""Shared pieces of the headless subcommands: opening a project, choosing an episode."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.bundle import ProjectBundle
from app.errors import UserError
from app.model import Episode, Series

if TYPE_CHECKING:
    from app.session import Session


def load_project(path: str | Path) -> tuple[ProjectBundle, Series]:
    """Read a bundle for a headless command (no lock: reading never changes the project).

    The project as it really is: the saved files (split or single-file) plus the job
    journal's records and landed results since the last save."""
    from app.jobs.journal import load_with_journal

    bundle = ProjectBundle(Path(path))
    return bundle, load_with_journal(bundle)


@contextmanager
def editing_episode(path: str | Path, number: int | None) -> Iterator[tuple[Session, Episode]]:
    """Open a project as the editor does (lock, journal, job queue) for a batch command that
    changes it (``generate``, ``voices``, ``lipsync``), with ``number``'s episode current; the
    project is closed (lock released) however the command ends."""
    from PySide6.QtCore import QCoreApplication

    from app.session import Session

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])  # the job queue needs one
    session = Session()
    session.open(Path(path))
    try:
        episode = pick_episode(session.series, number)
        session.set_current_episode(episode.id)
        yield session, episode
    finally:
        session.close()
        del app


def print_failures(failures: list[str]) -> bool:
    """Each failure on its own ``error:`` line; True when there was any."""
    for line in failures:
        print(f"error: {line}", file=sys.stderr)
    return bool(failures)


def pick_episode(series: Series, number: int | None) -> Episode:
    if not series.episodes:
        raise UserError("The project has no episodes yet; add one in the editor or with import-script.")
    if number is None:
        if len(series.episodes) == 1:
            return series.episodes[0]
        numbers = ", ".join(str(e.number) for e in series.episodes)
        raise UserError(f"Choose an episode with --episode N (this series has {numbers}).")
    episode = series.episode(number)
    if episode is None:
        numbers = ", ".join(str(e.number) for e in series.episodes)
        raise UserError(f"There is no episode {number}; this series has {numbers}.")
    return episode


def default_output(bundle: ProjectBundle, episode: Episode, suffix: str) -> Path:
    return bundle.folder("renders") / f"{bundle.name}-E{episode.number:02d}{suffix}"
