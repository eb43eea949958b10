"""``microdrama lipsync``: lip sync an episode's shots headless, through the GUI's job queue.

Tasks left from an interrupted run are collected first (nothing is paid twice), then one
job per shot that has a chosen clip and a chosen take. The results land as new chosen clip
versions; the project is saved at the end.
"""

from __future__ import annotations

import signal
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.jobs.batch import BatchGenerator, Plan, _Interrupted
from app.jobs.job import JobState
from app.model import Episode
from app.session import Session
from app.voices.lipsync import LipSyncPlan, default_provider, plan_lipsync
from providers.base import LIPSYNC


class LipSyncBatch(BatchGenerator):
    def __init__(self, session: Session, episode: Episode, out: TextIO, *, provider: str | None = None,
                 shot_ids: set[str] | None = None) -> None:
        super().__init__(session, episode, Plan(stills=False, clips=False), out)
        self.provider, self.shot_ids = provider, shot_ids
        self.plan_result: LipSyncPlan | None = None

    def run(self) -> list[str]:
        from app.jobs.actions import choose_provider

        provider = choose_provider(LIPSYNC, self.provider, default_provider())
        previous = signal.signal(signal.SIGINT, self._on_sigint)
        try:
            self.manager.resume_persisted()
            resumed = [j for j in self.manager.jobs() if not j.state.finished]
            if resumed:
                self._phase(f"Collecting {len(resumed)} earlier task(s)", resumed)
            busy = {j.target.get("shot_id") for j in self.manager.jobs()
                    if not j.state.finished and j.target.get("lipsync")}
            wanted = self.shot_ids if self.shot_ids is not None else {s.id for s in self.episode.shots()}
            if self.session.bundle is None:
                raise UserError(QCoreApplication.translate("Errors", "No project is open."))
            plan = plan_lipsync(self.session.bundle, self.session.series, self.episode, provider,
                                wanted - busy)
            self.plan_result = plan
            for note in plan.skipped:
                print(note, file=self.out)
            self._phase("Lip sync", list(plan.jobs))
        except _Interrupted:
            waiting = [j for j in self.manager.jobs() if not j.state.finished and getattr(j, "handle", None)]
            self.manager.shutdown()
            return [f"interrupted; {len(waiting)} task(s) keep running at the vendor and are collected "
                    "when you run the same command again"]
        finally:
            signal.signal(signal.SIGINT, previous)
        if self.session.is_modified:
            self.session.save()
        failures = [f"{j.title}: {j.error}" for j in self.manager.jobs() if j.state is JobState.FAILED]
        if self.manager.paused_reason:
            failures.append(self.manager.paused_reason)
        self._fold_journal()
        return failures
