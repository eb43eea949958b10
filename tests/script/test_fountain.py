"""Fountain parsing: the published syntax, its edge cases, and Chinese screenplays."""

from __future__ import annotations

from app.script.fountain import Kind, parse, plain_text

BRICK = """\
Title: Brick & Steel
    Full Retired
Credit: Written by
Author: Stu Maschwitz
Draft date: 1/20/2012

EXT. BRICK'S PATIO - DAY

A gorgeous day.  The sun is shining.  But BRICK BRADDOCK, retired police detective, is sitting quietly, contemplating -- something.

The SCREEN DOOR slides open and DICK STEEL, his former partner and fellow retiree, emerges with two cold beers.

STEEL
Beer's ready!

BRICK
Are they cold?

STEEL
(with a smile)
Does a bear crap in the woods?

Steel sits.  They laugh at each other.

CUT TO:

.FLASHBACK #12A#

> THE END <
"""


def kinds(text: str) -> list[Kind]:
    return [e.kind for e in parse(text).elements]


def test_brick_and_steel_sample() -> None:
    play = parse(BRICK)
    assert play.title_page["Title"] == "Brick & Steel\nFull Retired"
    assert play.title_page["Author"] == "Stu Maschwitz"
    body = [e for e in play.elements if e.kind is not Kind.TITLE]
    assert [e.kind for e in body] == [
        Kind.SCENE_HEADING, Kind.ACTION, Kind.ACTION, Kind.CHARACTER, Kind.DIALOGUE, Kind.CHARACTER,
        Kind.DIALOGUE, Kind.CHARACTER, Kind.PARENTHETICAL, Kind.DIALOGUE, Kind.ACTION, Kind.TRANSITION,
        Kind.SCENE_HEADING, Kind.CENTERED]
    assert body[0].text == "EXT. BRICK'S PATIO - DAY" and body[0].line == 6
    assert body[-2].text == "FLASHBACK" and body[-2].scene_number == "12A"
    assert body[9].text == "Does a bear crap in the woods?"


def test_dual_dialogue_and_extensions() -> None:
    play = parse("BRICK\nScrew retirement.\n\nSTEEL (V.O.) ^\nScrew retirement.\n")
    chars = play.of_kind(Kind.CHARACTER)
    assert [c.text for c in chars] == ["BRICK", "STEEL"]
    assert chars[1].dual and chars[1].extension == "(V.O.)"


def test_forced_elements() -> None:
    text = "@McCLANE\nYippee ki-yay!\n\n!SCENE HEADING LOOKING ACTION\n\n.inside the cave\n\n> Burn to black.\n"
    play = parse(text)
    assert [e.kind for e in play.elements] == [Kind.CHARACTER, Kind.DIALOGUE, Kind.ACTION, Kind.SCENE_HEADING,
                                               Kind.TRANSITION]
    assert play.elements[0].text == "McCLANE"
    assert play.elements[2].text == "SCENE HEADING LOOKING ACTION"
    assert play.elements[3].text == "inside the cave"


def test_boneyard_notes_sections_synopses_lyrics_page_breaks() -> None:
    text = ("# ACT ONE\n\n= Brick finds out.\n\n/* cut scene\n\nINT. GONE - DAY\n\n*/\n"
            "[[Check the budget for this]]\n\n~Willy the wonka\n\n===\n\nINT. LAB - NIGHT\n\nThe lab [[dark?]] hums.\n")
    play = parse(text)
    assert [e.kind for e in play.elements] == [Kind.SECTION, Kind.SYNOPSIS, Kind.NOTE, Kind.LYRIC,
                                               Kind.PAGE_BREAK, Kind.SCENE_HEADING, Kind.ACTION]
    assert play.elements[0].level == 1 and play.elements[2].text == "Check the budget for this"
    heading = play.of_kind(Kind.SCENE_HEADING)[0]
    assert heading.text == "INT. LAB - NIGHT" and heading.line == 15  # the boneyard kept line numbers
    assert plain_text(play.elements[-1].text) == "The lab hums."


def test_character_needs_following_dialogue_and_transition_is_not_a_character() -> None:
    assert kinds("THE END\n") == [Kind.ACTION]
    assert kinds("\nSMASH CUT TO:\n\n") == [Kind.TRANSITION]


def test_emphasis_is_removed_for_plain_text() -> None:
    assert plain_text("He's *really* **angry** and _loud_ \\*not\\*") == "He's really angry and loud *not*"


def test_chinese_screenplay() -> None:
    text = ("标题: 霸道总裁的契约新娘\n\n"
            "1. 内景 总裁办公室 - 日\n\n"
            "落地窗前，顾霆深背对着门。\n\n"
            "林晓（低声）：你找我？\n"
            "顾霆深：签了它。\n"
            "这份合同，一年。\n\n"
            "第2场 外景 天台 夜\n\n"
            "@苏蔓\n"
            "（冷笑）\n"
            "她不会签的。\n")
    play = parse(text)
    assert play.title_page["标题"] == "霸道总裁的契约新娘"
    headings = play.of_kind(Kind.SCENE_HEADING)
    assert [h.text for h in headings] == ["1. 内景 总裁办公室 - 日", "第2场 外景 天台 夜"]
    chars = [c.text for c in play.of_kind(Kind.CHARACTER)]
    assert chars == ["林晓", "顾霆深", "苏蔓"]
    dialogue = [d.text for d in play.of_kind(Kind.DIALOGUE)]
    assert dialogue == ["你找我？", "签了它。\n这份合同，一年。", "她不会签的。"]
    assert [p.text for p in play.of_kind(Kind.PARENTHETICAL)] == ["（低声）", "（冷笑）"]
    assert play.of_kind(Kind.ACTION)[0].text == "落地窗前，顾霆深背对着门。"


def test_crlf_tabs_and_trailing_whitespace() -> None:
    play = parse("INT. HOUSE - DAY\r\n\r\nBOB\r\n\tHello.   \r\n")
    assert [e.kind for e in play.elements] == [Kind.SCENE_HEADING, Kind.CHARACTER, Kind.DIALOGUE]
    assert play.elements[2].text == "Hello."
