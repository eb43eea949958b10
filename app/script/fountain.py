"""A Fountain screenplay parser (https://fountain.io/syntax), with Chinese screenplay habits.

Produces a flat list of typed elements with their source line numbers, which the
editor highlights and the breakdown turns into scenes, shots and dialogue lines.

Beyond the published syntax, Chinese screenplays are recognised as they are
usually written: scene headings such as ``1. 内景 咖啡馆 - 日`` or
``第3场 外景 天台 夜``, dialogue written ``林晓：你来了。`` (a short name, a full-width or ASCII colon, then
the line), and the name alone on its own line above the speech (``林晓`` or
``林晓（轻声）``), with parentheticals in ``（）``. A bare Chinese name is a cue only when
it is a known character (``parse(text, known_names)``: the series bible's cast), speaks
elsewhere in the script, or is short, unpunctuated and directly followed by a speech
line; English Fountain is untouched (a cue there must be upper case).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field


class Kind(enum.Enum):
    TITLE = "title"  # title page key: value
    SCENE_HEADING = "scene_heading"
    ACTION = "action"
    CHARACTER = "character"
    PARENTHETICAL = "parenthetical"
    DIALOGUE = "dialogue"
    TRANSITION = "transition"
    CENTERED = "centered"
    LYRIC = "lyric"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    NOTE = "note"
    PAGE_BREAK = "page_break"


@dataclass
class Element:
    kind: Kind
    text: str
    line: int  # 0-based line of the element's first line in the source
    end_line: int = -1  # last line (inclusive)
    scene_number: str = ""  # "#12A#" on a heading
    dual: bool = False  # character of the right column in dual dialogue
    extension: str = ""  # (V.O.), (O.S.), (CONT'D) on a character
    level: int = 0  # section depth
    key: str = ""  # title page key

    def __post_init__(self) -> None:
        if self.end_line < 0:
            self.end_line = self.line


@dataclass
class Screenplay:
    title_page: dict[str, str] = field(default_factory=dict)
    elements: list[Element] = field(default_factory=list)

    def of_kind(self, kind: Kind) -> list[Element]:
        return [e for e in self.elements if e.kind is kind]


SCENE_PREFIX = re.compile(r"^(INT\.?/EXT|INT/EXT|I/E|INT|EXT|EST)[\.\s]", re.IGNORECASE)
CJK_SCENE = re.compile(
    r"^(?:第?\s*[0-9０-９一二三四五六七八九十百]+\s*[场場幕]?\s*[\.、．:：]?\s*)?"
    r"(?:内景|外景|內景|内/外景|内外景|日景|夜景)"
)
SCENE_NUMBER = re.compile(r"\s*#([\w.\-]+)#\s*$")
TRANSITION = re.compile(r"^[A-Z0-9 .'\-]+TO:$")
CHARACTER_EXT = re.compile(r"^(.*?)\s*(\((?:[^()]*)\))?\s*(\^)?\s*$")
CJK_CUE = re.compile(r"^([^\s：:，。！？,.!?；;、…“”\"'（）()\[\]<>@#=~*_]{1,12})\s*(（[^）]*）|\([^)]*\))?$")
SHORT_CUE_CHARS = 4  # an unknown bare name longer than this is more likely a line of action
NOT_IN_NAMES = set("了着过的地得在是把被")  # particles of a short action line ("雨停了"), rare in names
CJK_DIALOGUE = re.compile(r"^([^\s：:，。！？,.!?（）()\[\]]{1,12})\s*(（[^）]*）|\([^)]*\))?\s*[：:]\s*(.+)$")
TITLE_KEY = re.compile(r"^([A-Za-z][A-Za-z ]*|[\u4e00-\u9fff]{1,6}):\s*(.*)$")
HAS_LETTER = re.compile(r"[A-Za-z]")
CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _strip_boneyard(text: str) -> str:
    """Remove /* ... */ while keeping line numbers (newlines inside stay)."""
    def blank(match: re.Match[str]) -> str:
        return "\n" * match.group(0).count("\n")

    return re.sub(r"/\*.*?\*/", blank, text, flags=re.S)


def _is_character_line(line: str) -> bool:
    if line.startswith("@"):
        return True
    name = CHARACTER_EXT.match(line)
    core = name.group(1) if name else line
    if not core or not HAS_LETTER.search(core) or core != core.upper():
        return False
    return not TRANSITION.match(line)


def _speakers(lines: list[str]) -> set[str]:
    """Names that speak somewhere in the script with a colon (``林晓：…``): known cues elsewhere."""
    names = set()
    for raw in lines:
        match = CJK_DIALOGUE.match(raw.strip())
        if match and CJK_CHAR.search(match.group(1)):
            names.add(match.group(1).strip().casefold())
    return names


def _cjk_cue(line: str, next_line: str, known: set[str]) -> tuple[str, str] | None:
    """``林晓`` or ``林晓（轻声）`` alone on a line above speech: (name, parenthetical), else None."""
    match = CJK_CUE.match(line)
    if not match or not CJK_CHAR.search(match.group(1)) or not next_line:
        return None
    name, paren = match.group(1).strip(), match.group(2) or ""
    if _scene_heading(line) is not None or CJK_DIALOGUE.match(next_line) or _scene_heading(next_line):
        return None
    if name.casefold() in known:
        return name, paren
    if len(name) <= SHORT_CUE_CHARS and not NOT_IN_NAMES & set(name) and (paren or not CJK_CUE.match(next_line)):
        return name, paren  # short, no punctuation, and the next line reads as speech
    return None


def parse(text: str, known_names: Iterable[str] = ()) -> Screenplay:
    """Parse ``text``; ``known_names`` (the series' cast) lets a bare Chinese name line be a cue."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    lines = _strip_boneyard(text).split("\n")
    known = {n.strip().casefold() for n in known_names if n.strip()} | _speakers(lines)
    play = Screenplay()
    i = _parse_title_page(lines, play)
    n = len(lines)
    while i < n:
        raw = lines[i]
        line = raw.strip()
        if not line:
            i += 1
            continue
        prev_blank = i == 0 or not lines[i - 1].strip()
        next_blank = i + 1 >= n or not lines[i + 1].strip()

        # notes: [[ ... ]] possibly over several lines, alone in a paragraph
        if line.startswith("[[") and prev_blank:
            end = i
            while end < n and "]]" not in lines[end]:
                end += 1
            body = "\n".join(lines[i:end + 1]).strip()
            play.elements.append(Element(Kind.NOTE, body[2:].rsplit("]]", 1)[0].strip(), i, min(end, n - 1)))
            i = end + 1
            continue
        if re.fullmatch(r"={3,}", line):
            play.elements.append(Element(Kind.PAGE_BREAK, "", i))
            i += 1
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            play.elements.append(Element(Kind.SECTION, line[level:].strip(), i, level=level))
            i += 1
            continue
        if line.startswith("=") and not line.startswith("=="):
            play.elements.append(Element(Kind.SYNOPSIS, line[1:].strip(), i))
            i += 1
            continue
        if line.startswith("~"):
            play.elements.append(Element(Kind.LYRIC, line[1:].strip(), i))
            i += 1
            continue
        if line.startswith(">") and line.endswith("<"):
            play.elements.append(Element(Kind.CENTERED, line[1:-1].strip(), i))
            i += 1
            continue
        scene = _scene_heading(line) if prev_blank and next_blank else None
        if scene is not None:
            heading, number = scene
            play.elements.append(Element(Kind.SCENE_HEADING, heading, i, scene_number=number))
            i += 1
            continue
        if prev_blank and next_blank and (line.startswith(">") or (TRANSITION.match(line) and not line.startswith("!"))):
            play.elements.append(Element(Kind.TRANSITION, line.lstrip(">").strip(), i))
            i += 1
            continue
        if prev_blank and not next_blank and not line.startswith("!") and _is_character_line(line):
            i = _parse_dialogue_block(lines, i, play)
            continue
        if prev_blank and CJK_CHAR.search(line) and CJK_DIALOGUE.match(line):
            i = _parse_cjk_dialogue(lines, i, play)
            continue
        cue = _cjk_cue(line, "" if next_blank else lines[i + 1].strip(), known) if prev_blank else None
        if cue is not None:
            play.elements.append(Element(Kind.CHARACTER, cue[0], i))
            if cue[1]:
                play.elements.append(Element(Kind.PARENTHETICAL, cue[1], i))
            i = _parse_speech(lines, i + 1, play)
            continue
        # action: the paragraph up to a blank line (forced with "!")
        end = i
        while end + 1 < n and lines[end + 1].strip():
            end += 1
        body = "\n".join(lines[k].rstrip() for k in range(i, end + 1))
        if body.lstrip().startswith("!"):
            body = body.lstrip()[1:]
        play.elements.append(Element(Kind.ACTION, body.strip("\n"), i, end))
        i = end + 1
    return play


def _scene_heading(line: str) -> tuple[str, str] | None:
    number = ""
    match = SCENE_NUMBER.search(line)
    if match:
        number = match.group(1)
        line = line[:match.start()].rstrip()
    if line.startswith(".") and not line.startswith(".."):
        return line[1:].strip(), number
    if SCENE_PREFIX.match(line) or CJK_SCENE.match(line):
        return line, number
    return None


def _parse_title_page(lines: list[str], play: Screenplay) -> int:
    """A title page is key: value pairs at the very top, ended by a blank line."""
    if not lines or not TITLE_KEY.match(lines[0].strip()) or _scene_heading(lines[0].strip()):
        return 0
    i = 0
    key = ""
    while i < len(lines) and lines[i].strip():
        raw = lines[i]
        match = TITLE_KEY.match(raw.strip())
        if match and not raw.startswith((" ", "\t")):
            key = match.group(1).strip()
            value = match.group(2).strip()
            play.title_page[key] = value
            play.elements.append(Element(Kind.TITLE, value, i, key=key))
        elif key:
            play.title_page[key] = (play.title_page[key] + "\n" + raw.strip()).strip()
            play.elements[-1].text = play.title_page[key]
            play.elements[-1].end_line = i
        else:
            return 0  # not a title page after all
        i += 1
    return i


def _parse_dialogue_block(lines: list[str], i: int, play: Screenplay) -> int:
    line = lines[i].strip()
    forced = line.startswith("@")
    if forced:
        line = line[1:].strip()
    match = CHARACTER_EXT.match(line)
    name, extension, dual = (match.group(1).strip(), match.group(2) or "", bool(match.group(3))) if match else (line, "", False)
    paren = ""
    if CJK_CHAR.search(name) and "（" in name and name.endswith("）"):
        # "@林（轻声）": a full-width parenthetical after the name, not part of the name
        name, paren = name[:name.index("（")].strip(), name[name.index("（"):]
    play.elements.append(Element(Kind.CHARACTER, name, i, extension=extension, dual=dual))
    if paren:
        play.elements.append(Element(Kind.PARENTHETICAL, paren, i))
    return _parse_speech(lines, i + 1, play)


def _parse_speech(lines: list[str], i: int, play: Screenplay) -> int:
    """The dialogue and parentheticals under a cue, up to the next blank line."""
    n = len(lines)
    speech: list[str] = []
    start = i
    while i < n and lines[i].strip():
        text = lines[i].strip()
        if text.startswith(("(", "（")) and text.endswith((")", "）")):
            if speech:
                play.elements.append(Element(Kind.DIALOGUE, "\n".join(speech), start, i - 1))
                speech = []
            play.elements.append(Element(Kind.PARENTHETICAL, text, i))
            start = i + 1
        else:
            if not speech:
                start = i
            # two trailing spaces keep an intentional blank line inside dialogue
            speech.append(text)
        i += 1
    if speech:
        play.elements.append(Element(Kind.DIALOGUE, "\n".join(speech), start, i - 1))
    return i


def _parse_cjk_dialogue(lines: list[str], i: int, play: Screenplay) -> int:
    """``林晓（低声）：你来了。`` and following lines until a blank line or the next speaker."""
    n = len(lines)
    while i < n and lines[i].strip():
        match = CJK_DIALOGUE.match(lines[i].strip())
        if not match:
            # a continuation of the previous speech
            last = play.elements[-1]
            last.text += "\n" + lines[i].strip()
            last.end_line = i
            i += 1
            continue
        name, paren, speech = match.group(1), match.group(2), match.group(3).strip()
        play.elements.append(Element(Kind.CHARACTER, name, i))
        if paren:
            play.elements.append(Element(Kind.PARENTHETICAL, paren, i))
        play.elements.append(Element(Kind.DIALOGUE, speech, i))
        i += 1
    return i


INLINE_NOTE = re.compile(r"\[\[.*?\]\]", re.S)
EMPHASIS = re.compile(r"(\*{1,3}|_)(?=\S)(.+?)(?<=\S)\1")


def plain_text(text: str) -> str:
    """Text as it is spoken or shown: inline notes and emphasis markers removed."""
    text = INLINE_NOTE.sub("", text).replace("\\*", "\x00").replace("\\_", "\x01")
    previous = None
    while previous != text:
        previous = text
        text = EMPHASIS.sub(lambda m: m.group(2), text)
    text = text.replace("\x00", "*").replace("\x01", "_")
    return re.sub(r"[ \t]{2,}", " ", text).strip()
