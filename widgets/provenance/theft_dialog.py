""""Check suspect videos": which of our episodes do they copy, where, and how closely.

A file or a whole folder of downloads is checked as one queue job (decode + match on a
worker, with progress and cancel); matches are ranked by suspect, each lists both time
ranges, the speed, the disguises and a score, and selecting one shows our frame and the
suspect's side by side. "Save Evidence…" writes the evidence pack (HTML, PDF, zip) as a job.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.fingerprint.index import SeasonIndex
from app.fingerprint.matcher import Match
from app.fingerprint.scan import ScanResult, SuspectResult, scan, suspect_files
from app.fingerprint.store import load_all
from app.jobs.job import FunctionJob, JobContext, JobState
from app.media.decode import FrameFetcher
from app.session import Session
from app.snapshot import series_snapshot

FRAME_SIZE = (216, 384)


def _clock(seconds: float) -> str:
    minutes, secs = divmod(max(0.0, seconds), 60)
    return f"{int(minutes):02d}:{secs:04.1f}"


def _pixmap(rgb: np.ndarray) -> QPixmap:
    rgb = np.ascontiguousarray(rgb)
    image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888)
    return QPixmap.fromImage(image.copy())


class TheftCheckDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Check a Suspect Video"))
        self.resize(1000, 560)
        self.matches: list[Match] = []
        self.match_suspects: list[SuspectResult] = []
        self.scan_result: ScanResult | None = None
        self.evidence_job: FunctionJob | None = None
        self.references = {fp.episode_id: fp for fp in load_all(session.bundle)} if session.bundle else {}
        self.job: FunctionJob | None = None
        self.frame_job: FunctionJob | None = None
        self.fetcher = FrameFetcher(session.bundle.root) if session.bundle else None

        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("A video you found online, or a folder of them"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        browse_folder = QPushButton(self.tr("Folder…"), self)
        browse_folder.clicked.connect(self._browse_folder)
        self.evidence_button = QPushButton(self.tr("Save Evidence…"), self)
        self.evidence_button.setEnabled(False)
        self.evidence_button.clicked.connect(self._save_evidence)
        self.check_button = QPushButton(self.tr("Check"), self)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Stop"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(browse_folder)
        row.addWidget(self.check_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.evidence_button)
        self.timeline_button = QPushButton(self.tr("Fingerprint Unexported Episodes"), self)
        self.timeline_button.setToolTip(self.tr("Fingerprint episodes that were never exported from their "
                                                "timeline, without writing a video file"))
        self.timeline_button.clicked.connect(self.fingerprint_unexported)
        self.timeline_button.setVisible(bool(self._unexported()))
        self.timeline_job: FunctionJob | None = None

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.results = QTreeWidget(self)
        self.results.setRootIsDecorated(False)
        self.results.setHeaderLabels([self.tr("Episode"), self.tr("In the suspect"), self.tr("In our episode"),
                                      self.tr("Score"), self.tr("Notes"), self.tr("Suspect file")])
        header = self.results.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.results.setMinimumWidth(430)
        self.results.currentItemChanged.connect(self._show_pair)

        self.ours = QLabel(self)
        self.theirs = QLabel(self)
        self.ours_caption = QLabel(self.tr("Our episode"), self)
        self.theirs_caption = QLabel(self.tr("Suspect"), self)
        frames = QGridLayout()
        for column, (caption, label) in enumerate(((self.ours_caption, self.ours),
                                                   (self.theirs_caption, self.theirs))):
            label.setFixedSize(*FRAME_SIZE)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background:#0d0e12;border:1px solid #2c2f3a;")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            frames.addWidget(caption, 0, column)
            frames.addWidget(label, 1, column)

        frames.setRowStretch(2, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.results, 1)
        bottom.addLayout(frames)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.timeline_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(bottom, 1)
        if not self.references:
            self.status.setText(self.tr("No exported episode has a fingerprint yet. Every export is "
                                        "fingerprinted: export an episode, then check suspects here."))
            self.check_button.setEnabled(False)
        else:
            self.status.setText(self.tr("%n exported episode(s) can be checked.", "", len(self.references)))

    def _unexported(self) -> list:
        series = self.session.document.series if self.session.bundle else None
        if series is None:
            return []
        return [e for e in series.episodes if e.id not in self.references and e.timeline.duration > 0]

    def fingerprint_unexported(self) -> FunctionJob | None:
        episodes = self._unexported()
        if not episodes:
            return None
        from app.fingerprint.timeline_print import fingerprint_timeline

        bundle = self.session.bundle
        series = series_snapshot(self.session.document.series, episodes)  # the worker reads copies
        episodes = series.episodes

        def work(ctx: JobContext) -> list:
            made = []
            for k, episode in enumerate(episodes):
                made.append(fingerprint_timeline(
                    series, bundle, episode, cancelled=lambda: ctx.token.cancelled,
                    progress=lambda f, k=k, n=episode.number: ctx.progress((k + f) / len(episodes), f"E{n:02d}")))
            return made

        def done(made: list) -> None:
            self.references.update({fp.episode_id: fp for fp in made})
            self.timeline_button.setVisible(bool(self._unexported()))
            self.check_button.setEnabled(bool(self.references))
            self.status.setText(self.tr("%n episode(s) fingerprinted from the timeline.", "", len(made)))

        self.status.setText(self.tr("Fingerprinting %n episode(s) from the timeline…", "", len(episodes)))
        self.timeline_job = self.session.services.jobs.add(
            FunctionJob(QCoreApplication.translate("ProvenanceTheftDialog", "Fingerprint from the timeline"), work, on_done=done, kind="check"))
        return self.timeline_job

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Suspect video"), str(Path.home()),
                                              self.tr("Videos (*.mp4 *.mov *.m4v *.webm *.mkv *.avi);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    # ------------------------------------------------------------------ check
    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder of suspect videos"), str(Path.home()))
        if path:
            self.path_edit.setText(path)

    def start(self) -> FunctionJob | None:
        target = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip() or not target.exists():
            self.status.setText(self.tr("Choose a video file or a folder to check."))
            return None
        try:
            files = suspect_files(target)
        except (UserError, OSError) as exc:
            self.status.setText(str(exc))
            return None
        if not files:
            self.status.setText(self.tr("The folder holds no files to check."))
            return None
        references = list(self.references.values())

        def work(ctx: JobContext) -> ScanResult:
            index = SeasonIndex(references)
            return scan(files, index, progress=lambda f, name: ctx.progress(f, name),
                        cancelled=lambda: ctx.token.cancelled)

        self.results.clear()
        self.progress.setValue(0)
        self.progress.show()
        self.check_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.evidence_button.setEnabled(False)
        self.status.setText(self.tr("Checking %n file(s)…", "", len(files)))
        self.job = FunctionJob(QCoreApplication.translate("ProvenanceTheftDialog", "Theft check of {name}").format(name=target.name), work, on_done=self._show_matches, kind="check")
        manager = self.session.services.jobs
        manager.jobChanged.connect(self._job_changed)
        manager.add(self.job)
        return self.job

    def stop(self) -> None:
        if self.job is not None:
            self.session.services.jobs.cancel(self.job.id)

    def _job_changed(self, job_id: str) -> None:
        if self.job is None or job_id != self.job.id:
            return
        if not self.job.state.finished:
            if self.job.progress is not None:
                self.progress.setValue(int(self.job.progress * 100))
            return
        self.progress.hide()
        self.check_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if self.job.state is JobState.FAILED:
            self.status.setText(self.job.error)
        elif self.job.state is JobState.CANCELLED:
            self.status.setText(self.tr("Stopped."))

    def _show_matches(self, result: ScanResult) -> None:
        self.scan_result = result
        self.matches, self.match_suspects = [], []
        self.results.clear()
        for suspect in result.ranked():
            for m in suspect.matches:
                self.matches.append(m)
                self.match_suspects.append(suspect)
        skipped = ""
        if result.skipped:
            names = ", ".join(p.name for p, _ in result.skipped[:5]) + ("…" if len(result.skipped) > 5 else "")
            skipped = " " + self.tr("Skipped %n file(s) that could not be read: %1", "",
                                    len(result.skipped)).replace("%1", names)
        copies = len(result.with_matches)
        if not self.matches:
            self.status.setText(self.tr("No match: no checked file copies any of our exported episodes.") + skipped)
            if len(result.skipped) == 1 and not result.checked:
                self.status.setText(result.skipped[0][1])
            return
        self.status.setText(self.tr("%n file(s) copy our work.", "", copies) + " "
                            + self.tr("%n match(es).", "", len(self.matches)) + skipped)
        for index, m in enumerate(self.matches):
            notes = [self.tr("mirrored")] if m.mirrored else []
            if m.reversed:
                notes.append(self.tr("reversed"))
            if abs(m.speed - 1.0) >= 0.02:
                notes.append(self.tr("speed ×%1").replace("%1", f"{m.speed:.2f}"))
            if not m.has_picture:
                notes.append(self.tr("sound only"))
            elif m.has_sound:
                notes.append(self.tr("picture and sound"))
            if m.region:
                notes.append(self.tr("inside their frame"))
            if m.sound_alternatives:
                notes.append(m.placement_note())
            item = QTreeWidgetItem([
                f"E{m.episode_number:02d} {m.title}",
                f"{_clock(m.suspect_start)} – {_clock(m.suspect_end)}",
                f"{_clock(m.reference_start)} – {_clock(m.reference_end)}",
                f"{m.score * 100:.0f}%", ", ".join(notes), self.match_suspects[index].path.name])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            self.results.addTopLevelItem(item)
        self.results.setCurrentItem(self.results.topLevelItem(0))
        self.evidence_button.setEnabled(True)

    # ------------------------------------------------------------ evidence
    def _save_evidence(self) -> FunctionJob | None:
        current = self.results.currentItem()
        if current is None or self.scan_result is None or self.session.bundle is None:
            return None
        suspect = self.match_suspects[current.data(0, Qt.ItemDataRole.UserRole)]
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the evidence pack in"), str(Path.home()))
        return self.save_evidence_to(suspect, Path(folder)) if folder else None

    def save_evidence_to(self, suspect: SuspectResult, folder: Path) -> FunctionJob:
        from app.provenance.evidence import write_evidence_pack

        bundle = self.session.bundle
        references = list(self.references.values())
        wanted = {r.episode_id for r in references}
        live = self.session.document.series
        series = series_snapshot(live, [e for e in live.episodes if e.id in wanted])  # the worker reads copies

        def work(ctx: JobContext) -> Path:
            ctx.progress(None, "Writing the evidence pack")
            return write_evidence_pack(bundle, series, suspect, SeasonIndex(references), folder)

        def done(archive: Path) -> None:
            self.status.setText(self.tr("Evidence saved: %1").replace("%1", str(archive)))

        self.status.setText(self.tr("Writing the evidence pack for %1…").replace("%1", suspect.path.name))
        self.evidence_job = self.session.services.jobs.add(FunctionJob(QCoreApplication.translate("ProvenanceTheftDialog", "Evidence pack for {name}").format(name=suspect.path.name), work,
                                                                       on_done=done, kind="check"))
        return self.evidence_job

    # ------------------------------------------------------- side-by-side view
    def _show_pair(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is None or self.fetcher is None:
            return
        match = self.matches[current.data(0, Qt.ItemDataRole.UserRole)]
        suspect_t, ours_t = match.pairs[len(match.pairs) // 2]
        reference = self.references.get(match.episode_id)
        ours_path = Path(reference.source_file) if reference else None
        suspect_path = self.match_suspects[current.data(0, Qt.ItemDataRole.UserRole)].path
        self.ours_caption.setText(self.tr("Our episode at %1").replace("%1", _clock(ours_t)))
        self.theirs_caption.setText(self.tr("Suspect at %1").replace("%1", _clock(suspect_t)) +
                                    (self.tr(" (mirrored)") if match.mirrored else ""))
        fetcher = self.fetcher

        def work(ctx: JobContext) -> tuple[np.ndarray | None, np.ndarray | None]:
            ours = None
            if ours_path is not None and ours_path.is_file():
                ours = fetcher.frame_at(ours_path, Fraction(ours_t).limit_denominator(1000), FRAME_SIZE)
            theirs = None
            if match.has_picture:
                theirs = fetcher.frame_at(suspect_path, Fraction(suspect_t).limit_denominator(1000), FRAME_SIZE)
            return ours, theirs

        def show(frames: tuple[np.ndarray | None, np.ndarray | None]) -> None:
            ours, theirs = frames
            if ours is None:
                self.ours.setText(self.tr("The export file is no longer\non this computer."))
            else:
                self.ours.setPixmap(_pixmap(ours))
            if theirs is None:
                self.theirs.setText(self.tr("Only our sound is in\nthis file."))
            else:
                self.theirs.setPixmap(_pixmap(theirs))

        self.frame_job = self.session.services.jobs.add(FunctionJob(QCoreApplication.translate("ProvenanceTheftDialog", "Theft check frames"), work, on_done=show,
                                                                    kind="check"))

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        self.stop()
        super().done(result)
