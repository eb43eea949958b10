"""``microdrama voices``: give an episode's dialogue lines a voice take each, headless.

Each line is spoken in its character's voice (Series Bible), or with the offline scratch
voice (espeak-ng) when the character has none, so it works with no network and no key.
Lines that already have a chosen take are left alone unless ``--regenerate``.
"""

from __future__ import annotations

import argparse
import sys

EXIT_FAILED = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "voices", help="generate a voice take for each dialogue line of an episode",
        description="Speak each dialogue line in its character's voice and put the take on the dialogue "
        "track. Characters without a voice use the offline scratch voice (espeak-ng).")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("--episode", type=int, help="episode number (needed when the series has several)")
    p.add_argument("--lines", help="only these lines, by position in the episode: 1,4-6")
    p.add_argument("--provider", metavar="NAME", help="speak every line with this provider (e.g. espeak, openai)")
    p.add_argument("--regenerate", action="store_true",
                   help="make new takes even for lines that have one (a recorded chosen take stays chosen)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.cli.common import editing_episode, print_failures
    from app.voices.batch import VoiceBatch, parse_lines

    with editing_episode(args.path, args.episode) as (session, episode):
        batch = VoiceBatch(session, episode, sys.stderr, provider=args.provider,
                           line_ids=parse_lines(args.lines, episode), regenerate=args.regenerate)
        failures = batch.run()
        lines = [line for _s, line in episode.dialogue_lines()]
        voiced = sum(1 for line in lines if line.chosen_take() is not None)
        print(f"{voiced} of {len(lines)} line(s) have a chosen take", file=sys.stderr)
    return EXIT_FAILED if print_failures(failures) else 0
