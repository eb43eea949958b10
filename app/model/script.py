"""Screenplay breakdown: scenes, shots, dialogue lines and voice takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.model.ids import new_id


class TakeOrigin(StrEnum):
    """How a take was made: performed in the booth, spoken by an AI voice, or a booth take
    turned into the character's voice (speech-to-speech). Credits and ``info`` count by it."""

    RECORDED = "recorded"
    AI = "ai"
    CONVERTED = "converted"


@dataclass
class TakeCleanup:
    """Non-destructive processing applied when a take is played or mixed."""

    trim_silence: bool = False
    highpass_hz: float | None = None
    normalize: bool = False


@dataclass
class Take:
    """One recording of a dialogue line, stored under the bundle's ``takes/``.

    ``latency_samples`` is the measured device latency removed when the take is
    placed against picture. ``dropped_samples`` > 0 flags a take with lost audio;
    ``recovered`` marks a take salvaged after a crash.
    """

    id: str = field(default_factory=new_id)
    path: str = ""
    name: str = ""
    note: str = ""
    starred: bool = False
    created_at: str = ""
    sample_rate: int = 48000
    samples: int = 0
    latency_samples: int = 0
    picture_offset_samples: int = 0
    dropped_samples: int = 0
    recovered: bool = False
    deleted: bool = False
    device: str = ""
    performer: str = ""
    cleanup: TakeCleanup = field(default_factory=TakeCleanup)
    origin: TakeOrigin = TakeOrigin.RECORDED
    source_take_id: str = ""  # a converted take: the booth take it was made from

    @property
    def is_ai(self) -> bool:
        return self.origin is not TakeOrigin.RECORDED


@dataclass
class DialogueLine:
    id: str = field(default_factory=new_id)
    character_id: str | None = None
    character_name: str = ""
    text: str = ""
    parenthetical: str = ""
    takes: list[Take] = field(default_factory=list)
    chosen_take_id: str | None = None

    def chosen_take(self) -> Take | None:
        return next((t for t in self.takes if t.id == self.chosen_take_id and not t.deleted), None)


@dataclass
class Shot:
    """One storyboard card: what the camera sees for ``duration`` frames.

    ``stills`` and ``clips`` keep every version (asset ids, oldest first); the
    ``chosen_*`` fields say which is used. ``user_edited`` protects the shot when
    the breakdown is re-run; ``locked`` protects it from regeneration.
    """

    id: str = field(default_factory=new_id)
    code: str = ""
    number: int = 0
    duration: int = 90
    shot_size: str = ""
    camera_angle: str = ""
    camera_movement: str = ""
    action: str = ""
    character_ids: list[str] = field(default_factory=list)
    location_id: str | None = None
    image_prompt: str = ""
    motion_prompt: str = ""
    negative_prompt: str = ""
    dialogue: list[DialogueLine] = field(default_factory=list)
    stills: list[str] = field(default_factory=list)
    chosen_still: str | None = None
    clips: list[str] = field(default_factory=list)
    chosen_clip: str | None = None
    locked: bool = False
    user_edited: bool = False
    notes: str = ""
    script_key: str = ""  # identity of the screenplay beat it was broken down from (for re-breakdown)
    title_text: str = ""  # a title card: this text on black is the shot's picture (opening titles, THE END)
    lipsync_face: int = 0  # which face speaks when lip synced: 1 = the vendor's first face found; 0 = longest on screen


@dataclass
class Scene:
    id: str = field(default_factory=new_id)
    number: int = 0
    heading: str = ""
    synopsis: str = ""
    location_id: str | None = None
    shots: list[Shot] = field(default_factory=list)
