"""Centred text and scenes of transitions become title-card shots, not dropped scenes.

The Brick & Steel excerpt is the ending of the Fountain project's published sample
screenplay ("Brick & Steel: Full Retired" by Stu Maschwitz, fountain.io)."""

from __future__ import annotations

from app.document import ProjectDocument
from app.model import Episode, Series, TrackKind
from app.script.breakdown import breakdown
from app.script.checks import check_episode
from app.timeline.assemble import assemble_from_storyboard

BRICK_AND_STEEL_ENDING = """\
EXT. PALATIAL MANSION - DAY

An EXTREMELY HANDSOME MAN drinks a beer. Shirtless, unfortunately.

His minion approaches offscreen:

MINION
We found Brick and Steel!

HANDSOME MAN
I want them dead. DEAD!

Beer flies.

> BURN TO PINK.

> THE END <
"""

OPENING_TITLES = """\
Title: 签约之夜
Author: 测试

INT. 片头 - 夜

> 第一集 <
> 签约之夜 <

FADE IN:

1. 内景 办公室 - 日

林晓：你终于来了。

EXT. STREET - NIGHT

CUT TO:
"""


def scenes_of(text: str):
    series = Series(title="T")
    return series, breakdown(text, series, 1, 30)


def test_the_end_of_a_published_sample_becomes_a_title_card_after_the_scene() -> None:
    _series, scenes = scenes_of(BRICK_AND_STEEL_ENDING)
    assert len(scenes) == 1
    last = scenes[0].shots[-1]
    assert last.title_text == "THE END" and not last.dialogue
    assert last.duration >= 90  # at least 3 s to read
    assert [s.title_text for s in scenes[0].shots[:-1]] == ["", "", "", ""]  # action, action, dialogue, action


def test_an_opening_titles_scene_and_a_transitions_only_scene_are_kept_as_title_cards() -> None:
    _series, scenes = scenes_of(OPENING_TITLES)
    assert [s.heading for s in scenes] == ["INT. 片头 - 夜", "1. 内景 办公室 - 日", "EXT. STREET - NIGHT"]
    assert scenes[0].shots[0].title_text == "第一集\n签约之夜"
    assert scenes[2].shots[0].title_text == "CUT TO:"


def test_title_cards_need_no_picture_and_assemble_as_text_on_the_picture_track() -> None:
    series, scenes = scenes_of(OPENING_TITLES)
    episode = Episode(number=1, scenes=scenes)
    series.episodes.append(episode)
    problems = check_episode(series, episode)
    title_ids = {scenes[0].shots[0].id, scenes[2].shots[0].id}
    assert not [p for p in problems if p.kind == "no_picture" and p.shot_id in title_ids]
    doc = ProjectDocument(series)
    assemble_from_storyboard(doc, episode)
    pic = episode.timeline.first_track(TrackKind.PICTURE)
    card = next(c for c in pic.clips if c.shot_id == scenes[0].shots[0].id)
    assert (card.asset_id, card.text, card.start) == (None, "第一集\n签约之夜", 0)
