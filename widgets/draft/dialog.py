"""Episode > Export to Jianying/CapCut…: choose app, folder, name and "collect files"; export on the job queue.

The dialog says which app versions the draft is for and where each OS keeps
drafts, follows the job's progress, can cancel it (nothing is left behind), and
lists what could not be carried over once the draft is written. It is modal so
the timeline cannot change under the export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.interchange.draft_export import DraftOptions, DraftResult, default_draft_name
from app.interchange.draft_job import export_draft
from app.interchange.draft_targets import TARGETS, DraftApp
from app.jobs.job import FunctionJob, JobState
from app.session import Session
from app.settings_store import settings_store


class DraftExportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job: FunctionJob | None = None
        self.result: DraftResult | None = None
        self.setObjectName("draft_export_dialog")
        self.setWindowTitle(self.tr("Export to Jianying / CapCut"))
        self.setModal(True)
        self.resize(680, 520)

        self.episode = QComboBox(self)
        for e in sorted(session.series.episodes, key=lambda e: e.number):
            self.episode.addItem(self.tr("Episode %1").replace("%1", str(e.number)) + (f" · {e.title}" if e.title else ""),
                                 e.id)
        current = session.current_episode
        if current is not None:
            self.episode.setCurrentIndex(self.episode.findData(current.id))
        self.episode.currentIndexChanged.connect(self._default_name)
        self.app = QComboBox(self)
        for app in DraftApp:
            self.app.addItem(TARGETS[app].label, app.value)
        self.app.currentIndexChanged.connect(self._app_changed)
        self.folder = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.name = QLineEdit(self)
        self.collect = QCheckBox(self.tr("Collect files: copy all media into the draft, so it opens on another "
                                         "computer"), self)
        self.collect.setChecked(True)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("Episode"), self.episode)
        form.addRow(self.tr("App"), self.app)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Draft name"), self.name)
        form.addRow("", self.collect)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.hide()
        self.export_button = QPushButton(self.tr("Export Draft"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel Export"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        self.open_button = QPushButton(self.tr("Show Draft Folder"), self)
        self.open_button.hide()
        self.open_button.clicked.connect(self._show_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.where)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        layout.addLayout(buttons)

        manager = session.services.jobs
        manager.jobChanged.connect(self._job_changed)
        manager.jobFinished.connect(self._job_finished)
        self._default_name()
        self._app_changed()

    # ---------------------------------------------------------------- choices
    @property
    def target_app(self) -> DraftApp:
        return DraftApp(self.app.currentData())

    def _default_name(self, *_args) -> None:
        episode = self.session.document.find(self.episode.currentData())
        if episode is not None:
            self.name.setText(default_draft_name(self.session.series, episode))

    def _app_changed(self, *_args) -> None:
        target = TARGETS[self.target_app]
        remembered = settings_store().get("draft_export", f"{self.target_app.value}_folder")
        here = target.default_folder()
        if remembered and Path(remembered).is_dir():
            self.folder.setText(remembered)
        elif here is not None and here.is_dir():
            self.folder.setText(str(here))
        elif self.session.bundle is not None and not self.folder.text():
            self.folder.setText(str(self.session.bundle.folder("renders") / "drafts"))
        self.where.setText(
            self.tr("For %1 %2. Export straight into the app's draft folder, or copy the draft folder there "
                    "later:\nWindows: %3\nmacOS: %4")
            .replace("%1", target.label).replace("%2", target.versions)
            .replace("%3", target.windows_folder).replace("%4", target.macos_folder))

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the draft"), self.folder.text())
        if path:
            self.folder.setText(path)

    # ---------------------------------------------------------------- export
    def start(self) -> FunctionJob | None:
        episode = self.session.document.find(self.episode.currentData())
        if episode is None or self.session.bundle is None:
            return None
        folder = self.folder.text().strip()
        if not folder:
            self.status.setText(self.tr("Choose a folder for the draft."))
            return None
        options = DraftOptions(app=self.target_app, collect=self.collect.isChecked(), name=self.name.text())
        self.result = None
        self.problems.hide()
        self.progress.setValue(0)
        self.job = export_draft(self.session, episode, Path(folder).expanduser(), options)
        self.open_button.hide()
        self._running(True)
        self.status.setText(self.tr("Exporting the draft…"))
        return self.job

    def cancel(self) -> None:
        if self.job is not None and not self.job.state.finished:
            self.session.services.jobs.cancel(self.job.id)
            self.status.setText(self.tr("Stopping…"))

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running or self.progress.value() > 0)
        self.export_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _job_changed(self, job_id: str) -> None:
        if self.job is None or job_id != self.job.id or self.job.state.finished:
            return
        if self.job.progress is not None:
            self.progress.setValue(int(self.job.progress * 1000))
        if self.job.detail:
            self.status.setText(self.job.detail)

    def _job_finished(self, job_id: str) -> None:
        job = self.job
        if job is None or job_id != job.id:
            return
        self._running(False)
        if job.state is JobState.SUCCEEDED:
            self._show_result(job.result)
        elif job.state is JobState.CANCELLED:
            self.progress.setValue(0)
            self.status.setText(self.tr("Export cancelled; nothing was written."))
        else:
            self.status.setText(self.tr("The draft was not written: %1").replace("%1", job.error))

    def _show_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder.parent)))

    def _show_result(self, result: DraftResult) -> None:
        self.result = result
        self.open_button.show()
        settings_store().set("draft_export", f"{result.app.value}_folder", str(result.folder.parent))
        self.progress.setValue(1000)
        self.status.setText(self.tr("Draft written to %1 (%2 tracks, %3 clips). Open it from the app's draft list.")
                            .replace("%1", str(result.folder)).replace("%2", str(result.tracks))
                            .replace("%3", str(result.segments)))
        if result.problems:
            self.problems.setPlainText(self.tr("Not carried over (also in %1):").replace("%1", result.report.name
                                                                                        if result.report else "")
                                       + "\n" + "\n".join(f"• {p}" for p in result.problems))
        else:
            self.problems.setPlainText(self.tr("Everything was carried over."))
        self.problems.show()

    def reject(self) -> None:
        if self.job is not None and self.cancel_button.isEnabled():
            self.cancel()
            return  # closes once the job has stopped and the user closes again
        super().reject()

    def done(self, code: int) -> None:
        manager = self.session.services.jobs
        manager.jobChanged.disconnect(self._job_changed)
        manager.jobFinished.disconnect(self._job_finished)
        super().done(code)
