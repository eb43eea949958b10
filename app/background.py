"""The one way to run small background work that is not a user-visible job.

User-visible work (generations, imports, exports: anything with progress the
user watches or cancels) goes through the session's job queue
(``session.services.jobs``). Everything else that is too slow for the GUI
thread (a connection test, copying files, a thumbnail, a still for the booth)
goes through ``run_in_background``:

    task = run_in_background(lambda: load(snapshot), on_done=show, on_error=report)
    ...
    task.cancel()        # on_done/on_error will not be called; the function sees ctx.cancelled

The function runs on a worker of one shared ``QThreadPool``; its result (or
exception) is posted back to the GUI thread through a queued signal, so the
callbacks may touch widgets. Hand the function an immutable snapshot (plain
values, frozen dataclasses, paths), never live model objects: the GUI thread
may change those while the worker reads them.

Work that must happen in order and never overlap (saving the project, autosave)
runs on a *lane*: ``run_in_background(write, on_done=..., lane=Lane.SAVE)``, or a
``QRunnable`` handed to ``lane_pool(Lane.SAVE)``. A lane is one worker thread of its
own, so its tasks run one at a time in the order they were asked for, and never wait
behind thumbnails on the shared pool.

Every task is tracked, so the app can cancel what has not started and wait for
what runs when it quits (``wait_for_background``); work on a lane is never dropped
at quit (a queued save still lands). ``call_on_gui_thread`` is the reverse
direction: a worker asks the GUI thread something and waits for the answer.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from app.jobs.cancel import CancelToken
from app.thread_priority import yield_to_gui

log = logging.getLogger(__name__)

T = TypeVar("T")

_pool: QThreadPool | None = None
_running: set[BackgroundTask[Any]] = set()
_running_lock = threading.Lock()
_held: list[BackgroundTask[Any]] | None = None  # tasks waiting for the first paint (see hold_until_painted)
_order = itertools.count()  # the order tasks were asked for (a lane's results are delivered in it)


def background_pool() -> QThreadPool:
    """The shared pool background tasks run on (Qt's global pool: one count of busy threads)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool.globalInstance()
    return _pool


class Lane(Enum):
    """An ordered queue of background work: one task at a time, in the order asked for.

    Each lane has one worker thread of its own (a ``QThreadPool`` with one thread, whose
    queue is first in, first out), so a save never waits behind thumbnails on the
    shared pool and two saves never overlap. Tasks on a lane are not held during
    start-up and are never dropped at quit: ``wait_for_background`` lets them all run.
    """

    SAVE = "save"  # project saves, autosaves, the split of an older single-file project


_lane_pools: dict[Lane, QThreadPool] = {}


def lane_pool(lane: Lane) -> QThreadPool:
    """The one-thread pool behind ``lane`` (made on first use, lives as long as the process)."""
    pool = _lane_pools.get(lane)
    if pool is None:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)  # one at a time: the queue order is the run order
        pool.setObjectName(f"lane-{lane.value}")
        _lane_pools[lane] = pool
    return pool


def _pool_of(lane: Lane | None) -> QThreadPool:
    return background_pool() if lane is None else lane_pool(lane)


