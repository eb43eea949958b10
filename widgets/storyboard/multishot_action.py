"""Storyboard action: generate the selected shot's scene as one multi-shot clip.

Offered through the Generate menu. It refuses with the reason when the chosen video model makes
one shot per call (the model card says so), asks before spending (with the estimate), then queues
one :class:`app.jobs.multishot.MultiShotJob`; when the clip lands, every shot of the scene gets its
piece as a new clip version.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError


class MultiShotAction(QAction):
    def __init__(self, panel: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Generate Scene as One Multi-shot Clip…"), parent or panel)
        self.panel = panel
        self.setObjectName("action_generate_scene_multishot")
        self.setToolTip(self.tr("One clip for the whole scene from a model that makes several shots in one call "
                                "(Kling 3.0, Seedance 2.0); each shot gets its piece."))
        self.triggered.connect(lambda: self.generate())

    def generate(self, confirm: bool = True) -> Any:
        from app.jobs.costs import format_money
        from app.jobs.multishot import scene_job

        session = self.panel.session
        shot_id = self.panel.inspector.shot_id
        owner = session.document.owner_of(shot_id)[0] if shot_id else None
        if owner is None or not hasattr(owner, "shots"):
            if not confirm:
                return None
            QMessageBox.information(self.panel, self.tr("Select a shot"),
                                    self.tr("Select a shot of the scene to generate."))
            return None
        try:
            provider = self.panel._provider("clip")
            job = scene_job(session, owner, provider)
        except UserError as exc:
            self.panel.message.setText(str(exc))
            if confirm:  # an interactive click gets the reason in front of it; a scripted call reads the label
                QMessageBox.warning(self.panel, self.tr("Cannot generate"), str(exc))
            return None
        if confirm:
            answer = QMessageBox.question(
                self.panel, self.tr("Generate"),
                self.tr("Generate scene %1 (%2 shots) as one clip? Estimated cost: %3.")
                .replace("%1", str(owner.number)).replace("%2", str(len(job.target["shot_ids"])))
                .replace("%3", format_money(job.estimated_cost, session.series.settings.currency)))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        session.services.jobs.add(job)
        self.panel.schedule_refresh()
        return job
