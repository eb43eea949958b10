"""Loading the media engine's libraries off the GUI thread, after the window shows.

PyAV, OpenCV and numpy take about half a second to import, and the first
thumbnail or preview frame would otherwise pull them in on the GUI thread
before the window has painted. Views ask ``engine_ready()``; when it is False
they draw their placeholder and call ``when_engine_ready(callback)``, which
imports the engine on a daemon thread and runs the callbacks on the GUI thread
once it is there (at once when it already is).
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

ENGINE_MODULES = ("numpy", "cv2", "av", "app.media.decode", "app.media.services", "app.media.compositor",
                  "widgets.player.sources")


class _Relay(QObject):
    loaded = Signal()


_relay: _Relay | None = None
_waiting: list[Callable[[], None]] = []
_started = False
_attempted = False  # after one try, a module that failed to import fails where it is used


def engine_ready() -> bool:
    return _attempted or all(name in sys.modules for name in ENGINE_MODULES)


def when_engine_ready(callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread once the engine modules are imported."""
    global _relay, _started
    if engine_ready():
        callback()
        return
    _waiting.append(callback)
    if _started:
        return
    _started = True
    _relay = _Relay()  # made on the GUI thread: its signal is delivered there
    _relay.loaded.connect(_run_waiting)
    threading.Thread(target=_load, args=(_relay,), name="engine-import", daemon=True).start()


def _load(relay: _Relay) -> None:
    for name in ENGINE_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # an engine that cannot load is reported where it is used
            log.exception("could not import %s", name)
    try:
        relay.loaded.emit()
    except RuntimeError:  # the application quit while we were loading
        pass


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
