"""Lip sync a shot: its chosen clip and its chosen takes, mixed where they sit, sent to a lip-sync vendor.

The result lands like any regenerated clip: a new version of the shot, chosen, with
provenance (``GenerationJob`` with target slot "clip" and ``choose``), so the timeline's
picture clip for the shot plays it and the earlier version stays one click away.

The sound sent is one WAV of exactly the clip's length: every chosen take of the shot's
lines placed at the frame where "Assemble" puts it (``line_starts``), latency removed,
so the vendor moves the mouths at the moments the audience hears the words. The WAV is
written under the bundle's ``cache/lipsync`` so a job resumed after a restart still finds it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.jobs.generation import GenerationJob
from app.model import Episode, Series, Shot
from app.voices.landing import line_starts

RATE = 48000
CLIP_SLOT = "clip"


def _tr(text: str) -> str:
    return QCoreApplication.translate("LipSync", text)


@dataclass
class LipSyncPlan:
    """The jobs to queue and, in plain words, the shots left alone and why."""

    jobs: list[GenerationJob] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def shot_name(shot: Shot) -> str:
    return shot.code or f"#{shot.number}"


def clip_seconds(series: Series, shot: Shot, fps: int) -> float:
    asset = series.media.get(shot.chosen_clip or "")
    seconds = float((asset.probe or {}).get("duration") or 0.0) if asset is not None else 0.0
    return seconds or shot.duration / float(fps or 30)


def mix_shot_takes(bundle, series: Series, episode: Episode, shot: Shot, seconds: float, out: Path) -> int:  # noqa: ANN001
    """Write the shot's chosen takes, each at its place, into one mono WAV ``seconds`` long.

    Returns how many takes went in (0: nothing to lip sync, no file written).
    """
    import soundfile

    from app.audio.takes import shot_start

    fps = series.settings.fps or 30
    start_of_shot = shot_start(episode, shot)
    starts = line_starts(series, episode, shot, {})
    mix = np.zeros(int(round(seconds * RATE)), dtype=np.float32)
    used = 0
    for line in shot.dialogue:
        take = line.chosen_take()
        if take is None or not take.path:
            continue
        path = bundle.resolve(take.path)
        if not path.exists():
            continue
        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
        sound = data.mean(axis=1)
        sound = sound[max(0, int(take.latency_samples * rate / (take.sample_rate or rate))):]
        if rate != RATE:  # takes are stored at 48 kHz; an older one is stretched linearly (lip sync only)
            n = int(round(len(sound) * RATE / rate))
            sound = np.interp(np.linspace(0, len(sound) - 1, n), np.arange(len(sound)), sound).astype(np.float32)
        at = int(round((starts.get(line.id, start_of_shot) - start_of_shot) / fps * RATE))
        if at >= len(mix):
            continue
        piece = sound[: len(mix) - at]
        mix[at: at + len(piece)] += piece
        used += 1
    if used:
        out.parent.mkdir(parents=True, exist_ok=True)
        soundfile.write(str(out), np.clip(mix, -1.0, 1.0), RATE, subtype="PCM_16")
    return used


def lipsync_job(bundle, series: Series, episode: Episode, shot: Shot, provider: str) -> GenerationJob | str:  # noqa: ANN001
    """A job lip syncing ``shot``, or the plain-words reason it cannot be made."""
    from providers.lipsync import LipSyncRequest

    asset = series.media.get(shot.chosen_clip or "")
    if asset is None:
        return _tr("Shot {0} has no chosen clip to lip sync.").format(shot_name(shot))
    seconds = clip_seconds(series, shot, series.settings.fps)
    wav = bundle.folder("cache") / "lipsync" / f"{shot.id}-{uuid.uuid4().hex[:8]}.wav"
    if not mix_shot_takes(bundle, series, episode, shot, seconds, wav):
        return _tr("Shot {0} has no chosen take to lip sync to.").format(shot_name(shot))
    parameters = {}
    prov = asset.provenance
    video_id = str((prov.parameters or {}).get("video_id") or "") if prov is not None else ""
    if video_id:  # a clip Kling made: Kling's lip sync takes it by its id (it takes no uploads)
        parameters["video_id"] = video_id
    request = LipSyncRequest(video=str(bundle.resolve(asset.path)), audio=str(wav), duration=seconds,
                             parameters=parameters)
    target = {"episode_id": episode.id, "shot_id": shot.id, "slot": CLIP_SLOT, "choose": True, "lipsync": True}
    return GenerationJob(provider, request, title=_tr("Lip sync {0}").format(shot_name(shot)), target=target)


def plan_lipsync(bundle, series: Series, episode: Episode, provider: str,  # noqa: ANN001
                 shot_ids: set[str] | None = None) -> LipSyncPlan:
    """Lip-sync jobs for the episode's shots (or only ``shot_ids``) that have a clip and a take."""
    plan = LipSyncPlan()
    for shot in episode.shots():
        if shot_ids is not None and shot.id not in shot_ids:
            continue
        if not shot.dialogue:
            continue
        made = lipsync_job(bundle, series, episode, shot, provider)
        if isinstance(made, str):
            plan.skipped.append(made)
        else:
            plan.jobs.append(made)
    return plan


def default_provider() -> str:
    from providers import registry
    from providers.base import LIPSYNC

    found = registry.for_capability(LIPSYNC)
    return found[0].name if found else ""
