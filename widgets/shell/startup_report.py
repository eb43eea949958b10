"""The moment the main window is first painted: the start-up report and the work that waits for it.

The window and all its docks paint in one pass, so the moment the event loop
comes back after the window's first paint event is when the user sees the
editor. ``MICRODRAMA_STARTUP_REPORT=1`` prints the time from process start to
then (the packaged app's smoke test records it in the README); ``after_first_paint``
runs other work at that moment (re-enabling the garbage collector).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from app.startup_clock import seconds_since_start

ENV = "MICRODRAMA_STARTUP_REPORT"


class _FirstPaint(QObject):
    """Runs the callbacks given for a window, in the order given, after its first paint.

    One filter per window: Qt calls the most recently installed event filter first, so
    one filter per callback ran them in reverse, and the start-up report (asked for
    first) came after the work meant to start after the paint."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.callbacks: list[Callable[[], None]] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.callbacks:
            self._window.removeEventFilter(self)
            # handled when the event loop is back, once the painting pass is over
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.User))
        return False

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.User:
            callbacks, self.callbacks = self.callbacks, []
            for callback in callbacks:
                callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the window's first painting pass is done (call before ``show()``);
    callbacks run in the order they were given."""
    waiting = window.findChild(_FirstPaint)
    if waiting is None or not waiting.callbacks:
        waiting = _FirstPaint(window)
    waiting.callbacks.append(callback)


def report_first_paint(window: QWidget) -> None:
    """Print the start-up time at the first paint if the environment asks for it.

    The second line, the processor time the process had used by then, is the figure to
    compare on a busy machine: the wall-clock time also counts the time spent waiting
    for a core."""
    if os.environ.get(ENV):
        after_first_paint(window, _print_report)


def _print_report() -> None:
    used = os.times()
    print(f"start-up: first painted window after {seconds_since_start():.2f} s", file=sys.stderr, flush=True)
    print(f"start-up: {used.user + used.system:.2f} s of processor time until then", file=sys.stderr, flush=True)
