"""Copies of the model that a worker may read while the GUI thread keeps editing.

A worker must never read live model objects: the GUI thread may change them at
any moment (an undo, a job landing). ``series_snapshot`` is what a widget hands
a background task instead: the named episodes deep-copied, the media table and
cast copied as new containers, the job list left out. Media assets are copied
one level deep (a new ``MediaAsset`` per entry, sharing only immutable values),
so a probe or rename landing meanwhile does not show up halfway through.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable

from app.model import Episode, Series


def series_snapshot(series: Series, episodes: Iterable[Episode]) -> Series:
    """A series holding deep copies of ``episodes`` and a copy of the media and cast (GUI thread)."""
    return dataclasses.replace(
        series,
        episodes=[copy.deepcopy(e) for e in episodes],
        media={key: copy.copy(asset) for key, asset in series.media.items()},
        characters=copy.deepcopy(series.characters),
        settings=copy.deepcopy(series.settings),
        jobs=[],
    )
