"""Small real media files made in memory (cached): what a vendor's CDN would serve."""

from __future__ import annotations

import io
import wave
from functools import cache

import av
import cv2
import numpy as np


@cache
def png_bytes(width: int = 96, height: int = 160) -> bytes:
    """A gradient PNG (portrait by default)."""
    y, x = np.mgrid[0:height, 0:width]
    img = np.stack([(x * 255 // max(1, width - 1)), (y * 255 // max(1, height - 1)),
                    np.full_like(x, 128)], axis=-1).astype(np.uint8)
    ok, buf = cv2.imencode(".png", img)
    assert ok
    return buf.tobytes()


@cache
def jpeg_bytes(width: int = 320, height: int = 480) -> bytes:
    img = np.zeros((height, width, 3), np.uint8)
    cv2.circle(img, (width // 2, height // 2), min(width, height) // 3, (40, 180, 240), -1)
    ok, buf = cv2.imencode(".jpg", img)
    assert ok
    return buf.tobytes()


@cache
def mp4_bytes(width: int = 64, height: int = 112, frames: int = 12, fps: int = 24) -> bytes:
    """A short H.264 MP4 with a moving bar."""
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast"}
        for i in range(frames):
            img = np.zeros((height, width, 3), np.uint8)
            img[:, (i * 4) % width: (i * 4) % width + 6] = 255
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()


@cache
def wav_bytes(seconds: float = 0.5, rate: int = 24000) -> bytes:
    """A mono 440 Hz tone as 16-bit WAV."""
    t = np.arange(int(seconds * rate)) / rate
    samples = (np.sin(2 * np.pi * 440 * t) * 12000).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return out.getvalue()


NOT_MEDIA = b"<html><body><h1>Access denied</h1></body></html>"
