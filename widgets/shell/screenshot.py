"""``open PATH --screenshot FILE.png``: grab the main window once it has settled.

"Settled" means the event loop has run, no background work is left in the
global thread pool (thumbnails, waveforms) for a few polls, and a minimum time
has passed so deferred layouts have run. A hard timeout still takes the
picture, so a panel that never goes idle cannot hang the docs build.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.background import background_busy

log = logging.getLogger(__name__)

MIN_WAIT_S = 0.6
MAX_WAIT_S = 20.0
POLL_MS = 100
IDLE_POLLS = 3


def capture_when_settled(window: QWidget, path: Path, on_done: Callable[[bool], None]) -> None:
    start = time.monotonic()
    idle = 0
    timer = QTimer(window)
    timer.setInterval(POLL_MS)

    def poll() -> None:
        nonlocal idle
        busy = background_busy()
        idle = 0 if busy else idle + 1
        elapsed = time.monotonic() - start
        if (elapsed >= MIN_WAIT_S and idle >= IDLE_POLLS) or elapsed >= MAX_WAIT_S:
            timer.stop()
            QApplication.processEvents()
            image = window.grab().toImage()
            if image.size() != window.size():  # a HiDPI screen: the file is promised at the logical size
                image = image.scaled(window.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                saved = bool(image.save(str(path), "PNG"))  # type: ignore[call-overload]  # the stub says bytes; PySide6 6.12 accepts only str here
            except Exception:  # a picture that cannot be written must end the run, not leave the editor open
                log.exception("screenshot %s", path)
                saved = False
            on_done(saved)

    timer.timeout.connect(poll)
    timer.start()
