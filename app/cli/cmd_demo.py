"""``microdrama demo PATH``: write the demo series (made locally, no network)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.progress import ProgressBar


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="write a demo series to PATH (no network needed)")
    p.add_argument("path", help="folder for the new project (.mdrama is added if missing)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.demo import create_demo  # heavy imports (Qt painting, numpy) only when used

    bar = ProgressBar("demo")
    bundle = create_demo(Path(args.path), progress=lambda fraction, detail: bar.update(fraction, detail))
    bar.finish(f"wrote {bundle.root}")
    print(bundle.root)
    return 0
