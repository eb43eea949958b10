"""The job journal and the bounds of a paid job, in process: real vendor servers on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.jobs.actions import shot_job
from app.jobs.backoff import RetryPolicy
from app.jobs.job import JobState
from app.jobs.journal import JobJournal, journal_for, journal_path, load_with_journal, read_entries
from app.jobs.manager import job_manager
from app.session import Session
from tests.providers.servers.base import Reply
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from tests.providers.servers.media import NOT_MEDIA, png_bytes

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def kling_env(kling_server, monkeypatch):
    monkeypatch.setenv("MICRODRAMA_KLING_BASE_URL", kling_server.url)
    monkeypatch.setenv("MICRODRAMA_KLING_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("MICRODRAMA_KLING_SECRET_KEY", SECRET_KEY)
    return kling_server


def _fast(job):
    job.policy = RetryPolicy(max_attempts=3, base=0.01, cap=0.02)
    return job


_WRITER = """
import sys
from pathlib import Path
from app.jobs.journal import JobJournal
journal = JobJournal(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    journal.append({"type": "record", "job": f"j{n}", "record": {"id": f"j{n}", "kind": "generate"}}, wait=True)
    print(n, flush=True)
"""


def test_a_sigkill_loses_no_fsynced_line_and_a_torn_line_is_ignored(tmp_path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path)], cwd=REPO, stdout=subprocess.PIPE,
                            text=True)
    acknowledged = 0
    while acknowledged < 40:
        acknowledged = int(proc.stdout.readline())
    proc.kill()
    proc.wait(timeout=10)
    path = journal_path(tmp_path)
    with open(path, "ab") as fh:  # what a kill in the middle of a write leaves
        fh.write(b'{"v":1,"type":"record","job":"torn","rec')
    jobs = [e["job"] for e in read_entries(path)]
    assert jobs[:acknowledged] == [f"j{n}" for n in range(1, acknowledged + 1)]
    assert "torn" not in jobs
    journal = JobJournal(tmp_path)  # the next writer cuts the torn tail off before appending
    assert journal.append({"type": "removed", "job": "after"}, wait=True)
    journal.close()
    assert [e["job"] for e in read_entries(path)][-1] == "after"
    assert all(json.loads(line) for line in path.read_bytes().splitlines())


def test_records_reach_the_journal_not_project_json_and_a_save_folds_them(session, kling_env, qtbot) -> None:
    kling_env.polls_to_finish = 10**6
    before = session.bundle.project_file.read_bytes()
    manager = job_manager(session)
    episode = session.current_episode
    job = manager.add(shot_job(session, episode, next(episode.shots()), "still", "kling"))
    qtbot.waitUntil(lambda: job.state is JobState.REMOTE, timeout=10000)
    assert session.bundle.project_file.read_bytes() == before  # no re-encode of project.json per event
    journal_for(session.bundle.root).flush()
    types = [e["type"] for e in read_entries(journal_path(session.bundle.root)) if e["job"] == job.id]
    assert types.index("submitting") < types.index("submitted")
    on_disk = {r.id: r for r in load_with_journal(session.bundle).jobs}
    assert on_disk[job.id].task_id == job.handle.task_id and on_disk[job.id].state == "remote"
    session.save()
    journal_for(session.bundle.root).flush()
    saved = {r.id: r for r in session.bundle.load().jobs}
    assert saved[job.id].task_id == job.handle.task_id
    # compacted: only the worker's lines of the unfinished job stay
    assert {e["type"] for e in read_entries(journal_path(session.bundle.root))} <= {"submitting", "submitted"}


def test_a_landed_result_survives_a_close_without_saving(project, kling_env, qtbot) -> None:
    first = Session()
    first.open(project)
    manager = job_manager(first)
    episode = first.current_episode
    shot = next(episode.shots())
    job = manager.add(shot_job(first, episode, shot, "still", "kling"))
    assert manager.wait(timeout=15) and job.state is JobState.SUCCEEDED
    still = shot.chosen_still
    assert still and ProjectBundle(project).load().episodes[0].scenes[0].shots[0].chosen_still is None
    manager.shutdown()
    first.close()  # no save: the journal holds the arrival
    second = Session()
    second.open(project)
    reopened = next(second.current_episode.shots())
    assert reopened.chosen_still == still and still in second.series.media
    assert not second.is_modified
    job_manager(second).shutdown()
    second.close()


def test_a_download_cut_off_halfway_fails_after_bounded_attempts_and_retry_resumes_it(session, kling_env) -> None:
    server = kling_env
    server.polls_to_finish = 1
    server.result_declared_length = len(png_bytes()) * 4  # Content-Length promises more than ever comes
    manager = job_manager(session)
    episode = session.current_episode
    job = manager.add(_fast(shot_job(session, episode, next(episode.shots()), "still", "kling")))
    assert manager.wait(timeout=30)
    assert job.state is JobState.FAILED
    assert "Gave up after 3 failed attempts" in job.error and ("truncated" in job.error or "broke off" in job.error)
    assert "nothing is paid again" in job.error
    assert len(server.received("GET /files/")) == 3  # polls in between did not reset the count
    assert len(server.received("POST /v1/images/generations")) == 1
    server.result_declared_length = None
    manager.retry(job.id)
    assert manager.wait(timeout=30)
    assert job.state is JobState.SUCCEEDED
    assert len(server.received("POST /v1/images/generations")) == 1  # Retry resumed the download


def test_a_result_that_is_not_media_leaves_nothing_in_cache_jobs(session, kling_env) -> None:
    kling_env.polls_to_finish = 1
    kling_env.image_bytes = NOT_MEDIA
    manager = job_manager(session)
    episode = session.current_episode
    job = manager.add(_fast(shot_job(session, episode, next(episode.shots()), "still", "kling")))
    assert manager.wait(timeout=30) and job.state is JobState.FAILED
    assert not (session.bundle.root / "cache" / "jobs" / job.id).exists()


def test_stale_leftovers_in_cache_jobs_are_removed_on_open(project, qtbot) -> None:
    stale = project / "cache" / "jobs" / "deadbeef0000"
    stale.mkdir(parents=True)
    (stale / "result.png.part").write_bytes(b"half a file")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    s = Session()
    s.open(project)
    manager = job_manager(s)
    manager.resume_persisted()
    qtbot.waitUntil(lambda: not stale.exists(), timeout=15000)
    manager.shutdown()
    s.close()


def test_closing_with_a_create_blocked_in_flight_returns_at_once_and_resume_finds_the_task(
        project, kling_env, qtbot) -> None:
    server = kling_env
    server.fail_next("POST /v1/images/generations", Reply(delay=1.0, close=True))  # the answer never comes
    first = Session()
    first.open(project)
    manager = job_manager(first)
    episode = first.current_episode
    job = manager.add(shot_job(first, episode, next(episode.shots()), "still", "kling"))
    qtbot.waitUntil(lambda: bool(server.received("POST /v1/images/generations")), timeout=10000)
    start = time.monotonic()
    manager.shutdown()
    assert time.monotonic() - start < 1.6
    assert manager.pool.activeThreadCount() == 0  # the blocked worker was woken, not abandoned
    first.close()
    # the vendor did create it (the request arrived); our disk only knows we were submitting
    body = server.received("POST /v1/images/generations")[0].json()
    server.handle(server.received("POST /v1/images/generations")[0])
    second = Session()
    second.open(project)
    reopened = job_manager(second)
    qtbot.waitUntil(lambda: reopened.job(job.id) is not None, timeout=15000)
    assert reopened.wait(timeout=20)
    assert reopened.job(job.id).state is JobState.SUCCEEDED
    assert len(server.tasks) == 1 and len(server.received("POST /v1/images/generations")) == 1
    assert next(iter(server.tasks.values())).body["external_task_id"] == body["external_task_id"]
    reopened.shutdown()
    second.close()


def test_a_kill_after_start_but_before_the_submitting_line_just_starts_again(project, kling_env, qtbot) -> None:
    from app.jobs.journal import record_entry

    first = Session()
    first.open(project)
    manager = job_manager(first)
    manager.pause()
    episode = first.current_episode
    job = manager.add(shot_job(first, episode, next(episode.shots()), "still", "kling"))
    job.record.state = "running"  # what a kill right after the start leaves: no "submitting" line
    journal_for(project).append(record_entry(job.record), wait=True)
    manager.shutdown()
    first.close()
    second = Session()
    second.open(project)
    reopened = job_manager(second)
    qtbot.waitUntil(lambda: reopened.job(job.id) is not None, timeout=15000)
    assert reopened.wait(timeout=20)
    assert reopened.job(job.id).state is JobState.SUCCEEDED  # not "check your account": nothing was sent
    assert len(kling_env.received("POST /v1/images/generations")) == 1
    reopened.shutdown()
    second.close()
