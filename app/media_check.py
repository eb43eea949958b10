"""The missing-media check of an opened project, on a worker thread.

A season holds ~11,000 asset and take files; stat-ing them all took 3 s at open,
before the first paint. Now the GUI thread copies the paths to check (plain
tuples, a few ms) and a worker stats them; ``finished(problems)`` arrives on the
GUI thread, and the session shows the problems as before, just later. The worker
never reads live model objects.
"""

from __future__ import annotations

import functools
import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from app.bundle import BundleError, MediaProblem, ProjectBundle
from app.lazy_season import take_entries_of_part
from app.model import Episode, Series
from app.model.lazy_episode import is_unread
from app.thread_priority import rest_in_proportion, yield_to_gui

Entry = tuple[str, str, str, str]  # kind ("asset"/"take"), object id, bundle-relative path, display name
YIELD_EVERY = 256  # entries checked between offers of the interpreter lock to the GUI thread


def paths_to_check(series: Series) -> list[Entry]:
    """What ``ProjectBundle.media_problems`` checks, as plain data (taken on the GUI thread)."""
    out: list[Entry] = []
    for part in entry_slices(series) + unread_sources(series):
        out.extend(part())
    return out


def unread_sources(series: Series) -> list[Callable[[], list[Entry]]]:
    """The takes of episodes whose part was not read into the model, read from the part files'
    plain JSON: safe on a worker (no model objects), and no reason to read the episodes."""
    out: list[Callable[[], list[Entry]]] = []
    for episode in series.episodes:
        if is_unread(episode):
            state = episode.lazy  # type: ignore[attr-defined]
            out.append(functools.partial(take_entries_of_part, Path(state.root), state.part.file))
    return out


def entry_slices(series: Series, episodes_per_slice: int = 8) -> list[Callable[[], list[Entry]]]:
    """``paths_to_check`` of the read episodes in slices of a few ms each, so the GUI thread can
    paint in between (``unread_sources`` gives the others)."""
    def assets() -> list[Entry]:
        return [("asset", a.id, a.path, a.original_name) for a in series.media.values()]

    def takes(episodes: list[Episode]) -> Callable[[], list[Entry]]:
        def collect() -> list[Entry]:
            return [("take", t.id, t.path, t.name) for episode in episodes for _shot, line in episode.dialogue_lines()
                    for t in line.takes if t.path and not t.deleted]
        return collect

    eps = [e for e in series.episodes if not is_unread(e)]
    return [assets] + [takes(eps[i:i + episodes_per_slice]) for i in range(0, len(eps), episodes_per_slice)]


def check_paths(bundle: ProjectBundle, entries: list[Entry], cancelled: threading.Event | None = None) -> list[MediaProblem]:
    """Entries whose file is missing or whose path leaves the bundle (never followed).

    The same verdicts as ``ProjectBundle.media_problems``, several times cheaper: each
    folder is resolved once (a symlinked folder pointing out of the bundle is still caught),
    and a plain relative path to a regular file that is not a symlink needs one ``lstat``;
    anything unusual gets the full check."""
    problems: list[MediaProblem] = []
    root = bundle.root.resolve()
    prefix = str(root) + os.sep  # string joins: a Path object per entry cost more than its lstat
    folder_inside: dict[str, bool] = {}
    for index, (kind, obj_id, rel, name) in enumerate(entries):
        if cancelled is not None and cancelled.is_set():
            break
        if index % YIELD_EVERY == YIELD_EVERY - 1:
            # a season has ~20,000 entries: let a waiting GUI thread have the interpreter lock now
            # rather than at the end of this thread's switch interval (app/thread_priority.py)
            time.sleep(0)
        if _plain(rel):
            folder = rel.rpartition("/")[0]
            inside = folder_inside.get(folder)
            if inside is None:
                resolved = (root / folder).resolve() if folder else root
                inside = folder_inside[folder] = resolved == root or root in resolved.parents
            if inside:
                try:
                    st = os.lstat(prefix + rel)
                except OSError:
                    problems.append(MediaProblem(kind, obj_id, rel, "missing", name))
                    continue
                if stat.S_ISREG(st.st_mode):
                    continue
        try:
            ok = bundle.resolve(rel).is_file()
        except BundleError:
            problems.append(MediaProblem(kind, obj_id, rel, "outside", name))
            continue
        if not ok:
            problems.append(MediaProblem(kind, obj_id, rel, "missing", name))
    return problems


