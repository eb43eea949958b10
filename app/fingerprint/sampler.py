"""Decode a video into sampled greyscale frames for fingerprinting, fast.

Every reference frame must be decoded (long GOPs), but frames nobody refers to
(B-frames) are skipped when the file has more than twice the frames we sample, the
in-loop deblocking filter is skipped (it smooths block edges; a 32x32 hash never
sees them), and only sampled frames are reduced, straight to a small greyscale
picture inside FFmpeg's scaler (area filter: 0.35 ms for a 720p frame, where
OpenCV's area resize at a non-integer ratio takes 2.4 ms). Phone videos store their
rotation as a display matrix; it is applied here so a sideways file hashes upright.
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


def _upright(gray: np.ndarray, rotation: int) -> np.ndarray:
    """``rotation``: the display matrix's counter-clockwise degrees (what ffmpeg's autorotate applies)."""
    turns = int(round(rotation / 90.0)) % 4
    return np.ascontiguousarray(np.rot90(gray, turns)) if turns else gray


def _fast_decoding(stream: av.video.stream.VideoStream) -> None:
    stream.thread_type = "AUTO"
    ctx = stream.codec_context
    ctx.options = {**ctx.options, "skip_loop_filter": "all", "flags2": "+fast"}
    rate = float(stream.average_rate or stream.guessed_rate or 0)
    if rate >= 2.5 * SAMPLE_FPS:
        ctx.skip_frame = "NONREF"  # B-frames: what is left still comes more often than we sample


def sample_gray_frames(path: Path, sample_fps: float = SAMPLE_FPS,
                       cancelled: Callable[[], bool] | None = None,
                       width: int = GRAY_WIDTH) -> Iterator[tuple[float, np.ndarray]]:
    """Yield (seconds, grey frame ``width`` px wide, upright) every 1/sample_fps seconds of presentation time."""
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError) as exc:
        raise UserError(QCoreApplication.translate("FingerprintSampler", "{name} cannot be read as a video: {exc}").format(name=Path(path).name, exc=exc)) from exc
    with container:
        if not container.streams.video:
            raise UserError(QCoreApplication.translate("FingerprintSampler", "{name} has no video stream.").format(name=Path(path).name))  # callers check for sound first
        stream = container.streams.video[0]
        _fast_decoding(stream)
        next_time = 0.0
        step = 1.0 / sample_fps
        size: tuple[int, int] | None = None
        try:
            for frame in container.decode(stream):
                if cancelled and cancelled():
                    return
                if frame.time is None or frame.time + 1e-6 < next_time:
                    continue
                rotation = frame.rotation
                if size is None:
                    sideways = int(round(rotation / 90.0)) % 2 == 1
                    aspect = frame.height / max(1, frame.width)
                    width = min(width, frame.height if sideways else frame.width)  # never upscale
                    if sideways:  # the upright picture is width px wide: scale the stored height to it
                        size = (max(16, int(round(width / aspect / 2)) * 2), width)
                    else:
                        size = (width, max(16, int(round(width * aspect / 2)) * 2))
                gray = frame.reformat(width=size[0], height=size[1], format="gray", interpolation="AREA").to_ndarray()
                yield float(frame.time), _upright(gray, rotation)
                while next_time <= frame.time + 1e-6:
                    next_time += step
        except av.error.InvalidDataError:
            return  # a truncated tail: what was decoded so far still counts
