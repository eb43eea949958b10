"""Opening a season reads the shown episode only; the others are read on first use, and an
episode nobody opened is saved as the very part file it was read from."""

from __future__ import annotations

import itertools
import json
import os
import time
from pathlib import Path

from app.bundle import ProjectBundle
from app.cli.cmd_info import summarize as info_summary
from app.commands import SetFieldsCommand
from app.model.lazy_episode import LazyEpisode
from app.model.serial import to_data
from app.season.search import HitKind, find_in_season
from app.season.state import season_states
from app.session import Session
from tests.season_open.conftest import manifest, part_of


def read_flags(session: Session) -> list[bool]:
    return [not isinstance(e, LazyEpisode) or e.loaded for e in session.series.episodes]


def test_an_untouched_episode_is_never_read_and_its_part_is_kept_byte_identical(season: Path, qapp) -> None:
    untouched = part_of(season, 3)
    before, stat_before = untouched.read_bytes(), untouched.stat()
    session = Session()
    session.open(season)
    assert read_flags(session) == [True, False, False, False]  # only the episode shown was read
    shot = session.series.episodes[2].scenes[0].shots[0]  # reading episode 3 to edit it
    session.document.edit(shot, "Edit action", action="林夏 runs out into the rain")
    session.save()
    assert read_flags(session) == [True, False, True, False]
    entry = manifest(season)["episodes"][3]
    assert season / entry["file"] == untouched  # the same content-named part, named again
    assert untouched.read_bytes() == before
    assert untouched.stat().st_mtime_ns == stat_before.st_mtime_ns  # not even rewritten with the same bytes
    assert entry["number"] == 4 and entry["title"] == "第4集 Rain 4" and entry["summary"]["shots"] == 6
    session.close()

    again = Session()
    again.open(season)
    assert again.series.episodes[2].scenes[0].shots[0].action == "林夏 runs out into the rain"
    fresh = ProjectBundle(season).load().episodes[3]
    assert to_data(again.series.episodes[3]) == to_data(fresh)
    again.close()


def test_find_across_the_season_finds_a_line_in_an_episode_never_opened(season: Path, qapp) -> None:
    session = Session()
    session.open(season)
    assert read_flags(session)[3] is False
    hits = find_in_season(session.series, "line 4.2.3")
    assert [(h.kind, h.episode_number) for h in hits] == [(HitKind.LINE, 4)]
    # the editor jumps to the hit through the document's id index: the read episode is indexed
    shot = session.document.find(hits[0].shot_id)
    assert shot is not None and shot.code == "E04-203"
    assert session.document.episode_of(shot.id) == session.series.episodes[3].id
    session.close()


def test_a_lookup_of_an_object_in_an_unread_episode_reads_it(season: Path, qapp) -> None:
    """Job landing and undo address objects by id: an id inside an episode not read yet is found."""
    target = ProjectBundle(season).load().episodes[2].scenes[1].shots[2].dialogue[0]
    session = Session()
    session.open(season)
    assert read_flags(session)[2] is False
    found = session.document.find(target.id)
    assert found is not None and found.text == target.text
    assert session.document.unread_episodes() == []
    session.close()


def test_editing_a_lazily_read_episode_is_saved_and_undoable(season: Path, qapp) -> None:
    session = Session()
    session.open(season)
    episode = session.series.episodes[1]
    line = episode.scenes[1].shots[0].dialogue[0]
    original = line.text
    assert session.document.find(line.id) is line  # indexed the moment the episode was read
    session.document.push(SetFieldsCommand(session.document, line.id, {"text": "我不会再等你了"}, "Edit line", None))
    session.save()
    assert ProjectBundle(season).load().episodes[1].scenes[1].shots[0].dialogue[0].text == "我不会再等你了"
    session.document.undo_stack.undo()
    assert line.text == original
    session.save()
    assert ProjectBundle(season).load().episodes[1].scenes[1].shots[0].dialogue[0].text == original
    session.close()


