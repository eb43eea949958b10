"""``microdrama match PATH SUSPECT_OR_FOLDER [--report DIR]``: which suspects copy our episodes?

A folder is checked file by file with a progress bar; the suspects are ranked by
their strongest match, files that could not be read are listed (not fatal), and
``--report`` writes an evidence pack for every suspect that matched.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import load_project
from app.cli.progress import ProgressBar
from app.errors import UserError

if TYPE_CHECKING:
    from app.bundle import ProjectBundle
    from app.fingerprint.store import Fingerprint
    from app.model import Series


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("match", help="check suspect videos (a file or a folder) against this series' episodes")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("suspect", help="a suspect video file, or a folder of them")
    p.add_argument("--report", metavar="DIR", help="write an evidence pack (HTML, PDF, zip) per matching suspect")
    p.add_argument("--fingerprint-timeline", action="store_true",
                   help="fingerprint episodes that were never exported from their timeline first (no MP4 written)")
    p.set_defaults(func=run)


def _fingerprint_timelines(bundle: ProjectBundle, series: Series, have: set[str]) -> list[Fingerprint]:
    from app.fingerprint.timeline_print import fingerprint_timeline
    from app.media.text_render import ensure_gui_app

    ensure_gui_app()  # titles and subtitles are drawn with Qt's fonts
    made = []
    for episode in sorted(series.episodes, key=lambda e: e.number):
        if episode.id in have or not episode.timeline.duration:
            continue
        bar = ProgressBar(f"fingerprint E{episode.number:02d}")
        made.append(fingerprint_timeline(series, bundle, episode, progress=bar.update))
        bar.finish("from the timeline")
    return made


def run(args: argparse.Namespace) -> int:
    from app.fingerprint.index import SeasonIndex
    from app.fingerprint.scan import ScanCancelled, scan, suspect_files
    from app.fingerprint.store import load_all

    bundle, series = load_project(args.path)
    target = Path(args.suspect)
    files = suspect_files(target)
    if not files:
        raise UserError(f"{target} holds no files to check.")
    references = load_all(bundle)
    if args.fingerprint_timeline:
        references += _fingerprint_timelines(bundle, series, {r.episode_id for r in references})
    if not references:
        raise UserError("No exported episode has a fingerprint yet: export an episode first "
                        "(every export is fingerprinted), or run with --fingerprint-timeline.")
    started = time.monotonic()
    index = SeasonIndex(references)
    bar = ProgressBar("match") if len(files) > 1 else None
    try:
        result = scan(files, index, progress=(lambda f, name: bar.update(f, name)) if bar else None)
    except ScanCancelled as stop:  # pragma: no cover - the CLI has no cancel button; Ctrl+C raises KeyboardInterrupt
        result = stop.partial
    except KeyboardInterrupt:
        print("match: stopped", file=sys.stderr)
        return 130
    if bar:
        bar.finish(f"{len(result.checked)} checked, {len(result.skipped)} skipped")
    if len(files) == 1 and result.skipped:
        raise UserError(result.skipped[0][1])
    reports = []
    if args.report:
        from app.provenance.evidence import write_evidence_pack

        for suspect in result.with_matches:
            reports.append(str(write_evidence_pack(bundle, series, suspect, index, Path(args.report))))
    out: dict[str, Any] = {
        "episodes_checked": len(references),
        "seconds": round(time.monotonic() - started, 2),
        "suspects": [{
            "suspect": str(r.path),
            "suspect_duration": round(r.print_.duration, 3),
            "best_score": round(r.best_score, 3),
            "matches": [m.as_json() for m in r.matches],
        } for r in result.ranked()],
        "skipped": [{"file": str(p), "reason": why} for p, why in result.skipped],
        "reports": reports,
    }
    if len(files) == 1 and target.is_file():  # the single-file form keeps its flat shape
        single = out["suspects"][0]
        out = {"suspect": single["suspect"], "suspect_duration": single["suspect_duration"],
               "episodes_checked": out["episodes_checked"], "seconds": out["seconds"],
               "matches": single["matches"], "reports": reports}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
