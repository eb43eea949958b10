"""The one queue for slow work: scheduling, concurrency limits, retries, budget, persistence.

All bookkeeping happens on the thread that owns the manager (the GUI thread, or
the CLI's main thread running a Qt event loop). Jobs run in a private
QThreadPool; a worker reports through queued Qt signals, so the document is
only ever touched on the owner's thread. Reach the manager of a session with
``session.services.jobs``.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)

from app.bundle import now_iso
from app.errors import UserError
from app.jobs.cancel import CancelToken, JobStopped
from app.jobs.costs import EpisodeCosts, episode_costs, format_money
from app.jobs.failures import classify
from app.jobs.job import Job, JobContext, JobEvent, JobState
from app.jobs.journal import JobJournal, close_journal, journal_for, record_entry
from app.jobs.store import write_jobs_through
from app.model import JobRecord, Series
from app.secrets import install_log_redaction
from app.session import Session
from app.thread_priority import yield_to_gui

log = logging.getLogger(__name__)

DEFAULT_REMOTE_LIMIT = 2
SHUTDOWN_WAIT_MS = 1500  # closing never waits longer for workers: their sockets are shut by the detach
POLL_INTERVAL_ENV = "MICRODRAMA_POLL_INTERVAL"
J = TypeVar("J", bound=Job)  # add() hands back the job it was given, with its own type

RETRY_BASE_ENV = "MICRODRAMA_RETRY_BASE"  # seconds before the 2nd try (tests and bench speed backoff up)


class _Relay(QObject):
    """Lives on the manager's thread; workers emit through it, so slots run on that thread."""

    progress = Signal(str, int, object, str)  # job id, run number, fraction or None, text
    job_event = Signal(str, int, str, object)  # not "event": that would hide QObject.event(QEvent)
    done = Signal(str, int, object)
    failed = Signal(str, int, object)
    stopped = Signal(str, int, bool)  # detached?


