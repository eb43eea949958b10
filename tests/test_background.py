"""The one background helper: results on the GUI thread, cancel, owners, holding until the first paint."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread

from app import background as bg


def _on_gui() -> bool:
    return QThread.currentThread() is QCoreApplication.instance().thread()


def test_result_and_error_arrive_on_the_gui_thread(qtbot) -> None:
    seen: list[tuple[str, object, bool]] = []
    worker_threads: list[bool] = []

    def work() -> int:
        worker_threads.append(_on_gui())
        return 42

    bg.run_in_background(work, lambda r: seen.append(("done", r, _on_gui())))
    bg.run_in_background(lambda: 1 / 0, lambda r: seen.append(("done", r, _on_gui())),
                         lambda exc: seen.append(("error", type(exc).__name__, _on_gui())))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)
    assert sorted(seen, key=str) == [("done", 42, True), ("error", "ZeroDivisionError", True)]
    assert worker_threads == [False]  # the function itself ran on a worker
    qtbot.waitUntil(lambda: bg.pending_background() == 0, timeout=15000)


def test_cancel_and_a_deleted_owner_drop_the_callbacks(qtbot) -> None:
    gate = threading.Event()
    calls: list[str] = []
    stopped_early: list[bool] = []

    def slow(ctx: bg.TaskContext) -> str:
        gate.wait(5)
        stopped_early.append(ctx.cancelled)
        return "late"

    task = bg.run_cancellable(slow, lambda r: calls.append(r))
    owner = QObject()
    bg.run_in_background(lambda: gate.wait(5) and "owned", lambda r: calls.append(r), owner=owner)
    task.cancel()
    owner.deleteLater()
    qtbot.wait(50)  # the owner is gone before its task reports
    gate.set()
    assert task.wait(5)
    qtbot.waitUntil(lambda: bg.pending_background() == 0, timeout=15000)
    qtbot.wait(50)
    assert calls == []  # neither the cancelled task nor the orphaned one reported
    assert stopped_early in ([], [True])  # never started, or saw that it was cancelled


def test_partial_results_arrive_in_order(qtbot) -> None:
    got: list[int] = []

    def count(ctx: bg.TaskContext) -> None:
        for n in range(5):
            ctx.post(n)

    bg.run_cancellable(count, on_partial=got.append)
    qtbot.waitUntil(lambda: len(got) == 5, timeout=10000)
    assert got == [0, 1, 2, 3, 4]


def test_held_tasks_start_only_when_released(qtbot) -> None:
    ran = threading.Event()
    bg.hold_until_painted()
    try:
        task = bg.run_in_background(ran.set)
        assert not ran.wait(0.3)  # held: the window has not painted yet
    finally:
        bg.release_held()
    assert task.wait(5) and ran.is_set()


def test_a_worker_asks_the_gui_thread_and_waits(qtbot) -> None:
    bg.install_gui_calls()
    answers: list[tuple[str, bool]] = []
    bg.run_in_background(lambda: bg.call_on_gui_thread(lambda: ("asked", _on_gui())), answers.append)
    qtbot.waitUntil(lambda: answers != [], timeout=10000)
    assert answers == [("asked", True)]
