"""Temporary export files a killed export left behind, and their safe removal.

An export writes ``.<name>.pid<PID>.<random>.exporting.mp4`` beside its
destination and renames it over the destination when complete; cancel and
errors delete it. Only a killed process (SIGKILL, power loss, a crash in the
encoder) leaves one behind, often tens of megabytes. They are removed on the
next export to that folder and when a project is opened (its ``renders/``).

A file is removed only when it matches that exact pattern and

* its writer is provably gone: the pid in its name is not running on this
  computer (POSIX; on Windows a pid cannot be probed safely, so the age rule
  below applies, and an open file cannot be deleted there anyway), or
* it has not been written for ``STALE_S`` (the pid was reused by another
  program; a running export writes every few frames), or
* it is in the old pid-less form ``.<name>.<random>.exporting.mp4`` and
  untouched for ``LEGACY_STALE_S`` (a minute).

A file named with this process's own pid is left to the export that writes
it (every export removes its temp file when it ends), unless it aged out.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path

from app.project_lock import pid_alive

log = logging.getLogger(__name__)

SUFFIX = ".exporting.mp4"
STALE_S = 600.0
LEGACY_STALE_S = 60.0
# mkstemp's random part: 8 characters of [a-z0-9_]
PATTERN = re.compile(r"^\.(?P<stem>.+?)\.(?:pid(?P<pid>\d+)\.)?(?P<random>[a-z0-9_]{8})\.exporting\.mp4$")



def temp_affixes(out_path: Path) -> tuple[str, str]:
    """(prefix, suffix) for ``mkstemp``: the writer's pid goes into the name."""
    return f".{Path(out_path).stem}.pid{os.getpid()}.", SUFFIX


def is_abandoned(path: Path, now: float | None = None) -> bool:
    """True when ``path`` is an export temp file whose writer is gone (the rules above)."""
    found = PATTERN.match(path.name)
    if found is None:
        return False
    try:
        age = (now or time.time()) - path.stat().st_mtime
    except OSError:
        return False
    pid = found.group("pid")
    if pid is None:
        return age > LEGACY_STALE_S
    if age > STALE_S:
        return True
    if os.name == "nt":
        return False
    pid_n = int(pid)
    if pid_n == os.getpid():
        return False  # this process: its exports clean up after themselves (or age out above)
    return not pid_alive(pid_n)


def clean_abandoned_exports(folder: Path) -> list[Path]:
    """Delete the abandoned export temp files directly in ``folder``; returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.endswith(SUFFIX) or not entry.is_file(follow_symlinks=False):
            continue
        path = Path(entry.path)
        if is_abandoned(path):
            try:
                path.unlink()
            except OSError as exc:
                log.info("could not remove the abandoned export %s: %s", path, exc)
                continue
            log.info("removed an abandoned export temp file %s", path)
            removed.append(path)
    return removed
