"""Voice a series directly with the offline scratch voice, without the job queue.

Used where there is no event loop and nothing to pay for: the demo series is written with
its lines already voiced, so a newcomer hears the episode at once. The result is the same
as "Generate Voices" with espeak-ng (same takes, provenance and track placement); the GUI
and ``microdrama voices`` go through the job queue instead (progress, cancel, restart).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from app.bundle import ProjectBundle
from app.model import Episode, Provenance, Series
from app.voices.cast import SCRATCH_PROVIDER
from app.voices.landing import make_take, place_on_series
from app.voices.plan import speech_request
from app.voices.store import store_take


def voice_episode_offline(bundle: ProjectBundle, series: Series, episode: Episode,
                          report: Callable[[str], None] | None = None) -> int:
    """Give every line of ``episode`` without a chosen take an espeak-ng take; returns how many."""
    from providers import registry
    from providers.base import provenance_fields

    count = 0
    with tempfile.TemporaryDirectory(prefix="microdrama-voices-") as tmp:
        provider = registry.create(SCRATCH_PROVIDER, {}, staging_dir=Path(tmp))
        for shot, line in episode.dialogue_lines():
            if line.chosen_take() is not None or not line.text.strip():
                continue
            _spec, request = speech_request(series, line, SCRATCH_PROVIDER)
            handle = provider.submit(request)
            fields = provenance_fields(request, handle, cost=0.0)
            provenance = Provenance(**{k: v for k, v in fields.items() if k in Provenance.__dataclass_fields__})
            path = Path(handle.output_refs()[0].path)
            asset = store_take(bundle, path, provenance, {"line_id": line.id, "scratch": True})
            series.media[asset.id] = asset
            take = make_take(asset, line, scratch=True)
            line.takes.append(take)
            place_on_series(series, episode, shot, line, take)
            count += 1
            if report is not None:
                report(line.character_name)
    return count
