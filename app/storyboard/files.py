"""Bringing files made elsewhere onto shots, and continuity frames between shots.

Creators make pictures in tools with no API (Midjourney, Kling's and Suno's web
apps) and name the downloads after the shot (``E01S02-03_mj.png``). Dropped or
chosen files are matched to shots by that code, copied into the bundle and added
as new versions. The slow part (copying, probing, extracting a frame) runs on a
worker; the model changes land on the GUI thread as one undo step.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.jobs.job import FunctionJob, JobContext
from app.model import Episode, MediaAsset, Provenance, Shot
from app.session import Session


@dataclass
class ImportReport:
    placed: list[tuple[str, str]] = field(default_factory=list)  # (file name, shot code)
    unmatched: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "name: reason"


def _store(session: Session, path: Path, provenance: Provenance) -> MediaAsset:
    """Worker side: the importer's checked copy into the bundle (loads the media engine on first use)."""
    from app.media.importer import store_media

    return store_media(session, path, provenance)


def add_version(session: Session, shot: Shot, asset: MediaAsset, text: str) -> None:
    """Add ``asset`` as the shot's newest still or clip version and choose it (GUI thread, undoable)."""
    doc = session.document
    if asset.id not in session.series.media:
        doc.add_media_raw(asset)
    slot, chosen = ("clips", "chosen_clip") if asset.kind.value == "video" else ("stills", "chosen_still")
    versions = list(getattr(shot, slot))
    if asset.id not in versions:
        versions.append(asset.id)
    doc.edit(shot, text, **{slot: versions, chosen: asset.id})


def import_files_to_shots(session: Session, episode: Episode, paths: list[Path],
                          on_done=None) -> FunctionJob:
    """Match ``paths`` to the episode's shots by the shot code in their names and add them as versions."""
    from providers.import_match import match_files

    codes = {shot.id: shot.code for shot in episode.shots() if shot.code}
    by_name = {p.name: p for p in paths}
    matches, unmatched = match_files(list(by_name), codes)

    def work(ctx: JobContext) -> tuple[list[tuple[str, MediaAsset]], ImportReport]:
        report = ImportReport(unmatched=list(unmatched))
        stored = []
        for i, match in enumerate(matches):
            ctx.token.raise_if_cancelled()
            ctx.progress(i / max(1, len(matches)), match.filename)
            if not match.matched or match.kind == "audio":
                report.unmatched.append(match.filename)
                continue
            if match.ambiguous:
                report.ambiguous.append(match.filename)
                continue
            try:
                asset = _store(session, by_name[match.filename],
                               Provenance(source="imported", original_filename=match.filename,
                                          notes="matched to its shot by the code in the file name"))
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
                report.failed.append(f"{match.filename}: {exc}")
                continue
            stored.append((match.shot_id, asset))
            report.placed.append((match.filename, match.shot_code))
        return stored, report

    def land(result: tuple[list[tuple[str, MediaAsset]], ImportReport]) -> None:
        stored, report = result
        doc = session.document
        if stored:
            with doc.macro(QCoreApplication.translate("StoryboardFiles", "Import {count} file(s) to shots").format(count=len(stored))):
                for shot_id, asset in stored:
                    shot = doc.find(shot_id)
                    if shot is not None:
                        add_version(session, shot, asset, "Import version")
        if on_done is not None:
            on_done(report)

    return session.services.jobs.add(FunctionJob(QCoreApplication.translate("StoryboardFiles", "Import {count} file(s) to shots").format(count=len(paths)), work, on_done=land,
                                                kind="import"))


def previous_shot(episode: Episode, shot: Shot) -> Shot | None:
    shots = list(episode.shots())
    index = next(i for i, s in enumerate(shots) if s.id == shot.id)
    return shots[index - 1] if index > 0 else None


def continue_from_previous(session: Session, episode: Episode, shot: Shot, on_done=None) -> FunctionJob:
    """Use the last frame of the previous shot's chosen clip as a new (chosen) still of ``shot``,
    so the next clip starts where the last one ended."""
    from app.errors import UserError

    before = previous_shot(episode, shot)
    if before is None or not before.chosen_clip or before.chosen_clip not in session.series.media:
        raise UserError(QCoreApplication.translate("Errors", "The previous shot has no chosen clip to continue from."))
    clip = session.series.media[before.chosen_clip]
    bundle = session.bundle
    assert bundle is not None
    source = bundle.resolve(clip.path)
    duration = float(clip.probe.get("duration") or 0.0)
    fps = float(clip.probe.get("fps") or 30.0)

    def work(ctx: JobContext) -> MediaAsset:
        import cv2

        from app.media.decode import FrameFetcher

        fetcher = FrameFetcher(bundle.root)
        try:
            rgb = fetcher.frame_at(source, Fraction(max(0.0, duration - 1.0 / fps)).limit_denominator(100000))
        finally:
            fetcher.close()
        with tempfile.TemporaryDirectory() as folder:
            frame_file = Path(folder) / f"{shot.code or shot.id}-continuity.png"
            cv2.imwrite(str(frame_file), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
            return _store(session, frame_file, Provenance(
                source="rendered", original_filename=clip.original_name,
                notes=f"last frame of {before.code or 'the previous shot'}'s clip", reference_inputs=[clip.id]))

    def land(asset: MediaAsset) -> None:
        target = session.document.find(shot.id)
        if target is not None:
            add_version(session, target, asset, "Continue from previous shot")
        if on_done is not None:
            on_done(asset)

    return session.services.jobs.add(FunctionJob(QCoreApplication.translate("StoryboardFiles", "Continuity frame for {code}").format(code=shot.code), work, on_done=land,
                                                kind="import"))
