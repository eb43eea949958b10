"""``microdrama info PATH``: a JSON summary of a project, for people and scripts.

Keys come in a fixed order (not alphabetical: the order a person reads in), so
the output diffs cleanly between runs. Reading takes no lock and changes nothing.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from app.bundle import ProjectBundle
from app.media_check import check_paths, paths_to_check
from app.model import Episode, Series
from app.model.lazy_episode import summary_of
from app.model.schema import SCHEMA_VERSION
from app.recovery import find_recovery


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("info", help="print a JSON summary of a project")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("--use-backup", action="store_true",
                   help="read project.json.bak (the previous save) instead of project.json")
    p.set_defaults(func=run)


def _episode_info(ep: Episode, fps: int) -> dict[str, Any]:
    """One episode's line: counted from the manifest's summary (the part is not read), which a
    save writes from the same model these counts would come from."""
    s = summary_of(ep)
    return {
        "number": ep.number,
        "title": ep.title,
        "scenes": s.scenes,
        "shots": s.shots,
        "dialogue_lines": s.lines,
        "takes": s.takes,
        "chosen_takes": {"recorded": s.chosen_recorded, "ai": s.chosen_ai, "converted": s.chosen_converted,
                         "none": s.lines - s.voiced},
        "duration_frames": s.duration_frames,
        "duration_seconds": round(s.duration_frames / fps, 3),
        "tracks": s.tracks,
        "clips": s.clips,
    }


def summarize(bundle: ProjectBundle, series: Series) -> dict[str, Any]:
    fps = series.settings.fps
    episodes = [_episode_info(ep, fps) for ep in sorted(series.episodes, key=lambda e: e.number)]
    problems = check_paths(bundle, paths_to_check(series))  # unread episodes' takes come from their parts
    recovery = find_recovery(bundle.root)
    total_frames = sum(e["duration_frames"] for e in episodes)
    return {
        "title": series.title,
        "path": str(bundle.root),
        "schema_version": SCHEMA_VERSION,
        "fps": fps,
        "resolution": [series.settings.width, series.settings.height],
        "episodes": episodes,
        "totals": {
            "episodes": len(episodes),
            "scenes": sum(e["scenes"] for e in episodes),
            "shots": sum(e["shots"] for e in episodes),
            "dialogue_lines": sum(e["dialogue_lines"] for e in episodes),
            "takes": sum(e["takes"] for e in episodes),
            "duration_frames": total_frames,
            "duration_seconds": round(total_frames / fps, 3),
        },
        "characters": [c.name for c in series.characters],
        "locations": [loc.name for loc in series.locations],
        "media_count": len(series.media),
        "missing_media": sorted(p.path for p in problems if p.reason == "missing"),
        "media_outside_bundle": sorted(p.path for p in problems if p.reason == "outside"),
        "jobs": dict(sorted(Counter(j.state for j in series.jobs).items())),
        "autosave_newer_than_save": recovery is not None,
    }


def run(args: argparse.Namespace) -> int:
    bundle = ProjectBundle(Path(args.path))
    series = bundle.load(use_backup=args.use_backup)
    if not args.use_backup:  # what happened to jobs since the last save is in the journal
        from app.jobs.journal import journal_path, read_entries, replay

        replay(series, read_entries(journal_path(bundle.root)))
    print(json.dumps(summarize(bundle, series), ensure_ascii=False, indent=2))
    return 0
