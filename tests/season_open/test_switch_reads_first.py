"""An episode switch to an episode not read yet reads its part on a worker first, so the window
never freezes for the read; the last switch asked for wins, and a damaged part is still reported."""

from __future__ import annotations

import time
from pathlib import Path

from app.model.lazy_episode import LazyEpisode
from app.session import Session
from tests.season_open.conftest import part_of


def _editor_session(season: Path) -> Session:
    session = Session()
    session.episode_warmer.delay_ms = 600_000  # the editor's reading is on; its read-ahead never starts here
    session.open(season)
    return session


def _unread(episode: object) -> bool:
    return isinstance(episode, LazyEpisode) and not episode.loaded


def test_switching_to_an_unread_episode_reads_it_on_a_worker_then_switches(season: Path, qtbot) -> None:
    session = _editor_session(season)
    first, _second, third = session.series.episodes[:3]
    assert _unread(third)
    switched: list[str] = []
    session.currentEpisodeChanged.connect(switched.append)
    session.switch_episode(third.id)
    assert session.current_episode is first and _unread(third)  # not read on the GUI thread
    qtbot.waitUntil(lambda: switched == [third.id])
    assert not _unread(third) and session.current_episode is third
    assert len(third.scenes) == 2  # the whole episode, indexed
    assert session.document.episode_of(third.scenes[0].shots[0].id) == third.id
    session.close()


def test_the_last_switch_asked_for_wins(season: Path, qtbot) -> None:
    session = _editor_session(season)
    first, second, third, fourth = session.series.episodes
    switched: list[str] = []
    session.currentEpisodeChanged.connect(switched.append)
    session.switch_episode(third.id)
    session.switch_episode(fourth.id)
    qtbot.waitUntil(lambda: not _unread(third) and not _unread(fourth))
    qtbot.waitUntil(lambda: session.current_episode is fourth)
    qtbot.wait(100)  # the earlier read reports too: it must not switch back
    assert session.current_episode is fourth and switched == [fourth.id]
    session.switch_episode(first.id)  # a read episode switches at once
    assert session.current_episode is first
    session.close()


def test_a_damaged_part_is_reported_when_switched_to(season: Path, qtbot) -> None:
    damaged = part_of(season, 1)
    damaged.write_bytes(damaged.read_bytes()[:-40])
    session = _editor_session(season)
    told: list[str] = []
    session.episodeUnreadable.connect(lambda ep_id, _text: told.append(ep_id))
    second = session.series.episodes[1]
    session.switch_episode(second.id)
    qtbot.waitUntil(lambda: session.current_episode is second)
    assert second.scenes == []  # the panels read it on the GUI thread, which finds it damaged
    assert isinstance(second, LazyEpisode) and "checksum" in second.damaged
    qtbot.waitUntil(lambda: told == [second.id])
    session.close()


def test_the_read_ahead_makes_way_for_a_switch_then_goes_on(season: Path, qtbot) -> None:
    """A switch (or an edit) pauses the background reading of the other episodes for a moment, so it
    does not compete with the refresh the user's action set off; it then reads them all."""
    session = Session()
    session.episode_warmer.delay_ms = 0
    session.open(season)
    second = session.series.episodes[1]
    before = len(session.document.unread_episodes())
    assert before >= 3
    read_at: dict[str, float] = {}
    session.document.episodeRead.connect(lambda episode_id: read_at.setdefault(episode_id, time.monotonic()))
    paused_at = time.monotonic()
    session.switch_episode(second.id)  # read first, on a worker: the user asked for it
    session.episode_warmer.make_way(2.0)  # a longer pause than a switch's, to look inside it
    qtbot.waitUntil(lambda: session.current_episode is second)
    qtbot.waitUntil(lambda: not session.document.unread_episodes(), timeout=30_000)  # then all the others
    assert len(read_at) == before
    others = [at for episode_id, at in read_at.items() if episode_id != second.id]
    assert min(others) >= paused_at + 2.0  # none of them before the pause was over, however slow the machine
    session.close()
