"""Filesystem helpers for data safety: atomic writes, temporary files, content hashing.

Temporary files are made with ``tempfile.mkstemp``, which creates them
owner-only (0600) on purpose; renamed into place they would keep that mode,
so a project.json, its backup, an export or a media file would be unreadable
to the user's other accounts and groups although the user's umask allows it.
``make_temp`` gives the file the mode any ordinary new file gets
(``0666 & ~umask``) unless the caller asks for a ``private`` one.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from pathlib import Path

_umask_guard = threading.Lock()
_UMASK_LINE = re.compile(rb"^Umask:\s*([0-7]+)", re.M)


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux /proc).

    Elsewhere it is read by setting and restoring it, under a lock, which is
    safe as long as no other thread creates files at that instant (ours don't).
    """
    try:
        with open("/proc/self/status", "rb") as fh:
            found = _UMASK_LINE.search(fh.read())
        if found:
            return int(found.group(1), 8)
    except OSError:
        pass
    with _umask_guard:
        old = os.umask(0o077)
        os.umask(old)
    return old


def normal_file_mode() -> int:
    """The mode a new file gets from ``open()``: 0666 less the umask."""
    return 0o666 & ~current_umask()


def make_temp(folder: Path, prefix: str, suffix: str, private: bool = False) -> tuple[int, str]:
    """``mkstemp`` in ``folder``, then the ordinary file mode (owner-only when ``private``)."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    if not private and hasattr(os, "fchmod"):  # Windows has no POSIX modes to fix
        try:
            os.fchmod(fd, normal_file_mode())
        except OSError:
            pass  # e.g. a file system without modes; the file is still written
    return fd, name


def fsync_dir(path: Path) -> None:
    """Flush a directory entry so a rename inside it survives power loss."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # not supported (e.g. Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, private: bool = False, sync_dir: bool = True) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a mix.

    The data goes to a temporary file in the same folder, is fsynced, then renamed
    over the target. On any error the temporary file is removed and the old file
    is untouched. The file gets the user's normal permissions (umask), or
    owner-only ones with ``private``. A caller writing many files into one folder
    passes ``sync_dir=False`` and fsyncs the folder once at the end.
    """
    path = Path(path)
    fd, tmp_name = make_temp(path.parent, f".{path.name}.", ".tmp", private)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    if sync_dir:
        fsync_dir(path.parent)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()
