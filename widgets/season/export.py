"""Export Season: choose episodes and a preset, export them one after another, then a summary.

The exports are jobs in the session's queue (``app.season.export_job``), so
they show in the Jobs panel too; this dialog shows the season's progress, pauses
and resumes the queue, cancels what is left, and ends with the files written
and the episodes that failed (with the reason). Each job exports a copy of its
episode, so editing may go on meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.media.presets import PRESETS, get_preset
from app.season.export_job import SeasonExportJob, queue_season_export, summarize
from app.session import Session
from widgets.shell.episodes import episode_title


class SeasonExportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SeasonExportDialog")
        self.session = session
        self.manager = session.services.jobs
        self.jobs: list[SeasonExportJob] = []

        self.episodes = QListWidget(objectName="season_export_episodes")
        for episode in session.series.episodes:
            item = QListWidgetItem(episode_title(episode))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, episode.id)
            self.episodes.addItem(item)
        self.all_button = QPushButton(objectName="season_export_all")
        self.none_button = QPushButton(objectName="season_export_none")
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.preset = QComboBox(objectName="season_export_preset")
        for name, preset in PRESETS.items():
            self.preset.addItem(self.preset_label(name, preset.label), name)
        self.folder = QLineEdit(objectName="season_export_folder")
        if session.bundle is not None:
            self.folder.setText(str(session.bundle.root / "renders"))
        self.browse = QPushButton(objectName="season_export_browse")
        self.browse.clicked.connect(self._browse)

        self.progress = QProgressBar(objectName="season_export_progress")
        self.progress.setRange(0, 1000)
        self.status = QLabel(objectName="season_export_status")
        self.status.setWordWrap(True)
        self.summary = QPlainTextEdit(objectName="season_export_summary")
        self.summary.setReadOnly(True)
        self.summary.hide()
        self.start_button = QPushButton(objectName="season_export_start")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.pause_button = QPushButton(objectName="season_export_pause")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton(objectName="season_export_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(objectName="season_export_close")
        self.close_button.clicked.connect(self.close)

        picks = QHBoxLayout()
        picks.addWidget(self.all_button)
        picks.addWidget(self.none_button)
        picks.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.preset_caption, self.folder_label = QLabel(), QLabel()
        self.form.addRow(self.preset_caption, self.preset)
        self.form.addRow(self.folder_label, folder_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.start_button, self.pause_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        self.episodes_label = QLabel()
        layout.addWidget(self.episodes_label)
        layout.addWidget(self.episodes, 1)
        layout.addLayout(picks)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 1)
        layout.addLayout(buttons)

        self.manager.jobChanged.connect(self._on_job)
        self.manager.jobFinished.connect(self._on_job)
        self.manager.pausedChanged.connect(lambda _reason: self._update())
        self.resize(640, 600)
        self.retranslate()
        self._update()

    def preset_label(self, name: str, fallback: str) -> str:
        """The preset's name in the UI language (the preset table in app/media is not translated)."""
        return {"standard": self.tr("Standard 1080x1920 (H.264 + AAC)"), "douyin": self.tr("Douyin"),
                "kuaishou": self.tr("Kuaishou"), "tiktok": self.tr("TikTok"),
                "youtube-shorts": self.tr("YouTube Shorts"), "instagram-reels": self.tr("Instagram Reels"),
                "draft": self.tr("Fast draft 720x1280")}.get(name, fallback)

    # ------------------------------------------------------------ choices
    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.episodes.count()):
            self.episodes.item(row).setCheckState(state)

    def chosen_episode_ids(self) -> list[str]:
        return [self.episodes.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.episodes.count())
                if self.episodes.item(r).checkState() == Qt.CheckState.Checked]

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export Season to"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    # ------------------------------------------------------------ running
    @property
    def running(self) -> bool:
        return any(not j.state.finished for j in self.jobs)

    def start(self) -> None:
        bundle = self.session.bundle
        wanted = set(self.chosen_episode_ids())
        episodes = [e for e in self.session.series.episodes if e.id in wanted]
        if bundle is None or not episodes or self.running:
            return
        folder = Path(self.folder.text().strip() or bundle.root / "renders")
        if not folder.is_dir():
            self.status.setText(self.tr("The folder %1 does not exist; choose an existing folder.")
                                .replace("%1", str(folder)))
            return
        self.summary.hide()
        self.jobs = queue_season_export(self.manager, self.session.series, bundle, episodes,
                                        get_preset(self.preset.currentData()), folder)
        self._update()

    def toggle_pause(self) -> None:
        if self.manager.paused_reason:
            self.manager.resume()
        else:
            self.manager.pause(self.tr("Season export paused."))
        self._update()

    def cancel(self) -> None:
        for job in self.jobs:
            if not job.state.finished:
                self.manager.cancel(job.id)
        if self.manager.paused_reason:
            self.manager.resume()  # nothing of ours is left to hold; let the rest of the queue run
        self._update()

    def _on_job(self, job_id: str) -> None:
        if any(j.id == job_id for j in self.jobs):
            self._update()

    def _update(self) -> None:
        running, paused = self.running, bool(self.manager.paused_reason)
        started = bool(self.jobs)
        for widget in (self.episodes, self.all_button, self.none_button, self.preset, self.folder, self.browse):
            widget.setEnabled(not running)
        self.start_button.setEnabled(not running and self.session.bundle is not None)
        self.pause_button.setEnabled(running)
        self.cancel_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if not started:
            self.progress.setValue(0)
            self.status.setText(self.tr("%1 episodes chosen.").replace("%1", str(len(self.chosen_episode_ids()))))
            return
        done = sum(j.state.finished for j in self.jobs)
        current = next((j for j in self.jobs if j.state.active), None)
        fraction = (done + (float(current.progress or 0.0) if current else 0.0)) / len(self.jobs)
        self.progress.setValue(round(fraction * 1000))
        if running:
            text = self.tr("Exporting episode %1 (%2 of %3)…") if current else self.tr("Waiting to export (%2 of %3)…")
            number = current.number if current else 0
            text = text.replace("%1", str(number)).replace("%2", str(done + 1)).replace("%3", str(len(self.jobs)))
            if paused:
                text += " " + self.tr("Paused: the episode being exported finishes, the rest wait.")
            self.status.setText(text)
        else:
            self._show_summary()

    def _show_summary(self) -> None:
        summary = summarize(self.jobs)
        self.status.setText(self.tr("Done: %1 written, %2 failed, %3 cancelled.")
                            .replace("%1", str(len(summary.written))).replace("%2", str(len(summary.failed)))
                            .replace("%3", str(len(summary.cancelled))))
        lines = [self.tr("Written:")] + [f"  {p}" for p in summary.written] if summary.written else []
        if summary.failed:
            lines.append(self.tr("Failed:"))
            for number, why in summary.failed:
                lines.append("  " + self.tr("Ep %1: %2").replace("%1", str(number)).replace("%2", why))
        if summary.cancelled:
            lines.append(self.tr("Cancelled: %1").replace("%1", ", ".join(str(n) for n in summary.cancelled)))
        self.summary.setPlainText("\n".join(lines))
        self.summary.show()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # closing the window does not stop the exports: they are queue jobs (see the Jobs panel)
        super().closeEvent(event)

    # ------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export Season"))
        self.episodes_label.setText(self.tr("Episodes to export:"))
        self.all_button.setText(self.tr("All"))
        self.none_button.setText(self.tr("None"))
        self.preset_caption.setText(self.tr("Preset:"))
        self.folder_label.setText(self.tr("Folder:"))
        self.browse.setText(self.tr("Browse…"))
        self.start_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel Export"))
        self.close_button.setText(self.tr("Close"))
        for index in range(self.preset.count()):
            name = self.preset.itemData(index)
            self.preset.setItemText(index, self.preset_label(name, PRESETS[name].label))
        self._update()
