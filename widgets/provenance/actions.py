"""File > Export/Import and Episode menu actions for interchange and provenance.

Each action asks for a path, then queues the work through ``app.interchange.tasks``
so nothing slow runs on the GUI thread; failures surface in the Jobs dock and in
a message box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import UserError
from app.jobs.job import Job
from app.model import Episode
from app.session import Session


class InterchangeActions(QObject):
    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent

    # ------------------------------------------------------------------ menus
    def menu_actions(self) -> dict[str, list[QAction]]:
        def action(text: str, name: str, slot) -> QAction:
            a = QAction(text, self)
            a.setObjectName(name)
            a.triggered.connect(slot)
            return a

        return {
            "File": [
                self._export_episode_action(action),
                action(self.tr("Export Timeline as OpenTimelineIO…"), "action_export_otio", self.export_otio_dialog),
                action(self.tr("Import Timeline from OpenTimelineIO…"), "action_import_otio", self.import_otio_dialog),
                action(self.tr("Export Subtitles…"), "action_export_subtitles", self.export_subtitles_dialog),
                action(self.tr("Export Credits and Provenance…"), "action_export_credits",
                       self.export_credits_dialog),
            ],
            "Episode": [
                action(self.tr("Check a Suspect Video…"), "action_theft_check", self.theft_check_dialog),
            ],
        }

    def _export_episode_action(self, action) -> QAction:
        from widgets.commands.keymap import keymap

        export = action(self.tr("Export Episode…"), "action_export_episode", self.export_episode_dialog)
        keymap().bind_action(export, "action_export_episode")  # keys: the command catalog
        return export

    def export_episode_dialog(self) -> None:
        if not self._ready():
            return
        from widgets.export.dialog import ExportDialog

        ExportDialog(self.session, self.parent_widget.window()).exec()

    # ---------------------------------------------------------------- helpers
    def _ready(self) -> bool:
        if self.session.bundle is None or self.session.current_episode is None:
            QMessageBox.information(self.parent_widget, self.tr("No episode"),
                                    self.tr("Open a project and choose an episode first."))
            return False
        return True

    def _default(self, suffix: str) -> str:
        episode = self.session.current_episode
        assert self.session.bundle is not None and episode is not None
        folder = self.session.bundle.folder("renders")
        return str(folder / f"{self.session.bundle.name}-E{episode.number:02d}{suffix}")

    def _save_path(self, title: str, suffix: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, title, self._default(suffix), filters)
        return Path(path) if path else None

    # ---------------------------------------------------------------- actions
    def export_otio_dialog(self) -> None:
        if self._ready() and (path := self._save_path(self.tr("Export OpenTimelineIO"), ".otio",
                                                      self.tr("OpenTimelineIO (*.otio)"))):
            self.export_otio(path)

    def _episode(self) -> Episode:
        episode = self.session.current_episode
        if episode is None:  # the menu entries are disabled then; a shortcut may still arrive
            raise UserError(QCoreApplication.translate("TimelineView", "No episode open. Open a project and pick an episode."))
        return episode

    def export_otio(self, path: Path) -> Job:
        from app.interchange import tasks  # loaded when used: the menus are made at start-up

        return tasks.export_otio(self.session, self._episode(), path)

    def import_otio_dialog(self) -> None:
        if not self._ready():
            return
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import OpenTimelineIO"),
                                              str(Path.home()), self.tr("OpenTimelineIO (*.otio)"))
        if path:
            self.import_otio(Path(path))

    def import_otio(self, path: Path) -> Job:
        def report(problems: list[str]) -> None:
            QMessageBox.warning(self.parent_widget, self.tr("Some media was not found"),
                                self.tr("The timeline was imported; these clips are offline:") + "\n\n"
                                + "\n".join(problems[:20]))

        from app.interchange import tasks

        return tasks.import_otio(self.session, self._episode(), path, report)

    def export_subtitles_dialog(self) -> None:
        if not self._ready():
            return
        path, chosen = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export Subtitles"), self._default(".srt"),
            self.tr("SubRip (*.srt);;WebVTT (*.vtt);;Advanced SubStation (*.ass)"))
        if path:
            fmt = Path(path).suffix.lower().lstrip(".")
            if fmt not in ("srt", "vtt", "ass"):
                fmt = "vtt" if "vtt" in chosen else "ass" if "ass" in chosen else "srt"
            self.export_subtitles(Path(path), fmt)

    def export_subtitles(self, path: Path, fmt: str) -> Job:
        from app.interchange import tasks

        return tasks.export_subtitles(self.session, self._episode(), path, fmt)

    def export_credits_dialog(self) -> None:
        if self._ready() and (path := self._save_path(self.tr("Export Credits and Provenance"), ".credits.md",
                                                      self.tr("Markdown (*.md);;JSON (*.json)"))):
            self.export_credits(path)

    def export_credits(self, path: Path) -> Job:
        from app.interchange import tasks

        return tasks.export_credits(self.session, self._episode(), path)

    def theft_check_dialog(self) -> None:
        if self.session.bundle is None:
            self._ready()
            return
        from widgets.provenance.theft_dialog import TheftCheckDialog

        TheftCheckDialog(self.session, self.parent_widget).show()
