"""The ``.lock`` file that stops two editors from writing one project.

A lock names its owner (pid, host, user, time, process start time). Opening a
project whose lock belongs to a live process raises ``ProjectLockedError``
naming that owner. A lock left by a crash is *stale* and is taken over
silently when its owner is provably gone: same host and the pid no longer
runs (or now belongs to another process, detected by its start time). A lock
from another host cannot be checked; the user may take it over explicitly
(``steal=True``), which is what "Open anyway" in the GUI does.

Inside one process the same project cannot be opened by two sessions either:
the process keeps a registry of the locks it holds.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import logging
import os
import socket
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from app.errors import UserError
from app.lock_guard import takeover_guard

log = logging.getLogger(__name__)

LOCK_FILE = ".lock"

_held: dict[Path, ProjectLock] = {}  # bundle root (resolved) -> the lock this process holds on it
_held_guard = threading.Lock()


def _process_start_time(pid: int) -> str:
    """Kernel start time of ``pid`` (Linux /proc), or "" when unknown; detects pid reuse."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    # field 22 counts from after the parenthesised command name, which may hold spaces
    fields = stat[stat.rfind(")") + 2:].split()
    return fields[19] if len(fields) > 19 else ""


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by another user
    except OSError:
        return True
    return True


pid_alive = _pid_alive  # for other modules judging whether a writer named by pid still runs


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry in some containers
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


@dataclass
class LockOwner:
    """Who holds a project: shown to the user when the project is in use."""

    pid: int = 0
    hostname: str = ""
    user: str = ""
    time: str = ""  # ISO 8601, when the lock was taken
    process_start: str = ""  # kernel start time of pid, to tell a reused pid apart
    app: str = "Microdrama Studio"

    @classmethod
    def current(cls) -> LockOwner:
        pid = os.getpid()
        return cls(pid=pid, hostname=socket.gethostname(), user=_user(),
                   time=_dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                   process_start=_process_start_time(pid))

    @property
    def is_this_host(self) -> bool:
        return self.hostname == socket.gethostname()

    @property
    def is_this_process(self) -> bool:
        return self.is_this_host and self.pid == os.getpid()

    def is_alive(self) -> bool:
        """False only when the owner is provably gone (same host, process ended or pid reused)."""
        if not self.is_this_host:
            return True
        if not _pid_alive(self.pid):
            return False
        if self.process_start:
            now = _process_start_time(self.pid)
            if now and now != self.process_start:
                return False  # the pid was reused by an unrelated process
        return True

    def describe(self) -> str:
        where = "this computer" if self.is_this_host else f"computer {self.hostname!r}"
        return f"user {self.user or '?'} on {where} (process {self.pid}) since {self.time or 'an unknown time'}"


class ProjectLockedError(UserError):
    """The project is open in another editor; ``owner`` says which one."""

    def __init__(self, root: Path, owner: LockOwner) -> None:
        self.root = Path(root)
        self.owner = owner
        # True when the owner could not be checked (another computer): the user may take the lock
        # over with ``steal_lock=True``. A live process on this computer is never taken over.
        self.can_take_over = not owner.is_this_host
        self.stale = self.can_take_over  # the name the editor's prompt uses
        if owner.is_this_process:
            text = f"{root} is already open in this Microdrama Studio window. Switch to that window instead."
        elif owner.is_this_host:
            text = (f"{root} is in use by {owner.describe()}. Close it there first, or switch to "
                    "that window.")
        else:
            text = (f"{root} is in use by {owner.describe()}. Close it there first. If that editor "
                    "is no longer running (for example the other computer crashed), open the "
                    "project anyway to take over its lock.")
        super().__init__(text)


