"""A batch made in short GUI-thread slices (app.jobs.batch_queue): it reaches the Jobs dock at once,
every job runs, and a batch cancelled (or closed) while it is being made queues nothing and pays
for nothing. Against the loopback Kling server (create, poll, download)."""

from __future__ import annotations

from functools import partial

import pytest

from app.jobs.actions import shot_job
from app.jobs.batch_queue import BatchState, QueueingBatch, queue_in_slices
from app.jobs.job import JobState
from app.jobs.journal import journal_for, journal_path, read_entries
from app.settings_store import settings_store
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from widgets.jobs.panel import JobsPanel

CREATE = "POST /v1/images/generations"


@pytest.fixture
def kling(kling_server, monkeypatch):
    monkeypatch.setenv("MICRODRAMA_KLING_BASE_URL", kling_server.url)
    monkeypatch.setenv("MICRODRAMA_KLING_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("MICRODRAMA_KLING_SECRET_KEY", SECRET_KEY)
    settings_store().set("defaults", "image", "kling")
    return kling_server


def makers(session, versions: int) -> list:
    """``versions`` still jobs per shot of the episode, each made only when the batch asks."""
    episode = session.current_episode
    return [partial(shot_job, session, episode, shot, "still", "kling") for shot in episode.shots()
            for _ in range(versions)]


def journaled_jobs(session) -> set[str]:
    journal = journal_for(session.bundle.root)
    assert journal.flush()
    return {str(e.get("job")) for e in read_entries(journal_path(session.bundle.root)) if e.get("type") == "record"}


def test_a_batch_made_in_slices_reaches_the_dock_at_once_and_every_job_runs(session, qtbot, kling) -> None:
    panel = JobsPanel(session)
    qtbot.addWidget(panel)
    manager = session.services.jobs
    added: list[list[str]] = []
    manager.jobsAdded.connect(added.append)
    batch = QueueingBatch(manager, makers(session, 4), slice_ms=0).start()  # 12 jobs, one per slice after the first
    assert batch.state is BatchState.MAKING and batch.total == 12
    assert manager.jobs() == [] and session.series.jobs == []  # nothing queued or recorded yet
    qtbot.waitUntil(lambda: batch.state is BatchState.QUEUED, timeout=10000)
    assert batch.slices > 1
    assert added == [[job.id for job in batch.jobs]]  # one signal with the whole batch
    assert set(panel._items) == {job.id for job in batch.jobs}
    # paid-task safety as before: every record is in the project and the journal once queued
    assert {r.id for r in session.series.jobs} == {job.id for job in batch.jobs}
    assert journaled_jobs(session) >= {job.id for job in batch.jobs}
    qtbot.waitUntil(lambda: all(job.state.finished for job in batch.jobs), timeout=60000)
    assert all(job.state is JobState.SUCCEEDED for job in batch.jobs), [j.error for j in batch.jobs]
    assert len(kling.received(CREATE)) == 12


def test_cancel_while_it_is_made_queues_nothing_and_creates_no_paid_task(session, qtbot, kling) -> None:
    manager = session.services.jobs
    batch = QueueingBatch(manager, makers(session, 4), slice_ms=0).start()
    assert batch.state is BatchState.MAKING
    cancelled = [job.id for job in batch.jobs]
    batch.cancel()
    assert batch.state is BatchState.CANCELLED and batch.jobs == []
    # a later batch runs to its end: the event loop turned many times, the cancelled one never came back
    later = queue_in_slices(manager, makers(session, 1)[:1])
    assert later.state is BatchState.QUEUED
    qtbot.waitUntil(lambda: all(job.state.finished for job in later.jobs), timeout=60000)
    assert [j.id for j in manager.jobs()] == [later.jobs[0].id]  # no orphan job
    assert [r.id for r in session.series.jobs] == [later.jobs[0].id]  # no orphan record
    assert len(kling.received(CREATE)) == 1  # only the later batch's task was created (paid)
    assert not journaled_jobs(session) & set(cancelled)


def test_closing_the_project_while_a_batch_is_made_stops_it(session, qtbot, kling) -> None:
    manager = session.services.jobs
    batch = QueueingBatch(manager, makers(session, 6), slice_ms=0).start()
    assert batch.state is BatchState.MAKING
    made = [job.id for job in batch.jobs]
    root = session.bundle.root
    manager.shutdown()
    session.close()
    assert batch.state is BatchState.CANCELLED and batch.jobs == [] and manager.jobs() == []
    qtbot.wait(100)  # the batch's slice timer (0 ms) would have run by now: nothing is made or sent
    assert batch.jobs == [] and manager.jobs() == []
    assert kling.received(CREATE) == []
    assert not {str(e.get("job")) for e in read_entries(journal_path(root))} & set(made)


def test_a_shot_that_cannot_be_drawn_fails_the_batch_before_anything_is_queued(session, qtbot, kling) -> None:
    episode = session.current_episode
    last = list(episode.shots())[-1]
    session.document.edit(last, "No prompt", image_prompt="", action="")
    manager = session.services.jobs
    failures: list[object] = []
    batch = QueueingBatch(manager, makers(session, 4), slice_ms=0)
    batch.failed.connect(failures.append)
    batch.start()
    qtbot.waitUntil(lambda: batch.state is BatchState.FAILED, timeout=10000)
    assert len(failures) == 1 and "no image prompt" in str(failures[0])
    assert manager.jobs() == [] and session.series.jobs == [] and kling.received(CREATE) == []


def test_a_failure_in_the_first_slice_reaches_the_callback(session, qtbot, kling) -> None:
    """Generate on a project being closed: the queue refuses, the caller hears it, nothing is queued."""
    from app.jobs.batch_queue import queue_made

    manager = session.services.jobs
    jobs = [maker() for maker in makers(session, 1)]
    manager.shutdown()
    session.close()
    heard: list[object] = []
    batch = queue_made(manager, jobs, heard.append)
    assert batch.state is BatchState.FAILED and heard == [batch.error] and manager.jobs() == []