class TaskContext:
    """What a cancellable function gets: whether it was cancelled, and a way to post partial results."""

    def __init__(self, token: CancelToken, relay: _Relay) -> None:
        self.token = token
        self._relay = relay

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def post(self, value: object) -> None:
        """Hand ``value`` to the task's ``on_partial`` on the GUI thread (e.g. one rendered frame)."""
        if not self.token.cancelled:
            self._relay.partial.emit(value)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the slots run on the GUI thread (queued)."""

    finished = Signal(object)
    failed = Signal(object)
    partial = Signal(object)

    def __init__(self, task: BackgroundTask[Any]) -> None:
        super().__init__()
        self._task = task
        self.finished.connect(self._done)
        self.failed.connect(self._failed)
        self.partial.connect(self._partial)

    @Slot(object)
    def _done(self, result: object) -> None:
        self._task._report_done(result)

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        self._task._report_error(exc)

    @Slot(object)
    def _partial(self, value: object) -> None:
        self._task._report_partial(value)


class BackgroundTask(QRunnable, Generic[T]):
    """One function run on a worker; reports once on the GUI thread unless cancelled."""

    def __init__(self, fn: Callable[[TaskContext], T], on_done: Callable[[T], None] | None,
                 on_error: Callable[[Exception], None] | None, name: str,
                 on_partial: Callable[[Any], None] | None = None, owner: QObject | None = None,
                 lane: Lane | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the tracking set owns it until it has reported
        self.name = name
        self.lane = lane
        self.order = next(_order)
        self.token = CancelToken()
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._on_partial = on_partial
        self._owner = owner
        self._relay = _Relay(self)
        app = QCoreApplication.instance()
        if app is not None and self._relay.thread() is not app.thread():
            self._relay.moveToThread(app.thread())
        self._ended = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def cancel(self) -> None:
        """Ask the function to stop (it sees ``token.cancelled``) and drop its callbacks."""
        self.token.cancel()
        with _running_lock:
            was_held = _held is not None and self in _held
            if was_held:
                _held.remove(self)  # type: ignore[union-attr]  # checked just above
        if was_held or _pool_of(self.lane).tryTake(self):  # not started yet: never runs, never reports
            self._ended.set()
            self._finish()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the function has returned (tests); True if it did."""
        return self._ended.wait(timeout_s)

    def run(self) -> None:  # worker thread
        yield_to_gui()
        try:
            if self.token.cancelled:
                # Cancelled after the pool handed it to this worker (tryTake failed then): still
                # report, so the task leaves the tracking set; its callbacks are dropped as cancelled.
                self._relay.finished.emit(None)
                return
            try:
                result = self._fn(TaskContext(self.token, self._relay))
            except Exception as exc:  # reported on the GUI thread, which shows or logs it
                log.debug("background task %s failed", self.name, exc_info=True)
                self._relay.failed.emit(exc)
            else:
                self._relay.finished.emit(result)
        finally:
            self._ended.set()

    # ------------------------------------------------------------ GUI thread
    def _finish(self) -> None:
        with _running_lock:
            _running.discard(self)

    def _report_done(self, result: T) -> None:
        self._finish()
        if self._wanted() and self._on_done is not None:
            self._on_done(result)

    def _wanted(self) -> bool:
        """Callbacks run unless cancelled or the widget they belong to is gone."""
        return not self.token.cancelled and (self._owner is None or shiboken6.isValid(self._owner))

    def _report_partial(self, value: object) -> None:
        if self._wanted() and self._on_partial is not None:
            self._on_partial(value)

    def _report_error(self, exc: Exception) -> None:
        self._finish()
        if not self._wanted():
            return
        if self._on_error is not None:
            self._on_error(exc)
        else:
            log.warning("background task %s failed: %s", self.name, exc)


def run_in_background(fn: Callable[[], T], on_done: Callable[[T], None] | None = None,
                      on_error: Callable[[Exception], None] | None = None, *,
                      owner: QObject | None = None, name: str = "", lane: Lane | None = None) -> BackgroundTask[T]:
    """Call ``fn()`` on a worker; then ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    With ``owner`` (usually the widget asking), the callbacks are skipped once it is deleted.
    With ``lane``, ``fn`` runs after every task asked for earlier on that lane has returned
    and before any asked for later (see ``Lane``).
    """
    return run_cancellable(lambda _ctx: fn(), on_done, on_error, owner=owner,
                           name=name or getattr(fn, "__name__", "task"), lane=lane)


def run_cancellable(fn: Callable[[TaskContext], T], on_done: Callable[[T], None] | None = None,
                    on_error: Callable[[Exception], None] | None = None, *,
                    on_partial: Callable[[Any], None] | None = None, owner: QObject | None = None,
                    name: str = "", lane: Lane | None = None) -> BackgroundTask[T]:
    """Like ``run_in_background`` for a function that checks ``ctx.cancelled`` as it goes and may
    ``ctx.post(value)`` partial results to ``on_partial`` (GUI thread)."""
    task: BackgroundTask[T] = BackgroundTask(fn, on_done, on_error, name or getattr(fn, "__name__", "task"),
                                             on_partial, owner, lane)
    with _running_lock:
        _running.add(task)
        if lane is None and _held is not None:  # a lane keeps its order: never held back
            _held.append(task)
            return task
    _pool_of(lane).start(task)
    return task


