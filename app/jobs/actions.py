"""Queueing generations for shots and episodes: what the storyboard, the Generate menu and
``microdrama generate`` all call, so the GUI and the CLI decide "what is missing" alike."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.errors import ProviderNotConfigured
from app.jobs.batch_memo import one_batch
from app.jobs.generation import GenerationJob
from app.jobs.prompts import clip_request, music_request, shot_label, still_request
from app.model import Episode, Shot, TrackKind
from app.session import Session

SLOTS = ("still", "clip")


def shot_job(session: Session, episode: Episode, shot: Shot, slot: str, provider: str, *,
             choose: bool = False) -> GenerationJob:
    """A job making a new still or clip version of ``shot`` (``choose``: make it the chosen one)."""
    bundle, series = session.bundle, session.series
    if bundle is None:
        raise ValueError("no project is open")
    if slot == "still":
        request = still_request(bundle, series, shot, provider)
        title = QCoreApplication.translate("JobsActions", "Still {shot}").format(shot=shot_label(shot))
    elif slot == "clip":
        request = clip_request(bundle, series, shot, provider)
        title = QCoreApplication.translate("JobsActions", "Clip {shot}").format(shot=shot_label(shot))
    else:
        raise ValueError(f"unknown slot {slot!r}")
    target: dict[str, str | bool] = {"episode_id": episode.id, "shot_id": shot.id, "slot": slot}
    if choose:
        target["choose"] = True
    return GenerationJob(provider, request, title=title, target=target)


def music_job(session: Session, episode: Episode, provider: str) -> GenerationJob:
    request = music_request(session.series, episode, provider)
    return GenerationJob(provider, request, title=QCoreApplication.translate("JobsActions", "Music E{number:02d}").format(number=episode.number),
                         target={"episode_id": episode.id, "slot": "music"})


def in_flight(session: Session, slot: str, shot_id: str = "", episode_id: str = "") -> bool:
    """A job for this target is queued or running (resumed remote tasks included)."""
    for job in session.services.jobs.jobs():
        if job.state.finished or job.target.get("slot") != slot:
            continue
        if shot_id and job.target.get("shot_id") == shot_id:
            return True
        if not shot_id and episode_id and job.target.get("episode_id") == episode_id:
            return True
    return False


def busy_shots(session: Session) -> set[tuple[str, str]]:
    """``(slot, shot_id)`` of every queued or running shot job: one pass over the queue, for a
    board that would otherwise ask :func:`in_flight` once per shot and slot."""
    return {(str(job.target.get("slot")), str(job.target.get("shot_id"))) for job in session.services.jobs.jobs()
            if not job.state.finished and job.target.get("shot_id")}


def batch_done_shots(session: Session, batch: str, slot: str) -> set[str]:
    """Shots already paid for in the open batch ``batch`` (a re-run of an interrupted command continues it)."""
    if not batch:
        return set()
    return {str(r.target.get("shot_id")) for r in session.series.jobs
            if r.target.get("batch") == batch and r.target.get("slot") == slot
            and not r.target.get("batch_closed") and r.state not in ("failed", "cancelled")}


def missing_jobs(session: Session, episode: Episode, slot: str, provider: str, *,
                 positions: set[int] | None = None, regenerate: bool = False,
                 notes: list[str] | None = None, batch: str = "") -> list[GenerationJob]:
    """Jobs for what ``episode`` lacks in ``slot`` ("still", "clip" or "music").

    ``positions`` limits shots by their 1-based position in the episode;
    ``regenerate`` makes new (chosen) versions even where one exists. Locked shots
    and shots with a job already in flight are skipped; ``notes`` collects why.
    ``batch`` (the identity of a command, see ``app.jobs.batch``) is stamped on each job's
    target; with ``regenerate``, shots the same unfinished batch already paid for are skipped.
    """
    notes = notes if notes is not None else []
    done_in_batch = batch_done_shots(session, batch, slot) if regenerate else set()
    if slot == "music":
        track = episode.timeline.first_track(TrackKind.MUSIC)
        if in_flight(session, "music", episode_id=episode.id):
            return []
        if track is not None and track.clips and not regenerate:
            return []
        return [music_job(session, episode, provider)]
    jobs: list[GenerationJob] = []
    busy = busy_shots(session)  # one pass over the queue, not one per shot
    with one_batch():  # the provider's settings and prices are read once for all the shots
        for position, shot in enumerate(episode.shots(), 1):
            job = _missing_job(session, episode, shot, position, slot, provider, positions=positions,
                               regenerate=regenerate, notes=notes, done_in_batch=done_in_batch, busy=busy)
            if job is not None:
                if batch:
                    job.target["batch"] = batch
                jobs.append(job)
    return jobs


def _missing_job(session: Session, episode: Episode, shot: Shot, position: int, slot: str, provider: str, *,
                 positions: set[int] | None, regenerate: bool, notes: list[str],
                 done_in_batch: set[str], busy: set[tuple[str, str]]) -> GenerationJob | None:
    """The job for one shot of :func:`missing_jobs`, or None (and maybe a note) when it needs none."""
    if positions is not None and position not in positions:
        return None
    if shot.locked:
        notes.append(QCoreApplication.translate("JobsActions", "{shot_label}: locked, left as it is").format(shot_label=shot_label(shot)))
        return None
    if (slot, shot.id) in busy or shot.id in done_in_batch:  # in flight, or paid in this batch
        return None
    if shot.title_text.strip() and not regenerate:
        return None  # a title card is its own picture
    chosen = shot.chosen_still if slot == "still" else shot.chosen_clip
    if chosen and not regenerate:
        return None
    if slot == "clip" and not shot.chosen_still:
        notes.append(QCoreApplication.translate("JobsActions", "{shot_label}: no chosen still, so no clip").format(shot_label=shot_label(shot)))
        return None
    return shot_job(session, episode, shot, slot, provider, choose=regenerate)


def capability_name(capability: str) -> str:
    """The capability in the UI's words ("images", "video", "music"...)."""
    names = {
        "text": QCoreApplication.translate("Providers", "writing (text)"),
        "image": QCoreApplication.translate("Providers", "images"),
        "video": QCoreApplication.translate("Providers", "video"),
        "music": QCoreApplication.translate("Providers", "music"),
        "speech": QCoreApplication.translate("Providers", "voices"),
        "lipsync": QCoreApplication.translate("Providers", "lip sync"),
    }
    return names.get(capability, capability)


