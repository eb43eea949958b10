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

ANIMATED_STILL_SUFFIXES = (".webp", ".png", ".apng")


def read_animation(path: Path) -> tuple[list, list[int]]:
    """The frames (BGR or BGRA arrays) and their durations in ms; ValueError if it is not an animation."""
    import cv2

    ok, animation = cv2.imreadanimation(str(path))
    frames = list(animation.frames) if ok else []
    if not frames:
        raise ValueError("it is not an animation OpenCV can read")
    durations = [int(d) if int(d) > 0 else 100 for d in list(animation.durations)[: len(frames)]]
    durations += [100] * (len(frames) - len(durations))
    return frames, durations


def animation_to_mp4(src: Path, dest: Path) -> Path:
    """Encode the animation ``src`` as an H.264 MP4 at ``dest`` (variable frame durations kept)."""
    import av
    import cv2

    frames, durations = read_animation(src)
    height, width = frames[0].shape[:2]
    width, height = width // 2 * 2 or 2, height // 2 * 2 or 2  # yuv420p wants even sizes
    # The most common frame duration sets the nominal rate; timestamps keep each frame's own.
    common = max(set(durations), key=durations.count)
    rate = Fraction(1000, common).limit_denominator(1000)
    tmp = dest.with_name(dest.name + ".part.mp4")
    with av.open(str(tmp), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.time_base = Fraction(1, 1000)
        stream.options = {"preset": "veryfast", "crf": "18"}
        pts = 0
        for image, duration in zip(frames, durations, strict=True):
            if image.ndim == 2:
                image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
            elif image.shape[2] == 4:  # transparent pixels over black, as a player would show them
                alpha = image[:, :, 3:4].astype("float32") / 255.0
                image = (image[:, :, :3].astype("float32") * alpha).astype("uint8")
            frame = av.VideoFrame.from_ndarray(image[:height, :width], format="bgr24")
            frame.pts, frame.time_base = pts, Fraction(1, 1000)
            pts += duration
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    tmp.replace(dest)
    return dest