def test_renaming_an_unread_episode_saves_a_part_that_agrees_with_the_manifest(season: Path, qapp) -> None:
    session = Session()
    session.open(season)
    episode = session.series.episodes[3]
    old_part = part_of(season, 3)
    session.document.edit(episode, "Rename", title="大结局 Finale")
    session.save()
    assert isinstance(episode, LazyEpisode) and not episode.loaded  # its part was read by the save's worker
    entry = manifest(season)["episodes"][3]
    part = json.loads((season / entry["file"]).read_bytes())
    assert entry["title"] == part["episode"]["title"] == "大结局 Finale"
    assert len(part["episode"]["scenes"]) == 2  # the rest of the episode came along

    # two saves later no manifest names the old part, and an old orphan is collected:
    # the episode, still unread, is read from its new part
    session.document.edit(session.series.episodes[0], "Rename", title="第一集")
    session.save()
    os.utime(old_part, (1, 1))  # older than the orphans' grace period
    session.document.edit(session.series.episodes[0], "Rename", title="第一集 Pilot")
    session.save()
    assert not old_part.exists()
    assert not episode.loaded
    assert len(episode.scenes) == 2 and not episode.damaged
    assert episode.title == "大结局 Finale"
    session.close()


def test_a_damaged_part_of_an_episode_not_shown_is_reported_when_opened_and_never_overwritten(
        season: Path, qapp) -> None:
    damaged = part_of(season, 2)
    damaged.write_bytes(damaged.read_bytes()[:-60])  # a truncated copy, say
    broken = damaged.read_bytes()
    session = Session()
    session.open(season)  # the shown episode is fine: the project opens
    told: list[tuple[str, str]] = []
    session.episodeUnreadable.connect(lambda ep_id, text: told.append((ep_id, text)))
    episode = session.series.episodes[2]
    assert episode.scenes == []  # opened: shown empty, not half-read
    assert len(told) == 1 and told[0][0] == episode.id
    message = told[0][1]
    assert "Episode 3" in message and damaged.name in message and "project.json.bak" in message
    assert "checksum" in message
    # edits elsewhere, and even in the damaged episode, never replace its file
    session.document.edit(session.series.episodes[1], "Rename", title="still fine")
    session.document.edit(episode, "Rename", title="renamed while damaged")
    session.save()
    session.close()
    assert damaged.read_bytes() == broken
    assert season / manifest(season)["episodes"][2]["file"] == damaged
    assert manifest(season)["episodes"][1]["title"] == "still fine"


def test_the_navigator_and_info_of_unread_episodes_match_reading_them(season: Path, qapp) -> None:
    bundle = ProjectBundle(season)
    lazy = bundle.load()
    states = season_states(lazy, "Season")
    info = info_summary(bundle, lazy)
    assert [isinstance(e, LazyEpisode) and e.loaded for e in lazy.episodes] == [True, False, False, False]
    for episode in lazy.episodes:
        assert isinstance(episode, LazyEpisode)
        episode.materialise()
    assert season_states(lazy, "Season") == states
    assert info_summary(bundle, lazy) == info
    assert info["totals"]["dialogue_lines"] == 24 and info["episodes"][3]["chosen_takes"]["recorded"] == 6


def test_a_missing_take_in_an_unread_episode_is_reported_without_reading_it(season: Path, qapp) -> None:
    (season / "takes" / "e4s1k2t0.wav").unlink()
    session = Session()
    session.open(season)
    problems = session.media_problems  # waits for the background check
    assert [(p.kind, p.path, p.reason) for p in problems] == [("take", "takes/e4s1k2t0.wav", "missing")]
    assert read_flags(session)[3] is False
    session.close()


def test_the_editor_reads_the_other_episodes_in_the_background_after_open(season: Path, qtbot) -> None:
    session = Session()
    session.episode_warmer.delay_ms = 0
    read: list[str] = []
    session.document.episodeRead.connect(read.append)
    session.open(season)
    qtbot.waitUntil(lambda: not session.document.unread_episodes(), timeout=30_000)
    assert read == [e.id for e in session.series.episodes[1:]]  # in season order, each indexed once
    last_line = session.series.episodes[3].scenes[1].shots[2].dialogue[0]
    assert session.document.episode_of(last_line.id) == session.series.episodes[3].id
    session.close()


