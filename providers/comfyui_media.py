"""Animated WebP / PNG from ComfyUI turned into an MP4 clip the media engine can play.

ComfyUI's SaveAnimatedWEBP and SaveAnimatedPNG (and SaveVideo/SaveWEBM) answer under
``images`` with ``"animated": [true]``: for a video job the "image" is the clip. FFmpeg
(and so PyAV, our media engine) decodes neither animated WebP nor every APNG as a moving
picture, so the client converts such a file to H.264 MP4 right after download. OpenCV
(already a dependency) reads both animations with their frame durations
(``cv2.imreadanimation``); PyAV encodes. The original file is removed only once the MP4
exists and decodes, so a failed conversion never leaves a broken clip.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

ANIMATED_STILL_SUFFIXES = (".webp", ".png", ".apng")


def read_animation(path: Path) -> tuple[list[np.ndarray], list[int]]:
    """The frames (BGR or BGRA arrays) and their durations in ms; ValueError if it is not an animation."""
    import cv2

    ok, animation = cv2.imreadanimation(str(path))
    frames = list(animation.frames) if ok else []
    if not frames:
        raise ValueError("it is not an animation OpenCV can read")
    durations = [int(d) if int(d) > 0 else 100 for d in list(animation.durations)[: len(frames)]]
    durations += [100] * (len(frames) - len(durations))
    return frames, durations


def animation_to_mp4(src: Path, dest: Path, *, frames_expected: int = 0, fps_expected: float = 0.0) -> Path:
    """Encode the animation ``src`` as a constant-frame-rate H.264 MP4 at ``dest``.

    WebP and APNG encoders merge identical consecutive frames into one longer frame, so each
    frame is repeated for its duration at the workflow's fps (or the shortest frame's rate):
    the clip keeps its length and rate. When *all* frames are identical, libwebp (through Pillow, as ComfyUI 0.3.64 saves)
    writes a plain still WebP with no timing at all: then the workflow's own frame count and
    fps (``frames_expected``/``fps_expected``) give the clip its length.
    """
    import av
    import cv2

    frames, durations = read_animation(src)
    if len(frames) == 1 and frames_expected > 1 and fps_expected > 0:
        durations = [round(1000 * frames_expected / fps_expected)]
    # The workflow's own fps when known (merged frames then repeat back to it), else the shortest frame's.
    shortest = 1000 / fps_expected if fps_expected > 0 else min(durations)
    height, width = frames[0].shape[:2]
    width, height = width // 2 * 2 or 2, height // 2 * 2 or 2  # yuv420p wants even sizes
    rate = Fraction(1000 / max(1000 / 60, shortest)).limit_denominator(1000)
    tmp = dest.with_name(dest.name + ".part.mp4")
    with av.open(str(tmp), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.time_base = 1 / rate
        stream.options = {"preset": "veryfast", "crf": "18"}
        pts = 0
        for image, duration in zip(frames, durations, strict=True):
            if image.ndim == 2:
                image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
            elif image.shape[2] == 4:  # transparent pixels over black, as a player would show them
                alpha = image[:, :, 3:4].astype("float32") / 255.0
                image = (image[:, :, :3].astype("float32") * alpha).astype("uint8")
            picture = image[:height, :width]
            for _repeat in range(max(1, round(duration * rate / 1000))):
                frame = av.VideoFrame.from_ndarray(picture, format="bgr24")
                frame.pts, frame.time_base = pts, 1 / rate
                pts += 1
                for packet in stream.encode(frame):
                    container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    tmp.replace(dest)
    return dest