def _plain(rel: str) -> bool:
    """A relative path without ``..``, backslashes or NULs: safe for the quick check."""
    return bool(rel) and not rel.startswith("/") and "\\" not in rel and "\0" not in rel \
        and ".." not in rel.split("/")


class _Signals(QObject):
    done = Signal(int, object)  # generation, list[MediaProblem]


class _Check(QRunnable):
    def __init__(self, bundle: ProjectBundle, entries: list[Entry], generation: int, cancelled: threading.Event,
                 signals: _Signals, sources: list[Callable[[], list[Entry]]]) -> None:
        super().__init__()
        self.bundle, self.entries, self.generation = bundle, entries, generation
        self.cancelled, self.signals, self.sources = cancelled, signals, sources

    def run(self) -> None:
        yield_to_gui()
        for source in self.sources:  # unread episodes' takes, from their part files
            if self.cancelled.is_set():
                return
            started = time.monotonic()
            self.entries.extend(source())
            # decoding and walking a part is Python code that holds the interpreter lock (~2.6 ms a
            # part, 100 parts right after a season opens): at most a third of the time
            rest_in_proportion(started, self.cancelled)
        problems = check_paths(self.bundle, self.entries, self.cancelled)
        if not self.cancelled.is_set():
            self.signals.done.emit(self.generation, problems)


class MediaCheck(QObject):
    """Runs one check at a time for a session; a newer start or ``cancel`` drops an older result."""

    finished = Signal(list)  # list[MediaProblem], on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._generation = 0
        self._cancelled = threading.Event()
        self._pending: tuple[ProjectBundle, Series, int] | None = None
        self._collecting: tuple[ProjectBundle, int, list[Callable[[], list[Entry]]], list[Entry],
                                list[Callable[[], list[Entry]]]] | None = None
        self.running = False

    def start(self, bundle: ProjectBundle, series: Series, delay_ms: int = 400) -> None:
        """Check after ``delay_ms``: the first paint of a season comes first (a worker shares the
        interpreter with the GUI thread). ``wait`` starts a pending check at once."""
        self.cancel()
        self._generation += 1
        self._cancelled = threading.Event()
        self.running = True
        self._pending = (bundle, series, self._generation)
        QTimer.singleShot(delay_ms, self._begin)

    def _begin(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None or pending[2] != self._generation:
            return
        bundle, series, generation = pending
        self._collecting = (bundle, generation, entry_slices(series), [], unread_sources(series))
        self._collect_slice()

    def _collect_slice(self, everything: bool = False) -> None:
        """Copy one slice of paths on the GUI thread, then yield to the event loop; the last starts the worker."""
        state = self._collecting
        if state is None or state[1] != self._generation:
            self._collecting = None
            return
        bundle, generation, slices, entries, sources = state
        while slices:
            entries.extend(slices.pop(0)())
            if not everything:
                break
        if slices:
            QTimer.singleShot(0, self._collect_slice)
            return
        self._collecting = None
        self._pool.start(_Check(bundle, entries, generation, self._cancelled, self._signals, sources))

    def cancel(self) -> None:
        self._cancelled.set()
        self._generation += 1
        self._pending = None
        self._collecting = None
        self.running = False

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Block until the check finished and its result was delivered."""
        self._begin()
        self._collect_slice(everything=True)
        done = self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(self, 0)
        return done

    def _on_done(self, generation: int, problems: list[MediaProblem]) -> None:
        if generation != self._generation:
            return
        self.running = False
        self.finished.emit(problems)
