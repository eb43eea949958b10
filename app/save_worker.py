"""Run a save's disk work on the save lane and hand the outcome back to the GUI thread.

Kept tiny on purpose: saves run on ``app.background``'s ``Lane.SAVE`` (one worker,
first in first out, shared with the autosave), so two saves land in the order they
were asked for, never overlap, and a save queued when the app quits still lands
(``wait_for_background`` waits for the lane). ``run_in_background`` carries the
result back; this adds the session's count of saves not reported yet (``busy``).
The saving code itself lives in ``app.bundle`` / ``app.project_files``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from app.background import Lane, run_in_background, wait_for_lane

SaveCallback = Callable[[Any, BaseException | None], None]


class SaveWorker(QObject):
    """Queues project writes on the save lane; ``callback(result, error)`` runs on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running = 0  # this session's saves that have not reported yet

    @property
    def busy(self) -> bool:
        return self._running > 0

    def start(self, fn: Callable[[], Any], callback: SaveCallback) -> None:
        """Run ``fn`` after every save and autosave asked for before it; then ``callback`` on the GUI thread."""
        def done(result: Any) -> None:
            self._running -= 1
            callback(result, None)

        def failed(error: Exception) -> None:
            self._running -= 1
            callback(None, error)

        self._running += 1
        run_in_background(fn, on_done=done, on_error=failed, owner=self, name="save", lane=Lane.SAVE)

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Block until the queued writes are done and their callbacks ran (close, a synchronous save)."""
        return wait_for_lane(Lane.SAVE, timeout_ms)
