"""Saving job records the moment they matter, without saving the user's unsaved edits.

Since the job journal (``app.jobs.journal``) this is only the fallback for a job kind whose
``land`` still returns an ``apply`` function instead of journaling a "landed" entry; the
manager runs it on a worker thread, never on the GUI thread.

A paid remote task must reach disk as soon as the vendor accepted it, but the
user may have edits they have not chosen to save (and might discard). So the
job store does not call ``Session.save``: it reads project.json as it is on
disk, replaces its job list with the in-memory one, applies the same "result
arrived" changes the in-memory project got (new media, a new version on a
shot), and writes the file atomically. The on-disk project thus gains exactly
the jobs and their results, nothing else; a later ordinary save writes the same
data again.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.bundle import BundleError, ProjectBundle
from app.model import Series
from app.project_files import full_snapshot

log = logging.getLogger(__name__)

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock_for(bundle: ProjectBundle) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(str(bundle.root), threading.Lock())


def write_jobs_through(bundle: ProjectBundle, series: Series,
                       apply: Callable[[Series], None] | None = None) -> None:
    """Write ``series.jobs`` (and ``apply``'s changes) into the bundle's project.json.

    Raises BundleError (a UserError) when the file cannot be written. If the file
    on disk cannot be read (damaged), the whole in-memory project is written:
    losing a paid result would be worse than saving the user's edits.
    """
    with _lock_for(bundle):
        try:
            disk = bundle.load()
        except BundleError as exc:
            log.warning("project.json unreadable (%s); saving the open project to keep the job records", exc)
            bundle.save(series)
            return
        if disk.id != series.id:
            raise BundleError(QCoreApplication.translate("JobsStore", "{project_file} now holds another project; the job records were not written. Save the open project under a new name.").format(project_file=bundle.project_file))
        disk.jobs = copy.deepcopy(series.jobs)
        if apply is not None:
            apply(disk)
        try:
            bundle.save_snapshot(full_snapshot(disk, bundle.root), rotate=False)  # unread episodes keep their parts
        except BundleError as exc:
            raise BundleError(QCoreApplication.translate("JobsStore", "Could not record the job in {project_file}: {value}. Free some disk space; the generation is still running.").format(project_file=bundle.project_file, value=exc)) from exc
