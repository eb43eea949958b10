"""Find a character, a dialogue line or a shot anywhere in the season.

A plain case-insensitive substring match over the fields a writer remembers:
character names (in cast lists and on lines), line text, shot codes, action and
prompts. 100 episodes x 30 shots is a few thousand strings, searched in
milliseconds on the GUI thread; results are capped so a one-letter query
stays quick to show.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.model import Series

MAX_HITS = 500


class HitKind(enum.Enum):
    CHARACTER = "character"  # a shot the character appears in
    LINE = "line"
    SHOT = "shot"


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    episode_id: str
    episode_number: int
    scene_number: int
    shot_id: str
    shot_code: str
    text: str  # what matched, for the result list


def find_in_season(series: Series, query: str, limit: int = MAX_HITS) -> list[SearchHit]:
    """Hits in episode, scene and shot order; empty for a blank query."""
    needle = query.strip().casefold()
    if not needle:
        return []
    names = {c.id: c.name for c in series.characters}
    hits: list[SearchHit] = []
    for episode in series.episodes:
        for scene in episode.scenes:
            for shot in scene.shots:
                where = (episode.id, episode.number, scene.number, shot.id, shot.code)
                found: list[tuple[HitKind, str]] = []
                cast = [names.get(cid, "") for cid in shot.character_ids]
                matched = [n for n in cast if needle in n.casefold()]
                if matched:
                    found.append((HitKind.CHARACTER, ", ".join(matched)))
                if needle in shot.code.casefold() or needle in shot.action.casefold() \
                        or needle in shot.image_prompt.casefold():
                    found.append((HitKind.SHOT, shot.action or shot.image_prompt or shot.code))
                for line in shot.dialogue:
                    if needle in line.text.casefold() or (needle in line.character_name.casefold() and not matched):
                        found.append((HitKind.LINE, f"{line.character_name}: {line.text}"))
                hits += [SearchHit(kind, *where, text) for kind, text in found]
                if len(hits) >= limit:
                    return hits[:limit]
    return hits
