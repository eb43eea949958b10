"""The queue with local work: limits, progress, cancel, retries, clean failures."""

from __future__ import annotations

import threading
import time

import pytest

from app.jobs.backoff import RetryPolicy
from app.jobs.job import FunctionJob, JobState
from app.jobs.manager import job_manager
from app.session import Session


@pytest.fixture
def manager(qtbot):
    session = Session()
    mgr = job_manager(session)
    yield mgr
    mgr.shutdown()


def test_accessor_caches_one_manager_per_session(qtbot) -> None:
    a, b = Session(), Session()
    assert job_manager(a) is job_manager(a)
    assert job_manager(a) is not job_manager(b)


def test_concurrency_limit_per_resource_is_never_exceeded(manager) -> None:
    manager.set_limit("vendor-a", 2)
    lock = threading.Lock()
    running = {"now": 0, "max": 0}
    release = threading.Event()

    def work(ctx):
        with lock:
            running["now"] += 1
            running["max"] = max(running["max"], running["now"])
        release.wait(5)
        with lock:
            running["now"] -= 1
        return "ok"

    jobs = [manager.add(FunctionJob(f"job {i}", work, resource="vendor-a")) for i in range(5)]
    other = manager.add(FunctionJob("other vendor", lambda ctx: "x", resource="vendor-b"))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (
            other.state is JobState.SUCCEEDED and sum(j.state is JobState.RUNNING for j in jobs) == 2):
        manager.wait(timeout=0.05)
    assert manager.wait(timeout=0.3) is False  # vendor-a jobs are held
    assert other.state is JobState.SUCCEEDED  # another vendor's job is not blocked by vendor-a's limit
    assert sum(j.state is JobState.RUNNING for j in jobs) == 2
    assert sum(j.state is JobState.QUEUED for j in jobs) == 3
    release.set()
    assert manager.wait(timeout=10)
    assert all(j.state is JobState.SUCCEEDED for j in jobs)
    assert running["max"] == 2


def test_progress_reaches_listeners_on_the_owner_thread(manager, qtbot) -> None:
    seen = []
    main = threading.get_ident()

    def work(ctx):
        for i in range(1, 5):
            ctx.progress(i / 4, f"step {i}")
            time.sleep(0.06)
        return 42

    job = FunctionJob("count", work)
    manager.jobChanged.connect(lambda jid: seen.append((threading.get_ident(), job.progress, job.detail)))
    manager.add(job)
    assert manager.wait(timeout=10)
    assert job.state is JobState.SUCCEEDED and job.result == 42
    assert all(tid == main for tid, _, _ in seen)
    assert (main, 0.75, "step 3") in seen


def test_cancel_stops_a_running_job_promptly(manager) -> None:
    started = threading.Event()

    def work(ctx):
        started.set()
        ctx.token.sleep(30)
        return "never"

    job = manager.add(FunctionJob("long", work))
    assert started.wait(5)
    t0 = time.monotonic()
    manager.cancel(job.id)
    assert manager.wait(timeout=5)
    assert job.state is JobState.CANCELLED
    assert time.monotonic() - t0 < 3


def test_cancel_a_queued_job_never_runs_it(manager) -> None:
    manager.set_limit("solo", 1)
    gate = threading.Event()
    ran = []
    first = manager.add(FunctionJob("first", lambda ctx: gate.wait(5), resource="solo"))
    second = manager.add(FunctionJob("second", lambda ctx: ran.append(1), resource="solo"))
    manager.cancel(second.id)
    gate.set()
    assert manager.wait(timeout=5)
    assert first.state is JobState.SUCCEEDED and second.state is JobState.CANCELLED and ran == []


def test_connection_errors_are_retried_with_backoff_then_succeed(manager) -> None:
    calls = []

    def flaky(ctx):
        calls.append(time.monotonic())
        if len(calls) < 3:
            raise ConnectionError("connection reset by peer")
        return "made it"

    job = manager.add(FunctionJob("flaky", flaky, policy=RetryPolicy(max_attempts=4, base=0.2, cap=1)))
    assert manager.wait(timeout=10)
    assert job.state is JobState.SUCCEEDED and job.result == "made it"
    assert len(calls) == 3
    gaps = [b - a for a, b in zip(calls, calls[1:], strict=False)]
    assert gaps[0] >= 0.1 and gaps[1] >= 0.2  # jittered backoff: [base/2, base], then [base, 2*base]


def test_errors_that_retrying_cannot_fix_fail_at_once_with_their_message(manager) -> None:
    from app.errors import UserError

    calls = []

    def broken(ctx):
        calls.append(1)
        raise UserError("The input image is smaller than 300 px; use a larger still.")

    job = manager.add(FunctionJob("bad input", broken, policy=RetryPolicy(max_attempts=5, base=0.05)))
    assert manager.wait(timeout=5)
    assert job.state is JobState.FAILED and len(calls) == 1
    assert job.error == "The input image is smaller than 300 px; use a larger still."


def test_retry_after_is_a_floor_for_the_wait() -> None:
    policy = RetryPolicy(base=0.1, cap=1)
    assert policy.delay(1, retry_after=7) == 7
    assert all(0.05 <= policy.delay(1) <= 0.1 for _ in range(50))
    assert all(0.5 <= policy.delay(10) <= 1 for _ in range(50))  # capped
    assert policy.delay(1, retry_after=10_000) == policy.max_retry_after


def test_failed_job_can_be_retried_and_finished_ones_cleared(manager) -> None:
    attempts = []

    def once_broken(ctx):
        attempts.append(1)
        if len(attempts) == 1:
            raise ValueError("boom")
        return "ok"

    job = manager.add(FunctionJob("x", once_broken))
    assert manager.wait(timeout=5)
    assert job.state is JobState.FAILED and "ValueError" in job.error
    manager.retry(job.id)
    assert manager.wait(timeout=5)
    assert job.state is JobState.SUCCEEDED
    manager.clear_finished()
    assert manager.jobs() == []
