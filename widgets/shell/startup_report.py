"""``MICRODRAMA_STARTUP_REPORT=1``: print when the main window has first been painted.

The packaged app's smoke test reads this line to record the start-up time in
the README. The window and all its docks paint in one pass, so the moment the
event loop comes back after the window's first paint event is when the user
sees the editor.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.startup_clock import seconds_since_start

ENV = "MICRODRAMA_STARTUP_REPORT"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"start-up: first painted window after {seconds_since_start():.2f} s", file=sys.stderr, flush=True)


def report_first_paint(window: QWidget) -> None:
    """Arrange the report if the environment asks for it (call before ``show()``)."""
    if os.environ.get(ENV):
        _FirstPaint(window)
