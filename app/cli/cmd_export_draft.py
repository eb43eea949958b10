"""``microdrama export-draft``: the episode as an editable Jianying / CapCut draft folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli.common import load_project, pick_episode
from app.cli.progress import ProgressBar


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export-draft", help="export an episode as a Jianying (剪映) or CapCut draft folder")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("--episode", type=int, help="episode number (default: the only one)")
    p.add_argument("--out", required=True,
                   help="folder to write the draft into (e.g. the app's draft folder, com.lveditor.draft)")
    p.add_argument("--app", choices=("jianying", "capcut"), default="jianying", help="target app (default: jianying)")
    p.add_argument("--name", default="", help="draft name (default: '<series> E<NN> <title>')")
    p.add_argument("--collect", action="store_true",
                   help="copy media into the draft so it opens on another computer (default: link to the project)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.interchange.draft_export import DraftOptions, write_draft
    from app.interchange.draft_targets import DraftApp

    bundle, series = load_project(args.path)
    episode = pick_episode(series, args.episode)
    options = DraftOptions(app=DraftApp(args.app), collect=args.collect, name=args.name)
    bar = ProgressBar("export-draft")
    result = write_draft(series, episode, bundle, Path(args.out), options, progress=lambda f, text: bar.update(f, text))
    bar.finish()
    for problem in result.problems:
        print(f"not carried over: {problem}", file=sys.stderr)
    print(json.dumps({"draft": str(result.folder), "app": result.app.value, "episode": episode.number,
                      "tracks": result.tracks, "segments": result.segments, "copied_files": result.copied_files,
                      "problems": len(result.problems), "report": str(result.report)}, ensure_ascii=False))
    return 0
