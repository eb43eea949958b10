"""``microdrama match``: does a suspect video copy one of our exported episodes?"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from app.cli.common import load_project
from app.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("match", help="check a suspect video against this series' exported episodes")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("suspect", help="the suspect video file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.fingerprint.matcher import find_matches
    from app.fingerprint.store import load_all

    bundle, _ = load_project(args.path)
    suspect = Path(args.suspect)
    if not suspect.is_file():
        raise UserError(f"{suspect} does not exist.")
    references = load_all(bundle)
    if not references:
        raise UserError("No exported episode has a fingerprint yet: export an episode first "
                        "(every export is fingerprinted).")
    started = time.monotonic()
    suspect_print, matches = find_matches(suspect, references)
    print(json.dumps({
        "suspect": str(suspect),
        "suspect_duration": round(suspect_print.duration, 3),
        "episodes_checked": len(references),
        "seconds": round(time.monotonic() - started, 2),
        "matches": [m.as_json() for m in matches],
    }, ensure_ascii=False, indent=2))
    return 0
