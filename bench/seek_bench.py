"""Seek benchmark: 200 random exact frames across a timeline of ten 1080x1920 long-GOP clips.

Fetches each frame at preview size (540x960) three ways, in this process, on the
same frames: ours with preview proxies (what the player does), ours from the
sources (what export does), and OpenCV's naive seek (``CAP_PROP_POS_FRAMES``
then ``read``) with one capture kept open per clip. Every frame shows its own
number (app.media.synth), so exactness is checked from the pixels.
Target: ours p95 < 40 ms with 100% exact. The last line is the headline.

    python bench/seek_bench.py [--workdir DIR] [--frames 200] [--seed 1]

Generated clips are kept in DIR and reused by later runs.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from app.media.cachepaths import proxy_path  # noqa: E402
from app.media.decode import FrameFetcher  # noqa: E402
from app.media.proxy import make_proxy  # noqa: E402
from app.media.synth import read_code, write_counter_clip  # noqa: E402

CLIPS = 10
FRAMES_PER_CLIP = 180  # 6 s at 30 fps
SIZE = (1080, 1920)
PREVIEW = (540, 960)
GOP = 250  # x264's default keyint: a 6 s AI clip has a single keyframe


def make_clips(workdir: Path) -> list[Path]:
    media = workdir / "media"
    media.mkdir(parents=True, exist_ok=True)
    clips = []
    for c in range(CLIPS):
        path = media / f"clip{c:02d}_gop{GOP}.mp4"
        if not path.exists():
            t0 = time.perf_counter()
            tmp = path.with_suffix(".part.mp4")
            write_counter_clip(tmp, FRAMES_PER_CLIP, SIZE, 30, gop=GOP, bframes=3, code_base=c * 1000,
                               texture=True, options={"preset": "ultrafast"})
            tmp.rename(path)
            print(f"generated {path.name} in {time.perf_counter() - t0:.1f} s", flush=True)
        clips.append(path)
    return clips


def make_proxies(workdir: Path, clips: list[Path]) -> float:
    total = 0.0
    for clip in clips:
        dest = proxy_path(workdir / "cache", clip)
        if not dest.exists():
            t0 = time.perf_counter()
            make_proxy(clip, dest, threads=2)
            total += time.perf_counter() - t0
    return total


def pct(ms: list[float], q: float) -> float:
    return float(np.percentile(ms, q))


def run_ours(workdir: Path, clips: list[Path], picks, use_proxy: bool) -> tuple[list[float], int]:
    fetcher = FrameFetcher(workdir)
    times, exact = [], 0
    for c, i in picks:
        t0 = time.perf_counter()
        rgb = fetcher.frame_at(clips[c], Fraction(i, 30), PREVIEW, use_proxy=use_proxy)
        times.append((time.perf_counter() - t0) * 1000)
        exact += read_code(rgb) == c * 1000 + i
    fetcher.close()
    return times, exact


def run_opencv(clips: list[Path], picks) -> tuple[list[float], int]:
    caps = {}
    times, exact = [], 0
    for c, i in picks:
        t0 = time.perf_counter()
        cap = caps.get(c)
        if cap is None:
            cap = caps[c] = cv2.VideoCapture(str(clips[c]))
        cap.set(cv2.CAP_PROP_POS_FRAMES, i)
        ok, bgr = cap.read()
        rgb = cv2.cvtColor(cv2.resize(bgr, PREVIEW, interpolation=cv2.INTER_AREA), cv2.COLOR_BGR2RGB) \
            if ok else None
        times.append((time.perf_counter() - t0) * 1000)
        exact += rgb is not None and read_code(rgb) == c * 1000 + i
    for cap in caps.values():
        cap.release()
    return times, exact


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/microdrama-seek-bench"))
    ap.add_argument("--frames", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fresh-proxies", action="store_true", help="delete and rebuild the proxies first")
    args = ap.parse_args(argv)
    workdir = args.workdir
    clips = make_clips(workdir)
    if args.fresh_proxies:
        shutil.rmtree(workdir / "cache", ignore_errors=True)
    (workdir / "cache").mkdir(parents=True, exist_ok=True)
    proxy_s = make_proxies(workdir, clips)
    if proxy_s:
        print(f"proxies made in {proxy_s:.1f} s for {CLIPS * FRAMES_PER_CLIP / 30:.0f} s of video", flush=True)
    rng = random.Random(args.seed)
    picks = [divmod(rng.randrange(CLIPS * FRAMES_PER_CLIP), FRAMES_PER_CLIP) for _ in range(args.frames)]
    n = len(picks)
    ours, ours_ok = run_ours(workdir, clips, picks, use_proxy=True)
    src, src_ok = run_ours(workdir, clips, picks, use_proxy=False)
    ocv, ocv_ok = run_opencv(clips, picks)
    for name, ms, ok in (("ours (proxies, preview)", ours, ours_ok), ("ours (sources, export path)", src, src_ok),
                         ("OpenCV naive seek", ocv, ocv_ok)):
        print(f"{name:30s} p50 {pct(ms, 50):7.1f} ms   p95 {pct(ms, 95):7.1f} ms   "
              f"exact {ok}/{n} ({100 * ok / n:.0f}%)")
    print(f"seek_bench: ours p95 {pct(ours, 95):.1f} ms (p50 {pct(ours, 50):.1f}), exact {100 * ours_ok / n:.0f}%; "
          f"OpenCV p95 {pct(ocv, 95):.1f} ms (p50 {pct(ocv, 50):.1f}), exact {100 * ocv_ok / n:.0f}%; "
          f"p95 ratio {pct(ocv, 95) / pct(ours, 95):.1f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
