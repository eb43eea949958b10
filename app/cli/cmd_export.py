"""``microdrama export``: render episodes to MP4 without the editor, with a progress bar."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import default_output, load_project, pick_episode
from app.cli.progress import ProgressBar
from app.errors import UserError
from app.media.presets import PRESETS

if TYPE_CHECKING:
    from app.bundle import ProjectBundle
    from app.media.export import ProgressFn
    from app.model import Episode, Series


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export an episode (or all) to MP4",
                       description="Render episodes to MP4 (H.264 + AAC, faststart) with an SRT sidecar.")
    p.add_argument("path", help="a .mdrama project folder")
    p.add_argument("--episode", type=int, help="episode number (needed when the series has several)")
    p.add_argument("--all", action="store_true", help="export every episode")
    p.add_argument("--out", help="output file (FILE.mp4); with --all a folder, or a pattern containing {n}")
    p.add_argument("--preset", default="standard", help=f"one of: {', '.join(PRESETS)} (default: standard)")
    p.add_argument("--no-label", action="store_true", help="leave out the visible AI-content label")
    p.add_argument("--no-srt", action="store_true", help="do not write the .srt subtitle sidecar")
    p.set_defaults(func=run)


def _targets(args: argparse.Namespace, bundle: ProjectBundle, series: Series) -> list[tuple[Episode, Path]]:
    if args.all:
        if not series.episodes:
            raise UserError("The project has no episodes to export.")
        out = args.out
        pairs = []
        for ep in sorted(series.episodes, key=lambda e: e.number):
            if out is None:
                target = default_output(bundle, ep, ".mp4")
            elif "{n" in out:
                target = Path(out.format(n=ep.number))
            elif out.lower().endswith(".mp4"):
                base = Path(out)
                target = base.with_name(f"{base.stem}-E{ep.number:02d}.mp4")
            else:
                folder = Path(out)
                folder.mkdir(parents=True, exist_ok=True)
                target = folder / f"{bundle.name}-E{ep.number:02d}.mp4"
            pairs.append((ep, target))
        return pairs
    ep = pick_episode(series, args.episode)
    return [(ep, Path(args.out) if args.out else default_output(bundle, ep, ".mp4"))]


def run(args: argparse.Namespace) -> int:
    from app.media.export import Exporter, ExportOptions
    from app.media.presets import get_preset
    from app.media.text_render import ensure_gui_app

    preset = get_preset(args.preset)
    bundle, series = load_project(args.path)
    targets = _targets(args, bundle, series)
    ensure_gui_app()  # text rendering needs Qt's font database
    for ep, target in targets:
        if target.suffix.lower() != ".mp4":
            raise UserError(f"{target.name}: the output must be an .mp4 file.")
        for warning in _preflight(series, ep):
            print(f"warning: episode {ep.number}: {warning}", file=sys.stderr)
        options = ExportOptions(preset=preset, labels=[] if args.no_label else None, write_srt=not args.no_srt)
        bar = ProgressBar(f"Episode {ep.number}")
        result = Exporter(series, bundle, ep, target, options,
                          progress=_bar_progress(bar)).run()
        bar.finish(f"{result.path} ({result.frames} frames, {result.seconds:.2f} s)")
        if result.srt_path:
            print(f"subtitles: {result.srt_path}")
    return 0


def _bar_progress(bar: ProgressBar) -> ProgressFn:
    return lambda fraction, _eta: bar.update(fraction)


def _preflight(series: Series, episode: Episode) -> list[str]:
    """Black, silent and subtitle-over-black stretches, said before the export starts."""
    from app.document import ProjectDocument
    from app.timeline.preflight import export_preflight

    return [w.message for w in export_preflight(ProjectDocument(series), episode)]
