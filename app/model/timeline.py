"""The episode timeline: tracks of clips, all times in integer frames.

Seconds appear only at the edges (UI, files); a clip's position and length are
frame counts at the series' frame rate, so trims and sync are exact.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from app.model.ids import new_id


class TrackKind(enum.Enum):
    PICTURE = "picture"
    OVERLAY = "overlay"
    DIALOGUE = "dialogue"
    MUSIC = "music"
    EFFECTS = "effects"
    SUBTITLES = "subtitles"

    @property
    def is_audio(self) -> bool:
        return self in (TrackKind.DIALOGUE, TrackKind.MUSIC, TrackKind.EFFECTS)

    @property
    def is_visual(self) -> bool:
        return self in (TrackKind.PICTURE, TrackKind.OVERLAY)


class FitMode(enum.Enum):
    FIT = "fit"  # whole source visible, letterboxed
    FILL = "fill"  # cover the canvas, crop the overflow (centre)
    STRETCH = "stretch"


class HoldMode(enum.Enum):
    """What a video clip shows once its source runs out before the clip ends.

    Generated clips are often shorter than the shot they serve (a 5 s clip for a
    6.2 s line); black frames there are the first thing a viewer notices.
    """

    FREEZE = "freeze"  # hold the last frame
    SLOW = "slow"  # stretch the source over the clip (slow motion)
    LOOP = "loop"  # start the source again


class ShortClipPolicy(enum.Enum):
    """How Assemble from Storyboard treats a generated clip shorter than its shot (a project setting)."""

    FREEZE = "freeze"
    SLOW = "slow"
    LOOP = "loop"
    SHORTEN_SHOT = "shorten_shot"  # cut the shot to the clip's length instead

    @property
    def hold(self) -> HoldMode | None:
        return None if self is ShortClipPolicy.SHORTEN_SHOT else HoldMode(self.value)


class TransitionKind(enum.Enum):
    CUT = "cut"
    CROSSFADE = "crossfade"
    DIP_TO_BLACK = "dip_to_black"


@dataclass
class Rect:
    """A rectangle in normalised source coordinates (0..1)."""

    x: float = 0.0
    y: float = 0.0
    w: float = 1.0
    h: float = 1.0


@dataclass
class KenBurns:
    """Pan/zoom over a still: the visible source rectangle moves from start to end."""

    start: Rect = field(default_factory=Rect)
    end: Rect = field(default_factory=lambda: Rect(0.1, 0.1, 0.8, 0.8))


@dataclass
class Transition:
    """How a clip enters: over ``duration`` frames ending at the clip's start + duration."""

    kind: TransitionKind = TransitionKind.CUT
    duration: int = 0


@dataclass
class Clip:
    """One piece of media (or text) placed on a track.

    ``start`` is the timeline frame of the first frame, ``duration`` the frame count,
    ``source_in`` the first source frame used. Audio clips may shift by a sub-frame
    ``audio_offset_samples`` (latency-compensated takes). Text clips (subtitles,
    titles) have no asset and carry ``text``. Links back to the script
    (``shot_id``, ``line_id``, ``take_id``) let the storyboard and booth find them.
    """

    id: str = field(default_factory=new_id)
    asset_id: str | None = None
    start: int = 0
    duration: int = 1
    source_in: int = 0
    name: str = ""
    text: str = ""
    gain_db: float = 0.0
    fade_in: int = 0
    fade_out: int = 0
    fit: FitMode = FitMode.FILL
    ken_burns: KenBurns | None = None
    transition_in: Transition = field(default_factory=Transition)
    audio_offset_samples: int = 0
    shot_id: str | None = None
    line_id: str | None = None
    take_id: str | None = None
    enabled: bool = True
    hold: HoldMode = HoldMode.FREEZE  # a video clip longer than its source (see HoldMode)

    @property
    def end(self) -> int:
        """First frame after the clip."""
        return self.start + self.duration


@dataclass
class Track:
    id: str = field(default_factory=new_id)
    kind: TrackKind = TrackKind.PICTURE
    name: str = ""
    muted: bool = False
    solo: bool = False
    locked: bool = False
    height: int = 56
    gain_db: float = 0.0
    clips: list[Clip] = field(default_factory=list)

    def clips_sorted(self) -> list[Clip]:
        return sorted(self.clips, key=lambda c: (c.start, c.id))

    @property
    def end(self) -> int:
        return max((c.end for c in self.clips), default=0)


@dataclass
class Marker:
    id: str = field(default_factory=new_id)
    frame: int = 0
    name: str = ""
    color: str = "#f5a623"


@dataclass
class Timeline:
    id: str = field(default_factory=new_id)
    tracks: list[Track] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    in_point: int | None = None
    out_point: int | None = None

    @property
    def duration(self) -> int:
        """Frame count of the episode: up to the end of the last clip on any track."""
        return max((t.end for t in self.tracks), default=0)

    def tracks_of(self, kind: TrackKind) -> list[Track]:
        return [t for t in self.tracks if t.kind is kind]

    def first_track(self, kind: TrackKind) -> Track | None:
        found = self.tracks_of(kind)
        return found[0] if found else None


def default_tracks() -> list[Track]:
    """The track layout a new episode starts with, top to bottom."""
    return [
        Track(kind=TrackKind.OVERLAY, name="Titles"),
        Track(kind=TrackKind.PICTURE, name="Picture"),
        Track(kind=TrackKind.SUBTITLES, name="Subtitles", height=36),
        Track(kind=TrackKind.DIALOGUE, name="Dialogue"),
        Track(kind=TrackKind.MUSIC, name="Music"),
        Track(kind=TrackKind.EFFECTS, name="Effects"),
    ]
