"""Run a function on the global thread pool and get its result back on the GUI thread.

The pattern Picard uses: a QRunnable does the work, a QObject living on the
GUI thread relays the result or the exception through queued signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

_alive: set[_Relay] = set()  # keeps relays alive until their task reports


class _Relay(QObject):
    """Lives on the GUI thread; its slots run there because the signals cross threads queued."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._done)
        self.failed.connect(self._failed)

    def _done(self, result: Any) -> None:
        _alive.discard(self)
        self._on_done(result)

    def _failed(self, exc: Exception) -> None:
        _alive.discard(self)
        self._on_error(exc)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # reported to the GUI thread, which shows it
            log.debug("background task failed", exc_info=True)
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None], pool: QThreadPool | None = None) -> None:
    """Call ``fn()`` on a worker; then ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
    relay = _Relay(on_done, on_error)
    _alive.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))
