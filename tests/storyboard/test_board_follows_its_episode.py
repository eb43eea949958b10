"""The storyboard refreshes for its own episode only: a batch landing pictures in other episodes
(an edit per job) leaves it alone, an edit of a shown shot updates its card."""

from __future__ import annotations

import shutil

import pytest

from app.demo_season import create_demo_season
from app.session import Session
from widgets.storyboard.panel import ID_ROLE, SHOT_ROLE, StoryboardPanel


@pytest.fixture(scope="module")
def season_copy(tmp_path_factory):
    return create_demo_season(tmp_path_factory.mktemp("board-season") / "Season", 2).root


@pytest.fixture
def session(season_copy, tmp_path, qtbot):
    root = tmp_path / season_copy.name
    shutil.copytree(season_copy, root)
    s = Session()
    s.open(root)
    s.set_current_episode(s.series.episodes[0].id)
    yield s
    s.services.jobs.shutdown()
    s.document.undo_stack.setClean()
    s.close()


def test_edits_of_another_episode_leave_the_board_alone_and_its_own_update_the_card(session, qtbot) -> None:
    panel = StoryboardPanel(session)
    qtbot.addWidget(panel)
    first, second = session.series.episodes
    shown = [panel.board.item(r).data(ID_ROLE) for r in range(panel.board.count())]
    assert shown == [s.id for s in first.shots()]
    qtbot.waitUntil(lambda: not panel._pending, timeout=10000)

    other = next(second.shots())
    session.document.edit(other, "Lock", locked=True)
    session.document.edit(other, "New still", chosen_still=first.scenes[0].shots[0].chosen_still)
    assert not panel._pending  # nothing to redo: no card of episode 2 is shown

    mine = next(first.shots())
    session.document.edit(mine, "Lock", locked=True)
    assert panel._pending
    qtbot.waitUntil(lambda: panel.board.item(0).data(SHOT_ROLE)["locked"], timeout=10000)
    assert [panel.board.item(r).data(ID_ROLE) for r in range(panel.board.count())] == shown
