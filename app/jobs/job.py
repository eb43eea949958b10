"""What the queue runs: a ``Job`` does its slow part on a worker thread (``run``) and
its model changes on the GUI thread (``land``).

The split is the whole threading contract: ``run`` may touch files and the
network but never the document; ``land`` may touch the document but must be
quick. Progress and the "remote task created" moment are reported through the
``JobContext`` (which turns them into queued Qt signals).
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.jobs.backoff import RetryPolicy
from app.jobs.cancel import CancelToken
from app.model.ids import new_id
from app.model.job_state import JobState

if TYPE_CHECKING:
    from app.jobs.manager import JobManager
    from app.model import Series


class JobEvent(enum.StrEnum):
    """What a job's worker tells its GUI side between start and end (``JobContext.event``)."""

    SUBMITTED = "submitted"  # the vendor accepted the task: payload is its handle (it is paid now)
    DOWNLOADING = "downloading"  # the vendor's result is being fetched
    STEP = "step"  # a step of a phase went through: payload is the phase
    DELTA = "delta"  # streamed text arrived: payload is the new text


class JobContext:
    """The worker-side view of the queue: report progress, announce a remote task."""

    def __init__(self, job: Job, emit_progress: Callable[[float | None, str], None],
                 emit_event: Callable[[JobEvent, Any], None]) -> None:
        self.job = job
        self.token = job.token
        self._emit_progress = emit_progress
        self._emit_event = emit_event
        self._last = 0.0

    def progress(self, fraction: float | None, text: str = "") -> None:
        """Report 0..1 (None: unknown). Rate-limited to ~20 updates a second."""
        now = time.monotonic()
        if fraction is not None and 0 < fraction < 1 and now - self._last < 0.05:
            return
        self._last = now
        self._emit_progress(fraction, text)

    def step_done(self, phase: str = "") -> None:
        """A step of ``phase`` went through (e.g. a poll answered): earlier failures *of that phase*
        no longer count toward giving up (a good poll must not excuse a failing download).
        Without a phase: the job's current phase."""
        self._emit_event(JobEvent.STEP, phase or self.job.phase)

    def event(self, name: JobEvent, payload: Any = None) -> None:
        """Send ``name`` to the job's ``on_event`` on the GUI thread (e.g. ``JobEvent.SUBMITTED``)."""
        self._emit_event(name, payload)


class Job:
    """Base class. Subclasses override ``run`` (worker thread) and usually ``land`` (GUI thread).

    ``resource`` names the concurrency pool the job counts against (a provider's
    registry name, or "local" for CPU work); ``target`` says where the result goes
    ({"episode_id", "shot_id", "slot"}) and which episode's budget pays for it.
    """

    kind = "task"
    persistent = False  # True: mirrored in Series.jobs and saved as it changes

    def __init__(self, title: str, *, resource: str = "local", target: dict[str, Any] | None = None,
                 estimated_cost: float = 0.0, policy: RetryPolicy | None = None,
                 job_id: str | None = None) -> None:
        self.id = job_id or new_id()
        self.title = title
        self.resource = resource
        self.target: dict[str, Any] = dict(target or {})
        self.estimated_cost = float(estimated_cost)
        self.cost = 0.0
        self.policy = policy or RetryPolicy()
        self.token = CancelToken()
        self.state = JobState.QUEUED
        self.detail = ""  # the current step in plain words ("Polling Kling", "Retrying in 8 s")
        self.progress: float | None = 0.0
        self.error = ""
        self.error_original = ""  # the vendor's own words for ``error`` (key-scrubbed), for "Show original"
        self.error_kind = ""  # the provider error kind behind ``error`` ("" for local failures)
        self.attempts = 0  # tries started
        self.failures = 0  # consecutive failures of the current phase (reset by its progress)
        # Each phase (e.g. "submit", "poll", "download") is bounded on its own: a worker sets
        # ``phase`` as it goes; failures count per phase, and ``max_failures`` bounds them all.
        self.phase = ""
        self.phase_failures: dict[str, int] = {}
        self.total_failures = 0
        self.max_failures = 12  # across phases and runs of one job, before it fails for good
        self.max_seconds = 6 * 3600.0  # the whole job, from its first start (not counting closed app time)
        self.started_at = 0.0  # monotonic time of the first start in this session
        self.not_before = 0.0  # monotonic time before which a waiting job must not start
        self.budget_approved = False
        self.run_number = 0
        self.created = time.time()
        self.finished_at = 0.0
        self.result: Any = None
        self.bundle: Any = None  # the project bundle, set by the manager for persistent jobs
        self.record: Any = None  # the JobRecord mirrored in Series.jobs (persistent jobs)
        self.poll_interval: float | None = None  # seconds; None = the provider's own pace

    # ------------------------------------------------------------ overridables
    @property
    def episode_id(self) -> str:
        return str(self.target.get("episode_id") or "")

    def record_fields(self) -> dict[str, Any]:
        """Fields of the persisted JobRecord this job owns (persistent jobs)."""
        return {"kind": self.kind, "provider": self.resource, "target": dict(self.target)}

    def run(self, ctx: JobContext) -> Any:  # worker thread
        raise NotImplementedError

    def on_event(self, manager: JobManager, name: JobEvent, payload: Any) -> None:  # GUI thread
        """A ``ctx.event`` from ``run`` arrived."""

    def land(self, manager: JobManager, result: Any) -> Callable[[Series], None] | None:  # GUI thread
        """Apply a successful result to the open project (quick). Persistent jobs return the
        same change as a function of a Series, which the manager applies to project.json."""
        return None

    def reset_for_retry(self) -> None:
        """Prepare a manual retry after failure or cancel (e.g. forget a failed vendor task)."""

    def cancel_remote(self) -> None:  # worker thread
        """Cancel the vendor's task for a job that is not running (e.g. waiting to retry)."""


class FunctionJob(Job):
    """Local work given as a function ``fn(ctx) -> result``; ``on_done(result)`` runs on the GUI thread.

    Imports, thumbnails, proxies and exports plug in this way, so they share the
    queue's progress, cancel and error reporting.
    """

    def __init__(self, title: str, fn: Callable[[JobContext], Any], *,
                 on_done: Callable[[Any], None] | None = None, kind: str = "task",
                 resource: str = "local", retries: int = 1, policy: RetryPolicy | None = None,
                 **kwargs: Any) -> None:
        super().__init__(title, resource=resource, policy=policy or RetryPolicy(max_attempts=retries), **kwargs)
        self.kind = kind
        self._fn = fn
        self._on_done = on_done

    def run(self, ctx: JobContext) -> Any:
        return self._fn(ctx)

    def land(self, manager: JobManager, result: Any) -> None:
        if self._on_done is not None:
            self._on_done(result)
