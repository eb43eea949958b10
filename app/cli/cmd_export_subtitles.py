"""``microdrama export-subtitles``: the subtitle track as SRT, WebVTT or ASS."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import default_output, load_project, pick_episode
from app.errors import UserError
from app.fsutil import atomic_write_bytes
from app.interchange.subtitles import FORMATS, cues_for, render


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export-subtitles", help="export an episode's subtitles (SRT, WebVTT, ASS)")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("--episode", type=int, help="episode number (default: the only one)")
    p.add_argument("--format", choices=sorted(FORMATS), default=None,
                   help="subtitle format (default: from --out's extension, else srt)")
    p.add_argument("--out", help="output file (default: renders/<name>-E<N>.<format>)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    bundle, series = load_project(args.path)
    episode = pick_episode(series, args.episode)
    fmt = args.format
    if fmt is None and args.out:
        fmt = Path(args.out).suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise UserError(f"Cannot tell the subtitle format from {args.out}; add --format srt|vtt|ass.")
    fmt = fmt or "srt"
    out = Path(args.out) if args.out else default_output(bundle, episode, FORMATS[fmt])
    s = series.settings
    text = render(episode, fmt, s.fps, s.width, s.height, series.title)
    try:
        atomic_write_bytes(out, text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"Could not write {out}: {exc.strerror or exc}.") from exc
    print(f"{out}: {len(cues_for(episode, s.fps))} cues ({fmt})")
    return 0
