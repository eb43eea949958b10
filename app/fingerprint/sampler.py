"""Decode a video into sampled greyscale frames for fingerprinting, fast.

Every frame must be decoded (long GOPs), but only sampled frames are scaled and
converted, straight to a small greyscale picture inside FFmpeg's scaler.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import av
import numpy as np
from PySide6.QtCore import QCoreApplication

from app.errors import UserError

SAMPLE_FPS = 5.0
GRAY_WIDTH = 96


def sample_gray_frames(path: Path, sample_fps: float = SAMPLE_FPS,
                       cancelled: Callable[[], bool] | None = None,
                       width: int = GRAY_WIDTH) -> Iterator[tuple[float, np.ndarray]]:
    """Yield (seconds, grey frame ``width`` px wide) every 1/sample_fps seconds of presentation time."""
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError) as exc:
        raise UserError(QCoreApplication.translate("FingerprintSampler", "{name} cannot be read as a video: {exc}").format(name=Path(path).name, exc=exc)) from exc
    with container:
        if not container.streams.video:
            raise UserError(QCoreApplication.translate("FingerprintSampler", "{name} has no video stream.").format(name=Path(path).name))  # callers check for sound first
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        next_time = 0.0
        step = 1.0 / sample_fps
        height = None
        try:
            for frame in container.decode(stream):
                if cancelled and cancelled():
                    return
                if frame.time is None or frame.time + 1e-6 < next_time:
                    continue
                if height is None:
                    aspect = frame.height / max(1, frame.width)
                    height = max(16, int(round(width * aspect / 2)) * 2)
                gray = frame.reformat(width=width, height=height, format="gray").to_ndarray()
                yield float(frame.time), gray
                while next_time <= frame.time + 1e-6:
                    next_time += step
        except av.error.InvalidDataError:
            return  # a truncated tail: what was decoded so far still counts
