"""Offline still-to-clip benchmark: render time of a 1080x1920 pan/zoom clip, as a ratio to
(a) the clip's own duration (real-time factor) and (b) encoding the same number of precomputed
moving frames with the same encoder settings in the same process (the warp's overhead).

Run: python bench/motion_bench.py [--quick]   (last line: the headline figures)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from providers.motion import render_motion  # noqa: E402


def encode_frames(frames: list[np.ndarray], path: Path, fps: int) -> None:
    """The reference: the same encoder and settings on precomputed moving frames (pure encode cost)."""
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=Fraction(fps, 1))
        stream.width, stream.height, stream.pix_fmt = frames[0].shape[1], frames[0].shape[0], "yuv420p"
        stream.options = {"crf": "18", "preset": "veryfast"}
        for frame in frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def make_still(h: int, w: int) -> np.ndarray:
    """A photo-like still: gradients, shapes and fine grain (what generated stills look like to x264)."""
    import cv2

    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / w * 200 + 30, y / h * 180 + 40, (x + y) / (w + h) * 150 + 60], axis=-1)
    for i in range(40):
        cv2.circle(img, (int(w * ((i * 37) % 100) / 100), int(h * ((i * 53) % 100) / 100)), 20 + i * 3,
                   (255 - i * 5, 80 + i * 3, 40 + i * 4), -1)
    img += np.random.default_rng(1).normal(0, 6, img.shape).astype(np.float32)
    return np.clip(img, 0, 255).astype(np.uint8)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1 s instead of 5 s")
    args = parser.parse_args(argv)
    seconds, fps = (1.0, 30) if args.quick else (5.0, 30)
    width, height = 1080, 1920
    frames = round(seconds * fps)
    still = make_still(2048, 1152)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        results = {}
        for motion in ("zoom_in", "pan_left", "ken_burns"):
            t0 = time.perf_counter()
            render_motion(still, out / f"{motion}.mp4", width=width, height=height, fps=fps, frames=frames,
                          motion=motion, strength=0.12)
            results[motion] = time.perf_counter() - t0
        crop = np.ascontiguousarray(still[:height, :width])
        moving = [np.roll(crop, i * 2, axis=1) for i in range(frames)]  # a plain pan, computed beforehand
        t0 = time.perf_counter()
        encode_frames(moving, out / "reference.mp4", fps)
        reference = time.perf_counter() - t0
    for motion, elapsed in results.items():
        print(f"{motion:10s} {elapsed:6.2f} s for {seconds:.0f} s of {width}x{height}@{fps}: "
              f"{elapsed / seconds:5.2f}x real time, {elapsed / reference:5.2f}x pure encode")
    worst = max(results.values())
    print(f"headline: worst motion {worst / seconds:.2f}x real time, {worst / reference:.2f}x the pure-encode "
          f"reference ({reference:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
