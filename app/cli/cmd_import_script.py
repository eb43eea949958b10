"""``microdrama import-script``: a screenplay into an episode, broken down into shots."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.model import Episode, Scene, Series


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import-script", help="put a Fountain screenplay into an episode and break it down")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("script", help="a .fountain (or plain text) screenplay, UTF-8 or GB18030")
    p.add_argument("--episode", type=int, help="episode number (created if missing; default: a new episode)")
    p.add_argument("--no-ai", action="store_true",
                   help="break down without a language model even when a text provider is configured")
    p.set_defaults(func=run)


def choose_breakdown(no_ai: bool) -> tuple[Callable[[Series, Episode, str], list[Scene]], str]:
    """The language-model breakdown when a text provider is configured, else one shot per beat."""
    from app.script.importer import heuristic_breakdown

    if no_ai:
        return heuristic_breakdown, "one shot per beat"
    try:
        from app.script.llm_breakdown import configured_breakdown
    except ImportError:
        return heuristic_breakdown, "one shot per beat"
    found = configured_breakdown()
    return found if found else (heuristic_breakdown, "one shot per beat (no text provider configured)")


def run(args: argparse.Namespace) -> int:
    from app.script.checks import check_episode
    from app.script.importer import apply_script, read_script
    from app.script.llm_breakdown import InvalidShotList
    from app.session import Session

    text = read_script(Path(args.script))
    session = Session()
    session.open(Path(args.path))
    try:
        make_scenes, method = choose_breakdown(args.no_ai)
        try:
            result = apply_script(session.document, text, args.episode, make_scenes)
        except InvalidShotList as exc:
            from app.script.importer import heuristic_breakdown

            print(f"{exc} Broken down without AI instead (one shot per beat).", file=sys.stderr)
            method = "one shot per beat (the language model's shot list was not usable)"
            result = apply_script(session.document, text, args.episode, heuristic_breakdown)
        session.save()
        episode = result.episode
        lines = sum(len(s.dialogue) for s in episode.shots())
        print(json.dumps({
            "episode": episode.number,
            "created_episode": result.created_episode,
            "method": method,
            "scenes": len(episode.scenes),
            "shots": sum(len(s.shots) for s in episode.scenes),
            "dialogue_lines": lines,
            "characters": [c.name for c in session.series.characters],
            "kept_shots": len(result.report.kept), "updated_shots": len(result.report.updated),
            "added_shots": len(result.report.added), "removed_shots": len(result.report.removed),
            "orphaned_shots": len(result.report.orphaned),
            "problems": [p.message for p in check_episode(session.series, episode, session.bundle)
                         if p.kind != "no_picture"],
        }, ensure_ascii=False, indent=2))
    finally:
        session.close()
    return 0
