"""Lip sync a shot: its chosen clip and its chosen takes, mixed where they sit, sent to a lip-sync vendor.

The result lands like any regenerated clip: a new version of the shot, chosen, with
provenance (``GenerationJob`` with target slot "clip" and ``choose``), so the timeline's
picture clip for the shot plays it and the earlier version stays one click away.

The sound sent is one WAV of exactly the clip's length: every chosen take of the shot's
lines placed at the frame where "Assemble" puts it (``line_starts``), latency removed,
so the vendor moves the mouths at the moments the audience hears the words. The request
names the takes and their places; the WAV is mixed by the worker at submit (never on the
GUI thread) under the bundle's ``cache/lipsync``, and a job resumed after a restart mixes
it again if it is gone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bundle import ProjectBundle
from app.jobs.generation import GenerationJob
from app.model import Episode, Series, Shot
from app.voices.landing import line_starts

CLIP_SLOT = "clip"


@dataclass
class LipSyncPlan:
    """The jobs to queue and, in plain words, the shots left alone and why."""

    jobs: list[GenerationJob] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the user must know before sending: uploads, prices


def shot_name(shot: Shot) -> str:
    return shot.code or f"#{shot.number}"


def clip_seconds(series: Series, shot: Shot, fps: int) -> float:
    asset = series.media.get(shot.chosen_clip or "")
    seconds = float((asset.probe or {}).get("duration") or 0.0) if asset is not None else 0.0
    return seconds or shot.duration / float(fps or 30)


def take_parts(bundle: ProjectBundle, series: Series, episode: Episode, shot: Shot) -> list[dict[str, Any]]:
    """The shot's chosen takes as sounds to mix: absolute path, start on the clip (ms), latency to skip.

    Each take starts where "Assemble" places its line (``line_starts``) relative to the shot.
    """
    from app.audio.takes import shot_start

    fps = series.settings.fps or 30
    start_of_shot = shot_start(episode, shot)
    starts = line_starts(series, episode, shot, {})
    parts = []
    for line in shot.dialogue:
        take = line.chosen_take()
        if take is None or not take.path:
            continue
        path = bundle.resolve(take.path)
        if not path.exists():
            continue
        at_ms = int(round((starts.get(line.id, start_of_shot) - start_of_shot) * 1000 / fps))
        parts.append({"path": str(path), "at_ms": max(0, at_ms), "skip_samples": max(0, take.latency_samples)})
    return parts


def lipsync_job(bundle: ProjectBundle, series: Series, episode: Episode, shot: Shot, provider: str) -> GenerationJob | str:
    """A job lip syncing ``shot``, or the plain-words reason it cannot be made."""
    from providers.lipsync import LipSyncRequest

    asset = series.media.get(shot.chosen_clip or "")
    if asset is None:
        return QCoreApplication.translate("LipSync", "Shot {0} has no chosen clip to lip sync.").format(shot_name(shot))
    seconds = clip_seconds(series, shot, series.settings.fps)
    wav = bundle.folder("cache") / "lipsync" / f"{shot.id}-{uuid.uuid4().hex[:8]}.wav"
    parts = take_parts(bundle, series, episode, shot)
    if not parts:
        return QCoreApplication.translate("LipSync", "Shot {0} has no chosen take to lip sync to.").format(
            shot_name(shot)
        )
    parameters: dict[str, object] = {}
    prov = asset.provenance
    video_id = str((prov.parameters or {}).get("video_id") or "") if prov is not None else ""
    if video_id:  # a clip Kling made: Kling's lip sync takes it by its id (it takes no uploads)
        parameters["video_id"] = video_id
    if shot.lipsync_face:
        parameters["face_index"] = int(shot.lipsync_face)
    request = LipSyncRequest(
        video=str(bundle.resolve(asset.path)),
        audio=str(wav),
        duration=seconds,
        audio_parts=parts,
        parameters=parameters,
    )
    target = {"episode_id": episode.id, "shot_id": shot.id, "slot": CLIP_SLOT, "choose": True, "lipsync": True}
    return GenerationJob(
        provider,
        request,
        title=QCoreApplication.translate("LipSync", "Lip sync {0}").format(shot_name(shot)),
        target=target,
    )


def plan_lipsync(
    bundle: ProjectBundle,
    series: Series,
    episode: Episode,
    provider: str,
    shot_ids: set[str] | None = None,
    redo: bool = False,
) -> LipSyncPlan:
    """Lip-sync jobs for the episode's shots (or only ``shot_ids``) that have a clip and a take.

    A shot whose chosen clip already is a lip-sync result is left alone unless ``redo`` (the user
    asked for that one shot again).
    """
    plan = LipSyncPlan()
    synced_by = lipsync_providers()
    for shot in episode.shots():
        if shot_ids is not None and shot.id not in shot_ids:
            continue
        if not shot.dialogue:
            continue
        chosen = series.media.get(shot.chosen_clip or "")
        if not redo and chosen is not None and chosen.provenance.provider in synced_by:
            # already lip synced (e.g. collected from an earlier run): never paid for twice
            plan.skipped.append(QCoreApplication.translate(
                "LipSync", "Shot {0} is already lip synced.").format(shot_name(shot)))
            continue
        made = lipsync_job(bundle, series, episode, shot, provider)
        if isinstance(made, str):
            plan.skipped.append(made)
        else:
            plan.jobs.append(made)
    plan.notes = before_sending(provider, plan.jobs)
    return plan


def needs_hosting(job: GenerationJob) -> bool:
    """The job's clip is a local file (neither Kling's own id nor a link): Kling can fetch it
    only once it is on the media host."""
    if job.request.parameters.get("video_id"):
        return False
    return not str(getattr(job.request, "video", "")).startswith(("http://", "https://"))


def before_sending(provider: str, jobs: list[GenerationJob]) -> list[str]:
    """What the user is told before anything is sent: where clips go, and prices nobody published."""
    from app.jobs.provider_config import provider_values

    notes = []
    hosting = bool(jobs) and provider == "kling_lipsync" and \
        str(provider_values(provider, with_secrets=False).get("media_host") or "") == "fal"  # read once
    hosted = sum(needs_hosting(job) for job in jobs) if hosting else 0
    if hosted:
        notes.append(QCoreApplication.translate(
            "LipSync", "{0} clip(s) were not made by Kling: each is first uploaded to fal.ai's file storage "
            "(a public link, with your fal.ai key) so Kling can fetch it.").format(hosted))
    if any(not getattr(job, "price_known", True) for job in jobs):
        notes.append(QCoreApplication.translate(
            "LipSync", "Price unknown: the vendor publishes no list price for this lip-sync model, so it is "
            "not counted in the budget."))
    return notes


def lipsync_providers() -> set[str]:
    """Names of the providers that make lip-sync results."""
    from providers import registry
    from providers.base import LIPSYNC

    return {p.name for p in registry.for_capability(LIPSYNC)}


def default_provider() -> str | None:
    """The first lip-sync provider whose keys are entered (None: none is set up)."""
    from app.jobs.provider_config import missing_required
    from providers import registry
    from providers.base import LIPSYNC

    return next((p.name for p in registry.for_capability(LIPSYNC) if not missing_required(p.name)), None)
