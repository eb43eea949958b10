"""Cooperative cancellation for work running on a worker thread.

A job checks its token between steps and waits with ``token.wait`` so a stop
wakes it at once. The token has the same surface as
``providers.base.CancelToken`` (``cancelled``, ``wait``, ``on_cancel``,
``raise_if_cancelled``), so it is handed straight to provider calls and an
HTTP request in flight is aborted too. Two kinds of stop exist because they mean
different things for a paid remote task:

- *cancel*: the user does not want the result; the vendor task is cancelled too
  where the API allows it.
- *detach*: the app (or project) is closing; the vendor task keeps running and
  polling resumes when the project is opened again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class JobStopped(Exception):
    """Raised inside a job when its token was cancelled or detached."""

    def __init__(self, detached: bool) -> None:
        super().__init__("detached" if detached else "cancelled")
        self.detached = detached


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._detached = False
        self._callbacks: list[Callable[[], None]] = []

    def _stop(self, detached: bool) -> None:
        with self._lock:
            if self._event.is_set():
                return
            self._detached = detached
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # closing a connection must not stop the other callbacks
                pass

    def cancel(self) -> None:
        """The user cancelled: stop, and cancel the vendor task where possible."""
        self._stop(False)

    def detach(self) -> None:
        """The app is closing: stop, but leave the vendor task running."""
        self._stop(True)

    @property
    def cancelled(self) -> bool:
        """True once stopped for any reason (what provider clients check)."""
        return self._event.is_set()

    @property
    def detached(self) -> bool:
        return self._event.is_set() and self._detached

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise JobStopped(self._detached)

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if stopped meanwhile."""
        return self._event.wait(max(0.0, seconds))

    def sleep(self, seconds: float) -> None:
        """Sleep up to ``seconds``; raises JobStopped when stopped."""
        self.wait(seconds)
        self.raise_if_cancelled()

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Run ``callback`` when stopped (at once if already stopped); returns an unregister function."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)

                def unregister() -> None:
                    with self._lock:
                        if callback in self._callbacks:
                            self._callbacks.remove(callback)
                return unregister
        callback()
        return lambda: None
