"""The Jobs dock's menu commands, made at start-up without the panel.

Edit ▸ Providers…, Episode ▸ Set Budget… and the Generate menu's "missing" items
belong to the Jobs dock, which sits in a tab behind the Storyboard. The editor
builds that panel the first time its tab is shown (start-up pays only for what the
first paint shows), but the menus must be complete from the start: so the commands
live here, and the panel, once made, uses the same object and shows its notes.

Texts keep the ``JobsPanel`` translation context they always had.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QWidget

from app.session import Session

if TYPE_CHECKING:
    from app.jobs.manager import JobManager

translate = QCoreApplication.translate


class JobsCommands(QObject):
    """What the Jobs dock offers in the menus; ``note`` says what a command found (nothing missing)."""

    note = Signal(str)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent

    @property
    def manager(self) -> JobManager:
        """The session's job queue, made on first use (not when the menus are built at start-up)."""
        return self.session.services.jobs

    def menu_actions(self) -> dict[str, list[QAction]]:
        def make(text: str, name: str, slot: Callable[[], object]) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setMenuRole(QAction.MenuRole.NoRole)
            action.triggered.connect(slot)
            return action

        return {
            "Edit": [make(translate("JobsPanel", "Providers…"), "action_providers", self.open_providers_dialog)],
            "Episode": [make(translate("JobsPanel", "Set Budget…"), "action_episode_budget", self.edit_budget)],
            "Generate": [
                make(translate("JobsPanel", "Missing Stills for This Episode"), "action_generate_stills",
                     lambda: self.generate_missing("still")),
                make(translate("JobsPanel", "Missing Clips for This Episode"), "action_generate_clips",
                     lambda: self.generate_missing("clip")),
                make(translate("JobsPanel", "Music Bed for This Episode"), "action_generate_music",
                     lambda: self.generate_missing("music")),
                make(translate("JobsPanel", "Clear Finished Jobs"), "action_clear_jobs",
                     lambda: self.manager.clear_finished()),
            ],
        }

    def generate_missing(self, slot: str) -> int:
        """Queue what the current episode lacks in ``slot``; returns how many jobs were queued."""
        from app.errors import UserError
        from app.jobs.actions import choose_provider, missing_jobs
        from app.jobs.batch_queue import queue_made
        from widgets.settings.provider_setup import explain_generation_error

        episode = self.session.current_episode
        if episode is None or not self.session.is_open:
            return 0
        capability = {"still": "image", "clip": "video", "music": "music"}[slot]
        try:
            provider = choose_provider(capability, None, fallback="motion" if slot == "clip" else None)
            notes: list[str] = []
            jobs = missing_jobs(self.session, episode, slot, provider, notes=notes)
        except UserError as exc:
            explain_generation_error(self.parent_widget, exc)
            return 0
        # in short slices; they reach the Jobs dock together
        queue_made(self.manager, jobs, lambda exc: explain_generation_error(self.parent_widget, exc))
        if not jobs:
            self.note.emit(translate("JobsPanel", "Nothing is missing.") + ("\n" + "\n".join(notes) if notes else ""))
        return len(jobs)

    def edit_budget(self) -> None:
        episode = self.session.current_episode
        if episode is None:
            return
        currency = self.session.series.settings.currency
        value, ok = QInputDialog.getDouble(
            self.parent_widget, translate("JobsPanel", "Episode budget"),
            translate("JobsPanel", "Budget for episode {n} in {currency} (0 = no budget):").format(n=episode.number,
                                                                             currency=currency),
            episode.budget or 0.0, 0.0, 1_000_000.0, 2)
        if ok:
            self.session.document.edit(episode, translate("JobsPanel", "Set episode budget"), budget=value or None)

    def open_providers_dialog(self) -> None:
        from widgets.settings.providers_dialog import ProvidersDialog

        ProvidersDialog(self.parent_widget.window()).exec()
