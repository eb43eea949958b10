"""Loading the media engine's libraries off the GUI thread, after the window shows.

PyAV, OpenCV and numpy take about half a second to import, and the first
thumbnail or preview frame would otherwise pull them in on the GUI thread
before the window has painted. Views ask ``engine_ready()``; when it is False
they draw their placeholder and call ``when_engine_ready(callback)``, which
imports the engine in the background (``app.background``) and runs the callbacks on the GUI thread
once it is there (at once when it already is).
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable

from app.background import run_in_background

log = logging.getLogger(__name__)

ENGINE_MODULES = ("numpy", "cv2", "av", "app.media.decode", "app.media.services", "app.media.compositor",
                  "app.preview.sources")


_waiting: list[Callable[[], None]] = []
_started = False
_attempted = False  # after one try, a module that failed to import fails where it is used


def engine_ready() -> bool:
    return _attempted or all(name in sys.modules for name in ENGINE_MODULES)


def when_engine_ready(callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread once the engine modules are imported."""
    global _started
    if engine_ready():
        callback()
        return
    _waiting.append(callback)
    if _started:
        return
    _started = True
    run_in_background(_load, lambda _none: _run_waiting(), lambda _exc: _run_waiting(), name="engine-import")


def load_engine_now() -> None:
    """Import the engine on the calling thread (tests and benchmarks that wait for pictures)."""
    _load()


def _load() -> None:
    for name in ENGINE_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # an engine that cannot load is reported where it is used
            log.exception("could not import %s", name)


def _run_waiting() -> None:
    global _started, _attempted
    _attempted = True
    waiting = list(_waiting)
    _waiting.clear()
    _started = False
    for callback in waiting:
        try:
            callback()
        except Exception:
            log.exception("engine-ready callback failed")
