"""A small background runner for the media engine's derived files (proxies, thumbnails, waveforms).

Each task is a function ``fn(token, progress) -> result`` run on a private
QThreadPool (one thread by default, so derivatives never starve the preview or
an export of the machine's cores). Results, failures and progress come back as
Qt signals (queued to the receiver's thread). Tasks are keyed: submitting a key
that is queued or running is a no-op, and ``cancel(key)`` stops it at its next
``token.check()``. Self-contained on purpose: the general job system (app.jobs)
can replace it without touching the media code, which only sees ``submit``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from app.errors import UserError
from app.thread_priority import yield_to_gui

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task by ``CancelToken.check()`` once the task was cancelled."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


Progress = Callable[[float], None]
TaskFn = Callable[[CancelToken, Progress], Any]


class _Task(QRunnable):
    def __init__(self, runner: BackgroundRunner, key: str, fn: TaskFn, token: CancelToken) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.runner, self.key, self.fn, self.token = runner, key, fn, token

    def run(self) -> None:  # worker thread
        yield_to_gui()
        runner, key = self.runner, self.key
        try:
            self.token.check()
            result = self.fn(self.token, lambda f: _emit(runner.progress, key, float(f)))
        except Cancelled:
            runner._done(key)
            _emit(runner.cancelled, key)
        except UserError as exc:
            runner._done(key)
            _emit(runner.failed, key, str(exc))
        except Exception as exc:  # a bug or an OS error: keep the worker alive, report it
            log.exception("background task %s failed", key)
            runner._done(key)
            _emit(runner.failed, key, f"{type(exc).__name__}: {exc}")
        else:
            runner._done(key)
            _emit(runner.finished, key, result)


def _emit(signal: SignalInstance, *args: object) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the runner was deleted while the task ran (project closed)
        pass


class BackgroundRunner(QObject):
    progress = Signal(str, float)  # key, fraction 0..1
    finished = Signal(str, object)  # key, result
    failed = Signal(str, str)  # key, message
    cancelled = Signal(str)  # key

    def __init__(self, max_threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self._tokens: dict[str, CancelToken] = {}
        self._lock = threading.Lock()

    def submit(self, key: str, fn: TaskFn) -> bool:
        """Queue ``fn`` under ``key``; False if that key is already queued or running."""
        with self._lock:
            if key in self._tokens:
                return False
            token = self._tokens[key] = CancelToken()
        self.pool.start(_Task(self, key, fn, token))
        return True

    def is_pending(self, key: str) -> bool:
        with self._lock:
            return key in self._tokens

    def pending(self) -> list[str]:
        with self._lock:
            return list(self._tokens)

    def cancel(self, key: str) -> None:
        with self._lock:
            token = self._tokens.get(key)
        if token is not None:
            token.cancel()

    def cancel_all(self) -> None:
        with self._lock:
            tokens = list(self._tokens.values())
        for token in tokens:
            token.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every task has ended (for shutdown and tests); True if all ended."""
        return self.pool.waitForDone(timeout_ms)

    def _done(self, key: str) -> None:
        with self._lock:
            self._tokens.pop(key, None)