def hold_until_painted() -> None:
    """Start-up: queue tasks instead of starting them until ``release_held()``.

    Workers importing PyAV or validating provider files hold the interpreter lock
    for most of their time, so started during start-up they slow the GUI thread's
    way to the first painted window, which only shows placeholders for their
    results anyway. The editor holds at start and releases after the first paint.
    """
    global _held
    with _running_lock:
        if _held is None:
            _held = []


def release_held() -> None:
    """Start the tasks held since ``hold_until_painted()`` (in the order they were asked for)."""
    global _held
    with _running_lock:
        held, _held = _held or [], None
    for task in held:
        if not task.token.cancelled:
            background_pool().start(task)


def pending_background() -> int:
    """How many tasks have not reported yet (queued, running, or result still in the post)."""
    with _running_lock:
        return len(_running)


def lane_pending(lane: Lane) -> int:
    """How many tasks of ``lane`` have not reported yet (queued, running, or result in the post)."""
    with _running_lock:
        return sum(1 for task in _running if task.lane is lane)


def background_busy() -> bool:
    """Whether any worker of the shared pool or of a lane is running (the screenshot waits for quiet)."""
    pools = [background_pool(), *_lane_pools.values()]
    return any(pool.activeThreadCount() > 0 for pool in pools)


def wait_for_lane(lane: Lane, timeout_ms: int = -1) -> bool:
    """Block until every task of ``lane`` asked for so far has run (-1: however long it takes).

    Called on the GUI thread, the finished tasks' callbacks are delivered before it returns, so a
    caller waiting for a save sees its outcome (the session's ``save()``). True if all ran in time.
    """
    done = lane_pool(lane).waitForDone(timeout_ms)
    if on_gui_thread():
        with _running_lock:
            reporting = sorted((task for task in _running if task.lane is lane and task._ended.is_set()),
                               key=lambda task: task.order)
        for task in reporting:  # in the order they were asked for, as the event loop would
            QCoreApplication.sendPostedEvents(task._relay, 0)
    return done


def wait_for_background(timeout_ms: int = 5000) -> bool:
    """At quit: cancel what has not started on the shared pool, let running tasks end, and let
    every task on a lane run (a queued save is never dropped; this waits for it however long
    it takes). True if the shared pool's tasks ended within ``timeout_ms``."""
    with _running_lock:
        tasks = [task for task in _running if task.lane is None]
    for task in tasks:
        task.token.cancel()
        if background_pool().tryTake(task):  # never started: it will not report, so let it go now
            task._finish()
    done = background_pool().waitForDone(timeout_ms)
    for lane in list(_lane_pools):
        wait_for_lane(lane)
    with _running_lock:
        _running.difference_update(tasks)
    return done


def on_gui_thread() -> bool:
    """Whether the caller runs on the GUI (main) thread (True when there is no application)."""
    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() is app.thread()


class _GuiCall(QObject):
    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run)

    @Slot(object)
    def _run(self, request: _Request[Any]) -> None:
        request.run()


class _Request(Generic[T]):
    def __init__(self, fn: Callable[[], T]) -> None:
        self.fn = fn
        self.result: T | None = None
        self.error: BaseException | None = None
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # handed back to the waiting worker
            self.error = exc
        finally:
            self.done.set()


_gui_call: _GuiCall | None = None
_gui_call_turn = threading.Lock()  # one worker's question at a time (a modal dialog runs a nested loop)


def install_gui_calls() -> None:
    """Create the GUI-side receiver of ``call_on_gui_thread`` (call once on the GUI thread)."""
    global _gui_call
    if _gui_call is None:
        _gui_call = _GuiCall()


def call_on_gui_thread(fn: Callable[[], T]) -> T:
    """Run ``fn`` on the GUI thread and return its result; from a worker this blocks until it ran.

    For a worker that must ask the user something (a passphrase). Workers take turns: a
    second worker's call waits until the first one's has returned, so a modal dialog's
    nested event loop never opens a second dialog. Raises what ``fn`` raised.
    ``install_gui_calls()`` must have run on the GUI thread first.
    """
    if on_gui_thread():
        return fn()
    if _gui_call is None:
        raise RuntimeError("install_gui_calls() was not called on the GUI thread")
    request: _Request[T] = _Request(fn)
    with _gui_call_turn:
        _gui_call.call.emit(request)
        request.done.wait()
    if request.error is not None:
        raise request.error
    return request.result  # type: ignore[return-value]  # set by run() when no error
