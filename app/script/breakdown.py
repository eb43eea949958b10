"""From a parsed screenplay to scenes, shots and dialogue lines, without a language model.

One shot per scene beat: an action paragraph, or a run of dialogue. Durations
come from how long the words take to say (per language) or to take in, so a
creator with no AI key still gets a board that plays at a believable pace. The
language-model breakdown (``app.script.llm_breakdown``) produces the same
structures, and ``merge_breakdown`` folds either into what the creator already has.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from app.model import Character, DialogueLine, Location, Scene, Series, Shot
from app.script.fountain import Element, Kind, Screenplay, parse, plain_text
from app.script.language import is_chinese, phrase

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[A-Za-z0-9']+")

# Comfortable speaking rates for drama dialogue (Mandarin ~4.5 syllables/s; English ~2.6 words/s).
CJK_CHARS_PER_SECOND = 4.5
WORDS_PER_SECOND = 2.6
LINE_PAUSE_SECONDS = 0.4
MIN_SHOT_SECONDS = 2.0
MAX_ACTION_SECONDS = 8.0
TITLE_MIN_SECONDS = 3.0  # a title card stays long enough to read twice

TIME_OF_DAY = {"DAY": "day", "NIGHT": "night", "MORNING": "morning", "EVENING": "evening", "DUSK": "dusk",
               "DAWN": "dawn", "日": "day", "夜": "night", "晨": "morning", "傍晚": "evening", "黄昏": "dusk"}


def speaking_seconds(text: str) -> float:
    """How long a line takes to say: CJK characters and Latin words at their own rates."""
    text = plain_text(text)
    cjk = len(CJK.findall(text))
    words = len(WORD.findall(CJK.sub(" ", text)))
    return cjk / CJK_CHARS_PER_SECOND + words / WORDS_PER_SECOND


def action_seconds(text: str) -> float:
    """Screen time for an action beat: long enough to take in, capped like a real cut."""
    base = 2.5 + 0.6 * speaking_seconds(text)
    return max(MIN_SHOT_SECONDS, min(MAX_ACTION_SECONDS, base))


@dataclass
class HeadingParts:
    interior: str  # "INT", "EXT", "INT/EXT", "" (Chinese: 内景 -> INT)
    location: str
    time: str


def split_heading(heading: str) -> HeadingParts:
    text = re.sub(r"^(?:第?\s*[0-9０-９一二三四五六七八九十百]+\s*[场場幕]?\s*[\.、．:：]?\s*)", "", heading.strip())
    interior = ""
    for prefix, value in (("INT./EXT.", "INT/EXT"), ("INT/EXT", "INT/EXT"), ("I/E", "INT/EXT"), ("INT.", "INT"),
                          ("EXT.", "EXT"), ("EST.", "EXT"), ("INT ", "INT"), ("EXT ", "EXT"),
                          ("内外景", "INT/EXT"), ("内/外景", "INT/EXT"), ("内景", "INT"), ("內景", "INT"), ("外景", "EXT")):
        if text.upper().startswith(prefix):
            interior, text = value, text[len(prefix):].strip()
            break
    time = ""
    parts = re.split(r"\s+-\s+|\s*[—–]\s*|\s+", text)
    if parts and parts[-1].strip().upper() in TIME_OF_DAY:
        time = TIME_OF_DAY[parts[-1].strip().upper()]
        text = text[: text.rfind(parts[-1])].rstrip(" -—–")
    return HeadingParts(interior, text.strip(" -"), time)


@dataclass
class Beat:
    """A run of screenplay elements that becomes one shot."""

    kind: str  # "action", "dialogue" or "title" (centred text or a scene of transitions only)
    elements: list[Element] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(e.text for e in self.elements)

    @property
    def key(self) -> str:
        """Stable identity of the beat's content, to recognise it when the script is re-broken down."""
        return hashlib.sha1(plain_text(self.text).encode("utf-8")).hexdigest()[:12]


@dataclass
class SceneDraft:
    heading: str
    number: str
    beats: list[Beat] = field(default_factory=list)
    transitions: list[Element] = field(default_factory=list)


