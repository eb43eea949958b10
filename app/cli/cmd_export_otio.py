"""``microdrama export-otio``: the episode timeline as OpenTimelineIO for Resolve/Premiere/Kdenlive."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.cli.common import default_output, load_project, pick_episode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export-otio", help="export an episode timeline as OpenTimelineIO (.otio)")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("--episode", type=int, help="episode number (default: the only one)")
    p.add_argument("--out", help="output .otio file (default: renders/<name>-E<N>.otio)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.interchange.otio_io import write_otio

    bundle, series = load_project(args.path)
    episode = pick_episode(series, args.episode)
    out = Path(args.out) if args.out else default_output(bundle, episode, ".otio")
    write_otio(series, episode, bundle, out)
    clips = sum(len(t.clips) for t in episode.timeline.tracks)
    print(json.dumps({"otio": str(out), "episode": episode.number, "clips": clips,
                      "duration_frames": episode.timeline.duration}, ensure_ascii=False))
    return 0
