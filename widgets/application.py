"""Starting the editor: QApplication set-up, theme, fonts, translations, main window.

``run_editor(args)`` serves ``microdrama`` (no arguments) and
``microdrama open PATH [--screenshot FILE.png] [--language L] [--size WxH]``.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import UserError

log = logging.getLogger(__name__)


def parse_size(text: str | None) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in (text or "1600x1000").lower().split("x"))
    except ValueError as exc:
        raise UserError(QCoreApplication.translate("WidgetsApplication", "--size {text!r} is not WIDTHxHEIGHT, e.g. 1600x1000.").format(text=text)) from exc
    if not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise UserError(QCoreApplication.translate("WidgetsApplication", "--size {text!r} is out of range (320x240 to 8192x8192).").format(text=text))
    return w, h


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or sys.platform in ("win32", "darwin")


def create_application(language: str | None = None):  # noqa: ANN201 - QApplication
    """The QApplication, themed and translated; reuses an existing one (tests)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from widgets.shell import i18n
    from widgets.shell.icons import app_icon
    from widgets.shell.settings import APPLICATION, ORGANIZATION
    from widgets.shell.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        # Qt 6 scales for HiDPI by itself; PassThrough keeps fractional factors (1.25, 1.5)
        # exact instead of rounding them, so nothing is drawn at the wrong size.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QGuiApplication.setDesktopFileName("microdrama-studio")
        app = QApplication(sys.argv[:1])
    code = i18n.effective_language(language)
    i18n.install_language(code)
    apply_theme(app, code)
    app.setWindowIcon(app_icon())
    return app


def run_editor(args: argparse.Namespace) -> int:
    screenshot = getattr(args, "screenshot", None)
    size = parse_size(getattr(args, "size", None))
    path = getattr(args, "path", None)
    if screenshot and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if path and not Path(path).exists():
        raise UserError(QCoreApplication.translate("WidgetsApplication", "{path} does not exist. Give the path of a .mdrama project folder.").format(path=path))

    # No garbage collection while thousands of start-up objects are made (none of them is garbage);
    # after the first paint they are frozen out of later full collections, which then stay short.
    gc.disable()
    from app.background import hold_until_painted, release_held

    hold_until_painted()  # background work (engine imports, thumbnails) starts after the first paint
    app = create_application(getattr(args, "language", None))
    from widgets.main_window import MainWindow

    window = MainWindow()
    from widgets.shell.file_open import FileOpenHandler, project_of
    from widgets.shell.startup_report import after_first_paint, report_first_paint

    report_first_paint(window)
    after_first_paint(window, _collect_from_now_on)
    after_first_paint(window, release_held)
    after_first_paint(window, _set_application_version)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(10000, _collect_from_now_on)  # a window that never paints (minimised) must not leak
    QTimer.singleShot(10000, release_held)
    if sys.platform == "darwin":  # Finder hands double-clicked projects over as events, not arguments
        FileOpenHandler(app, window)
    if path:
        path = project_of(Path(path).absolute())
    if path:
        if screenshot:
            # no one is there to answer a dialog: print the problem and fail instead
            from widgets.shell.prompts import DialogPrompter

            window.controller.prompter = _ConsolePrompter(DialogPrompter(window))
        if not window.controller.open_path(Path(path)) and screenshot:
            return 2
    if screenshot:
        from widgets.shell.screenshot import capture_when_settled

        window.resize(*size)
        window.show()
        result: dict[str, bool] = {}

        def done(ok: bool) -> None:
            result["ok"] = ok
            window.close()  # releases the lock and lets the panels' background work finish
            app.quit()

        capture_when_settled(window, Path(screenshot), done)
        app.exec()
        if not result.get("ok"):
            print(f"error: could not write {screenshot}", file=sys.stderr)
            return 2
        return 0
    window.show()
    return app.exec()


def _set_application_version() -> None:
    """Qt's copy of the version, set after the first paint: reading it costs ~40 ms of imports
    (``app.__version__``) and nothing on the way to the first paint asks for it."""
    import app

    QCoreApplication.setApplicationVersion(app.__version__)


def _collect_from_now_on() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class _ConsolePrompter:
    """Answers for a headless run: errors go to stderr, recovery and locks are declined safely."""

    def __init__(self, fallback: object) -> None:
        self._fallback = fallback

    def error(self, title: str, message: str) -> None:
        print(f"error: {title}: {message}", file=sys.stderr)

    def ask_recovery(self, project_name: str, detail: str):  # noqa: ANN201 - RecoveryChoice
        from widgets.shell.prompts import RecoveryChoice

        return RecoveryChoice.LAST_SAVED  # a screenshot shows what is saved, never touches the autosave

    def ask_open_locked(self, message: str, stale: bool) -> bool:
        print(f"error: {message}", file=sys.stderr)
        return False

    def ask_open_backup(self, message: str) -> bool:
        print(f"error: {message}", file=sys.stderr)
        return False

    def warning(self, title: str, message: str) -> None:
        print(f"warning: {title}: {message}", file=sys.stderr)

    def __getattr__(self, name: str):  # noqa: ANN204 - the remaining questions
        return getattr(self._fallback, name)
