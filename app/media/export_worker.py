"""Export off the GUI thread: a QObject with progress/ETA signals and a cancel that stops within a second.

``ExportWorker(series, bundle, episode, out).start()`` runs the export on a
QThreadPool thread; signals are delivered to the receivers' threads (the GUI
thread for widgets). The series is the live model, so the caller must not edit
it while an export runs (the export dialog is modal), or pass a deep copy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.bundle import ProjectBundle
from app.errors import UserError
from app.media.export import ExportCancelled, Exporter, ExportOptions, ExportResult
from app.model import Episode, Series

log = logging.getLogger(__name__)


class _Task(QRunnable):
    def __init__(self, worker: ExportWorker) -> None:
        super().__init__()
        self.worker = worker
        self.setAutoDelete(True)

    def run(self) -> None:
        self.worker._run()


class ExportWorker(QObject):
    progress = Signal(float, float)  # fraction 0..1, ETA seconds (-1 = not known yet)
    finished = Signal(object)  # ExportResult
    failed = Signal(str)  # a message for the user
    cancelled = Signal()

    def __init__(self, series: Series, bundle: ProjectBundle, episode: Episode, out_path: Path,
                 options: ExportOptions | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exporter = Exporter(series, bundle, episode, out_path, options, progress=self._on_progress)
        self.result: ExportResult | None = None
        self.error = ""
        self._task: _Task | None = None

    def start(self, pool: QThreadPool | None = None) -> None:
        self._task = _Task(self)
        (pool or QThreadPool.globalInstance()).start(self._task)

    def cancel(self) -> None:
        self.exporter.cancel()

    def _on_progress(self, fraction: float, eta: float | None) -> None:
        self.progress.emit(float(fraction), -1.0 if eta is None else float(eta))

    def _run(self) -> None:
        try:
            self.result = self.exporter.run()
        except ExportCancelled:
            self.cancelled.emit()
        except UserError as exc:
            self.error = str(exc)
            self.failed.emit(self.error)
        except Exception as exc:  # a bug: tell the user, keep the log
            log.exception("export failed")
            self.error = f"Export failed unexpectedly: {exc}"
            self.failed.emit(self.error)
        else:
            self.finished.emit(self.result)
