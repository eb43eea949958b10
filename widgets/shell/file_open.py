"""Projects handed to the running app by the desktop (macOS Finder, a second launch).

macOS does not pass a double-clicked document on the command line: it sends an
"open document" event, which Qt turns into ``QFileOpenEvent`` on the
application object. The handler opens the project in the main window, with the
same recovery and lock questions as File > Open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from app.bundle import BUNDLE_SUFFIX


def project_of(path: Path) -> Path:
    """The ``.mdrama`` folder for a path the desktop gave: the bundle itself or a file inside it."""
    for candidate in (path, *path.parents):
        if candidate.suffix == BUNDLE_SUFFIX:
            return candidate
    return path


class FileOpenHandler(QObject):
    def __init__(self, app: QObject, window) -> None:  # noqa: ANN001 - MainWindow (no import cycle)
        super().__init__(window)
        self._window = window
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self._window.controller.open_path(project_of(Path(event.file())))
            self._window.raise_()
            self._window.activateWindow()
            return True
        return False
