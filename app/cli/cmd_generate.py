"""``microdrama generate``: make what an episode is missing, in the background queue, headless.

Stills for shots without a chosen still, clips from each chosen still, and a
music bed; with ``--regenerate``, new versions for the named shots. Every
submission is recorded in project.json as it happens, so an interrupted run
(Ctrl+C, a closed laptop) resumes where it stopped: the next run first finishes
the tasks already paid for, then submits only what is still missing.
"""

from __future__ import annotations

import argparse
import os
import sys

from app.errors import UserError

EXIT_FAILED = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "generate", help="generate missing stills, clips and music for an episode",
        description="Generate what an episode is missing (or new versions with --regenerate) using the "
        "configured AI providers. Without --stills/--clips/--music, stills and clips are generated.")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("--episode", type=int, help="episode number (needed when the series has several)")
    p.add_argument("--stills", action="store_true", help="generate stills for shots without a chosen still")
    p.add_argument("--clips", action="store_true", help="generate clips from each shot's chosen still")
    p.add_argument("--music", action="store_true", help="generate a music bed for the episode")
    p.add_argument("--shots", help="only these shots, by position in the episode: 1,4-6")
    p.add_argument("--regenerate", action="store_true", help="make new versions even where one exists")
    p.add_argument("--image-provider", metavar="NAME", help="provider for stills (e.g. kling, openai, comfyui)")
    p.add_argument("--video-provider", metavar="NAME", help="provider for clips (e.g. kling, minimax, motion)")
    p.add_argument("--music-provider", metavar="NAME", help="provider for the music bed")
    p.add_argument("--multi-shot", metavar="SCENE", type=int,
                   help="make scene SCENE as one multi-shot clip (kling-v3, Seedance 2.0) and give each shot its piece")
    p.add_argument("--text-provider", metavar="NAME",
                   help="language model that writes image prompts for shots that have none")
    p.set_defaults(func=run)


def parse_shots(spec: str | None, count: int) -> set[int] | None:
    """``"1,4-6"`` -> {1, 4, 5, 6}; None means all shots."""
    if not spec:
        return None
    chosen: set[int] = set()
    for part in spec.replace(" ", "").split(","):
        if not part:
            continue
        try:
            if "-" in part:
                a, b = (int(x) for x in part.split("-", 1))
                chosen.update(range(min(a, b), max(a, b) + 1))
            else:
                chosen.add(int(part))
        except ValueError:
            raise UserError(f"--shots: {part!r} is not a shot number or range (use e.g. 1,4-6).") from None
    outside = sorted(n for n in chosen if n < 1 or n > count)
    if outside:
        raise UserError(f"--shots: the episode has shots 1-{count}; there is no shot {outside[0]}.")
    return chosen


def run(args: argparse.Namespace) -> int:
    from app.cli.common import editing_episode
    from app.jobs.batch import BatchGenerator, Plan

    with editing_episode(args.path, args.episode) as (session, episode):
        if args.multi_shot is not None:
            from app.jobs.multishot import run_scene

            failures = run_scene(session, episode, args.multi_shot, args.video_provider, sys.stderr)
            return _report(failures, interrupted=False)
        everything = not (args.stills or args.clips or args.music)
        shots = list(episode.shots())
        plan = Plan(
            stills=args.stills or everything, clips=args.clips or everything, music=args.music,
            shots=parse_shots(args.shots, len(shots)), regenerate=args.regenerate,
            image_provider=args.image_provider, video_provider=args.video_provider,
            music_provider=args.music_provider, text_provider=args.text_provider,
        )
        generator = BatchGenerator(session, episode, plan, out=sys.stderr)
        failures = generator.run()
    return _report(failures, interrupted=generator.interrupted, earlier=generator.earlier_failures)


def _report(failures: list[str], interrupted: bool, earlier: list[str] | None = None) -> int:
    """Exit 0 when the work asked for succeeded; failures of earlier runs (other episodes, other
    shots) are listed as notes, not counted as this run's errors."""
    if earlier:
        print(f"note: {len(earlier)} earlier job(s) in this project failed before this run "
              "(not part of this command; retry them in the Jobs panel or with their own command):",
              file=sys.stderr)
        for line in earlier:
            print(f"note:   {line}", file=sys.stderr)
    if failures:
        for line in failures:
            print(f"error: {line}", file=sys.stderr)
        if interrupted:
            # Ctrl+C: every job's state is in the journal (flushed when the project closed) and the
            # lock is released; skip the interpreter's and Qt's teardown, which can take seconds.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(EXIT_FAILED)
        return EXIT_FAILED
    return 0
