"""Cooperative cancellation for work running on a worker thread.

A job checks its token between steps and waits with ``token.wait`` so a stop
wakes it at once. The token is a ``providers.base.CancelToken`` (``cancelled``,
``wait``, ``on_cancel``), so it is handed straight to provider calls and an
HTTP request in flight is aborted too. Two kinds of stop exist because they mean
different things for a paid remote task:

- *cancel*: the user does not want the result; the vendor task is cancelled too
  where the API allows it.
- *detach*: the app (or project) is closing; the vendor task keeps running and
  polling resumes when the project is opened again.
"""

from __future__ import annotations

from providers.base import CancelToken as ProviderCancelToken


class JobStopped(Exception):
    """Raised inside a job when its token was cancelled or detached."""

    def __init__(self, detached: bool) -> None:
        super().__init__("detached" if detached else "cancelled")
        self.detached = detached


class CancelToken(ProviderCancelToken):
    """The provider token plus *detach*; stopping raises ``JobStopped`` in the job."""

    def __init__(self) -> None:
        super().__init__()
        self._detached = False

    def cancel(self) -> None:
        """The user cancelled: stop, and cancel the vendor task where possible."""
        self._stop(lambda: setattr(self, "_detached", False))

    def detach(self) -> None:
        """The app is closing: stop, but leave the vendor task running."""
        self._stop(lambda: setattr(self, "_detached", True))

    @property
    def detached(self) -> bool:
        return self._event.is_set() and self._detached

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise JobStopped(self._detached)

    def sleep(self, seconds: float) -> None:
        """Sleep up to ``seconds``; raises JobStopped when stopped."""
        self.wait(seconds)
        self.raise_if_cancelled()
