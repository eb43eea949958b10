"""Export Episode: preset, file, AI labels, content credentials; progress, ETA and a real cancel.

The export is a job on the session's queue (``SeasonExportJob``: it shows in the
Jobs panel too, and exports of a season and of one episode take turns on the
encoder). It renders a copy of the episode taken when it starts, so nothing reads
the live model off the GUI thread. This dialog stays responsive, and Cancel stops
the encoder within a second, leaving no half-written file.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.jobs.job import JobState
from app.media.export import ExportOptions, ExportResult
from app.media.presets import PRESETS, get_preset
from app.season.export_job import RESOURCE, SeasonExportJob
from app.session import Session
from app.settings_store import settings_store
from app.timeline.preflight import export_preflight

MAX_WARNINGS = 6


class ExportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job: SeasonExportJob | None = None
        self.result: ExportResult | None = None
        self.setWindowTitle(self.tr("Export Episode"))
        self.setModal(True)
        self.resize(620, 420)
        settings = session.series.settings
        bundle = session.bundle
        episode = session.current_episode

        self.episode = QComboBox(self)
        for e in sorted(session.series.episodes, key=lambda e: e.number):
            self.episode.addItem(self.tr("Episode %1").replace("%1", str(e.number)) + (f" · {e.title}" if e.title else ""),
                                 e.id)
        if episode is not None:
            self.episode.setCurrentIndex(self.episode.findData(episode.id))
        self.episode.currentIndexChanged.connect(self._default_path)
        self.episode.currentIndexChanged.connect(self._show_preflight)
        self.preset = QComboBox(self)
        for preset in PRESETS.values():
            self.preset.addItem(preset.display_name, preset.name)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.srt = QCheckBox(self.tr("Write an .srt subtitle file next to the video"), self)
        self.srt.setChecked(True)
        self.label = QCheckBox(self.tr("Visible AI-content label on the opening frames"), self)
        self.label.setChecked(settings.ai_label_enabled)
        self.label_text = QLineEdit(settings.ai_label_text, self)
        self.label_end = QCheckBox(self.tr("Repeat the label at the end"), self)
        self.sign = QCheckBox(self.tr("Sign with content credentials (C2PA)"), self)
        store = settings_store()
        self.cert = QLineEdit(store.get("c2pa", "certificate_chain") or "", self)
        self.cert.setPlaceholderText(self.tr("Certificate chain (PEM, leaf first)"))
        self.key = QLineEdit(store.get("c2pa", "private_key") or "", self)
        self.key.setPlaceholderText(self.tr("Private key (PEM)"))
        self.sign.setChecked(bool(self.cert.text() and self.key.text()))

        form = QFormLayout()
        form.addRow(self.tr("Episode"), self.episode)
        form.addRow(self.tr("Preset"), self.preset)
        form.addRow(self.tr("File"), path_row)
        form.addRow("", self.srt)
        form.addRow(self.tr("AI label"), self.label)
        form.addRow(self.tr("Label text"), self.label_text)
        form.addRow("", self.label_end)
        form.addRow(self.tr("Credentials"), self.sign)
        form.addRow(self.tr("Certificate"), self.cert)
        form.addRow(self.tr("Key"), self.key)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setObjectName("exportWarnings")
        self.warnings.setStyleSheet("color: #f5a623;")
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel Export"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        if bundle is not None:
            self._default_path()
        self._show_preflight()

    def _default_path(self, *_args) -> None:
        episode = self.session.document.find(self.episode.currentData())
        if episode is not None and self.session.bundle is not None:
            name = f"{self.session.bundle.name}-E{episode.number:02d}.mp4"
            self.path.setText(str(self.session.bundle.folder("renders") / name))

    def _show_preflight(self, *_args) -> None:
        """Say before the export what it would get wrong (black, silence, subtitles over black)."""
        episode = self.session.document.find(self.episode.currentData())
        found = export_preflight(self.session.document, episode) if episode is not None else []
        self.warnings.setVisible(bool(found))
        if found:
            shown = [w.message for w in found[:MAX_WARNINGS]]
            if len(found) > MAX_WARNINGS:
                shown.append(self.tr("…and %1 more.").replace("%1", str(len(found) - MAX_WARNINGS)))
            self.warnings.setText(self.tr("Before you export:") + "\n• " + "\n• ".join(shown))
        self.export_button.setText(self.tr("Export Anyway") if found else self.tr("Export"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), self.tr("MP4 video (*.mp4)"))
        if path:
            self.path.setText(path if path.lower().endswith(".mp4") else path + ".mp4")

    # ---------------------------------------------------------------- export
    def start(self) -> SeasonExportJob | None:
        episode = self.session.document.find(self.episode.currentData())
        if episode is None or self.session.bundle is None:
            return None
        out = Path(self.path.text().strip())
        if not out.parent.is_dir():
            self.status.setText(self.tr("The folder %1 does not exist.").replace("%1", str(out.parent)))
            return None
        settings = self.session.series.settings
        text = self.label_text.text().strip() or settings.ai_label_text
        if (self.label.isChecked(), text) != (settings.ai_label_enabled, settings.ai_label_text):
            self.session.document.edit(settings, self.tr("Change AI label"),
                                       ai_label_enabled=self.label.isChecked(), ai_label_text=text)
        signing = None
        if self.sign.isChecked():
            from app.provenance.content_credentials import SigningIdentity

            store = settings_store()
            store.set("c2pa", "certificate_chain", self.cert.text().strip())
            store.set("c2pa", "private_key", self.key.text().strip())
            signing = SigningIdentity(Path(self.cert.text().strip()), Path(self.key.text().strip()))
        options = ExportOptions(preset=get_preset(self.preset.currentData()), label_at_end=self.label_end.isChecked(),
                                labels=None if self.label.isChecked() else [], write_srt=self.srt.isChecked(),
                                signing=signing)
        manager = self.session.services.jobs
        manager.set_limit(RESOURCE, 1)  # one export at a time: the encoder gets both cores
        job = SeasonExportJob(self.session.series, self.session.bundle, episode, out, options)
        self.job = job
        self._started = time.monotonic()
        manager.jobChanged.connect(self._job_changed)
        manager.jobFinished.connect(self._job_finished)
        self._running(True)
        self.status.setText(self.tr("Exporting %1…").replace("%1", out.name))
        manager.add(job)
        return job

    def cancel(self) -> None:
        if self.job is not None and not self.job.state.finished:
            self.session.services.jobs.cancel(self.job.id)
            self.status.setText(self.tr("Stopping…"))

    def _job_changed(self, job_id: str) -> None:
        job = self.job
        if job is None or job_id != job.id or job.state.finished or job.progress is None:
            return
        fraction = float(job.progress)
        elapsed = time.monotonic() - self._started
        self._progress(fraction, elapsed * (1 - fraction) / fraction if 0.02 < fraction < 1 else -1.0)

    def _job_finished(self, job_id: str) -> None:
        job = self.job
        if job is None or job_id != job.id:
            return
        manager = self.session.services.jobs
        manager.jobChanged.disconnect(self._job_changed)
        manager.jobFinished.disconnect(self._job_finished)
        if job.state is JobState.SUCCEEDED:
            self._progress(1.0, -1.0)
            self._finished(job.result)
        elif job.state is JobState.CANCELLED:
            self._cancelled()
        else:
            self._failed(job.error or self.tr("The export failed."))

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running or self.progress.value() > 0)
        self.export_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _progress(self, fraction: float, eta: float) -> None:
        self.progress.setValue(int(fraction * 1000))
        if eta >= 0:
            minutes, seconds = divmod(int(eta + 0.5), 60)
            self.status.setText(self.tr("Exporting… %1% · about %2 left").replace("%1", f"{fraction * 100:.0f}")
                                .replace("%2", f"{minutes}:{seconds:02d}"))

    def _finished(self, result: ExportResult) -> None:
        self.result = result
        self._running(False)
        self.status.setText(self.tr("Exported %1 (%2 s of video in %3 s).").replace("%1", str(result.path))
                            .replace("%2", f"{result.seconds:.1f}").replace("%3", f"{result.elapsed:.1f}"))

    def _failed(self, message: str) -> None:
        self._running(False)
        self.status.setText(message)

    def _cancelled(self) -> None:
        self._running(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Export cancelled; nothing was written."))

    def reject(self) -> None:
        if self.job is not None and self.cancel_button.isEnabled():
            self.cancel()
            return  # closes once the worker has stopped and the user closes again
        super().reject()