def choose_provider(capability: str, explicit: str | None, fallback: str | None = None) -> str:
    """The provider for ``capability``: the one named, the user's default, or ``fallback``."""
    from app.jobs.provider_config import missing_required, provider_info
    from app.settings_store import settings_store
    from providers import registry

    name = explicit or settings_store().get("defaults", capability) or fallback
    offered = [p.name for p in registry.for_capability(capability)]
    what = capability_name(capability)
    if not name:
        raise ProviderNotConfigured(
            QCoreApplication.translate("Providers", "No provider for {what} is set up yet. Open Providers, choose "
                                       "one that makes {what} and enter its key.").format(what=what),
            capability=capability,
            cli_hint=f"(Or pass --{capability}-provider NAME, one of {', '.join(offered)}.)")
    info = provider_info(name)
    if capability not in info.capabilities:
        raise ProviderNotConfigured(
            QCoreApplication.translate("Providers", "{provider} cannot make {what}. Choose another provider for "
                                       "{what} in Providers.").format(provider=info.label, what=what),
            capability=capability, cli_hint=f"(One of {', '.join(offered)}.)")
    missing = missing_required(name)
    if missing:
        from app.secrets import env_name

        key = next(f.key for f in info.fields if f.label == missing[0])
        raise ProviderNotConfigured(
            QCoreApplication.translate("Providers", "{provider} is not set up yet: {fields} missing. Enter it in "
                                       "Providers.").format(provider=info.label, fields=", ".join(missing)),
            capability=capability, provider=name, cli_hint=f"(Or set {env_name(name, key)}.)")
    return name
