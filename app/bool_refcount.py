"""Keep ``True``/``False`` alive despite PySide6 6.12's reference leak on ``Signal.emit``.

PySide6/shiboken6 6.12.0 return ``Py_True`` from ``SignalInstance.emit()``
without taking a reference. On Python 3.11 (where bools are not yet immortal)
every emit therefore steals one reference from ``True``; after a few thousand
signals (a minute of playback) the interpreter aborts with "Fatal Python error:
bool_dealloc". Python 3.12+ makes bools immortal, which is exactly what this
does by hand: it raises their reference counts so far that no realistic number
of emits reaches zero. Harmless when the bug is absent (bools are never freed).
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 40


def make_bools_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # None suffers the same way (seen passing None through Signal(object) across threads)
    for value in (True, False, None):
        # ob_refcnt is the first field of every CPython object
        ctypes.c_ssize_t.from_address(id(value)).value += _MARGIN


make_bools_immortal()