class ProjectLock:
    """One bundle's lock file. ``acquire`` then ``release``; never blocks."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).absolute()
        self.path = self.root / LOCK_FILE
        self.owner: LockOwner | None = None  # set while held

    @property
    def held(self) -> bool:
        return self.owner is not None

    def read(self) -> LockOwner | None:
        """The owner written in the lock file, or None when there is none.

        An unreadable or garbled lock file (a crash while it was being written)
        is reported as an owner with pid 0, which counts as stale.
        """
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError:
            return LockOwner(hostname=socket.gethostname())
        try:
            data = json.loads(raw)
            fields = {k: data[k] for k in LockOwner.__dataclass_fields__ if k in data}
            owner = LockOwner(**fields)
            owner.pid = int(owner.pid)
            return owner
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):  # garbled, or nested to death
            return LockOwner(hostname=socket.gethostname())

    def acquire(self, steal: bool = False) -> LockOwner:
        """Take the lock; raises ProjectLockedError when a live owner holds it.

        A stale lock (its owner provably gone) is taken over. ``steal`` takes
        over any lock not held by this process, for locks from another host.
        Raises OSError when the lock file cannot be written (read-only folder).
        """
        key = self.root.resolve()
        with _held_guard:
            mine = _held.get(key)
            if mine is not None and mine is not self:
                raise ProjectLockedError(self.root, mine.owner or LockOwner.current())
            if self.held:
                return self.owner  # type: ignore[return-value]
            me = LockOwner.current()
            if not self._create_exclusive(me):
                self._take_over(me, steal)
            self.owner = me
            _held[key] = self
            return me

    def release(self) -> None:
        """Remove the lock file if it is still ours (a thief's lock is left alone)."""
        if self.owner is None:
            return
        key = self.root.resolve()
        with _held_guard:
            try:
                with takeover_guard(self.path):  # so a takeover cannot happen between the check and the unlink
                    self._unlink_if_mine()
            except TimeoutError:
                self._unlink_if_mine()
            if _held.get(key) is self:
                del _held[key]
            self.owner = None

    # ------------------------------------------------------------ internals
    def _take_over(self, me: LockOwner, steal: bool) -> None:
        """Replace a lock whose owner is gone (or any other's with ``steal``), atomically.

        Read, judge and replace happen inside ``takeover_guard``, a section only
        one process at a time is in: of two editors racing for one stale lock,
        the second re-reads the lock after the first replaced it, finds a live
        owner and gets ``ProjectLockedError``.
        """
        try:
            with takeover_guard(self.path):
                for _ in range(3):
                    current = self.read()
                    if current is None:
                        if self._create_exclusive(me):
                            return
                        continue  # created by someone outside a takeover just now; judge it
                    if current.is_this_process or not current.is_alive() or steal:
                        if current.pid:
                            log.warning("taking over the lock of %s held by %s", self.root, current.describe())
                        self._replace(me)
                        return
                    raise ProjectLockedError(self.root, current)
        except TimeoutError:
            pass
        raise ProjectLockedError(self.root, self.read() or me)

    def _unlink_if_mine(self) -> None:
        current = self.read()
        owner = self.owner
        if owner is not None and current is not None and current.pid == owner.pid \
                and current.time == owner.time and current.hostname == owner.hostname:
            try:
                self.path.unlink()
            except OSError as exc:
                log.warning("could not remove %s: %s", self.path, exc)

    def _payload(self, owner: LockOwner) -> bytes:
        return (json.dumps(asdict(owner), indent=2, sort_keys=True) + "\n").encode("utf-8")

    def _create_exclusive(self, owner: LockOwner) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        try:
            os.write(fd, self._payload(owner))
            os.fsync(fd)
        finally:
            os.close(fd)
        return True

    def _replace(self, owner: LockOwner) -> None:
        from app.fsutil import atomic_write_bytes

        atomic_write_bytes(self.path, self._payload(owner))


def held_lock(root: Path) -> ProjectLock | None:
    """The lock this process holds on ``root``, if any."""
    with _held_guard:
        return _held.get(Path(root).absolute().resolve())
