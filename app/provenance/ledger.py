"""The provenance ledger of an episode: every asset it uses and what made it.

An asset is "used" when a timeline clip plays it or a shot has chosen it (the
storyboard may be ahead of the timeline). Voice takes are human contributions
and are credited to their performer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from app.model import Episode, MediaAsset, Series


@dataclass
class LedgerEntry:
    asset: MediaAsset
    uses: list[str] = field(default_factory=list)  # "Shot 3 still", "Dialogue track 00:00:04:12"

    @property
    def is_ai(self) -> bool:
        return self.asset.provenance.source == "generated"


@dataclass
class Ledger:
    series: Series
    episode: Episode
    entries: list[LedgerEntry]

    def ai_entries(self) -> list[LedgerEntry]:
        return [e for e in self.entries if e.is_ai]

    def cost_by_provider(self) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for entry in self.ai_entries():
            totals[entry.asset.provenance.provider or "unknown"] += entry.asset.provenance.cost
        return dict(sorted(totals.items()))

    def total_cost(self) -> float:
        return sum(self.cost_by_provider().values())

    def ai_tools(self) -> list[tuple[str, str]]:
        return sorted({(e.asset.provenance.provider, e.asset.provenance.model) for e in self.ai_entries()})

    def performers(self) -> dict[str, list[str]]:
        """Voice performer -> characters they voiced in this episode (from the takes used)."""
        voiced: dict[str, set[str]] = defaultdict(set)
        for _shot, line in self.episode.dialogue_lines():
            take = line.chosen_take()
            if take is None:
                continue
            character = self.series.character(line.character_id)
            name = take.performer or (character.voice_actor if character else "") or "(uncredited)"
            voiced[name].add(character.name if character else line.character_name)
        return {k: sorted(v) for k, v in sorted(voiced.items())}


def _timecode(frame: int, fps: int) -> str:
    seconds, ff = divmod(frame, fps)
    minutes, ss = divmod(seconds, 60)
    hours, mm = divmod(minutes, 60)
    return f"{hours:02d}:{mm:02d}:{ss:02d}:{ff:02d}"


def build_ledger(series: Series, episode: Episode) -> Ledger:
    uses: dict[str, list[str]] = defaultdict(list)
    fps = series.settings.fps
    for track in episode.timeline.tracks:
        for clip in track.clips_sorted():
            if clip.asset_id:
                uses[clip.asset_id].append(f"{track.name} {_timecode(clip.start, fps)}")
    for shot in episode.shots():
        label = f"Shot {shot.code or shot.number}"
        if shot.chosen_still:
            uses[shot.chosen_still].append(f"{label} still")
        if shot.chosen_clip:
            uses[shot.chosen_clip].append(f"{label} clip")
    for character in series.characters:
        if any(character.id in shot.character_ids for shot in episode.shots()):
            for ref in character.reference_images:
                uses[ref].append(f"{character.name} reference image")
    entries = [LedgerEntry(series.media[asset_id], sorted(set(where)))
               for asset_id, where in uses.items() if asset_id in series.media]
    entries.sort(key=lambda e: (e.asset.provenance.source, e.asset.provenance.created_at, e.asset.original_name))
    return Ledger(series, episode, entries)
