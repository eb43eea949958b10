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

Every task is tracked, so the app can cancel what has not started and wait for
what runs when it quits (``wait_for_background``). ``call_on_gui_thread`` is the
reverse direction: a worker asks the GUI thread something and waits for the answer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from app.jobs.cancel import CancelToken

log = logging.getLogger(__name__)

T = TypeVar("T")

_pool: QThreadPool | None = None
_running: set[BackgroundTask[Any]] = set()
_running_lock = threading.Lock()
_held: list[BackgroundTask[Any]] | None = None  # tasks waiting for the first paint (see hold_until_painted)


def background_pool() -> QThreadPool:
    """The shared pool background tasks run on (Qt's global pool: one count of busy threads)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool.globalInstance()
    return _pool


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
                 on_partial: Callable[[Any], None] | None = None, owner: QObject | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the tracking set owns it until it has reported
        self.name = name
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
        if was_held or background_pool().tryTake(self):  # not started yet: never runs, never reports
            self._ended.set()
            self._finish()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the function has returned (tests); True if it did."""
        return self._ended.wait(timeout_s)

    def run(self) -> None:  # worker thread
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
                      owner: QObject | None = None, name: str = "") -> BackgroundTask[T]:
    """Call ``fn()`` on a worker; then ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    With ``owner`` (usually the widget asking), the callbacks are skipped once it is deleted.
    """
    return run_cancellable(lambda _ctx: fn(), on_done, on_error, owner=owner,
                           name=name or getattr(fn, "__name__", "task"))


def run_cancellable(fn: Callable[[TaskContext], T], on_done: Callable[[T], None] | None = None,
                    on_error: Callable[[Exception], None] | None = None, *,
                    on_partial: Callable[[Any], None] | None = None, owner: QObject | None = None,
                    name: str = "") -> BackgroundTask[T]:
    """Like ``run_in_background`` for a function that checks ``ctx.cancelled`` as it goes and may
    ``ctx.post(value)`` partial results to ``on_partial`` (GUI thread)."""
    task: BackgroundTask[T] = BackgroundTask(fn, on_done, on_error, name or getattr(fn, "__name__", "task"),
                                             on_partial, owner)
    with _running_lock:
        _running.add(task)
        if _held is not None:
            _held.append(task)
            return task
    background_pool().start(task)
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


def background_busy() -> bool:
    """Whether any worker of the shared pool is running (the screenshot waits for quiet)."""
    return background_pool().activeThreadCount() > 0


def wait_for_background(timeout_ms: int = 5000) -> bool:
    """At quit: cancel what has not started, let running tasks end (True if all did in time)."""
    with _running_lock:
        tasks = list(_running)
    for task in tasks:
        task.token.cancel()
        background_pool().tryTake(task)
    done = background_pool().waitForDone(timeout_ms)
    with _running_lock:
        _running.clear()
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
