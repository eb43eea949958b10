"""Synthetic drama-like footage for testing and benchmarking the theft check.

Scenes of a few seconds each: a gradient "set", moving figures and a caption bar,
different for every seed but alike in style, so unrelated clips are a fair test
of false positives (not just noise against pictures).
"""

from __future__ import annotations

from pathlib import Path

import av
import cv2
import numpy as np


def write_synthetic_episode(path: Path, seed: int, seconds: float = 20.0, size: tuple[int, int] = (270, 480),
                            fps: int = 30, scene_seconds: float = 2.5) -> Path:
    rng = np.random.default_rng(seed)
    width, height = size
    frames = int(seconds * fps)
    per_scene = int(scene_seconds * fps)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast", "crf": "20"}
        scene: tuple[np.ndarray, list[tuple[float, float, float, float, tuple[int, ...]]], int] | None = None
        for i in range(frames):
            if i % per_scene == 0:
                c1, c2 = rng.integers(20, 235, 3), rng.integers(20, 235, 3)
                angle = rng.uniform(0, np.pi)
                ramp = (np.cos(angle) * xx / width + np.sin(angle) * yy / height)
                ramp = (ramp - ramp.min()) / (np.ptp(ramp) + 1e-6)
                base = (c1[None, None, :] * (1 - ramp[..., None]) + c2[None, None, :] * ramp[..., None]).astype(np.uint8)
                figures = [(rng.uniform(0.1, 0.9), rng.uniform(0.2, 0.8), rng.uniform(0.05, 0.18),
                            rng.uniform(-0.004, 0.004), tuple(int(v) for v in rng.integers(0, 255, 3)))
                           for _ in range(int(rng.integers(2, 5)))]
                scene = (base, figures, i)
            assert scene is not None  # frame 0 starts a scene
            base, figures, start = scene
            img = base.copy()
            t = i - start
            for fx, fy, r, v, color in figures:
                cx, cy = int((fx + v * t) * width), int(fy * height)
                cv2.ellipse(img, (cx, cy), (int(r * width), int(r * width * 1.8)), 0, 0, 360, color, -1)
                cv2.circle(img, (cx, cy - int(r * width * 2.3)), int(r * width * 0.6), color, -1)
            cv2.rectangle(img, (0, int(height * 0.82)), (width, int(height * 0.9)), (0, 0, 0), -1)
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path
