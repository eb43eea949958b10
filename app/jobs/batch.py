"""Batch generation for an episode (the engine of ``microdrama generate``).

Order matters: tasks paid for in an earlier run are collected first, then
stills, then clips (which start from the chosen stills), then the music bed.
Shots that are locked, or already have a job in flight, are left alone.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from app.cli.progress import ProgressBar
from app.jobs.actions import choose_provider, missing_jobs
from app.jobs.costs import format_money
from app.jobs.job import FunctionJob, Job, JobState
from app.jobs.prompts import shot_label
from app.model import Episode, Shot
from app.session import Session


@dataclass
class Plan:
    stills: bool = True
    clips: bool = True
    music: bool = False
    shots: set[int] | None = None  # positions in the episode, 1-based; None = all
    regenerate: bool = False
    image_provider: str | None = None
    video_provider: str | None = None
    music_provider: str | None = None
    text_provider: str | None = None


class BatchGenerator:
    def __init__(self, session: Session, episode: Episode, plan: Plan, out: TextIO) -> None:
        self.session, self.episode, self.plan, self.out = session, episode, plan, out
        self.manager = session.services.jobs
        self._interrupted = False
        self._bar: ProgressBar | None = None
        self._batch: list[Job] = []
        self._asked: list[Job] = []  # every job this run was asked to do (its exit status answers for these)
        self.earlier_failures: list[str] = []  # failed jobs of earlier runs: reported, not this run's errors

    # ------------------------------------------------------------------ run
    def run(self) -> list[str]:
        """Run the plan; returns the failures in plain words (empty: everything landed)."""
        providers = {}
        if self.plan.stills:
            providers["image"] = choose_provider("image", self.plan.image_provider)
        if self.plan.clips:
            providers["video"] = choose_provider("video", self.plan.video_provider, fallback="motion")
        if self.plan.music:
            providers["music"] = choose_provider("music", self.plan.music_provider)
        if self.plan.text_provider:
            choose_provider("text", self.plan.text_provider)

        def phases() -> None:
            if self.plan.stills:
                if self.plan.text_provider:
                    self._phase("Writing prompts", self._prompt_jobs())
                self._phase("Stills", self._jobs("still", providers["image"]))
            if self.plan.clips:
                self._phase("Clips", self._jobs("clip", providers["video"]))
            if self.plan.music:
                self._phase("Music", self._jobs("music", providers["music"]))

        return self.run_loop(phases, on_success=self._close_batch if self.plan.regenerate else None)

    def run_loop(self, phases: Callable[[], None], on_success: Callable[[], None] | None = None) -> list[str]:
        """The run every batch shares (generate, voices, lip sync): collect the tasks an earlier run
        paid for, run ``phases``, stop cleanly on Ctrl+C, save, and name the failures.
        ``on_success`` runs when nothing failed, before the journal is folded into project.json.

        Failures come back in plain words (empty: everything landed).
        """
        previous = signal.signal(signal.SIGINT, self._on_sigint)
        try:
            self.manager.resume_persisted()
            resumed = [j for j in self.manager.jobs() if not j.state.finished]
            if resumed:
                self._asked.extend(j for j in resumed if self._is_asked(j))
                self._phase(f"Collecting {len(resumed)} earlier task(s)", resumed)
            phases()
        except _Interrupted:
            waiting = [j for j in self.manager.jobs() if not j.state.finished and getattr(j, "handle", None)]
            self.manager.shutdown()
            return [f"interrupted; {len(waiting)} task(s) keep running at the vendor and are collected "
                    "when you run the same command again"]
        finally:
            signal.signal(signal.SIGINT, previous)
        if self.session.is_modified:
            self.session.save()
        asked = {j.id for j in self._asked}
        failed = [j for j in self.manager.jobs() if j.state is JobState.FAILED]
        failures = [_failure_line(j) for j in failed if j.id in asked]
        self.earlier_failures = [_failure_line(j) for j in failed if j.id not in asked]
        if self.manager.paused_reason:
            failures.append(self.manager.paused_reason)
        if not failures and on_success is not None:
            on_success()
        self._fold_journal()
        return failures

    def _is_asked(self, job: Job) -> bool:
        """An unfinished earlier task is this run's work when it makes what this run was asked for
        (this episode, a slot of the plan, a selected shot); other episodes' tasks are collected too,
        but their outcome is not this run's."""
        target = job.target
        if target.get("episode_id") != self.episode.id:
            return False
        slot = str(target.get("slot") or "")
        if slot not in ("still", "clip", "music"):
            return True  # voices and lip sync batches: this episode's earlier tasks are this run's work
        wanted = {"still": self.plan.stills, "clip": self.plan.clips, "music": self.plan.music}[slot]
        if not wanted:
            return False
        shot_id = target.get("shot_id")
        return not shot_id or shot_id in {s.id for s in self._selected_shots()}

    def _fold_journal(self) -> None:
        """A finished batch leaves project.json complete, for every reader (not only this app)."""
        from app.jobs.journal import fold_into_project_file

        bundle = self.session.bundle
        if bundle is None:
            return
        try:
            fold_into_project_file(bundle, self.manager.journal)
        except Exception as exc:  # the journal still holds everything; the next open replays it
            print(f"note: the job journal stays in {bundle.root}: {exc}", file=self.out)

    @property
    def interrupted(self) -> bool:
        """The run stopped on Ctrl+C (the jobs' records say where each one was)."""
        return self._interrupted

    def _on_sigint(self, signum: int, frame: object) -> None:
        self._interrupted = True

    def _phase(self, label: str, jobs: list[Job]) -> None:
        if not jobs:
            return
        self._batch = jobs
        self._asked.extend(jobs)
        currency = self.session.series.settings.currency
        estimated = sum(j.estimated_cost for j in jobs)
        if estimated:
            print(f"{label}: {len(jobs)} job(s), estimated {format_money(estimated, currency)}", file=self.out)
        self._bar = ProgressBar(label, self.out)
        for job in jobs:
            if job.id not in {j.id for j in self.manager.jobs()}:
                self.manager.add(job)
        self._wait(lambda: all(j.state.finished for j in jobs) or bool(self.manager.paused_reason))
        done = sum(j.state is JobState.SUCCEEDED for j in jobs)
        charged = sum(j.cost for j in jobs if j.state is JobState.SUCCEEDED)
        self._bar.finish(f"{done} of {len(jobs)} done" + (f", charged {format_money(charged, currency)}"
                                                           if estimated else ""))

    def _wait(self, finished: Callable[[], bool]) -> None:
        loop = QEventLoop()
        ticker = QTimer()
        ticker.setInterval(100)

        def tick() -> None:
            self._update_bar()
            if finished() or self._interrupted:
                loop.quit()

        ticker.timeout.connect(tick)
        ticker.start()
        if not finished():
            loop.exec()
        ticker.stop()
        if self._interrupted:
            raise _Interrupted

    def _update_bar(self) -> None:
        if self._bar is None or not self._batch:
            return
        total = 0.0
        for job in self._batch:
            total += 1.0 if job.state.finished else float(job.progress or 0.0) * 0.95
        active = next((j for j in self._batch if j.state.active), None)
        detail = f"{active.title}: {active.detail}" if active is not None and active.detail else ""
        self._bar.update(total / len(self._batch), detail[:60])

    # ----------------------------------------------------------- selection
    def _selected_shots(self) -> list[Shot]:
        shots = list(self.episode.shots())
        return [s for i, s in enumerate(shots, 1)
                if (self.plan.shots is None or i in self.plan.shots) and not s.locked]

    @property
    def batch_key(self) -> str:
        """The identity of this command: the same episode, shots, kinds, providers and --regenerate
        make the same batch, so re-running an interrupted ``generate --regenerate`` continues it."""
        import hashlib
        import json

        plan = self.plan
        ident = [self.episode.id, plan.stills, plan.clips, plan.music, sorted(plan.shots or []),
                 plan.regenerate, plan.image_provider, plan.video_provider, plan.music_provider]
        return hashlib.sha1(json.dumps(ident).encode()).hexdigest()[:16]

    def _close_batch(self) -> None:
        """Everything of this batch landed: the next identical command is a new batch."""
        from app.jobs.journal import record_entry

        journal = self.manager.journal
        for record in self.session.series.jobs:
            if record.target.get("batch") == self.batch_key and not record.target.get("batch_closed"):
                record.target["batch_closed"] = True
                job = self.manager.job(record.id)
                if job is not None:
                    job.target["batch_closed"] = True
                if journal is not None:
                    journal.append(record_entry(record))

    def _jobs(self, slot: str, provider: str) -> list[Job]:
        notes: list[str] = []
        jobs = missing_jobs(self.session, self.episode, slot, provider, positions=self.plan.shots,
                            regenerate=self.plan.regenerate, notes=notes,
                            batch=self.batch_key if self.plan.regenerate else "")
        for note in notes:
            print(note, file=self.out)
        return list(jobs)

    def _prompt_jobs(self) -> list[Job]:
        provider = self.plan.text_provider
        series, doc = self.session.series, self.session.document
        jobs: list[Job] = []
        for shot in self._selected_shots():
            if shot.image_prompt.strip() or shot.chosen_still and not self.plan.regenerate:
                continue

            def write(ctx, shot=shot) -> str:
                from app.jobs.provider_config import make_provider
                from providers.base import ChatMessage, TextRequest

                client = make_provider(provider)
                system = ("You write one image-generation prompt for a single shot of a vertical (9:16) drama. "
                          "Describe subject, setting, framing, lighting and mood in one paragraph, no lists.")
                user = (f"Series style: {series.bible.visual_style}\nShot size: {shot.shot_size}\n"
                        f"Camera: {shot.camera_angle} {shot.camera_movement}\nAction: {shot.action}")
                result = client.chat(TextRequest(messages=[ChatMessage("system", system),
                                                           ChatMessage("user", user)]), ctx.token)
                return result.text.strip()

            def done(text: str, shot=shot) -> None:
                if text:
                    doc.edit(shot, QCoreApplication.translate("JobsBatch", "Write image prompt"), image_prompt=text)

            jobs.append(FunctionJob(QCoreApplication.translate("JobsBatch", "Prompt {shot_label}").format(shot_label=shot_label(shot)), write, on_done=done, resource=provider,
                                    retries=3, kind="prompt"))
        return jobs


class _Interrupted(Exception):
    pass


def _failure_line(job: Job) -> str:
    """``title: plain message [the vendor's own words]`` (the original only when it says more)."""
    original = getattr(job, "error_original", "")
    extra = f" [{original}]" if original and original != job.error else ""
    return f"{job.title}: {job.error}{extra}"
