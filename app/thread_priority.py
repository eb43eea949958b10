"""Background threads give way to the GUI thread when the processor is busy.

After a season opens, thumbnails, waveforms, proxies, the media check and episode reads
all run at once. On a laptop with two cores, four such workers and the GUI thread shared
the cores evenly, so the GUI thread got about two fifths of one and a repaint that takes
20 ms took 100. A worker therefore lowers its own priority once: it still uses every
idle cycle (on an idle machine nothing changes, exports included), but when the GUI
thread wants a core it gets it.

On Linux a thread's nice value is its own (``setpriority`` with the thread's id), and
Qt's thread priorities do nothing under the default scheduler, so both are set; on
Windows and macOS Qt's ``LowPriority`` is what takes effect.

The interpreter lock is the other half. PySide6 lets go of it around Qt calls (a paint
makes thousands), and a worker running Python code takes it each time; the GUI thread
then waits until that worker's switch interval runs out. Measured here: 2,000
``QPainter.fillRect`` calls took 45 ms alone and 740 ms next to one busy Python worker
at Python's default interval (5 ms), 84 ms at 1 ms. So a process with a window asks for
a 1 ms interval (``favour_gui_thread``); workers lose well under 1 % to the extra switches.
"""

from __future__ import annotations

import os
import sys
import threading
import time

from PySide6.QtCore import QThread

BACKGROUND_PACE = 2.0  # background reading that holds the interpreter lock rests this many times its work
MAX_REST_S = 1.0  # ... but never longer than this at a time
BACKGROUND_NICE = 5  # about a third of the GUI thread's share of a contended core
GUI_SWITCH_INTERVAL_S = 0.001  # how long a worker may keep the interpreter lock when the GUI thread wants it

_lowered = threading.local()


def yield_to_gui() -> None:
    """Lower the calling worker thread's processor priority (once per thread; never the GUI thread's)."""
    if getattr(_lowered, "done", False) or threading.current_thread() is threading.main_thread():
        return
    _lowered.done = True
    QThread.currentThread().setPriority(QThread.Priority.LowPriority)
    if sys.platform.startswith("linux"):
        try:
            current = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), max(current, BACKGROUND_NICE))
        except OSError:  # not permitted (some sandboxes): the thread keeps its priority
            pass


def favour_gui_thread() -> None:
    """A window is open: a worker running Python code hands the interpreter lock back within 1 ms."""
    sys.setswitchinterval(min(sys.getswitchinterval(), GUI_SWITCH_INTERVAL_S))


def thread_nice() -> int | None:
    """The calling thread's nice value on Linux (tests), else None."""
    if not sys.platform.startswith("linux"):
        return None
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def rest_after(started: float) -> float:
    """Seconds to rest after background work that began at ``started`` (``time.monotonic()``):
    ``BACKGROUND_PACE`` times as long as it took, at most ``MAX_REST_S``. For work that is mostly
    Python code (decoding JSON, walking it, building objects): it then holds the interpreter lock
    a third of the time at most, and the GUI thread gets it without waiting. A busy machine makes
    the work slower, so the rests grow with it."""
    return min(MAX_REST_S, BACKGROUND_PACE * (time.monotonic() - started))


def rest_in_proportion(started: float, cancelled: threading.Event) -> None:
    """Rest on a worker as ``rest_after`` says, waking at once if ``cancelled`` is set."""
    cancelled.wait(rest_after(started))
