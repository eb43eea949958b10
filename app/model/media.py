"""Media assets stored in the bundle, and the provenance of each."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from app.model.ids import new_id


class MediaKind(enum.Enum):
    VIDEO = "video"
    IMAGE = "image"
    AUDIO = "audio"


@dataclass
class Provenance:
    """What made an asset: kept for copyright questions and the credits report.

    ``source`` is "generated" (an AI provider), "imported" (a file made elsewhere,
    e.g. by hand in Midjourney's web app), "recorded" (a voice take) or "rendered".
    """

    source: str = "imported"
    provider: str = ""
    model: str = ""
    prompt: str = ""
    negative_prompt: str = ""
    seed: int | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    reference_inputs: list[str] = field(default_factory=list)
    task_id: str = ""
    job_id: str = ""
    created_at: str = ""
    cost: float = 0.0
    currency: str = "USD"
    original_filename: str = ""
    author: str = ""
    notes: str = ""


@dataclass
class MediaAsset:
    """A file inside the bundle's ``media/`` folder, content-addressed by SHA-256.

    ``path`` is relative to the bundle root and never leaves it. ``probe`` caches
    what the media engine learned about the file (size, rate, frames, streams), so
    a project opens without decoding anything.
    """

    id: str = field(default_factory=new_id)
    sha256: str = ""
    path: str = ""
    kind: MediaKind = MediaKind.IMAGE
    original_name: str = ""
    size_bytes: int = 0
    imported_at: str = ""
    probe: dict[str, Any] = field(default_factory=dict)
    provenance: Provenance = field(default_factory=Provenance)
