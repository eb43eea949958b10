"""How far each episode has come: script, board, pictures, voices, exported.

Derived from the model on demand (an episode not read since the project was opened:
from the summary its manifest line keeps, written from the model at each save): an
episode's script has text, its board has shots, the share of shots with a
chosen still or clip, the share of dialogue lines with a chosen take, and
whether an export of it sits in the bundle's ``renders/`` folder (the name the
export dialog and the season export give it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.model import Episode, Series
from app.model.lazy_episode import is_unread, summary_of


def render_name(bundle_name: str, episode: Episode) -> str:
    """The export file name of ``episode`` in ``renders/`` (as widgets/export/dialog.py names it)."""
    return f"{bundle_name}-E{episode.number:02d}.mp4"


@dataclass(frozen=True)
class EpisodeState:
    number: int
    title: str
    has_script: bool
    shots: int
    pictures: float  # 0..1 share of shots with a chosen still or clip
    lines: int
    voices: float  # 0..1 share of lines with a chosen take (1.0 when there are no lines)
    exported: bool

    @property
    def complete(self) -> bool:
        return self.has_script and self.shots > 0 and self.pictures >= 1.0 and self.voices >= 1.0 and self.exported


def rendered_files(renders: Path | None) -> set[str]:
    """Names in the bundle's renders folder (one directory listing for the whole season)."""
    if renders is None:
        return set()
    try:
        return set(os.listdir(renders))
    except OSError:
        return set()


def episode_state(episode: Episode, bundle_name: str = "", renders: set[str] | frozenset[str] = frozenset()
                  ) -> EpisodeState:
    if is_unread(episode):  # not opened since the project was: the manifest's summary says it all
        s = summary_of(episode)
        return EpisodeState(
            number=episode.number, title=episode.title, has_script=s.has_script, shots=s.shots,
            pictures=s.pictured / s.shots if s.shots else 0.0, lines=s.lines,
            voices=s.voiced / s.lines if s.lines else 1.0,
            exported=bool(bundle_name) and render_name(bundle_name, episode) in renders)
    shots = pictured = lines = voiced = 0
    for shot in episode.shots():
        shots += 1
        pictured += bool(shot.chosen_still or shot.chosen_clip)
        for line in shot.dialogue:
            lines += 1
            voiced += line.chosen_take() is not None
    return EpisodeState(
        number=episode.number, title=episode.title, has_script=bool(episode.script.strip()), shots=shots,
        pictures=pictured / shots if shots else 0.0, lines=lines, voices=voiced / lines if lines else 1.0,
        exported=bool(bundle_name) and render_name(bundle_name, episode) in renders)


def season_states(series: Series, bundle_name: str = "", renders_folder: Path | None = None) -> list[EpisodeState]:
    renders = rendered_files(renders_folder)
    return [episode_state(e, bundle_name, renders) for e in series.episodes]
