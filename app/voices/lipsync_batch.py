"""``microdrama lipsync``: lip sync an episode's shots headless, through the GUI's job queue.

Tasks left from an interrupted run are collected first (nothing is paid twice), then one
job per shot that has a chosen clip and a chosen take. The results land as new chosen clip
versions; the project is saved at the end.
"""

from __future__ import annotations

from typing import TextIO

from PySide6.QtCore import QCoreApplication

from app.jobs.batch import BatchGenerator, Plan
from app.model import Episode
from app.session import Session
from app.voices.lipsync import LipSyncPlan, default_provider, plan_lipsync
from providers.base import LIPSYNC


class LipSyncBatch(BatchGenerator):
    def __init__(self, session: Session, episode: Episode, out: TextIO, *, provider: str | None = None,
                 shot_ids: set[str] | None = None, face: int | None = None) -> None:
        super().__init__(session, episode, Plan(stills=False, clips=False), out)
        self.provider, self.shot_ids, self.face = provider, shot_ids, face
        self.plan_result: LipSyncPlan | None = None

    def run(self) -> list[str]:
        from app.jobs.actions import choose_provider

        provider = choose_provider(LIPSYNC, self.provider, default_provider())
        if self.face is not None:
            self.remember_face(self.face)

        def phases() -> None:
            busy = {j.target.get("shot_id") for j in self.manager.jobs()
                    if not j.state.finished and j.target.get("lipsync")}
            wanted = self.shot_ids if self.shot_ids is not None else {s.id for s in self.episode.shots()}
            plan = plan_lipsync(self.session.bundle, self.session.series, self.episode, provider,
                                wanted - busy)
            self.plan_result = plan
            for note in [*plan.skipped, *plan.notes]:
                print(note, file=self.out)
            self._phase("Lip sync", list(plan.jobs))

        return self.run_loop(phases)

    def remember_face(self, face: int) -> None:
        """``--face N``: the N-th face speaks in the chosen shots, remembered for later runs (0: longest)."""
        wanted = self.shot_ids if self.shot_ids is not None else {s.id for s in self.episode.shots()}
        for shot in self.episode.shots():
            if shot.id in wanted and shot.dialogue and shot.lipsync_face != face:
                self.session.document.edit(
                    shot, QCoreApplication.translate("LipSync", "Choose Lip-Sync Face"), lipsync_face=face)
