"""Background work gives way to the GUI thread: lower processor priority, and the interpreter
lock handed back within 1 ms once a window is open, background Python work paced
(app/thread_priority.py)."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from app import background as bg
from app.thread_priority import (
    BACKGROUND_NICE,
    BACKGROUND_PACE,
    GUI_SWITCH_INTERVAL_S,
    MAX_REST_S,
    rest_in_proportion,
    thread_nice,
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice value is Linux's")
def test_a_background_worker_runs_at_a_lower_priority_than_the_gui_thread(qtbot) -> None:
    seen: list[int | None] = []
    bg.run_in_background(thread_nice, seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    gui = thread_nice()
    assert gui is not None and seen[0] is not None
    assert seen[0] == max(gui, BACKGROUND_NICE)  # lowered, never raised


def test_opening_the_main_window_shortens_the_interpreter_switch_interval(qtbot) -> None:
    from widgets.main_window import MainWindow

    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # Python's default, whatever an earlier test left
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        assert sys.getswitchinterval() == pytest.approx(GUI_SWITCH_INTERVAL_S)
        window.session.document.undo_stack.setClean()
        window.close()
    finally:
        sys.setswitchinterval(before)


def test_background_python_work_rests_twice_its_time_and_a_cancel_ends_the_rest() -> None:
    work = 0.05
    started = time.monotonic() - work  # as if the work since ``started`` had taken 50 ms
    rest_in_proportion(started, threading.Event())
    assert time.monotonic() - started >= work * (1 + BACKGROUND_PACE)

    cancelled = threading.Event()
    threading.Timer(0.02, cancelled.set).start()
    began = time.monotonic()
    rest_in_proportion(began - 10.0, cancelled)  # ten seconds of work: the longest rest, cut short
    assert time.monotonic() - began < MAX_REST_S / 2
