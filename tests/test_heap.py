"""The open project's heap is frozen out of the garbage collector's walks while it is open."""

from __future__ import annotations

import gc

from app.model import Episode, Series
from app.session import Session


def test_a_project_is_frozen_while_open_and_released_when_closed(tmp_path, qtbot) -> None:
    session = Session()
    heap = session.services.heap
    session.create(tmp_path / "Big.mdrama", Series(title="Big", episodes=[Episode(number=1)]))
    qtbot.waitUntil(lambda: heap.frozen, timeout=10000)
    assert gc.get_freeze_count() > 0
    session.close()
    assert not heap.frozen and gc.get_freeze_count() == 0


def test_a_project_below_the_threshold_is_left_to_the_collector(tmp_path, qtbot) -> None:
    session = Session()
    heap = session.services.heap
    heap.threshold = 800  # a caller that keeps small projects out of it
    session.create(tmp_path / "Small.mdrama", Series(title="Small", episodes=[Episode(number=1)]))
    heap.settle()  # what the open's zero timer runs
    assert not heap.frozen and gc.get_freeze_count() == 0
    session.close()
