"""The editing session: one open project and what the views share about it.

Views get a ``Session`` instead of talking to each other: it holds the bundle,
the document (model + undo), the current episode, the selected shot and the
playhead, and announces changes through signals. Qt-free apart from QtCore, so
the CLI and tests drive the same object the GUI does.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.autosave import DEFAULT_INTERVAL_MS, Autosaver
from app.bundle import BundleError, MediaProblem, ProjectBundle, ProjectFileError, copy_bundle
from app.dirty_parts import DirtyTracker
from app.document import ProjectDocument
from app.media_check import MediaCheck
from app.model import Episode, MediaAsset, Series
from app.model.lazy_episode import LazyEpisode
from app.project_files import PartMap, follow_renamed_parts, full_snapshot, shard_of, take_snapshot
from app.project_lock import ProjectLock, ProjectLockedError
from app.recovery import RecoveryInfo, discard_recovery, find_recovery, load_autosave
from app.save_worker import SaveWorker
from app.session_services import SessionServices
from app.unread_episodes import EpisodeWarmer, unreadable_message

__all__ = ["BundleError", "ProjectFileError", "ProjectLockedError", "RecoveryInfo", "Session"]

log = logging.getLogger(__name__)


class Session(QObject):
    """The open project. Opening, saving, recovery and locking go through here.

    Opening a project (what the GUI does)::

        info = Session.recovery_available(path)          # autosave newer than the save?
        try:
            session.open(path, recover=user_said_yes)    # the recovered project is unsaved (dirty)
        except ProjectLockedError as exc:                # exc.owner: pid, hostname, user, time
            ... ask "Open anyway?" -> session.open(path, steal_lock=True)
        except ProjectFileError as exc:                  # damaged/future project.json
            if exc.backup and exc.backup.usable:         # offer the backup
                session.open(path, use_backup=True)
        session.media_problems / session.missing_media   # files missing or outside the bundle
        session.read_only                                # lock could not be written: saves will fail

    Declining recovery keeps the autosave (offered again next time) until the
    project is saved; ``Session.discard_recovery(path)`` deletes it for good.
    """

    projectOpened = Signal()
    projectClosed = Signal()
    currentEpisodeChanged = Signal(str)  # episode id ("" when none)
    selectedShotChanged = Signal(str)  # shot id ("" when none)
    playheadChanged = Signal(int)  # frame on the current episode's timeline
    saved = Signal()
    saveFailed = Signal(str)  # a background save could not be written; the project stays unsaved
    mediaProblemsChanged = Signal()  # the background missing-media check finished (``media_problems``)
    episodeUnreadable = Signal(str, str)  # episode id, what to tell the user: its part could not be read

    def __init__(self, parent: QObject | None = None, autosave_interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.bundle: ProjectBundle | None = None
        self.document = ProjectDocument(Series(), self)
        self.dirty = DirtyTracker(self.document)
        self.save_worker = SaveWorker(self)
        self.autosaver = Autosaver(self, autosave_interval_ms)
        self.media_check = MediaCheck(self)
        self.media_check.finished.connect(self._on_media_checked)
        self._media_problems: list[MediaProblem] = []
        self.read_only = ""  # why the project cannot be saved ("" when it can)
        self.opened_from = ""  # "project", "backup" or "autosave"
        self._lock: ProjectLock | None = None
        self._save_error: BaseException | None = None
        self._waiting_save = False
        self._episode_id = ""
        self._switch_target = ""  # the episode the user last asked for (switch_episode)
        self._shot_id = ""
        self._playhead = 0
        self.services = SessionServices(self)  # job queue, media engine, booth, transport
        # episodes other than the first are read on first use; the GUI sets a delay to read them ahead
        self.episode_warmer = EpisodeWarmer(self.document, self)
        self.document.episodeRead.connect(self._on_episode_read)
        self.document.undo_stack.indexChanged.connect(self._user_edited)

    def _user_edited(self, _index: int) -> None:
        self.episode_warmer.make_way()  # an edit's refreshes come first; the read-ahead waits a moment

    # ------------------------------------------------------------- lifecycle
    @property
    def is_open(self) -> bool:
        return self.bundle is not None

    @property
    def is_modified(self) -> bool:
        """Unsaved edits exist (the undo stack's cleanChanged signal tracks this)."""
        return self.bundle is not None and not self.document.undo_stack.isClean()

    @staticmethod
    def recovery_available(path: Path) -> RecoveryInfo | None:
        """An autosave of ``path`` newer than its last save (offer it before ``open``)."""
        return find_recovery(Path(path))

    @staticmethod
    def discard_recovery(path: Path) -> None:
        """Delete the autosave of a project that is not open."""
        discard_recovery(Path(path))

    def open(self, path: Path, *, recover: bool = False, steal_lock: bool = False,
             use_backup: bool = False) -> None:
        """Open a bundle. On any error the previously open project stays open.

        ``recover`` loads the autosave instead of project.json, ``use_backup``
        loads project.json.bak; either way the project opens as unsaved and the
        next save writes project.json. Raises ``ProjectLockedError`` when another
        editor has it open (``steal_lock`` takes the lock over),
        ``ProjectFileError`` when project.json is damaged (see ``exc.backup``),
        ``BundleError`` for other problems. Missing media do not stop opening.
        """
        bundle = ProjectBundle(Path(path))
        if not bundle.root.is_dir():
            raise BundleError(QCoreApplication.translate("Errors", "{folder} is not a project folder (it does not exist).").format(folder=bundle.root))
        same = self.bundle is not None and self.bundle.root.resolve() == bundle.root.resolve()
        lock = self._lock if same and self._lock is not None else ProjectLock(bundle.root)
        read_only = ""
        try:
            lock.acquire(steal=steal_lock)
        except OSError as exc:
            read_only = (f"{bundle.root} is read-only ({exc.strerror}): you can look at the project but "
                         "not save it there. Use Save As to keep changes elsewhere.")
        try:
            series = load_autosave(bundle) if recover else bundle.load(use_backup=use_backup)
            # jobs recorded (and results landed) since the last save live in the job journal
            from app.jobs.journal import journal_path, read_entries, replay

            entries = read_entries(journal_path(bundle.root))
            replay(series, entries)
        except BaseException:
            if lock is not self._lock:
                lock.release()
            raise
        if lock is not self._lock:
            self.close()
        else:
            self.save_worker.wait()
            self.autosaver.stop(discard=False)
        self.bundle = bundle
        self._lock = lock if lock.held else None
        self.read_only = read_only
        self.opened_from = "autosave" if recover else "backup" if use_backup else "project"
        if lock.held:
            bundle.clean_stale_temp_files()
        self._media_problems = []  # checked on a worker; mediaProblemsChanged says when it is known
        self._shot_id = ""
        self.document.replace_series(series)
        if recover or use_backup:
            bundle.parts = PartMap()  # the next save writes every part
        self.dirty.reset(everything=bool(recover or use_backup or bundle.single_file))
        landed = self._mark_landed_dirty(entries)
        self.media_check.start(bundle, series)
        if bundle.single_file and not use_backup and lock.held and not read_only:
            self._migrate(bundle, adopt=not (recover or landed))
        if recover or use_backup:
            self.document.undo_stack.resetClean()  # not what project.json holds: must be saved
        else:
            self.document.undo_stack.setClean()
        self.autosaver.start(bundle.autosave_file, enabled=not read_only)
        first = series.episodes[0].id if series.episodes else ""
        self._episode_id = ""
        self.set_current_episode(first)
        self.projectOpened.emit()
        self.episode_warmer.start()

    def _on_episode_read(self, episode_id: str) -> None:
        episode = self.document.find(episode_id)
        if isinstance(episode, LazyEpisode) and episode.damaged:
            self.episodeUnreadable.emit(episode_id, unreadable_message(episode, episode.damaged))

    def _mark_landed_dirty(self, entries: list[dict[str, Any]]) -> bool:
        """Results the job journal attached since the last save are not in the part files yet:
        their episodes and media shards are dirty. (Records are series-level: always written.)"""
        landed = False
        for entry in entries:
            if entry.get("type") != "landed":
                continue
            landed = True
            target = entry.get("target")
            placed = False
            for key, obj_id in (target.items() if isinstance(target, dict) else ()):
                episode = self.document.episode_of(str(obj_id)) if key.endswith("_id") and obj_id else None
                if episode is not None:
                    placed = True
                    if episode:
                        self.dirty.dirty.episodes.add(episode)
            if not placed:  # a target this cannot place: a slower save beats a lost result
                self.dirty.dirty.everything = True
            for asset in entry.get("assets") or []:
                if isinstance(asset, dict) and asset.get("id"):
                    self.dirty.dirty.shards.add(shard_of(str(asset["id"])))
        return landed

    def _migrate(self, bundle: ProjectBundle, adopt: bool) -> None:
        """Split an older single-file project.json on the writer thread (the original is kept in
        backups/). It re-reads the file, so it never touches the live model; with ``adopt`` (the
        open project is exactly that file) later saves then write only what changes."""
        def work() -> object:
            disk = ProjectBundle(bundle.root)
            series = disk.load()
            if not disk.single_file:
                return None  # already split (another save got there first)
            return bundle.save_snapshot(full_snapshot(series), rotate=False)

        def done(parts: object, error: BaseException | None) -> None:
            if error is not None:
                log.warning("could not split the single-file project %s: %s", bundle.root, error)
            elif parts is not None and adopt and self.bundle is bundle:
                self.dirty.dirty.everything = False  # edits made meanwhile stay dirty

        self.save_worker.start(work, done)

    def create(self, path: Path, series: Series) -> None:
        bundle = ProjectBundle.create(Path(path), series)
        self.open(bundle.root)

    def save(self) -> None:
        """Write project.json atomically (old one -> .bak) and drop the autosave.

        Raises BundleError with the reason and advice (disk full, read-only...);
        the open project stays unsaved and the files on disk are untouched.
        """
        if self.bundle is None:
            return
        self._waiting_save = True
        try:
            self.save_in_background()
            self.save_worker.wait()
        finally:
            self._waiting_save = False
        if self._save_error is not None:
            error, self._save_error = self._save_error, None
            raise error

    def save_in_background(self) -> None:
        """Save without blocking the GUI thread: the changed episodes and media shards are copied
        to plain data here (cheap), and written on the session's writer thread.

        The project counts as saved at once (edits made while writing make it unsaved again);
        ``saved`` is emitted when the files are on disk. If the write fails, the project
        becomes unsaved again and ``saveFailed(message)`` says why (disk full, read-only...).
        """
        bundle = self.bundle
        if bundle is None:
            return
        self.save_worker.wait()  # the previous save's parts are the base of this one
        self._save_error = None
        dirty = self.dirty.take()
        snap = take_snapshot(self.document.series, bundle.parts, dirty, bundle.root)
        self.document.undo_stack.setClean()

        def done(parts: object, error: BaseException | None) -> None:
            if error is None:
                if isinstance(parts, PartMap):
                    follow_renamed_parts(self.document.series, snap, parts)
                self.autosaver.discard()
                self.opened_from = "project"
                self.saved.emit()
                return
            self.dirty.give_back(dirty)
            self.document.undo_stack.resetClean()
            self._save_error = error
            log.error("save failed: %s", error)
            if not self._waiting_save:  # a waiting caller gets the exception instead
                self.saveFailed.emit(str(error))

        self.save_worker.start(lambda: bundle.save_snapshot(snap), done)

    def save_as(self, path: Path) -> None:
        """Save a copy of the open project (with its media and takes) as a new bundle and switch to it.

        The way out of a read-only folder. The new bundle is complete on disk
        before the session switches; the old bundle is left as it was.
        """
        if self.bundle is None:
            return
        target = copy_bundle(self.bundle, Path(path), self.document.series)
        lock = ProjectLock(target.root)
        lock.acquire()
        self.autosaver.stop(discard=True)
        if self._lock is not None:
            self._lock.release()
        self.bundle, self._lock = target, lock
        self.read_only = ""
        self.opened_from = "project"
        self.dirty.reset(everything=False)
        self.media_check.start(target, self.series)
        self.autosaver.start(target.autosave_file)
        self.document.undo_stack.setClean()
        self.saved.emit()

    def close(self) -> None:
        """Close the project: stop autosave, remove this session's autosave, release the lock.

        The caller (the GUI) asks about unsaved changes first.
        """
        if self.bundle is None:
            return
        self.save_worker.wait()
        self.media_check.cancel()
        self.episode_warmer.cancel()
        self.autosaver.stop(discard=True)
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.bundle = None
        self._media_problems = []
        self.read_only = ""
        self.opened_from = ""
        self._episode_id = ""
        self._shot_id = ""
        self.document.replace_series(Series())
        self.projectClosed.emit()

    @property
    def missing_media(self) -> list[MediaAsset]:
        """Assets whose files are missing or whose paths leave the bundle (never read)."""
        bad = {p.obj_id for p in self.media_problems if p.kind == "asset"}
        return [a for a in self.series.media.values() if a.id in bad]

    def recheck_media(self) -> list[MediaProblem]:
        """Re-scan for missing files now (e.g. after the user restored them)."""
        self.media_check.cancel()
        self._media_problems = self.bundle.media_problems(self.series) if self.bundle else []
        self.mediaProblemsChanged.emit()
        return self._media_problems

    @property
    def media_problems(self) -> list[MediaProblem]:
        """Files missing or outside the bundle. Read before the background check finished (the
        CLI, tests), this waits for it; the GUI reads it on ``mediaProblemsChanged``."""
        if self.media_check.running:
            self.wait_media_check()
        return self._media_problems

    @property
    def media_checked(self) -> bool:
        """True once the missing-media check of the open project has finished."""
        return not self.media_check.running

    def wait_media_check(self, timeout_ms: int = 60_000) -> list[MediaProblem]:
        """Block until the background missing-media check finished (the CLI, tests)."""
        self.media_check.wait(timeout_ms)
        return self._media_problems

    def _on_media_checked(self, problems: list[MediaProblem]) -> None:
        self._media_problems = problems
        for problem in problems:
            log.warning("%s %s: %s (%s)", problem.kind, problem.obj_id, problem.path, problem.reason)
        self.mediaProblemsChanged.emit()

    # ------------------------------------------------------------- selection
    @property
    def series(self) -> Series:
        return self.document.series

    @property
    def current_episode(self) -> Episode | None:
        return self.document.find(self._episode_id) if self._episode_id else None

    def switch_episode(self, episode_id: str) -> None:
        """The user's episode switch (switcher, menus, navigator): as ``set_current_episode``, but an
        episode whose part has not been read yet is read on a worker first when the editor allows it,
        so the window never freezes for the read. The last switch asked for wins; the read-ahead of
        the other episodes makes way for it."""
        self._switch_target = episode_id
        self.episode_warmer.make_way()
        episode = self.document.find(episode_id) if episode_id else None
        if not (isinstance(episode, LazyEpisode) and not episode.loaded and self.episode_warmer.enabled):
            self.set_current_episode(episode_id)
            return

        def read() -> None:
            if self._switch_target == episode_id and self.is_open:
                self.set_current_episode(episode_id)

        self.episode_warmer.read_first(episode, read)

    def set_current_episode(self, episode_id: str) -> None:
        self._switch_target = episode_id
        if episode_id != self._episode_id:
            self._episode_id = episode_id
            self._playhead = 0
            self.currentEpisodeChanged.emit(episode_id)

    @property
    def selected_shot_id(self) -> str:
        return self._shot_id

    def select_shot(self, shot_id: str) -> None:
        if shot_id != self._shot_id:
            self._shot_id = shot_id
            self.selectedShotChanged.emit(shot_id)

    @property
    def playhead(self) -> int:
        return self._playhead

    def set_playhead(self, frame: int) -> None:
        frame = max(0, int(frame))
        if frame != self._playhead:
            self._playhead = frame
            self.playheadChanged.emit(frame)
