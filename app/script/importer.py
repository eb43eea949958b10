"""Putting a screenplay into an episode and breaking it down: shared by the CLI and the Script panel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.document import ProjectDocument
from app.errors import UserError
from app.model import Episode, Scene, Series
from app.script.breakdown import breakdown
from app.script.merge import MergeReport, merge_breakdown

# (series, episode, script text) -> scenes; the language-model breakdown plugs in here
Breakdown = Callable[[Series, Episode, str], list[Scene]]


def heuristic_breakdown(series: Series, episode: Episode, text: str) -> list[Scene]:
    return breakdown(text, series, episode.number, series.settings.fps)


def read_script(path: Path) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(QCoreApplication.translate("Errors", "Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror or exc)) from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(QCoreApplication.translate("Errors", "{path} is neither UTF-8 nor GB18030 text; save it as UTF-8 and try again.")
                    .format(path=path))


@dataclass
class ImportResult:
    episode: Episode
    report: MergeReport
    created_episode: bool


def apply_script(doc: ProjectDocument, text: str, episode_number: int | None,
                 make_scenes: Breakdown = heuristic_breakdown) -> ImportResult:
    """Set the episode's screenplay and merge its breakdown, as one undo step."""
    series = doc.series
    created = False
    with doc.macro(QCoreApplication.translate("ScriptImporter", "Import screenplay")):
        episode = series.episode(episode_number) if episode_number is not None else None
        if episode is None:
            number = episode_number or max((e.number for e in series.episodes), default=0) + 1
            episode = Episode(number=number, title=f"Episode {number}")
            doc.append(series, "episodes", episode, "Add episode")
            episode = doc.find(episode.id)
            assert isinstance(episode, Episode)  # just appended
            created = True
        characters_before = list(series.characters)
        locations_before = list(series.locations)
        scenes = make_scenes(series, episode, text)
        # the breakdown adds cast and locations to the series directly: turn that into undoable edits
        new_characters = [c for c in series.characters if c not in characters_before]
        new_locations = [loc for loc in series.locations if loc not in locations_before]
        series.characters[:] = characters_before
        series.locations[:] = locations_before
        for character in new_characters:
            doc.append(series, "characters", character, "Add character")
        for location in new_locations:
            doc.append(series, "locations", location, "Add location")
        merged, report = merge_breakdown(episode.scenes, scenes)
        doc.edit(episode, QCoreApplication.translate("ScriptImporter", "Break down screenplay"), script=text, scenes=merged)
    return ImportResult(episode, report, created)
