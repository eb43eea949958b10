"""Hand a save's disk work to the save lane and its outcome back to the GUI thread.

Kept tiny on purpose: saves run on ``app.background``'s ``Lane.SAVE`` (one worker,
first in first out, shared with the autosave), so two saves land in the order they
were asked for, never overlap, and a save queued when the app quits still lands.
This object only counts its own saves (``busy``) and adapts the callback. The
saving code itself lives in ``app.bundle`` / ``app.project_files``.
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
        self._running += 1

        def done(result: Any) -> None:
            self._running -= 1
            callback(result, None)

        def failed(error: Exception) -> None:  # the worker never dies silently: the GUI thread hears about it
            self._running -= 1
            callback(None, error)

        # no owner: a save's outcome is always delivered (it decides whether the project is still unsaved)
        run_in_background(fn, done, failed, name="save", lane=Lane.SAVE)

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Block until the queued writes are done and their callbacks ran (close, a synchronous save)."""
        return wait_for_lane(Lane.SAVE, timeout_ms)
