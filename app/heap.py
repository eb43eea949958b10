"""Keeping Python's cyclic garbage collector off the open project's heap.

Every so often CPython's collector walks every container object in the oldest
generation, on whatever thread allocates at that moment: here the GUI thread.
With a 6-episode season open the process holds ~95,000 such objects and a full
collection took 95-133 ms in the middle of an episode switch or a batch (measured
with ``bench/season_bench.py``); it grows with the season. Even with the small demo
open the process's own objects (Qt's wrappers, the loaded modules: ~70,000) made a
full collection cost ~50 ms, seen as the slowest episode switch of the 3-episode
reference. The model and the window live as long as the project is open, so once a
project is open the heap is moved out of the collector's sight with ``gc.freeze()``
(the approach CPython documents for long-lived heaps); only what is made afterwards
is ever walked. Closing the project gives them back (``gc.unfreeze()``) and collects
them once, at the close.

``threshold`` (indexed model objects) can keep small projects out of it; by default
every project is frozen.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from app.session import Session

FREEZE_FROM = 0  # indexed model objects from which the heap is frozen: every project (see above)


class ProjectHeap(QObject):
    """Freezes the heap after a project opened; unfreezes it when it closes (GUI thread)."""

    def __init__(self, session: Session, threshold: int = FREEZE_FROM) -> None:
        super().__init__(session)
        self._session = session
        self.threshold = threshold
        self.frozen = False
        session.projectOpened.connect(self._opened)
        session.projectClosed.connect(self.release)
        # Episodes read after the open (on first use, or by the read-ahead after the first paint)
        # add their objects to the heap: freeze those too, or the read-ahead's growth of the heap
        # sets off a full collection of the whole season on the GUI thread (~160 ms at 100 episodes).
        session.document.episodeRead.connect(self._episode_read)

    def _episode_read(self, _episode_id: str) -> None:
        if self.frozen or self._session.document.object_count() >= self.threshold:
            self.settle()

    def _opened(self) -> None:
        # after the open's own slots and first paint: the window shows first
        QTimer.singleShot(0, self.settle)

    def settle(self) -> None:
        """Freeze the heap if a project (at least ``threshold`` objects) is open (young garbage is collected first). Called
        again (e.g. after more episodes were loaded), it freezes what was added since."""
        if not self._session.is_open:
            return
        if self._session.document.object_count() < self.threshold:
            return
        gc.collect(1)  # the young generations only: cheap, and their cyclic garbage is not frozen
        gc.freeze()
        self.frozen = True

    def release(self) -> None:
        """Give the closed project's objects back to the collector, and collect them now: at the
        next open they would otherwise be frozen again with the new project (a leak)."""
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
            gc.collect()
