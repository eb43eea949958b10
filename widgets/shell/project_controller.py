"""Project life cycle for the editor: new, open, recover, save, save as, close.

All questions go through a ``Prompter`` (see prompts.py) so every path is
testable. Nothing here deletes a user's file: a project that fails to open is
left exactly as it was and the message names the file and what to do.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.bundle import BUNDLE_SUFFIX, ProjectBundle
from app.errors import UserError
from app.session import Session
from widgets.shell.background import run_in_background
from widgets.shell.new_series import NewSeriesDialog
from widgets.shell.preferences import projects_folder
from widgets.shell.prompts import Prompter, RecoveryChoice, SaveChoice
from widgets.shell.recent import RecentProjects

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

# Never copied by Save As: rebuildable caches and this instance's own lock/autosave files.
SAVE_AS_SKIP = ("cache", "*.lock", "lock", ".lock", "*.autosave", "*autosave*")


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
        self.new_series_dialog: Callable[[Path], NewSeriesDialog] = lambda loc: NewSeriesDialog(loc, None)

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
        check = getattr(self.session, "recovery_available", None)
        if check is None:
            return None
        try:
            found = check(path)
        except UserError:
            return None  # the open itself reports what is wrong with the project
        if not found:
            return None
        when = getattr(found, "saved_at", None) or getattr(found, "autosaved_at", None)
        detail = translate("Controller", "Recovering keeps the project's last save as a backup.")
        if when:
            detail = translate("Controller", "Autosaved at %1.").replace("%1", str(when)) + " " + detail
        return detail

    def _open(self, path: Path, recover: bool, steal_lock: bool = False) -> bool:
        locked_error = _locked_error_type()
        try:
            if recover or steal_lock:
                self.session.open(path, recover=recover, steal_lock=steal_lock)
            else:
                self.session.open(path)
        except Exception as exc:
            if locked_error is not None and isinstance(exc, locked_error):
                stale = bool(getattr(exc, "stale", False))
                if self.prompter.ask_open_locked(str(exc), stale) and stale:
                    return self._open(path, recover=recover, steal_lock=True)
                return False
            if isinstance(exc, UserError):
                self.prompter.error(translate("Controller", "Could not open the project"), str(exc))
                return False
            log.exception("opening %s failed", path)
            self.prompter.error(translate("Controller", "Could not open the project"),
                                translate("Controller", "%1 could not be opened because of an unexpected "
                                                        "error (%2). Nothing in the project was changed.")
                                .replace("%1", str(path)).replace("%2", f"{type(exc).__name__}: {exc}"))
            return False
        self.recent.add(path)
        self.message.emit(translate("Controller", "Opened %1").replace("%1", str(path)))
        return True

    # ------------------------------------------------------------ creating
    def new_series(self) -> bool:
        if not self.maybe_save():
            return False
        dialog = self.new_series_dialog(projects_folder())
        if not dialog.exec():
            return False
        return self.create(dialog.bundle_path(), dialog.series())

    def create(self, path: Path, series: object) -> bool:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.session.close()
            self.session.create(path, series)
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

        run_in_background(lambda: demo.write_demo(path), done, failed)

    # -------------------------------------------------------------- saving
    def save(self) -> bool:
        if not self.session.is_open:
            return False
        try:
            self.session.save()
        except UserError as exc:
            self.prompter.error(translate("Controller", "Could not save the project"), str(exc))
            return False
        self.message.emit(translate("Controller", "Saved %1").replace("%1", self.project_name))
        return True

    def save_as(self, on_finished: Callable[[bool], None] | None = None) -> None:
        """Copy the bundle (media included, caches excluded) to a new folder and continue there."""
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
        if target.exists():
            self.prompter.error(translate("Controller", "Could not save the project"),
                                translate("Controller", "%1 already exists. Choose a name that is not "
                                                        "taken.").replace("%1", str(target)))
            return
        series = self.session.series
        source = bundle.root
        self._set_busy(True)
        self.message.emit(translate("Controller", "Copying the project to %1…").replace("%1", str(target)))

        def copy() -> None:
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(*SAVE_AS_SKIP))
            ProjectBundle(target).folder("cache")

        def done(_result: object) -> None:
            self._set_busy(False)
            ok = False
            try:
                ProjectBundle(target).save(series)
            except UserError as exc:
                self.prompter.error(translate("Controller", "Could not save the project"), str(exc))
            else:
                self.session.document.undo_stack.setClean()  # the edits are saved, in the copy
                self.session.close()
                ok = self._open(target, recover=False)
            if on_finished:
                on_finished(ok)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            shutil.rmtree(target, ignore_errors=True)  # our own half-made copy; the original is untouched
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.prompter.error(translate("Controller", "Could not save the project"),
                                translate("Controller", "Copying to %1 failed: %2. The original project "
                                                        "is unchanged.").replace("%1", str(target))
                                .replace("%2", reason))
            if on_finished:
                on_finished(False)

        run_in_background(copy, done, failed)


def _locked_error_type() -> type[Exception] | None:
    """``ProjectLockedError`` from the session layer, once it exists there."""
    for module_name in ("app.session", "app.lock", "app.errors"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found = getattr(module, "ProjectLockedError", None)
        if found is not None:
            return found
    return None
