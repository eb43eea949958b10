"""The draft export as a queue job: copying media and writing the draft run on a worker.

The GUI gets progress, cancel and failure reporting from the job queue like any
other export; cancelling stops between files and removes the temporary folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.interchange.draft_export import DraftOptions, DraftResult, write_draft
from app.jobs.job import FunctionJob, JobContext
from app.model import Episode
from app.session import Session


def export_draft(session: Session, episode: Episode, out: Path, options: DraftOptions,
                 on_done: Callable[[DraftResult], None] | None = None) -> FunctionJob:
    series, bundle = session.series, session.bundle
    assert bundle is not None

    def work(ctx: JobContext) -> DraftResult:
        return write_draft(series, episode, bundle, out, options, progress=ctx.progress,
                           check_cancel=ctx.token.raise_if_cancelled)

    title = QCoreApplication.translate("DraftExport", "Export episode {n} as a draft").format(n=episode.number)
    return session.services.jobs.add(FunctionJob(title, work, on_done=on_done, kind="export"))
