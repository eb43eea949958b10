"""Background work gives way to the GUI thread: lower processor priority, and the interpreter
lock handed back within 1 ms once a window is open (app/thread_priority.py)."""

from __future__ import annotations

import sys

import pytest

from app import background as bg
from app.thread_priority import BACKGROUND_NICE, GUI_SWITCH_INTERVAL_S, thread_nice


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
