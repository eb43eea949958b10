"""Generation from the board: N candidates for one shot, or everything missing in the episode.

Jobs go through the session's job queue, queued in short slices so a batch reaches
the Jobs dock together (``app.jobs.batch_queue``); a batch for the whole episode
shows its estimated cost first. The texts keep the Storyboard panel's translation
context (``StoryboardPanel``), where the translations live.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from app.errors import UserError
from app.jobs.actions import missing_jobs, shot_job
from app.jobs.batch_memo import one_batch
from app.jobs.batch_queue import queue_made
from app.jobs.costs import format_money
from widgets.settings.provider_setup import explain_generation_error
from widgets.settings.provider_texts import provider_label

if TYPE_CHECKING:
    from app.session import Session

translate = QCoreApplication.translate


class GenerationActions(QWidget):
    """The Storyboard panel's generation commands (a base of ``StoryboardPanel``)."""

    session: Session
    image_provider: QComboBox
    video_provider: QComboBox

    schedule_refresh: Callable[..., None]  # the panel's: rebuild the cards in a later turn

    def _provider(self, slot: str) -> str:
        from app.jobs.actions import choose_provider

        combo = self.image_provider if slot == "still" else self.video_provider
        return choose_provider("image" if slot == "still" else "video", combo.currentData())

    def generate_for_shot(self, shot_id: str, slot: str, count: int) -> list:
        episode = self.session.current_episode
        shot = self.session.document.find(shot_id)
        if episode is None or shot is None:
            return []
        try:
            provider = self._provider(slot)
            with one_batch():
                jobs = [shot_job(self.session, episode, shot, slot, provider, choose=(i == 0 and not (
                    shot.chosen_still if slot == "still" else shot.chosen_clip))) for i in range(count)]
        except UserError as exc:
            explain_generation_error(self, exc)
            return []
        self._queue(jobs)
        self.schedule_refresh()
        return jobs

    def generate_missing(self, slot: str, confirm: bool = True) -> list:
        episode = self.session.current_episode
        if episode is None:
            return []
        try:
            provider = self._provider(slot)
            notes: list[str] = []
            jobs = missing_jobs(self.session, episode, slot, provider, notes=notes)
        except UserError as exc:
            explain_generation_error(self, exc)
            return []
        if not jobs:
            QMessageBox.information(self, translate("StoryboardPanel", "Nothing to generate"),
                                    translate("StoryboardPanel", "Every shot already has one.") + ("\n\n" + "\n".join(notes) if notes else ""))
            return []
        total = sum(job.estimated_cost for job in jobs)
        currency = self.session.series.settings.currency
        if confirm:
            answer = QMessageBox.question(
                self, translate("StoryboardPanel", "Generate"),
                translate("StoryboardPanel", "Generate %1 with %2 for %3 shots? Estimated cost: %4.")
                .replace("%1", translate("StoryboardPanel", "stills") if slot == "still" else translate("StoryboardPanel", "clips"))
                .replace("%2", provider_label(provider)).replace("%3", str(len(jobs))).replace("%4", format_money(total, currency)))
            if answer != QMessageBox.StandardButton.Yes:
                return []
        self._queue(jobs)
        self.schedule_refresh()
        return jobs

    def _queue(self, jobs: list) -> None:
        """Queue a batch in short slices (``app.jobs.batch_queue``); they reach the Jobs dock together."""
        queue_made(self.session.services.jobs, jobs, lambda exc: explain_generation_error(self, exc))
