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
"""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QThread

BACKGROUND_NICE = 5  # about a third of the GUI thread's share of a contended core

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


def thread_nice() -> int | None:
    """The calling thread's nice value on Linux (tests), else None."""
    if not sys.platform.startswith("linux"):
        return None
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
