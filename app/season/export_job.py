"""Export a season through the job queue, one episode at a time.

Each episode is one ``SeasonExportJob`` on the ``season-export`` resource,
limited to one at a time so the encoder gets both cores and the exports come out
in order. The job exports a private copy of the episode (made on the GUI thread
when the batch is queued), so the user may keep editing while the season
renders. Cancel stops the encoder within a second; the queue's pause holds the
episodes that have not started.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.bundle import ProjectBundle
from app.jobs.backoff import RetryPolicy
from app.jobs.cancel import JobStopped
from app.jobs.job import Job, JobContext, JobState
from app.jobs.manager import JobManager
from app.media.export import ExportCancelled, Exporter, ExportOptions, ExportResult
from app.media.presets import ExportPreset
from app.model import Episode, Series
from app.season.state import render_name

RESOURCE = "season-export"


def frozen_copy(series: Series, episode: Episode) -> tuple[Series, Episode]:
    """A series holding a deep copy of ``episode`` and the assets it uses (GUI thread, quick)."""
    episode_copy = copy.deepcopy(episode)
    used = {c.asset_id for t in episode.timeline.tracks for c in t.clips if c.asset_id}
    media = {k: copy.deepcopy(a) for k, a in series.media.items() if k in used}
    light = dataclasses.replace(series, episodes=[episode_copy], media=media, jobs=[],
                                characters=copy.deepcopy(series.characters),
                                settings=copy.deepcopy(series.settings))
    return light, episode_copy


class SeasonExportJob(Job):
    kind = "export"

    def __init__(self, series: Series, bundle: ProjectBundle, episode: Episode, out_path: Path,
                 options: ExportOptions) -> None:
        title = QCoreApplication.translate("SeasonExport", "Export episode %1").replace("%1", str(episode.number))
        super().__init__(title, resource=RESOURCE, target={"episode_id": episode.id},
                         policy=RetryPolicy(max_attempts=1))
        self.number = episode.number
        self.out_path = Path(out_path)
        self._series, self._episode = frozen_copy(series, episode)
        self._bundle = bundle
        self._options = options

    def run(self, ctx: JobContext) -> ExportResult:  # worker thread
        exporter = Exporter(self._series, self._bundle, self._episode, self.out_path, self._options,
                            progress=lambda fraction, _eta: ctx.progress(fraction))
        unregister = ctx.token.on_cancel(exporter.cancel)
        try:
            exporter.preflight()
            return exporter.run()
        except ExportCancelled:
            raise JobStopped(ctx.token.detached) from None
        finally:
            unregister()


@dataclass
class SeasonExportSummary:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)  # episode number, why
    cancelled: list[int] = field(default_factory=list)


def queue_season_export(manager: JobManager, series: Series, bundle: ProjectBundle, episodes: list[Episode],
                        preset: ExportPreset, folder: Path | None = None) -> list[SeasonExportJob]:
    """Queue one export job per episode (in order) into ``folder`` (default: the bundle's renders/)."""
    folder = folder or bundle.folder("renders")
    manager.set_limit(RESOURCE, 1)
    jobs: list[SeasonExportJob] = []
    for episode in episodes:
        job = SeasonExportJob(series, bundle, episode, folder / render_name(bundle.name, episode),
                              ExportOptions(preset=preset))
        jobs.append(manager.add(job))
    return jobs


def summarize(jobs: list[SeasonExportJob]) -> SeasonExportSummary:
    summary = SeasonExportSummary()
    for job in jobs:
        if job.state is JobState.SUCCEEDED:
            summary.written.append(job.out_path)
        elif job.state is JobState.FAILED:
            summary.failed.append((job.number, job.error))
        elif job.state is JobState.CANCELLED:
            summary.cancelled.append(job.number)
    return summary
