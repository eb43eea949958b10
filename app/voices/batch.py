"""``microdrama voices``: voice an episode headless, through the same job queue as the GUI.

Tasks left from an interrupted run are collected first (nothing is paid twice), then one
job per line that needs a voice. Progress goes to a terminal progress bar; the project is
saved at the end. The arrivals of the run are one undo step in the document.
"""

from __future__ import annotations

import shutil
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.jobs.batch import BatchGenerator, Plan
from app.model import Episode
from app.session import Session
from app.voices.cast import SCRATCH_PROVIDER, voice_for
from app.voices.plan import Scope, VoicePlan, in_flight_lines, lines_in, plan_voices


def check_providers(session: Session, plan: VoicePlan) -> None:
    """Refuse to start when a provider the plan needs cannot work (one clear line)."""
    from app.jobs.actions import choose_provider

    for name in sorted({j.resource for j in plan.jobs}):
        if name == SCRATCH_PROVIDER:
            if shutil.which("espeak-ng") is None:
                raise UserError(QCoreApplication.translate("VoicesBatch", "The offline scratch voice needs espeak-ng: install it with 'apt-get install espeak-ng' (or choose a vendor with --provider)."))
            continue
        choose_provider("speech", name)


class VoiceBatch(BatchGenerator):
    def __init__(self, session: Session, episode: Episode, out: TextIO, *, provider: str | None = None,
                 line_ids: set[str] | None = None, regenerate: bool = False) -> None:
        super().__init__(session, episode, Plan(stills=False, clips=False), out)
        self.provider, self.line_ids, self.regenerate = provider, line_ids, regenerate
        self.plan_result: VoicePlan | None = None

    def run(self) -> list[str]:
        if self.provider:
            from app.jobs.actions import choose_provider

            choose_provider("speech", self.provider)
        def phases() -> None:
            pairs = lines_in(self.episode, Scope.EPISODE, line_ids=self.line_ids)
            busy = in_flight_lines(self.manager.jobs())
            plan = plan_voices(self.session.series, self.episode, pairs, provider=self.provider,
                               regenerate=self.regenerate, busy=busy)
            self.plan_result = plan
            check_providers(self.session, plan)
            for note in plan.skipped:
                print(note, file=self.out)
            self._phase("Voices", list(plan.jobs))

        return self.run_loop(phases)


def parse_lines(spec: str | None, episode: Episode) -> set[str] | None:
    """``"1,4-6"`` (positions of lines in the episode) -> their line ids; None = all lines."""
    if not spec:
        return None
    from app.cli.cmd_generate import parse_shots

    pairs = list(episode.dialogue_lines())
    try:
        positions = parse_shots(spec, len(pairs))
    except UserError as exc:
        raise UserError(str(exc).replace("--shots", "--lines").replace("shot", "line")) from None
    return {pairs[i - 1][1].id for i in sorted(positions or ())}


__all__ = ["VoiceBatch", "parse_lines", "voice_for"]
