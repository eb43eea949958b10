"""``microdrama lipsync``: lip sync an episode's shots to their chosen takes, headless.

Each shot with a chosen clip and a chosen take is sent (clip + the takes mixed where they
sit in the shot) to a lip-sync provider; the result becomes the shot's new chosen clip.
"""

from __future__ import annotations

import argparse
import sys

EXIT_FAILED = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    from app.cli.cmd_generate import parse_shots
    from app.cli.common import editing_episode, print_failures
    from app.errors import UserError
    from app.voices.lipsync_batch import LipSyncBatch

    if args.face is not None and args.face < 0:
        raise UserError("--face: use 1 for the first face found, 2 for the second, or 0 for the longest on screen.")
    with editing_episode(args.path, args.episode) as (session, episode):
        shots = list(episode.shots())
        positions = parse_shots(args.shots, len(shots))
        shot_ids = None if positions is None else {shots[i - 1].id for i in sorted(positions)}
        batch = LipSyncBatch(session, episode, sys.stderr, provider=args.provider, shot_ids=shot_ids, face=args.face)
        failures = batch.run()
        done = len(batch.plan_result.jobs) if batch.plan_result else 0
        print(f"{done} shot(s) sent to lip sync", file=sys.stderr)
    return EXIT_FAILED if print_failures(failures) else 0
