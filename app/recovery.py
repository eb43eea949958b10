"""Crash recovery: is there an autosave worth offering, and loading it.

An autosave is offered when it is newer than project.json, or when
project.json is missing or damaged. It is a project manifest like project.json
(``app.project_files``, naming the same kind of part files), so a user could even
copy it over project.json by hand. Recovery
tolerates missing media: the recovered series opens and the missing files are
listed like for any project.

Policy when the user declines: the autosave is kept, and offered again on the
next open, until the project is saved (a save removes it) or this session's
own autosave replaces it. ``discard_recovery`` deletes it explicitly (the
"Discard" button).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.bundle import AUTOSAVE_FILE, BundleError, ProjectBundle
from app.model import Series
from app.model.schema import ProjectFormatError
from app.project_lock import ProjectLock


@dataclass
class RecoveryInfo:
    """What the recovery prompt shows: which file, from when, against which save."""

    root: Path
    autosave_path: Path
    autosave_time: _dt.datetime  # local time the autosave was written
    project_time: _dt.datetime | None  # local time of project.json, None if missing
    project_readable: bool  # False when project.json is missing or damaged
    title: str  # series title inside the autosave
    size_bytes: int

    @property
    def autosaved_at(self) -> str:
        """The autosave's local time as text, for prompts."""
        return self.autosave_time.strftime("%Y-%m-%d %H:%M:%S")

    def describe(self) -> str:
        when = self.autosave_time.strftime("%Y-%m-%d %H:%M:%S")
        if self.project_time is None or not self.project_readable:
            return f"An autosave of “{self.title or self.root.name}” from {when} can be recovered " \
                   "(the saved project file is missing or damaged)."
        saved = self.project_time.strftime("%Y-%m-%d %H:%M:%S")
        return f"An autosave of “{self.title or self.root.name}” from {when} is newer than the last save " \
               f"({saved}); the editor probably closed unexpectedly."


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def find_recovery(root: Path) -> RecoveryInfo | None:
    """A RecoveryInfo when ``root`` holds a loadable autosave newer than its project.json.

    None while another editor on this computer has the project open: its
    autosave is live work, not something left by a crash.
    """
    bundle = ProjectBundle(Path(root))
    auto_time = _mtime(bundle.autosave_file)
    if auto_time is None:
        return None
    owner = ProjectLock(bundle.root).read()
    if owner is not None and owner.pid and not owner.is_this_process and owner.is_alive() and owner.is_this_host:
        return None  # another running editor is autosaving it: not a crash leftover
    project_time = _mtime(bundle.project_file)
    readable = project_time is not None and bundle.project_file_is_good()
    if readable and project_time is not None and project_time >= auto_time:
        return None  # saved after the last autosave: nothing to recover
    try:
        raw = bundle.autosave_file.read_bytes()
        series = bundle.decode_file(raw, bundle.autosave_file)[0]
    except (OSError, ProjectFormatError):
        return None  # an unreadable autosave cannot be offered; it is kept for inspection
    return RecoveryInfo(
        root=bundle.root, autosave_path=bundle.autosave_file,
        autosave_time=_dt.datetime.fromtimestamp(auto_time),
        project_time=_dt.datetime.fromtimestamp(project_time) if project_time is not None else None,
        project_readable=readable, title=series.title, size_bytes=len(raw),
    )


def load_autosave(bundle: ProjectBundle) -> Series:
    """The series in the bundle's autosave; BundleError with advice if it cannot be read."""
    path = bundle.autosave_file
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise BundleError(QCoreApplication.translate("Errors", "There is no autosave ({file}) in {folder} to recover.").format(
            file=AUTOSAVE_FILE, folder=bundle.root)) from exc
    except OSError as exc:
        raise BundleError(QCoreApplication.translate("Errors", "Cannot read the autosave {path}: {reason}.").format(
            path=path, reason=exc.strerror)) from exc
    try:
        return bundle.decode_file(raw, path)[0]
    except ProjectFormatError as exc:
        raise BundleError(QCoreApplication.translate("Errors", "The autosave cannot be recovered: {reason} Open the project without recovery.").format(
            reason=exc)) from exc


def discard_recovery(root: Path) -> None:
    """Delete the autosave of a project that is not open (the user declined for good)."""
    (Path(root) / AUTOSAVE_FILE).unlink(missing_ok=True)