def test_the_background_reader_rests_twice_as_long_as_each_episode_took(season: Path, qtbot) -> None:
    """The read-ahead keeps to a third of the time, so the window's own work gets the interpreter lock."""
    session = Session()
    session.episode_warmer.delay_ms = 0
    reads: list[tuple[float, float]] = []  # (when an episode was handed over, how long it had taken)
    session.document.episodeRead.connect(
        lambda _id: reads.append((time.monotonic(), session.episode_warmer.last_read_s)))
    session.open(season)
    qtbot.waitUntil(lambda: not session.document.unread_episodes(), timeout=30_000)
    assert len(reads) == 3
    for (at, took), (next_at, _) in itertools.pairwise(reads):
        assert took > 0
        # the rest (twice the time taken), then the next episode's own request and read
        assert next_at - at >= min(1.0, 2.0 * took)
    session.close()


def test_a_manifest_without_summaries_opens_and_the_next_save_adds_them(season: Path, qapp) -> None:
    doc = manifest(season)
    for entry in doc["episodes"]:
        for key in ("number", "title", "summary"):
            entry.pop(key)
    (season / "project.json").write_text(json.dumps(doc, indent=2))
    session = Session()
    session.open(season)
    assert all(read_flags(session))  # an older manifest: read as before
    session.document.edit(session.series.episodes[0], "Rename", title="first")
    session.save()
    session.close()
    assert all("summary" in entry for entry in manifest(season)["episodes"])
    again = Session()
    again.open(season)
    assert read_flags(again) == [True, False, False, False]
    again.close()


def test_save_as_writes_every_episode_into_the_new_bundle(season: Path, tmp_path: Path, qapp) -> None:
    session = Session()
    session.open(season)
    expected = [to_data(e) for e in ProjectBundle(season).load().episodes]
    session.save_as(tmp_path / "Copy")
    session.close()
    copy = ProjectBundle(tmp_path / "Copy.mdrama")
    for name in os.listdir(copy.root / "episodes"):
        assert (season / "episodes" / name).exists()  # same content, same name
    assert [to_data(e) for e in copy.load().episodes] == expected


def test_the_background_reader_leaves_a_damaged_part_for_the_user_to_open(season: Path, qtbot) -> None:
    part_of(season, 1).write_bytes(b"not json at all")
    session = Session()
    session.episode_warmer.delay_ms = 0
    told: list[str] = []
    session.episodeUnreadable.connect(lambda _id, text: told.append(text))
    session.open(season)
    qtbot.waitUntil(lambda: not session.episode_warmer.running, timeout=30_000)
    assert read_flags(session) == [True, False, True, True]  # the others were read past it
    assert told == []  # nothing pops up from a background read
    assert session.series.episodes[1].scenes == []  # the user opens it: now they are told
    assert len(told) == 1 and "Episode 2" in told[0]
    session.close()


def test_finding_an_episode_in_the_season_list_reads_no_other(season: Path, qapp) -> None:
    """Next/previous episode and deleting one look the episode up with ``list.index``."""
    session = Session()
    session.open(season)
    episodes = session.series.episodes
    last = episodes[3]
    last.materialise()
    assert episodes.index(last) == 3
    assert read_flags(session) == [True, False, False, True]
    assert episodes[1] != episodes[2] and episodes[1] == episodes[1]
    assert read_flags(session) == [True, False, False, True]
    session.close()


def test_renaming_an_unread_episode_whose_part_is_damaged_keeps_the_part(season: Path, qapp) -> None:
    damaged = part_of(season, 2)
    damaged.write_bytes(damaged.read_bytes()[:-60])  # damaged after the open's checks: found by the save
    broken = damaged.read_bytes()
    session = Session()
    session.open(season)
    episode = session.series.episodes[2]
    session.document.edit(episode, "Rename", title="第三集")
    session.save()  # the save's worker cannot read it: the part is kept, never replaced by an empty episode
    entry = manifest(season)["episodes"][2]
    assert entry["title"] == "第三集"
    assert (season / entry["file"]).read_bytes() == broken
    assert isinstance(episode, LazyEpisode) and not episode.loaded  # nothing read on the GUI thread
    episode.materialise()  # opened later: the damage is reported then, and the part stays as it is
    assert episode.damaged and episode.title == "第三集"
    session.save()
    assert (season / manifest(season)["episodes"][2]["file"]).read_bytes() == broken
    session.close()
