"""``microdrama lipsync``: lip sync an episode's shots to their chosen takes, headless.

Each shot with a chosen clip and a chosen take is sent (clip + the takes mixed where they
sit in the shot) to a lip-sync provider; the result becomes the shot's new chosen clip.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_FAILED = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "lipsync", help="lip sync an episode's shots to their chosen voice takes",
        description="Send each shot's chosen clip and its chosen takes (placed where they sit in the shot) "
        "to a lip-sync provider; the result becomes the shot's new chosen clip version.")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("--episode", type=int, help="episode number (needed when the series has several)")
    p.add_argument("--shots", help="only these shots, by position in the episode: 1,4-6")
    p.add_argument("--provider", metavar="NAME", help="lip-sync provider (e.g. kling_lipsync, fal_lipsync)")
    p.add_argument("--face", type=int, metavar="N",
                   help="which face speaks: the N-th face the vendor finds (1, 2, ...), remembered per shot; "
                   "0 = the face on screen longest (the default)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from app.cli.cmd_generate import parse_shots
    from app.cli.common import pick_episode
    from app.errors import UserError
    from app.session import Session
    from app.voices.lipsync_batch import LipSyncBatch

    _app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])  # noqa: F841 - kept alive
    session = Session()
    session.open(Path(args.path))
    try:
        episode = pick_episode(session.series, args.episode)
        session.set_current_episode(episode.id)
        shots = list(episode.shots())
        positions = parse_shots(args.shots, len(shots))
        shot_ids = None if positions is None else {shots[i - 1].id for i in sorted(positions)}
        if args.face is not None and args.face < 0:
            raise UserError("--face: use 1 for the first face found, 2 for the second, or 0 for the longest on screen.")
        batch = LipSyncBatch(session, episode, sys.stderr, provider=args.provider, shot_ids=shot_ids, face=args.face)
        failures = batch.run()
        done = len(batch.plan_result.jobs) if batch.plan_result else 0
        print(f"{done} shot(s) sent to lip sync", file=sys.stderr)
    finally:
        session.close()
    if failures:
        for line in failures:
            print(f"error: {line}", file=sys.stderr)
        return EXIT_FAILED
    return 0
