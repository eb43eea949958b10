"""Close the app with paid remote tasks in flight, reopen it: polling resumes and the results land."""

from __future__ import annotations

import pytest

from app.jobs.actions import shot_job
from app.jobs.job import JobState
from app.jobs.manager import job_manager
from app.session import Session
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY


@pytest.fixture
def kling_env(kling_server, monkeypatch):
    monkeypatch.setenv("MICRODRAMA_KLING_BASE_URL", kling_server.url)
    monkeypatch.setenv("MICRODRAMA_KLING_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("MICRODRAMA_KLING_SECRET_KEY", SECRET_KEY)
    return kling_server


def _disk(project):
    """What is on disk: project.json plus the job journal (flushed first)."""
    from app.bundle import ProjectBundle
    from app.jobs.journal import journal_for, load_with_journal

    journal_for(project).flush()
    return load_with_journal(ProjectBundle(project))


def test_close_with_tasks_in_flight_and_reopen_the_results_arrive(project, kling_env, qtbot) -> None:
    server = kling_env
    server.polls_to_finish = 10**6  # the vendor is slow today
    first = Session()
    first.open(project)
    manager = job_manager(first)
    episode = first.current_episode
    shots = list(episode.shots())
    jobs = [manager.add(shot_job(first, episode, shot, "still", "kling")) for shot in shots[:2]]
    qtbot.waitUntil(lambda: all(j.state is JobState.REMOTE for j in jobs)
                    and len(server.received("GET /v1/images/generations/")) >= 2, timeout=10000)
    first.document.edit(shots[2], "Edit action", action="AN EDIT THE USER NEVER SAVED")

    on_disk = _disk(project)
    records = {r.id: r for r in on_disk.jobs}
    assert {records[j.id].state for j in jobs} == {"remote"}
    assert {records[j.id].task_id for j in jobs} == {j.handle.task_id for j in jobs}
    assert all(records[j.id].request["handle"]["task_id"] for j in jobs)
    assert ACCESS_KEY not in (project / "project.json").read_text() and SECRET_KEY not in \
        (project / "project.json").read_text()
    assert "AN EDIT THE USER NEVER SAVED" not in (project / "project.json").read_text()

    # the app closes without saving; the vendor keeps working
    manager.shutdown()
    first.close()
    submitted = len(server.received("POST /v1/images/generations"))
    assert submitted == 2
    server.polls_to_finish = 0  # ... and finishes while the app is closed

    second = Session()
    second.open(project)
    reopened = job_manager(second)
    qtbot.waitUntil(lambda: all(s.chosen_still for s in list(second.current_episode.shots())[:2]), timeout=15000)
    assert reopened.wait(timeout=10)
    assert len(server.received("POST /v1/images/generations")) == submitted  # nothing paid twice
    again = list(second.current_episode.shots())
    task_ids = {j.handle.task_id for j in jobs}
    for shot in again[:2]:
        asset = second.series.media[shot.chosen_still]
        # (the test vendor sends byte-identical images, which share one content-addressed asset)
        assert asset.provenance.task_id in task_ids and asset.provenance.provider == "kling"
        assert asset.provenance.model == "kling-v2" and second.bundle.resolve(asset.path).is_file()
    assert again[2].chosen_still is None and again[2].action != "AN EDIT THE USER NEVER SAVED"
    final = _disk(project)
    assert {r.state for r in final.jobs} == {"succeeded"}
    assert [s.chosen_still for s in list(final.episodes[0].shots())[:2]] == [s.chosen_still for s in again[:2]]
    reopened.shutdown()
    second.close()


def test_a_task_the_vendor_fails_is_reported_in_its_words_and_can_be_resubmitted(session, kling_env) -> None:
    server = kling_env
    server.next_outcome = "failed"
    server.failure_message = "Failure to pass the risk control system"
    manager = job_manager(session)
    episode = session.current_episode
    shot = next(episode.shots())
    job = manager.add(shot_job(session, episode, shot, "still", "kling"))
    assert manager.wait(timeout=15)
    assert job.state is JobState.FAILED and "Failure to pass the risk control system" in job.error
    server.next_outcome = "succeed"
    manager.retry(job.id)
    assert manager.wait(timeout=15)
    assert job.state is JobState.SUCCEEDED and shot.chosen_still
    assert len(server.received("POST /v1/images/generations")) == 2  # a failed task is submitted anew


def test_cancel_a_remote_job_stops_polling(session, kling_env, qtbot) -> None:
    server = kling_env
    server.polls_to_finish = 10**6
    manager = job_manager(session)
    episode = session.current_episode
    job = manager.add(shot_job(session, episode, next(episode.shots()), "still", "kling"))
    qtbot.waitUntil(lambda: job.state is JobState.REMOTE, timeout=20000)  # the task is at the vendor
    assert not manager.wait(timeout=0.3)  # and stays there: the vendor never finishes it
    manager.cancel(job.id)
    assert manager.wait(timeout=5)
    assert job.state is JobState.CANCELLED
    polls = len(server.received("GET /v1/images/generations/"))
    qtbot.wait(300)
    assert len(server.received("GET /v1/images/generations/")) == polls
    assert next(r for r in _disk(session.bundle.root).jobs if r.id == job.id).state == "cancelled"


def test_cancelling_a_remote_task_cancels_it_at_the_vendor_too(session, replicate_server, monkeypatch, qtbot) -> None:
    from tests.providers.servers.replicate import API_TOKEN

    monkeypatch.setenv("MICRODRAMA_REPLICATE_BASE_URL", f"{replicate_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_REPLICATE_API_KEY", API_TOKEN)
    replicate_server.polls_to_finish = 10**6
    manager = job_manager(session)
    episode = session.current_episode
    job = manager.add(shot_job(session, episode, next(episode.shots()), "still", "replicate"))
    qtbot.waitUntil(lambda: job.state is JobState.REMOTE, timeout=20000)  # the task is at the vendor
    assert not manager.wait(timeout=0.3)  # and stays there: the vendor never finishes it
    manager.cancel(job.id)
    assert manager.wait(timeout=5)
    assert job.state is JobState.CANCELLED
    cancels = replicate_server.received(f"POST /v1/predictions/{job.handle.task_id}/cancel")
    assert len(cancels) == 1
    assert replicate_server.predictions[job.handle.task_id]["status"] == "canceled"


def test_the_providers_concurrency_limit_holds_paid_submissions_back(session, kling_env, qtbot) -> None:
    server = kling_env
    server.polls_to_finish = 10**6
    manager = job_manager(session)
    manager.set_limit("kling", 1)
    episode = session.current_episode
    jobs = [manager.add(shot_job(session, episode, shot, "still", "kling")) for shot in episode.shots()]
    qtbot.waitUntil(lambda: jobs[0].state is JobState.REMOTE, timeout=20000)
    assert not manager.wait(timeout=0.5)
    assert [j.state for j in jobs] == [JobState.REMOTE, JobState.QUEUED, JobState.QUEUED]
    assert len(server.received("POST /v1/images/generations")) == 1
    server.polls_to_finish = 0
    assert manager.wait(timeout=20)
    assert all(j.state is JobState.SUCCEEDED for j in jobs)
    assert len(server.received("POST /v1/images/generations")) == 3
