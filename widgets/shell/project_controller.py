"""Project life cycle for the editor: new, open, recover, save, save as, close.

All questions go through a ``Prompter`` (see prompts.py) so every path is
testable. Nothing here deletes a user's file: a project that fails to open is
left exactly as it was and the message names the file and what to do.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from app.background import run_in_background
from app.bundle import BUNDLE_SUFFIX, PROJECT_FILE, ProjectBundle, ProjectFileError
from app.errors import UserError
from app.model import Series
from app.project_lock import ProjectLockedError
from app.session import Session
from widgets.shell.new_series import NewSeriesDialog
from widgets.shell.preferences import projects_folder
from widgets.shell.prompts import Prompter, RecoveryChoice, SaveChoice
from widgets.shell.recent import RecentProjects

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class ProjectController(QObject):
    busyChanged = Signal(bool)  # a background open/copy is running
    message = Signal(str)  # short status-bar message

    def __init__(self, session: Session, prompter: Prompter, recent: RecentProjects,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prompter = prompter
        self.recent = recent
        self._busy = False
        session.saved.connect(self._on_saved)
        session.saveFailed.connect(self._on_save_failed)
        session.episodeUnreadable.connect(self._on_episode_unreadable)
        session.episode_warmer.delay_ms = 3000  # the editor reads the other episodes after the first paint
        self.new_series_dialog: Callable[[Path], NewSeriesDialog] = lambda loc: NewSeriesDialog(loc, None)

    def _on_episode_unreadable(self, _episode_id: str, message: str) -> None:
        """An episode's part could not be read when it was opened: say so once the current event is done."""
        self.message.emit(message)
        QTimer.singleShot(0, lambda: self.prompter.warning(
            translate("Controller", "An episode could not be read"), message))

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busyChanged.emit(busy)

    @property
    def project_name(self) -> str:
        bundle = self.session.bundle
        return bundle.name if bundle else ""

    # ------------------------------------------------------------- closing
    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels (or saving failed)."""
        if not self.session.is_open or self.session.document.undo_stack.isClean():
            return True
        choice = self.prompter.ask_save_changes(self.project_name)
        if choice is SaveChoice.CANCEL:
            return False
        if choice is SaveChoice.SAVE:
            return self.save()
        return True

    def close_project(self) -> bool:
        if not self.maybe_save():
            return False
        self.session.close()
        return True

    # ------------------------------------------------------------- opening
    def open_dialog(self) -> bool:
        start = self.session.bundle.root.parent if self.session.bundle else projects_folder()
        path = self.prompter.choose_project(start if start.exists() else Path.home())
        return self.open_path(path) if path else False

    def open_path(self, path: Path) -> bool:
        """Open ``path`` with recovery and lock handling; True when it is open afterwards."""
        path = Path(path).absolute()
        if self.session.bundle is not None and self.session.bundle.root == path:
            return True
        if not self.maybe_save():
            return False
        recover = False
        detail = self._recovery_detail(path)
        if detail is not None:
            choice = self.prompter.ask_recovery(path.name.removesuffix(BUNDLE_SUFFIX), detail)
            if choice is RecoveryChoice.CANCEL:
                return False
            recover = choice is RecoveryChoice.RECOVER
        return self._open(path, recover=recover)

    def _recovery_detail(self, path: Path) -> str | None:
        try:
            info = Session.recovery_available(path)
        except UserError:
            return None  # the open itself reports what is wrong with the project
        if info is None:
            return None
        return info.describe() + " " + translate(
            "Controller", "Opening the last saved version keeps the autosave, so it is offered again next time.")

    def _open(self, path: Path, recover: bool, steal_lock: bool = False, use_backup: bool = False) -> bool:
        try:
            self.session.open(path, recover=recover, steal_lock=steal_lock, use_backup=use_backup)
        except ProjectLockedError as exc:
            owner = exc.owner
            # Only a lock whose owner may be gone can be taken over: a dead process on this
            # computer is taken over by the session itself; another computer cannot be checked.
            stale = not owner.is_this_process and (not owner.is_this_host or not owner.is_alive())
            if self.prompter.ask_open_locked(str(exc), stale) and stale:
                return self._open(path, recover=recover, steal_lock=True, use_backup=use_backup)
            return False
        except ProjectFileError as exc:
            if exc.backup is not None and exc.backup.usable and not use_backup:
                if self.prompter.ask_open_backup(str(exc)):
                    return self._open(path, recover=recover, steal_lock=steal_lock, use_backup=True)
                return False
            self.prompter.error(translate("Controller", "Could not open the project"), str(exc))
            return False
        except UserError as exc:
            self.prompter.error(translate("Controller", "Could not open the project"), str(exc))
            return False
        except Exception as exc:
            log.exception("opening %s failed", path)
            self.prompter.error(translate("Controller", "Could not open the project"),
                                translate("Controller", "%1 could not be opened because of an unexpected "
                                                        "error (%2). Nothing in the project was changed.")
                                .replace("%1", str(path)).replace("%2", f"{type(exc).__name__}: {exc}"))
            return False
        self.recent.add(path)
        self.message.emit(translate("Controller", "Opened %1").replace("%1", str(path)))
        self._report_open_problems()
        return True

    def _report_open_problems(self) -> None:
        """Missing media and a read-only folder do not stop opening, but the user must know.

        The missing-media check runs on a worker (a season has ~11,000 files): its
        problems are reported when it finishes (``Session.mediaProblemsChanged``)."""
        session = self.session
        if session.read_only:
            self.prompter.warning(translate("Controller", "Project opened read-only"), session.read_only)
        if session.media_checked:
            self._report_media_problems()
        else:
            session.mediaProblemsChanged.connect(self._report_media_problems, Qt.ConnectionType.SingleShotConnection)

    def _report_media_problems(self) -> None:
        problems = self.session.media_problems
        if problems:
            shown = [f"• {p.name or p.path} ({p.path})" for p in problems[:12]]
            if len(problems) > len(shown):
                shown.append(translate("Controller", "… and %1 more").replace("%1", str(len(problems) - len(shown))))
            self.prompter.warning(
                translate("Controller", "Some media files are missing"),
                translate("Controller", "%1 files used by this project are missing or point outside its "
                                        "folder. Their clips and cards show as offline until the files are "
                                        "put back or regenerated:").replace("%1", str(len(problems)))
                + "\n\n" + "\n".join(shown))

    # ------------------------------------------------------------ creating
    def new_series(self) -> bool:
        if not self.maybe_save():
            return False
        dialog = self.new_series_dialog(projects_folder())
        if not dialog.exec():
            return False
        return self.create(dialog.bundle_path(), dialog.series())

    def create(self, path: Path, series: Series) -> bool:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.session.create(path, series)  # the open project stays open if this fails
        except UserError as exc:
            self.prompter.error(translate("Controller", "Could not create the series"), str(exc))
            return False
        except OSError as exc:
            self.prompter.error(translate("Controller", "Could not create the series"),
                                translate("Controller", "%1: %2. Choose another location.")
                                .replace("%1", str(path.parent)).replace("%2", exc.strerror or str(exc)))
            return False
        self.recent.add(self.session.bundle.root if self.session.bundle else path)
        return True

    @staticmethod
    def demo_available() -> bool:
        return importlib.util.find_spec("app.demo") is not None

    def demo_path(self) -> Path:
        return projects_folder() / f"Demo{BUNDLE_SUFFIX}"

    def open_demo(self, on_finished: Callable[[bool], None] | None = None) -> None:
        """Open the demo series, writing it first (on a worker: it draws stills and music)."""
        if not self.maybe_save():
            return
        path = self.demo_path()
        if ProjectBundle(path).project_file.is_file():
            ok = self.open_path(path)
            if on_finished:
                on_finished(ok)
            return
        from app import demo  # the demo writer lives in the core; import only when asked for

        self._set_busy(True)
        self.message.emit(translate("Controller", "Creating the demo series…"))

        def done(_result: object) -> None:
            self._set_busy(False)
            ok = self.open_path(path)
            if on_finished:
                on_finished(ok)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            self.prompter.error(translate("Controller", "Could not create the demo"),
                                str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}")
            if on_finished:
                on_finished(False)

        run_in_background(lambda: demo.create_demo(path), done, failed)

    # -------------------------------------------------------------- saving
    def save(self, wait: bool = True) -> bool:
        """Save the project; ``wait=False`` (File > Save) writes on the session's writer thread and
        reports the outcome when it is on disk, so a season never freezes the window."""
        if not self.session.is_open:
            return False
        if not wait:
            self.session.save_in_background()
            return True
        try:
            self.session.save()
        except UserError as exc:
            self.prompter.error(translate("Controller", "Could not save the project"), str(exc))
            return False
        return True

    def _on_saved(self) -> None:
        self.message.emit(translate("Controller", "Saved %1").replace("%1", self.project_name))

    def _on_save_failed(self, reason: str) -> None:
        """A background save (File > Save) failed; a waiting save reports through its exception."""
        self.prompter.error(translate("Controller", "Could not save the project"), reason)

    def save_as(self, on_finished: Callable[[bool], None] | None = None) -> None:
        """Copy the project (media and takes, not caches) to a new bundle and continue there.

        The bulk copy runs on a worker; the session then writes project.json,
        takes the new lock and switches, keeping the undo history.
        """
        bundle = self.session.bundle
        if bundle is None:
            return
        target = self.prompter.choose_new_location(translate("Controller", "Save Project As"),
                                                   bundle.root.parent / f"{bundle.name} copy{BUNDLE_SUFFIX}")
        if target is None:
            return
        if target.suffix != BUNDLE_SUFFIX:
            target = target.with_name(target.name + BUNDLE_SUFFIX)
        target = target.absolute()
        if (target / PROJECT_FILE).exists() or (target.exists() and any(target.iterdir())):
            self.prompter.error(translate("Controller", "Could not save the project"),
                                translate("Controller", "%1 already exists. Choose a name that is not "
                                                        "taken.").replace("%1", str(target)))
            return
        files = bundle_files(self.session.series)
        self._set_busy(True)
        self.message.emit(translate("Controller", "Copying the project to %1…").replace("%1", str(target)))

        def finish(ok: bool) -> None:
            self._set_busy(False)
            if on_finished:
                on_finished(ok)

        def done(_result: object) -> None:
            try:
                self.session.save_as(target)  # files are in place: this writes project.json and switches
            except UserError as exc:
                self.prompter.error(translate("Controller", "Could not save the project"), str(exc))
                finish(False)
                return
            self.recent.add(target)
            self.message.emit(translate("Controller", "Saved %1").replace("%1", str(target)))
            finish(True)

        def failed(exc: Exception) -> None:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.prompter.error(translate("Controller", "Could not save the project"),
                                translate("Controller", "Copying to %1 failed: %2. The original project "
                                                        "is unchanged.").replace("%1", str(target))
                                .replace("%2", reason))
            finish(False)

        run_in_background(lambda: copy_files(bundle, target, files), done, failed)


def bundle_files(series: Series) -> list[str]:
    """Bundle-relative paths of every media file and take the series uses."""
    rels = [a.path for a in series.media.values() if a.path]
    rels += [t.path for e in series.episodes for _s, line in e.dialogue_lines() for t in line.takes if t.path]
    return rels


def copy_files(source: ProjectBundle, target_root: Path, rels: list[str]) -> None:
    """Copy ``rels`` from ``source`` into a new bundle folder (worker thread; raises OSError)."""
    target = ProjectBundle(target_root)
    target_root.mkdir(parents=True, exist_ok=True)
    for rel in rels:
        try:
            src, dst = source.resolve(rel), target.resolve(rel)
        except UserError:
            continue  # never follow a path that leaves the bundle
        if src.is_file() and not dst.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)
            part = dst.with_name(dst.name + ".part")
            shutil.copy2(src, part)
            os.replace(part, dst)
