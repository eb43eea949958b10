"""``microdrama demo PATH``: write the demo series (made locally, no network)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.progress import ProgressBar


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="write a demo series to PATH (no network needed)")
    p.add_argument("path", help="folder for the new project (.mdrama is added if missing)")
    p.add_argument("--episodes", type=int, default=1, metavar="N",
                   help="write a season of N episodes (~30 shots each, the demo's media reused)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.episodes < 1:
        print(f"microdrama demo: --episodes must be at least 1 (got {args.episodes})", file=sys.stderr)
        return 2
    from app.demo_season import create_demo_season  # heavy imports (Qt painting, numpy) only when used

    bar = ProgressBar("demo")
    bundle = create_demo_season(Path(args.path), args.episodes,
                                progress=lambda fraction, detail: bar.update(fraction, detail))
    bar.finish(f"wrote {bundle.root}")
    print(bundle.root)
    return 0
