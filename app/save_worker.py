"""Run a save's disk work on a worker thread and hand the outcome back to the GUI thread.

Kept tiny on purpose: the session's one writer pool (one thread, so saves land in
order) and a signal that carries the result back. The saving code itself lives in
``app.bundle`` / ``app.project_files``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object, object, object)  # callback, result, error (an Exception or None)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], callback: Callable[[Any, BaseException | None], None],
                 relay: _Relay) -> None:
        super().__init__()
        self.fn, self.callback, self.relay = fn, callback, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # a worker must never die silently: the GUI thread hears about it
            log.debug("background save failed", exc_info=True)
            self.relay.finished.emit(self.callback, None, exc)
            return
        self.relay.finished.emit(self.callback, result, None)


class SaveWorker(QObject):
    """One thread that writes project files; ``callback(result, error)`` runs on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def start(self, fn: Callable[[], Any], callback: Callable[[Any, BaseException | None], None]) -> None:
        self._running += 1
        self._pool.start(_Task(fn, callback, self._relay))

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Block until the queued writes are done and their callbacks ran (close, a synchronous save)."""
        done = self._pool.waitForDone(timeout_ms)
        from PySide6.QtCore import QCoreApplication

        if self._running:
            QCoreApplication.sendPostedEvents(self, 0)
        return done

    def _deliver(self, callback: Callable[[Any, BaseException | None], None], result: Any,
                 error: BaseException | None) -> None:
        self._running -= 1
        callback(result, error)
