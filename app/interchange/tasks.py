"""Interchange and provenance work as queue jobs: the slow part on a worker, the edit on the GUI thread.

The GUI and tests call these; each returns the queued job so callers can follow
its progress or wait for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.fsutil import atomic_write_bytes
from app.interchange.subtitles import render as render_subtitles
from app.jobs.job import FunctionJob, JobContext
from app.model import Episode, MediaAsset
from app.provenance.ledger import build_ledger
from app.provenance.report import report_json, report_markdown
from app.session import Session


def _otio():
    """The OpenTimelineIO module of ours, loaded with its library on first use (not at start-up)."""
    from app.interchange import otio_io

    return otio_io


def _queue(session: Session, title: str, fn: Callable[[JobContext], Any],
           on_done: Callable[[Any], None] | None = None, kind: str = "export") -> FunctionJob:
    return session.services.jobs.add(FunctionJob(title, fn, on_done=on_done, kind=kind))


def export_otio(session: Session, episode: Episode, out: Path) -> FunctionJob:
    series, bundle = session.series, session.bundle
    assert bundle is not None
    return _queue(session, f"Export OTIO of episode {episode.number}",
                  lambda ctx: _otio().write_otio(series, episode, bundle, out))


def export_subtitles(session: Session, episode: Episode, out: Path, fmt: str) -> FunctionJob:
    s = session.series.settings
    text = render_subtitles(episode, fmt, s.fps, s.width, s.height, session.series.title)
    return _queue(session, f"Export {fmt.upper()} subtitles of episode {episode.number}",
                  lambda ctx: atomic_write_bytes(out, text.encode("utf-8")))


def export_credits(session: Session, episode: Episode, out: Path) -> FunctionJob:
    ledger = build_ledger(session.series, episode)
    text = report_json(ledger) if out.suffix.lower() == ".json" else report_markdown(ledger)
    return _queue(session, f"Export credits of episode {episode.number}",
                  lambda ctx: atomic_write_bytes(out, text.encode("utf-8")))


def import_otio(session: Session, episode: Episode, path: Path,
                on_problems: Callable[[list[str]], None] | None = None) -> FunctionJob:
    """Replace the episode's timeline with an .otio file's, as one undo step.

    Media the bundle lacks is copied in and probed on the worker; the new assets
    are registered and the timeline swapped on the GUI thread.
    """
    series, bundle = session.series, session.bundle
    assert bundle is not None
    known = {a.sha256: a.id for a in series.media.values()}

    def work(ctx: JobContext) -> tuple[Any, list[str], list[MediaAsset]]:
        from app.media.probe import probe_file

        new_assets: list[MediaAsset] = []

        def import_file(file: Path) -> str:
            ctx.progress(None, f"Importing {file.name}")
            asset = bundle.import_file(file)
            if asset.sha256 in known:
                return known[asset.sha256]
            asset.probe = probe_file(bundle.resolve(asset.path))
            new_assets.append(asset)  # registered on the GUI thread by land()
            known[asset.sha256] = asset.id
            return asset.id

        otio_io = _otio()
        timeline, problems = otio_io.otio_to_timeline(otio_io.read_otio(path), series, import_file)
        return timeline, problems, new_assets

    def land(result: tuple[Any, list[str], list[MediaAsset]]) -> None:
        timeline, problems, new_assets = result
        for asset in new_assets:
            session.document.add_media_raw(asset)
        session.document.edit(episode, QCoreApplication.translate("InterchangeTasks", "Import timeline from {name}").format(name=path.name), timeline=timeline)
        if on_problems and problems:
            on_problems(problems)

    return _queue(session, f"Import OTIO {path.name}", work, land, kind="import")
