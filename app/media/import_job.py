"""Importing dropped or chosen files without blocking the editor.

Probing, test-decoding and copying a 2 GB clip into the bundle takes seconds;
it runs on the job queue's worker (with progress and cancel in the Jobs dock)
and the model changes land on the GUI thread, where the caller places the
assets (as one undo step of its own).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.jobs.job import FunctionJob, JobContext
from app.media.importer import register_media, store_media
from app.model import MediaAsset, Provenance

Landed = Callable[[list[MediaAsset], list[str]], None]


def import_files_job(session, paths: list[Path], on_done: Landed,
                     provenance: Callable[[Path], Provenance] | None = None) -> FunctionJob:
    """Queue the import of ``paths``; ``on_done(assets, failures)`` runs on the GUI thread.

    One unusable file does not stop the others: it is reported in ``failures``
    as a sentence naming the file.
    """
    paths = [Path(p) for p in paths]

    def work(ctx: JobContext) -> tuple[list[MediaAsset], list[str]]:
        stored, failed = [], []
        for i, path in enumerate(paths):
            ctx.token.raise_if_cancelled()
            ctx.progress(i / len(paths), path.name)
            try:
                stored.append(store_media(session, path, provenance(path) if provenance else None))
            except UserError as exc:
                failed.append(str(exc) if path.name in str(exc) else f"{path.name}: {exc}")
        return stored, failed

    def land(result: tuple[list[MediaAsset], list[str]]) -> None:
        stored, failed = result
        on_done([register_media(session, asset) for asset in stored], failed)

    title = (QCoreApplication.translate("ImportJob", "Import {name}").format(name=paths[0].name) if len(paths) == 1
             else QCoreApplication.translate("ImportJob", "Import {n} files").format(n=len(paths)))
    return session.services.jobs.add(FunctionJob(title, work, on_done=land, kind="import"))