def beats_of(play: Screenplay) -> list[SceneDraft]:
    """Split the screenplay into scenes of beats (text before the first heading is a scene too)."""
    scenes: list[SceneDraft] = []
    current: SceneDraft | None = None
    beat: Beat | None = None
    for element in play.elements:
        if element.kind is Kind.SCENE_HEADING:
            current = SceneDraft(element.text, element.scene_number)
            scenes.append(current)
            beat = None
            continue
        if element.kind in (Kind.ACTION, Kind.CHARACTER, Kind.PARENTHETICAL, Kind.DIALOGUE):
            if current is None:
                current = SceneDraft("", "")
                scenes.append(current)
            kind = "action" if element.kind is Kind.ACTION else "dialogue"
            if kind == "action" or beat is None or beat.kind != "dialogue":
                beat = Beat(kind)
                current.beats.append(beat)
            beat.elements.append(element)
        elif element.kind is Kind.CENTERED:
            # centred text (opening titles, "THE END") is shown on screen: a title card
            if current is None:
                current = SceneDraft("", "")
                scenes.append(current)
            if beat is None or beat.kind != "title":
                beat = Beat("title")
                current.beats.append(beat)
            beat.elements.append(element)
        elif element.kind is Kind.TRANSITION:
            if current is not None:
                current.transitions.append(element)
            beat = None
        elif element.kind is Kind.PAGE_BREAK:
            beat = None
    for scene in scenes:
        if not scene.beats and scene.transitions:
            # a scene of transitions only ("FADE IN:") is a beat of the film, not nothing: keep it as a card
            scene.beats.append(Beat("title", list(scene.transitions)))
    return [s for s in scenes if s.beats]


def _character(series: Series, name: str) -> Character:
    clean = re.sub(r"\s*(\(.*?\)|（.*?）)\s*$", "", name).strip()  # "林（轻声）" is 林
    found = series.character_named(clean)
    if found is None:
        found = Character(name=clean.title() if clean.isascii() and clean.isupper() else clean)
        series.characters.append(found)
    return found


def _location(series: Series, name: str) -> Location | None:
    if not name:
        return None
    key = name.casefold()
    found = next((loc for loc in series.locations if loc.name.casefold() == key), None)
    if found is None:
        found = Location(name=name)
        series.locations.append(found)
    return found


def shot_code(episode_number: int, scene_number: int, shot_number: int) -> str:
    return f"E{episode_number:02d}S{scene_number:02d}-{shot_number:02d}"


def image_prompt(series: Series, parts: HeadingParts, action: str, characters: list[Character]) -> str:
    style = series.bible.visual_style.strip()
    who = " ".join(f"@{c.name}" for c in characters)
    place = ", ".join(x for x in (parts.location, parts.time) if x)
    pieces = [p for p in (style, phrase(series, "vertical_frame"), place, who, plain_text(action)) if p]
    return ("。" if is_chinese(series) else ". ").join(pieces)


def breakdown(text: str, series: Series, episode_number: int, fps: int) -> list[Scene]:
    """Scenes with one shot per beat. Adds the characters and locations it meets to ``series``."""
    scenes: list[Scene] = []
    for scene_index, draft in enumerate(beats_of(parse(text, [c.name for c in series.characters])), start=1):
        parts = split_heading(draft.heading)
        location = _location(series, parts.location)
        scene = Scene(number=scene_index, heading=draft.heading, location_id=location.id if location else None)
        for shot_index, beat in enumerate(draft.beats, start=1):
            shot = Shot(code=shot_code(episode_number, scene_index, shot_index), number=shot_index,
                        location_id=scene.location_id, script_key=beat.key)
            if beat.kind == "title":
                shot.title_text = plain_text(beat.text)
                shot.duration = round(max(TITLE_MIN_SECONDS, 1.0 + speaking_seconds(beat.text)) * fps)
                shot.action = shot.title_text
                scene.shots.append(shot)
                continue
            if beat.kind == "action":
                shot.action = plain_text(beat.text)
                shot.duration = round(action_seconds(beat.text) * fps)
                present = [c for c in series.characters if c.name and c.name.casefold() in shot.action.casefold()]
                shot.shot_size = "wide" if shot_index == 1 else "medium"
            else:
                present, seconds, speaker, paren = [], 0.0, None, ""
                for element in beat.elements:
                    if element.kind is Kind.CHARACTER:
                        speaker, paren = _character(series, element.text), ""
                        if speaker not in present:
                            present.append(speaker)
                    elif element.kind is Kind.PARENTHETICAL:
                        paren = element.text.strip("()（） ")
                    elif element.kind is Kind.DIALOGUE and speaker is not None:
                        line = DialogueLine(character_id=speaker.id, character_name=speaker.name,
                                            text=plain_text(element.text), parenthetical=paren)
                        shot.dialogue.append(line)
                        seconds += speaking_seconds(line.text) + LINE_PAUSE_SECONDS
                shot.duration = round(max(MIN_SHOT_SECONDS, seconds + 0.6) * fps)
                shot.action = phrase(series, "joiner").join(phrase(series, "speaks", name=c.name) for c in present)
                shot.shot_size = "close-up" if len(present) == 1 else "two-shot"
            shot.character_ids = [c.id for c in present]
            shot.image_prompt = image_prompt(series, parts, shot.action, present)
            shot.motion_prompt = phrase(series, "dialogue_motion" if beat.kind == "dialogue" else "action_motion")
            scene.shots.append(shot)
        scenes.append(scene)
    return scenes
