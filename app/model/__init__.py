"""Qt-free data model of a series. Plain dataclasses; ``app.document`` adds signals and undo."""

from app.model.media import MediaAsset, MediaKind, Provenance
from app.model.script import DialogueLine, Scene, Shot, Take, TakeCleanup
from app.model.series import Bible, Character, Episode, JobRecord, Location, ProjectSettings, Series
from app.model.timeline import (
    Clip,
    FitMode,
    KenBurns,
    Marker,
    Rect,
    Timeline,
    Track,
    TrackKind,
    Transition,
    TransitionKind,
    default_tracks,
)

__all__ = [
    "Bible", "Character", "Clip", "DialogueLine", "Episode", "FitMode", "JobRecord", "KenBurns",
    "Location", "Marker", "MediaAsset", "MediaKind", "ProjectSettings", "Provenance", "Rect", "Scene",
    "Series", "Shot", "Take", "TakeCleanup", "Timeline", "Track", "TrackKind", "Transition",
    "TransitionKind", "default_tracks",
]
