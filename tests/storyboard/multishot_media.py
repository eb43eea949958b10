"""A real multi-shot clip made in the test: hard cuts between differently lit shots, with sound."""

from __future__ import annotations

import io
from fractions import Fraction

import av
import numpy as np


def multishot_mp4(lengths: tuple[float, ...] = (1.0, 2.0, 1.5), fps: int = 24, size: tuple[int, int] = (96, 160),
                  sound: bool = True) -> bytes:
    """An H.264/AAC MP4 whose shots (each a colour with a moving bar) change at hard cuts."""
    w, h = size
    colours = [(200, 60, 40), (40, 170, 80), (50, 70, 200), (210, 200, 60), (120, 40, 160), (30, 160, 180)]
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        video = container.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = w, h, "yuv420p"
        audio = container.add_stream("aac", rate=44100) if sound else None
        n = 0
        for shot, seconds in enumerate(lengths):
            for i in range(round(seconds * fps)):
                img = np.zeros((h, w, 3), np.uint8)
                img[:] = colours[shot % len(colours)]
                x = (i * 3) % w
                img[:, x:x + 6] = 255 - np.array(colours[shot % len(colours)], np.uint8)
                frame = av.VideoFrame.from_ndarray(img, format="rgb24")
                frame.pts, frame.time_base = n, Fraction(1, fps)
                n += 1
                for packet in video.encode(frame):
                    container.mux(packet)
        for packet in video.encode(None):
            container.mux(packet)
        if audio is not None:
            total = int(sum(lengths) * 44100)
            t = np.arange(total) / 44100
            samples = (0.2 * np.sin(2 * np.pi * 330 * t)).astype(np.float32)
            for start in range(0, total - 1024, 1024):
                frame = av.AudioFrame.from_ndarray(samples[start:start + 1024].reshape(1, -1), format="fltp",
                                                   layout="mono")
                frame.sample_rate, frame.pts = 44100, start
                for packet in audio.encode(frame):
                    container.mux(packet)
            for packet in audio.encode(None):
                container.mux(packet)
    return out.getvalue()
