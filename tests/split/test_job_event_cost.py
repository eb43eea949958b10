"""A job event costs what its job touches, not what the season holds.

A 60-job batch on a 100-episode season stalled the GUI thread for up to 8.8 s: each
arriving still looked its shot up by walking the whole season (``landing._find``). This
test counts the Python calls the GUI thread makes while handling the batch's job events
(``JobManager._on_event`` / ``_on_done``: landing, journal, signals and everything their
listeners do) in a 2-episode project and in a 40-episode one. Counting calls is
deterministic, so the comparison is structural, not a timing: a walk over every episode
per event multiplies the season's count by ~20; proportional work leaves it equal.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest

from app.jobs.actions import shot_job
from app.jobs.job import JobState
from app.jobs.manager import JobManager, job_manager
from app.session import Session
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY

from .conftest import season_series

JOBS = 4


class EventCallCounter:
    """Counts the calls made inside the job manager's event handlers on this thread."""

    def __init__(self, *roots: Any) -> None:
        self.roots: set[CodeType] = {f.__code__ for f in roots}
        self.depth = 0
        self.calls = 0

    def __call__(self, frame: FrameType, event: str, arg: Any) -> None:
        if event == "call":
            if self.depth:
                self.calls += 1
                self.depth += 1
            elif frame.f_code in self.roots:
                self.depth = 1
        elif event == "return" and self.depth:
            self.depth -= 1
        elif event == "c_call" and self.depth:
            self.calls += 1


@pytest.fixture
def kling_env(kling_server, monkeypatch):
    monkeypatch.setenv("MICRODRAMA_KLING_BASE_URL", kling_server.url)
    monkeypatch.setenv("MICRODRAMA_KLING_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("MICRODRAMA_KLING_SECRET_KEY", SECRET_KEY)
    return kling_server


def _calls_per_job(tmp_path: Path, qtbot, episodes: int) -> float:
    session = Session()
    session.create(tmp_path / f"S{episodes}.mdrama", season_series(episodes=episodes, shots=10))
    try:
        manager = job_manager(session)
        first = session.series.episodes[0]  # a walk of the season from its end reaches these last
        shots = list(first.shots())[:JOBS]
        counter = EventCallCounter(JobManager._on_event, JobManager._on_done)
        sys.setprofile(counter)
        try:
            jobs = [manager.add(shot_job(session, first, shot, "still", "kling")) for shot in shots]
            qtbot.waitUntil(lambda: all(j.state.finished for j in jobs), timeout=60_000)
        finally:
            sys.setprofile(None)
        assert all(j.state is JobState.SUCCEEDED for j in jobs), [j.error for j in jobs]
        assert all(shot.chosen_still for shot in shots)  # the stills landed on their shots
        assert counter.calls > 0
        manager.shutdown()
        return counter.calls / JOBS
    finally:
        session.close()


def test_job_events_cost_the_same_in_a_season_as_in_a_small_project(tmp_path, qtbot, kling_env) -> None:
    small = _calls_per_job(tmp_path, qtbot, episodes=2)
    season = _calls_per_job(tmp_path, qtbot, episodes=40)
    # polling events vary a little with timing; the per-event walk of 40 episodes measured 11.5x
    print(f"calls per job event handling: {small:.0f} (2 episodes) vs {season:.0f} (40 episodes)")
    assert season < small * 1.5, (small, season)
