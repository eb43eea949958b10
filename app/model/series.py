"""The series: the root of a project, with its episodes, cast, media and jobs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from app.model.ids import new_id
from app.model.job_state import JobState
from app.model.media import MediaAsset
from app.model.script import DialogueLine, Scene, Shot
from app.model.timeline import ShortClipPolicy, Timeline, default_tracks


@dataclass
class CharacterVoice:
    """The voice a character speaks with in every episode.

    ``provider`` empty = the default speech provider (the offline scratch voice when no
    vendor is set up); ``voice_id`` a vendor voice or a cloned voice's id (empty = picked
    from the character); ``speed`` a multiplier; ``pitch`` -1..1 (engines that have a pitch
    control); ``note`` a default delivery note sent with every line (vendors that take one).
    No migration: a project saved before voices existed loads with these defaults.
    """

    id: str = field(default_factory=new_id)
    provider: str = ""
    voice_id: str = ""
    cloned: bool = False
    speed: float = 1.0
    pitch: float = 0.0
    note: str = ""
    language: str = ""  # "zh" | "en" | "" (from the line's text)


@dataclass
class Character:
    id: str = field(default_factory=new_id)
    name: str = ""
    description: str = ""
    reference_images: list[str] = field(default_factory=list)
    voice_actor: str = ""
    speech_voice: str = ""
    color: str = "#7aa2f7"
    voice: CharacterVoice = field(default_factory=CharacterVoice)


@dataclass
class Location:
    id: str = field(default_factory=new_id)
    name: str = ""
    description: str = ""
    reference_images: list[str] = field(default_factory=list)


@dataclass
class Bible:
    """The series bible, sent as context to the language model."""

    id: str = field(default_factory=new_id)
    premise: str = ""
    tone: str = ""
    genre: str = ""
    visual_style: str = ""
    language: str = "en"
    notes: str = ""


@dataclass
class Episode:
    id: str = field(default_factory=new_id)
    number: int = 1
    title: str = ""
    logline: str = ""
    script: str = ""
    scenes: list[Scene] = field(default_factory=list)
    timeline: Timeline = field(default_factory=lambda: Timeline(tracks=default_tracks()))
    budget: float | None = None

    def shots(self) -> Iterator[Shot]:
        for scene in self.scenes:
            yield from scene.shots

    def dialogue_lines(self) -> Iterator[tuple[Shot, DialogueLine]]:
        for shot in self.shots():
            for line in shot.dialogue:
                yield shot, line


@dataclass
class JobRecord:
    """A unit of slow work, persisted so a paid remote generation is never lost.

    ``state`` is a ``JobState`` (saved as its word: queued, running, remote (submitted,
    being polled), downloading, succeeded, failed, cancelled). ``target`` says where the result lands
    (e.g. {"episode_id", "shot_id", "slot": "still"}).
    """

    id: str = field(default_factory=new_id)
    kind: str = ""
    provider: str = ""
    capability: str = ""
    state: JobState = JobState.QUEUED
    task_id: str = ""
    request: dict[str, Any] = field(default_factory=dict)
    target: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""
    attempts: int = 0
    progress: float = 0.0
    error: str = ""
    cost: float = 0.0
    estimated_cost: float = 0.0
    result_assets: list[str] = field(default_factory=list)
    error_original: str = ""  # the vendor's own words behind ``error`` (key-scrubbed), for "Show original"


@dataclass
class ProjectSettings:
    id: str = field(default_factory=new_id)
    fps: int = 30
    width: int = 1080
    height: int = 1920
    sample_rate: int = 48000
    loudness_target_lufs: float = -14.0
    true_peak_dbtp: float = -1.0
    ai_label_enabled: bool = True
    ai_label_text: str = "AI生成"
    content_producer: str = ""
    currency: str = "USD"
    short_clip: ShortClipPolicy = ShortClipPolicy.FREEZE  # a clip shorter than its shot: hold it, or shorten the shot


@dataclass
class Series:
    id: str = field(default_factory=new_id)
    title: str = ""
    bible: Bible = field(default_factory=Bible)
    characters: list[Character] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)
    media: dict[str, MediaAsset] = field(default_factory=dict)
    jobs: list[JobRecord] = field(default_factory=list)
    settings: ProjectSettings = field(default_factory=ProjectSettings)
    pricing: dict[str, float] = field(default_factory=dict)
    created_at: str = ""

    def episode(self, number: int) -> Episode | None:
        return next((e for e in self.episodes if e.number == number), None)

    def character(self, character_id: str | None) -> Character | None:
        return next((c for c in self.characters if c.id == character_id), None)

    def character_named(self, name: str) -> Character | None:
        key = name.strip().casefold()
        return next((c for c in self.characters if c.name.strip().casefold() == key), None)
