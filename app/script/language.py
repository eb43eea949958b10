"""The series' own language, which every prompt and generated default follows.

A series written in Chinese must not get English action lines ("Lin speaks"),
English motion prompts or a model told to "write in English": creators see these
words on their cards and vendors read them as the shot's description.
"""

from __future__ import annotations

from app.model import Series


def is_chinese(series: Series) -> bool:
    return series.bible.language.lower().startswith("zh")


def language_instruction(series: Series) -> str:
    """The sentence that tells a language model which language to write in."""
    return "Write in Simplified Chinese." if is_chinese(series) else "Write in English."


# Defaults the rule-based breakdown writes into shots, per series language.
_PHRASES = {
    "vertical_frame": ("vertical 9:16 frame", "竖屏 9:16 画面"),
    "dialogue_motion": ("slow push in", "缓慢推近"),
    "action_motion": ("gentle handheld drift", "轻微手持晃动"),
    "speaks": ("{name} speaks", "{name}说话"),
    "joiner": (" / ", "，"),
    "music": ("Instrumental underscore for a vertical drama episode: {mood}.", "竖屏短剧单集配乐，纯音乐：{mood}。"),
    "story": (" Story: {logline}", " 剧情：{logline}"),
    "dramatic": ("dramatic", "戏剧性"),
}


def phrase(series: Series, key: str, **values: str) -> str:
    english, chinese = _PHRASES[key]
    return (chinese if is_chinese(series) else english).format(**values)
