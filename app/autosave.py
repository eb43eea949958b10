"""Autosave: every minute, unsaved edits go to ``project.autosave.json``.

The autosave never touches project.json (editors that autosaved in place are
known for corrupting the user's file). It is a split manifest like project.json
(``app.project_files``): it names the saved part files of the episodes that did
not change and new part files for those that did. Only the changed episodes and
media shards are copied to plain data on the GUI thread (consistent: the model is
only mutated there); the JSON formatting and the writes run on the save lane of
``app.background`` (the one worker that also writes saves, so an autosave and a
save never overlap and land in the order asked for), so neither a season nor a
slow disk freezes the editor. The file
exists only while there are unsaved edits: a save, a close, or undoing back to
the saved state removes it. After a crash, ``app.recovery`` finds it.
"""

from __future__ import annotations

import datetime as _dt
import logging
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from app.background import Lane, run_in_background, wait_for_lane
from app.fsutil import atomic_write_bytes
from app.project_files import Dirty, SplitSnapshot, take_snapshot, write_lock, write_parts

if TYPE_CHECKING:
    from app.session import Session

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 60_000


class AutosaveStore:
    """Thread-safe writer of one bundle's autosave file.

    ``discard`` bumps an epoch under the same lock the writer holds, so a write
    that was queued before a save can never resurrect the file afterwards.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock = threading.Lock()
        self._epoch = 0

    @property
    def epoch(self) -> int:
        return self._epoch

    def write(self, snap: SplitSnapshot, epoch: int) -> bool:
        """Write the snapshot's parts, then the autosave manifest, unless discarded since ``epoch``."""
        with self.lock:
            if epoch != self._epoch:
                return False
            with write_lock(self.path.parent):
                data, _parts = write_parts(self.path.parent, snap)
                atomic_write_bytes(self.path, data)
            return True

    def discard(self) -> None:
        with self.lock:
            self._epoch += 1
            try:
                self.path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove the autosave %s: %s", self.path, exc)


class Autosaver(QObject):
    """Runs the autosave timer of a Session. Created by the Session itself.

    ``autosaved(path)`` is emitted on the GUI thread after a write landed;
    ``autosaveFailed(message)`` when it could not be written (e.g. disk full),
    so the status bar can warn without interrupting the user.
    """

    autosaved = Signal(str)
    autosaveFailed = Signal(str)

    def __init__(self, session: Session, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        super().__init__(session)
        self._session = session
        self._store: AutosaveStore | None = None
        self._revision = 0
        self._saved_revision = -1  # revision last handed to a writer
        self._wrote = False  # this session queued an autosave of the open project
        self.last_autosave: _dt.datetime | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(interval_ms)))
        self._timer.timeout.connect(self.autosave_now)
        doc = session.document
        # The document can outlive this object (a closed session's document still emits while Qt
        # tears down); plain functions holding a weak reference never reach a deleted Autosaver,
        # where a bound method did ("Slot 'Autosaver::' not found" from PySide's slot lookup).
        me = weakref.ref(self)

        def bump(*_args: object) -> None:
            alive = me()
            if alive is not None and isValid(alive):
                alive._bump()

        def clean_changed(clean: bool) -> None:
            alive = me()
            if alive is not None and isValid(alive):
                alive._on_clean_changed(clean)

        for signal in (doc.objectChanged, doc.listChanged, doc.mediaChanged, doc.jobsChanged,
                       doc.undo_stack.indexChanged):
            signal.connect(bump)
        doc.undo_stack.cleanChanged.connect(clean_changed)

    # --------------------------------------------------------------- control
    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        """Change the period; 0 turns autosave off."""
        if interval_ms <= 0:
            self._timer.stop()
            return
        self._timer.setInterval(int(interval_ms))
        if self._store is not None:
            self._timer.start()

    def start(self, autosave_file: Path, enabled: bool = True) -> None:
        """Begin autosaving a newly opened project (called by Session.open)."""
        self._store = AutosaveStore(autosave_file)
        self._saved_revision = -1
        self._wrote = False
        self.last_autosave = None
        if enabled and self._timer.interval() > 0:
            self._timer.start()

    def stop(self, discard: bool) -> None:
        """Stop for a closing project; ``discard`` removes the autosave file this session wrote.

        An autosave from an earlier crash that the user declined to recover and
        this session never replaced is left alone: it is offered again next time.
        """
        self._timer.stop()
        if self._store is not None and discard and self._wrote:
            self._store.discard()
        self.wait_idle()
        self._store = None

    def discard(self) -> None:
        """Remove the autosave (after a successful save)."""
        if self._store is not None:
            self._store.discard()
            self._saved_revision = self._revision
            self._wrote = False

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until queued writes (on the save lane) finished and reported (used at close and in tests)."""
        return wait_for_lane(Lane.SAVE, timeout_ms)

    @property
    def pending(self) -> bool:
        """True while there are edits the autosave file does not hold yet."""
        return self._store is not None and not self._session.document.undo_stack.isClean() \
            and self._revision != self._saved_revision

    # --------------------------------------------------------------- running
    def autosave_now(self) -> bool:
        """Snapshot the series now and write it in the background; False when nothing to do."""
        session = self._session
        if not self.pending or self._store is None or session.bundle is None:
            return False
        if session.save_worker.busy:
            return False  # a save is being written: it holds these edits; the next tick checks again
        # Plain data of the changed parts on the GUI thread (the model only changes there, so it
        # is consistent); JSON formatting and the disk writes happen on the worker.
        pending = session.dirty.dirty
        dirty = Dirty(set(pending.episodes), set(pending.shards), pending.everything)
        snap = take_snapshot(session.document.series, session.bundle.parts, dirty, session.bundle.root)
        self._saved_revision = self._revision
        self._wrote = True
        store, epoch = self._store, self._store.epoch
        run_in_background(lambda: store.write(snap, epoch), lambda written: self._on_done(str(store.path), written),
                          lambda exc: self._on_failed(str(store.path), exc), owner=self, name="autosave",
                          lane=Lane.SAVE)
        return True

    def _bump(self) -> None:
        self._revision += 1

    def _on_clean_changed(self, clean: bool) -> None:
        if clean and self._wrote:  # back at the saved state: our autosave would only confuse recovery
            self.discard()

    def _on_done(self, path: str, written: bool) -> None:
        if written:  # False: a save discarded the autosave while this write waited its turn
            self.last_autosave = _dt.datetime.now()
            self.autosaved.emit(path)

    def _on_failed(self, path: str, exc: Exception) -> None:
        error = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
        if not isinstance(exc, OSError):
            log.error("autosave failed", exc_info=exc)
        self._saved_revision = -1  # try again next tick
        log.warning("autosave to %s failed: %s", path, error)
        self.autosaveFailed.emit(f"Autosave to {path} failed: {error}. Save your work to keep it safe.")
