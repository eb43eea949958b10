"""Queueing a batch of generations without freezing the editor.

Making the jobs of a 60-shot batch (prompts, provider settings, price estimates,
ids) and queuing them was one GUI-thread slice of 60-120 ms on a busy machine.
``QueueingBatch`` makes the jobs in slices of a few milliseconds, each slice a
zero-timer turn of the event loop (so paints, input and job events run between
them), reading each provider's settings once for the whole batch
(``app.jobs.batch_memo``) and preparing each job's record and journal line
(``JobManager.prepare``), then queues them all with one ``JobManager.add_many``:
the Jobs dock shows the whole batch at once, as before.

Cancel while it is still being made drops the jobs made so far: none was queued,
so none has a record, a journal line or a vendor task (nothing is paid). Cancel
after it was queued cancels its unfinished jobs through the queue like the
Cancel button. Paid-task safety is the queue's, unchanged: ``add_many`` journals
each record before any job can start.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import UserError
from app.jobs.batch_memo import one_batch
from app.jobs.job import Job
from app.jobs.manager import JobManager

log = logging.getLogger(__name__)

SLICE_MS = 8.0  # GUI-thread time one slice may take before it yields to the event loop
SMALL_BATCH = 8  # jobs always made in the first slice: a batch this small is queued before start() returns


class BatchState(enum.Enum):
    MAKING = "making"  # jobs being made, none queued yet
    QUEUED = "queued"  # every job is in the queue
    CANCELLED = "cancelled"  # cancelled before it was queued: nothing was queued
    FAILED = "failed"  # making a job failed (e.g. a shot without a prompt): nothing was queued


class QueueingBatch(QObject):
    """A batch whose jobs are made in short slices, then queued together."""

    queued = Signal(list)  # the jobs, all queued
    failed = Signal(object)  # the UserError that stopped it (nothing was queued)
    finished = Signal()  # queued, cancelled or failed

    def __init__(self, manager: JobManager, makers: Sequence[Callable[[], Job]],
                 slice_ms: float = SLICE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent or manager)
        self.manager = manager
        self._makers = list(makers)
        self._slice = slice_ms / 1000.0
        self._memo: dict[Hashable, Any] = {}
        self.jobs: list[Job] = []
        self.state = BatchState.MAKING
        self.error: UserError | None = None
        self.slices = 0  # how many event-loop turns the making took (tests, bench)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        # a project closed while the batch is being made: nothing may reach the next project's queue
        manager.session.projectClosed.connect(self._project_closed)
        self.finished.connect(self.deleteLater)  # the handle's fields stay readable in Python

    @property
    def total(self) -> int:
        return len(self._makers)

    def start(self) -> QueueingBatch:
        """Make the first slice now (a small batch is queued before this returns)."""
        self._step()
        return self

    def cancel(self) -> None:
        """Stop the batch: before it is queued nothing ever reaches the queue; after, its
        unfinished jobs are cancelled in the queue."""
        if self.state is BatchState.MAKING:
            self._timer.stop()
            self.manager.discard_prepared(self.jobs)
            self.jobs = []
            self.state = BatchState.CANCELLED
            self.finished.emit()
        elif self.state is BatchState.QUEUED:
            for job in self.jobs:
                self.manager.cancel(job.id)

    def _project_closed(self) -> None:
        """Closing the project stops a batch still being made; a queued one is the queue's
        (it detaches its jobs: paid tasks are collected when the project opens again)."""
        if self.state is BatchState.MAKING:
            self.cancel()

    def _step(self) -> None:
        if self.state is not BatchState.MAKING:
            return
        self.slices += 1
        end = time.perf_counter() + self._slice
        try:
            with one_batch(self._memo):
                while len(self.jobs) < len(self._makers):
                    job = self._makers[len(self.jobs)]()
                    self.manager.prepare(job)  # its record and journal line, made in this slice
                    self.jobs.append(job)
                    first = self.slices == 1 and len(self.jobs) < SMALL_BATCH
                    if not first and time.perf_counter() > end and len(self.jobs) < len(self._makers):
                        self._timer.start()  # the rest in the next turn of the event loop
                        return
        except UserError as exc:
            self._fail(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a bug in one job's making must not leave the batch hanging
            log.exception("making a job of a batch failed")
            self._fail(UserError(str(exc)))
            return
        try:
            self.manager.add_many(self.jobs)  # all or none: it checks before queuing any
        except UserError as exc:
            self._fail(exc)
            return
        self.state = BatchState.QUEUED
        self.queued.emit(list(self.jobs))
        self.finished.emit()

    def _fail(self, exc: UserError) -> None:
        self.manager.discard_prepared(self.jobs)
        self.jobs, self.error, self.state = [], exc, BatchState.FAILED
        self.failed.emit(exc)
        self.finished.emit()


def queue_in_slices(manager: JobManager, makers: Sequence[Callable[[], Job]],
                    on_failed: Callable[[UserError], None] | None = None) -> QueueingBatch:
    """Start making and queuing a batch (see ``QueueingBatch``); returns its handle. ``on_failed``
    is connected before the first slice runs, so a failure in it is reported too."""
    batch = QueueingBatch(manager, makers)
    if on_failed is not None:
        batch.failed.connect(on_failed)
    return batch.start()


def queue_made(manager: JobManager, jobs: Sequence[Job],
               on_failed: Callable[[UserError], None] | None = None) -> QueueingBatch:
    """Queue jobs already made (e.g. to show their total cost first): their records and journal
    lines are still prepared in slices, and they reach the queue together."""
    return queue_in_slices(manager, [_made(job) for job in jobs], on_failed)


def _made(job: Job) -> Callable[[], Job]:
    return lambda: job