class _Runner(QRunnable):
    def __init__(self, job: Job, run_number: int, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job, self._run, self._relay = job, run_number, relay

    def run(self) -> None:  # worker thread
        yield_to_gui()
        job, run, relay = self._job, self._run, self._relay
        ctx = JobContext(job, lambda f, t: relay.progress.emit(job.id, run, f, t),
                         lambda name, payload: relay.job_event.emit(job.id, run, str(name), payload))
        try:
            result = job.run(ctx)
        except JobStopped as stop:
            relay.stopped.emit(job.id, run, stop.detached)
            return
        except BaseException as exc:  # noqa: BLE001 - every failure is reported, none kills the pool
            if job.token.cancelled:  # e.g. ProviderCancelled, or a socket closed by the cancel
                relay.stopped.emit(job.id, run, job.token.detached)
            else:
                relay.failed.emit(job.id, run, exc)
            return
        relay.done.emit(job.id, run, result)


class _Call(QRunnable):
    """A fire-and-forget call on the pool (vendor cancel of a job that is not running)."""

    def __init__(self, fn: Any) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn

    def run(self) -> None:
        try:
            self._fn()
        except Exception as exc:  # best effort by design
            log.warning("background call failed: %s", exc)


def _save_first() -> UserError:
    return UserError(QCoreApplication.translate("JobsManager", "Save the project before generating: results are stored inside it."))


class JobManager(QObject):
    jobAdded = Signal(str)
    jobsAdded = Signal(list)  # ids queued together by add_many (which emits no jobAdded per job)
    jobChanged = Signal(str)
    jobRemoved = Signal(str)
    jobFinished = Signal(str)  # reached succeeded, failed or cancelled
    pausedChanged = Signal(str)  # reason in plain words; "" when the queue runs again
    costsChanged = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self._jobs: dict[str, Job] = {}
        self._limits: dict[str, int] = {}
        self._paused = ""
        self._blocked_job = ""
        self._journal_root: Any = None
        self._prepared: dict[str, dict[str, Any]] = {}  # job id -> its record's journal line (prepare())
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(8, QThread.idealThreadCount() * 2))
        self.poll_interval: float | None = _env_float(POLL_INTERVAL_ENV)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.job_event.connect(self._on_event)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.stopped.connect(self._on_stopped)
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.timeout.connect(self._schedule)
        session.projectOpened.connect(self.resume_persisted)
        session.projectClosed.connect(self._on_project_closed)
        session.saved.connect(self._on_saved)
        session.document.objectChanged.connect(self._on_object_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        install_log_redaction()  # provider keys never reach a log handler
        if session.is_open:
            QTimer.singleShot(0, self.resume_persisted)

    # ---------------------------------------------------------------- queries
    @property
    def series(self) -> Series:
        return self.session.series

    def jobs(self) -> list[Job]:
        return list(self._jobs.values())

    def job(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    @property
    def paused_reason(self) -> str:
        return self._paused

    def limit(self, resource: str) -> int:
        if resource in self._limits:
            return self._limits[resource]
        from app.settings_store import settings_store

        configured = settings_store().concurrency_limits().get(resource)
        if configured:
            return configured
        if resource == "local":
            return max(1, QThread.idealThreadCount())
        from app.jobs.provider_config import default_concurrency

        return default_concurrency(resource) or DEFAULT_REMOTE_LIMIT

    def set_limit(self, resource: str, limit: int) -> None:
        """Override the concurrency limit of ``resource`` for this session."""
        self._limits[resource] = max(1, int(limit))
        self._schedule()

    def running(self, resource: str | None = None) -> list[Job]:
        return [j for j in self._jobs.values() if j.state.active and (resource is None or j.resource == resource)]

    def is_settled(self) -> bool:
        """Nothing runs and nothing can start (all finished, or the queue is paused)."""
        if self.running():
            return False
        waiting = [j for j in self._jobs.values() if j.state in (JobState.QUEUED, JobState.WAITING)]
        return not waiting or bool(self._paused)

    def costs(self, episode_id: str) -> EpisodeCosts:
        pending = sum(j.estimated_cost for j in self._jobs.values()
                      if j.episode_id == episode_id and j.state.active)
        return episode_costs(self.series, episode_id, pending)

    # ---------------------------------------------------------------- control
    def add(self, job: J) -> J:
        """Queue ``job``; persistent jobs need an open project (their record goes into it)."""
        self._enqueue(job)
        self.jobAdded.emit(job.id)
        self._schedule()
        return job

    def add_many(self, jobs: Sequence[J]) -> list[J]:
        """Queue a batch (a storyboard's 60 shots) with one ``jobsAdded`` signal and one scheduling
        pass: a signal per job made the Jobs dock and the scheduler work 60 times on the GUI thread
        (each cross-thread emit also waits for the GIL held by running jobs)."""
        if any(job.persistent for job in jobs) and self.session.bundle is None:
            raise _save_first()  # before any job is queued: all or none
        retry_base = _env_float(RETRY_BASE_ENV)  # once per batch, not per job
        for job in jobs:
            self._enqueue(job, retry_base)
        if jobs:
            self.jobsAdded.emit([job.id for job in jobs])
            self._schedule()
        return list(jobs)

    def prepare(self, job: Job) -> None:
        """Make ``job``'s record and its journal line now, so queuing it later is only appending
        both (``app.jobs.batch_queue`` prepares a batch's jobs in short slices, then queues them
        together). Nothing reaches the project or the journal before ``add``/``add_many``; a
        prepared job that is never queued is dropped with ``discard_prepared``."""
        if not job.persistent or self.session.bundle is None or getattr(job, "record", None) is not None:
            return
        job.record = JobRecord(id=job.id, created_at=now_iso())
        self._sync_record(job)
        self._prepared[job.id] = record_entry(job.record)

    def discard_prepared(self, jobs: Sequence[Job]) -> None:
        for job in jobs:
            self._prepared.pop(job.id, None)

    def _enqueue(self, job: Job, retry_base: float | None = None) -> None:
        prepared = self._prepared.pop(job.id, None)
        if job.persistent:
            if self.session.bundle is None:
                raise _save_first()
            job.bundle = self.session.bundle
            record: JobRecord | None = getattr(job, "record", None)
            if prepared is not None and record is not None:
                self.series.jobs.append(record)
                journal = self.journal
                if journal is not None:
                    journal.append(prepared)  # on disk before the job can start, as below
            elif record is None:
                job.record = JobRecord(id=job.id, created_at=now_iso())
                self._sync_record(job)
                self.series.jobs.append(job.record)
                self._journal_record(job)
            job.journal = self.journal  # type: ignore[attr-defined]
        if self.poll_interval is not None:
            job.poll_interval = self.poll_interval
        if retry_base is None:
            retry_base = _env_float(RETRY_BASE_ENV)
        if retry_base is not None:
            job.policy.base, job.policy.cap = retry_base, retry_base * 4
        self._jobs[job.id] = job

    def cancel(self, job_id: str) -> None:
        job = self._jobs.get(job_id)
        if job is None or job.state.finished:
            return
        if job.state.active:
            job.detail = QCoreApplication.translate("Jobs", "Cancelling…")
            job.token.cancel()  # the worker stops, cancels at the vendor, reports "stopped"
            self.jobChanged.emit(job.id)
            return
        self.pool.start(_Call(job.cancel_remote))
        self._finish(job, JobState.CANCELLED)
        if self._blocked_job == job_id:
            self._set_paused("")
        self._schedule()

    def retry(self, job_id: str) -> None:
        """Run a failed or cancelled job again (a remote task that failed at the vendor is resubmitted)."""
        job = self._jobs.get(job_id)
        if job is None or job.state not in (JobState.FAILED, JobState.CANCELLED):
            return
        job.reset_for_retry()
        job.token = CancelToken()
        job.state, job.error, job.detail, job.progress = JobState.QUEUED, "", "", 0.0
        job.failures, job.not_before, job.finished_at = 0, 0.0, 0.0
        self._sync_record(job, write=True)
        self.jobChanged.emit(job.id)
        self._schedule()

    def clear_finished(self) -> None:
        """Forget succeeded and cancelled jobs (failed ones stay until retried or cleared one by one)."""
        for job in [j for j in self._jobs.values() if j.state in (JobState.SUCCEEDED, JobState.CANCELLED)]:
            self.remove(job.id, write=False)
        self._write_through()

    def remove(self, job_id: str, write: bool = True) -> None:
        job = self._jobs.get(job_id)
        if job is None or not job.state.finished:
            return
        del self._jobs[job_id]
        record = getattr(job, "record", None)
        # succeeded records stay in project.json: they are what the episode's "spent" adds up
        if record is not None and job.state is not JobState.SUCCEEDED and record in self.series.jobs:
            self.series.jobs.remove(record)
            if self.journal is not None:
                self.journal.append({"type": "removed", "job": record.id})
            if write:
                self._write_through()
        self.jobRemoved.emit(job_id)

    def resume(self) -> None:
        """Resume a paused queue; a job held by the budget is allowed to run this once."""
        blocked = self._jobs.get(self._blocked_job)
        if blocked is not None:
            blocked.budget_approved = True
        self._set_paused("")
        self._schedule()

    def pause(self, reason: str = "") -> None:
        self._set_paused(reason or QCoreApplication.translate("Jobs", "Queue paused."))

    def shutdown(self) -> None:
        """Stop every worker without cancelling vendor tasks (they resume on reopen)."""
        for job in self._jobs.values():
            if not job.state.finished:
                job.token.detach()
        self._wake.stop()
        # Detaching shut every worker's sockets (providers.deadline), so they return at once;
        # nothing else blocks for long. Never hold the app's exit hostage beyond this.
        if not self.pool.waitForDone(SHUTDOWN_WAIT_MS):
            log.warning("job workers still busy after %d ms; exiting anyway (the journal says where "
                        "each job was)", SHUTDOWN_WAIT_MS)
        if self.session.bundle is not None:
            journal_for(self.session.bundle.root).flush(timeout=1.0)

    def wait(self, timeout: float | None = None) -> bool:
        """Run the event loop until the queue is settled; False on timeout (CLI and tests)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        loop = QEventLoop()
        ticker = QTimer()
        ticker.setInterval(50)

        def check() -> None:
            if self.is_settled() or (deadline is not None and time.monotonic() > deadline):
                loop.quit()

        ticker.timeout.connect(check)
        ticker.start()
        check()
        if not self.is_settled() and (deadline is None or time.monotonic() <= deadline):
            loop.exec()
        ticker.stop()
        return self.is_settled()

    # ------------------------------------------------------------ persistence
    def resume_persisted(self) -> None:
        """Pick up the project's remote tasks that were in flight when it was last closed."""
        if self.session.bundle is None:
            return
        from app.jobs.generation import GenerationJob

        changed = False
        for record in list(self.series.jobs):
            if record.id in self._jobs:
                continue
            unfinished = record.state in ("queued", "running", "remote", "downloading")
            # accepted by the vendor (a task id), or never started: pick it up again
            request = record.request if isinstance(record.request, dict) else {}
            submitting = bool(request.get("submitting"))
            # A journaled record (it counts its creates) that is "running" without a "submitting" line
            # never sent its create (that line is fsynced first): it simply starts again.
            never_sent = "creates" in request and not submitting and not record.task_id
            if unfinished and never_sent and record.state == "running":
                record.state = JobState.QUEUED
            # accepted by the vendor (a task id), never started, or caught in the submit window (its
            # client_ref was journaled before the create left): pick it up again
            if unfinished and record.kind == GenerationJob.kind and (record.task_id or record.state == "queued"
                                                                     or submitting):
                try:
                    job = GenerationJob.from_record(record)
                except Exception as exc:  # an unreadable record must not block the others
                    log.warning("cannot resume job %s: %s", record.id, exc)
                    record.state, record.error = JobState.FAILED, f"Could not resume this job: {exc}"
                    changed = True
                    continue
                self.add(job)
            elif record.state == "running" and not record.task_id:
                record.state = JobState.FAILED
                record.error = QCoreApplication.translate(
                    "Jobs", "The app closed while this job was being submitted. The vendor may have "
                    "started it: check your account on the vendor's site before retrying.")
                record.updated_at = now_iso()
                changed = True
                self._adopt_failed(record)
            elif record.state == "failed" and record.kind == GenerationJob.kind:
                self._adopt_failed(record)
        if changed:
            self._write_through()
            self.session.document.jobsChanged.emit()
        self._clean_staging()

    def _clean_staging(self) -> None:
        """Remove leftovers in cache/jobs/ (rejected or abandoned downloads) of jobs that are not running."""
        bundle = self.session.bundle
        if bundle is None:
            return
        folder = bundle.root / "cache" / "jobs"
        keep = {j.id for j in self._jobs.values() if not j.state.finished}

        def clean() -> None:
            import shutil

            try:
                entries = list(folder.iterdir())
            except OSError:
                return
            now = time.time()
            for entry in entries:
                try:
                    fresh = now - entry.stat().st_mtime < 60  # a job started since: not a leftover
                except OSError:
                    continue
                if entry.name not in keep and not fresh:
                    if entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        entry.unlink(missing_ok=True)

        self.pool.start(_Call(clean))

    def _adopt_failed(self, record: JobRecord) -> None:
        """Show a failed job of an earlier session, so it can be retried or cleared."""
        from app.jobs.generation import GenerationJob

        try:
            job = GenerationJob.from_record(record)
        except Exception as exc:
            log.warning("cannot show failed job %s: %s", record.id, exc)
            return
        job.bundle = self.session.bundle
        job.state, job.error = JobState.FAILED, record.error
        job.error_original = record.error_original
        self._jobs[job.id] = job
        self.jobAdded.emit(job.id)

    @property
    def journal(self) -> JobJournal | None:
        """The open project's job journal (None without a project)."""
        bundle = self.session.bundle
        if bundle is None:
            return None
        self._journal_root = bundle.root
        return journal_for(bundle.root)

    def _journal_record(self, job: Job) -> None:
        record: JobRecord | None = getattr(job, "record", None)
        journal = self.journal
        if record is not None and journal is not None and job.persistent:
            journal.append(record_entry(record))

    def _on_saved(self) -> None:
        """project.json now holds every record: drop what the journal no longer needs to say."""
        journal = self.journal
        if journal is not None:
            journal.compact({r.id for r in self.series.jobs if r.state in ("succeeded", "failed", "cancelled")})

    def _sync_record(self, job: Job, write: bool = False) -> None:
        record: JobRecord | None = getattr(job, "record", None)
        if record is None:
            return
        for name, value in job.record_fields().items():
            setattr(record, name, value)
        record.state = JobState.QUEUED if job.state is JobState.WAITING else job.state
        record.progress = float(job.progress or 0.0)
        record.error = job.error
        record.error_original = job.error_original if job.error else ""
        record.attempts = job.attempts
        record.estimated_cost = job.estimated_cost
        record.cost = job.cost
        record.updated_at = now_iso()
        if write:
            self._write_through()
            self._journal_record(job)

    def _write_through(self, apply: Any = None) -> None:
        """Records reach disk through the journal (off this thread). A job kind that still returns
        an ``apply`` function from ``land`` (and journals no "landed" entry) gets it written into
        project.json on a worker, as before, but no longer on this thread."""
        bundle = self.session.bundle
        if bundle is None:
            return
        if apply is not None:
            import copy

            jobs = copy.deepcopy(self.series.jobs)
            shadow = Series(id=self.series.id, jobs=jobs)

            def write() -> None:
                journal = journal_for(bundle.root)
                journal.flush()
                try:
                    write_jobs_through(bundle, shadow, apply)
                except UserError as exc:
                    log.error("%s", exc)

            self.pool.start(_Call(write))
        self.session.document.jobsChanged.emit()

    # ------------------------------------------------------------- scheduling
    def _schedule(self) -> None:
        if self._paused:
            return
        now = time.monotonic()
        next_wake: float | None = None
        busy: dict[str, int] = {}
        limits: dict[str, int] = {}  # once per resource and pass: limit() reads the settings store
        for job in self._jobs.values():
            if job.state.active:
                busy[job.resource] = busy.get(job.resource, 0) + 1
        for job in list(self._jobs.values()):
            if job.state not in (JobState.QUEUED, JobState.WAITING):
                continue
            if job.not_before > now:
                next_wake = job.not_before if next_wake is None else min(next_wake, job.not_before)
                continue
            if job.resource not in limits:
                limits[job.resource] = self.limit(job.resource)
            if busy.get(job.resource, 0) >= limits[job.resource]:
                continue
            if not self._budget_allows(job):
                return
            busy[job.resource] = busy.get(job.resource, 0) + 1
            self._start(job)
        if next_wake is not None:
            self._wake.start(max(0, int((next_wake - now) * 1000)))

    def _budget_allows(self, job: Job) -> bool:
        if job.budget_approved or job.estimated_cost <= 0 or not job.episode_id:
            return True
        costs = self.costs(job.episode_id)
        if costs.budget is None or costs.spent + costs.pending + job.estimated_cost <= costs.budget + 1e-9:
            return True
        episode = self.session.document.find(job.episode_id)
        currency = self.series.settings.currency
        total = costs.spent + costs.pending + job.estimated_cost
        self._blocked_job = job.id
        self._set_paused(QCoreApplication.translate(
            "Jobs", "Queue paused: “{title}” (about {cost}) would bring episode {number} to {total}, over its "
            "budget of {budget}. Raise the budget, cancel the job, or resume to run it anyway.").format(
            title=job.title, cost=format_money(job.estimated_cost, currency),
            number=getattr(episode, "number", "?"), total=format_money(total, currency),
            budget=format_money(costs.budget, currency)))
        return False

    def _set_paused(self, reason: str) -> None:
        if reason != self._paused:
            self._paused = reason
            if not reason:
                self._blocked_job = ""
            self.pausedChanged.emit(reason)

    def _start(self, job: Job) -> None:
        job.run_number += 1
        job.attempts += 1
        job.started_at = job.started_at or time.monotonic()
        job.state = JobState.RUNNING
        job.detail = ""
        self._sync_record(job, write=job.persistent and not getattr(job, "handle", None))
        self.jobChanged.emit(job.id)
        self.pool.start(_Runner(job, job.run_number, self._relay))

    def _current(self, job_id: str, run: int) -> Job | None:
        job = self._jobs.get(job_id)
        return job if job is not None and job.run_number == run else None

    # ---------------------------------------------------------- worker events
    def _on_progress(self, job_id: str, run: int, fraction: float | None, text: str) -> None:
        job = self._current(job_id, run)
        if job is None or job.state.finished:
            return
        job.progress = fraction
        if text:
            job.detail = text
        self.jobChanged.emit(job_id)

    def _on_event(self, job_id: str, run: int, event_name: str, payload: Any) -> None:
        job = self._current(job_id, run)
        if job is None:
            return
        name = JobEvent(event_name)  # crossed threads as its string value
        if name is JobEvent.STEP:  # a step went through: that phase's failure count starts again
            job.phase_failures[str(payload or "")] = 0
            if str(payload or "") == job.phase:
                job.failures = 0
            return
        job.on_event(self, name, payload)
        self._sync_record(job, write=job.persistent and name in (JobEvent.SUBMITTED, JobEvent.DOWNLOADING))
        self.jobChanged.emit(job_id)
        self.costsChanged.emit()

    def _on_done(self, job_id: str, run: int, result: Any) -> None:
        job = self._current(job_id, run)
        if job is None:
            return
        job.result = result
        try:
            apply = job.land(self, result)
        except Exception as exc:  # landing bugs must not leave the job "running" forever
            log.exception("landing job %s failed", job_id)
            landed = classify(exc)
            job.error, job.error_original, job.error_kind = landed.message, landed.original, landed.kind
            self._finish(job, JobState.FAILED)
            return
        job.progress = 1.0
        self._finish(job, JobState.SUCCEEDED, apply=apply)
        self._schedule()

    def _on_failed(self, job_id: str, run: int, exc: BaseException) -> None:
        job = self._current(job_id, run)
        if job is None:
            return
        failure = classify(exc)
        job.error_original, job.error_kind = failure.original, failure.kind
        phase = job.phase
        job.phase_failures[phase] = job.failures = job.phase_failures.get(phase, 0) + 1
        job.total_failures += 1
        within = (job.total_failures < job.max_failures
                  and (not job.started_at or time.monotonic() - job.started_at < job.max_seconds))
        if failure.retryable and within and job.policy.can_retry(job.failures):
            delay = job.policy.delay(job.failures, failure.retry_after)
            job.state = JobState.WAITING
            job.not_before = time.monotonic() + delay
            job.error = failure.message
            job.detail = QCoreApplication.translate("Jobs", "Retrying in {seconds} s: {message}").format(
                seconds=max(1, round(delay)), message=failure.message)
            self._sync_record(job, write=job.persistent)
            self.jobChanged.emit(job_id)
            self._schedule()
            return
        job.error = failure.message
        if failure.retryable:  # out of attempts or time: say so, and what Retry will do
            job.error = QCoreApplication.translate(
                "Jobs", "Gave up after {n} failed attempts: {message}").format(n=job.total_failures,
                                                                              message=failure.message)
            resume = getattr(job, "resume_note", None)
            if callable(resume) and resume():
                job.error += " " + resume()
        failure_note = getattr(job, "failure_note", None)
        note = failure_note(self.series.settings.currency) if callable(failure_note) else ""
        if note:
            job.error += " " + note  # e.g. the vendor lost the task
        self._finish(job, JobState.FAILED)
        self._schedule()

    def _on_stopped(self, job_id: str, run: int, detached: bool) -> None:
        job = self._current(job_id, run)
        if job is None or detached:
            return  # detached: the record keeps saying "remote"; polling resumes on reopen
        self._finish(job, JobState.CANCELLED)
        self._schedule()

    def _finish(self, job: Job, state: JobState, write: bool = True, apply: Any = None) -> None:
        job.state = state
        job.finished_at = time.time()
        if state is not JobState.FAILED:
            job.error = "" if state is JobState.SUCCEEDED else job.error
            if state is JobState.SUCCEEDED:
                job.error_original = job.error_kind = ""
        job.detail = ""
        self._sync_record(job)
        if write and job.persistent:
            self._journal_record(job)
            self._write_through(apply)
        self.jobChanged.emit(job.id)
        self.jobFinished.emit(job.id)
        self.costsChanged.emit()

    # ------------------------------------------------------------ session events
    def _on_project_closed(self) -> None:
        for job in list(self._jobs.values()):
            if not job.state.finished:
                job.token.detach()
            del self._jobs[job.id]
            self.jobRemoved.emit(job.id)
        self._set_paused("")
        if self._journal_root is not None:
            close_journal(self._journal_root)  # flushes: every entry is on disk
            self._journal_root = None

    def _on_object_changed(self, obj_id: str, fields: list[str]) -> None:
        if "budget" in fields and self._paused and self._blocked_job:
            self._set_paused("")  # re-checked against the new budget by the scheduler
            self._schedule()
        if "budget" in fields:
            self.costsChanged.emit()


def _env_float(name: str) -> float | None:
    try:
        return float(os.environ[name])
    except (KeyError, ValueError):
        return None


def job_manager(session: Session) -> JobManager:
    """The session's job queue: ``session.services.jobs`` (kept for callers not yet moved)."""
    return session.services.jobs
