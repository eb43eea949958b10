"""Run a save's disk work on the save lane and hand the outcome back to the GUI thread.

Kept tiny on purpose: saves run on ``app.background``'s ``Lane.SAVE`` (one worker,
first in first out, shared with the autosave), so two saves land in the order they
were asked for, never overlap, and a save queued when the app quits still lands
(``wait_for_background`` waits for the lane). A signal carries the result back.
The saving code itself lives in ``app.bundle`` / ``app.project_files``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from app.background import Lane, lane_pool

log = logging.getLogger(__name__)

SaveCallback = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    finished = Signal(object, object, object)  # callback, result, error (an Exception or None)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], callback: SaveCallback, relay: _Relay) -> None:
        super().__init__()
        self.fn, self.callback, self.relay = fn, callback, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # a worker must never die silently: the GUI thread hears about it
            log.debug("background save failed", exc_info=True)
            self._report(None, exc)
            return
        self._report(result, None)

    def _report(self, result: Any, error: BaseException | None) -> None:
        try:
            self.relay.finished.emit(self.callback, result, error)
        except RuntimeError:  # the session went away while its save was written: nobody to tell
            log.debug("save finished after its session was deleted")


class SaveWorker(QObject):
    """Queues project writes on the save lane; ``callback(result, error)`` runs on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._running = 0  # this session's saves that have not reported yet

    @property
    def busy(self) -> bool:
        return self._running > 0

    def start(self, fn: Callable[[], Any], callback: SaveCallback) -> None:
        """Run ``fn`` after every save and autosave asked for before it; then ``callback`` on the GUI thread."""
        self._running += 1
        lane_pool(Lane.SAVE).start(_Task(fn, callback, self._relay))

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Block until the queued writes are done and their callbacks ran (close, a synchronous save)."""
        done = lane_pool(Lane.SAVE).waitForDone(timeout_ms)
        if self._running:
            QCoreApplication.sendPostedEvents(self, 0)  # queued calls go to the receiver of the relay: this object
        return done

    def _deliver(self, callback: SaveCallback, result: Any, error: BaseException | None) -> None:
        self._running -= 1
        callback(result, error)
