"""Offline still-to-clip: a smooth pan or zoom over a still, encoded as H.264 with PyAV.

No network and no key: the fallback that always works, and a free draft before paying
for a real image-to-video generation. The frame is cover-fitted to the output size with
room to move (``strength``), and every output pixel is sampled from the still with a
sub-pixel affine warp, so slow moves do not judder.

It fits the task shape synchronously: ``submit`` renders (checking the cancel token every
frame), ``poll`` answers succeeded, ``download`` checks and moves the clip.
"""

from __future__ import annotations

import math
import uuid
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np

from providers import errors as E
from providers.base import (
    SUCCEEDED,
    VIDEO,
    CancelToken,
    GenerationRequest,
    OutputRef,
    ProgressFn,
    TaskHandle,
    TaskStatus,
    VideoRequest,
)
from providers.common import ProviderClient
from providers.download import accept_local
from providers.errors import ProviderError

MOTIONS = ("zoom_in", "zoom_out", "pan_left", "pan_right", "pan_up", "pan_down", "ken_burns")


def ease(t: float) -> float:
    """Ease in and out (a camera operator does not start or stop abruptly)."""
    return 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, t)))


def camera(motion: str, t: float, strength: float) -> tuple[float, float, float]:
    """(zoom, x, y) at time ``t`` in 0..1: zoom >= 1 relative to cover-fit, x/y in -1..1 of the free travel."""
    e = ease(t)
    s = strength
    if motion == "zoom_in":
        return 1.0 + s * e, 0.0, 0.0
    if motion == "zoom_out":
        return 1.0 + s * (1.0 - e), 0.0, 0.0
    if motion == "pan_left":  # the camera moves left: the view travels from the right side to the left
        return 1.0 + s, 1.0 - 2.0 * e, 0.0
    if motion == "pan_right":
        return 1.0 + s, -1.0 + 2.0 * e, 0.0
    if motion == "pan_up":
        return 1.0 + s, 0.0, 1.0 - 2.0 * e
    if motion == "pan_down":
        return 1.0 + s, 0.0, -1.0 + 2.0 * e
    if motion == "ken_burns":
        return 1.0 + s * e, -0.5 + e, -0.3 + 0.6 * e
    raise ValueError(f"unknown motion {motion!r}; choose one of {', '.join(MOTIONS)}")


def render_motion(still: np.ndarray, out_path: Path, *, width: int, height: int, fps: int, frames: int,
                  motion: str, strength: float, cancel: CancelToken | None = None,
                  progress: ProgressFn | None = None) -> None:
    """Write an H.264 MP4 of ``frames`` frames moving over ``still`` (RGB uint8)."""
    # Shrink a large still once, to the most the moves will ever need, so every frame's warp
    # samples near 1:1 (sharp, no aliasing, and far less work per frame).
    need = max(width / still.shape[1], height / still.shape[0]) * (1.0 + strength)
    if need < 1.0:
        still = cv2.resize(still, (max(2, round(still.shape[1] * need)), max(2, round(still.shape[0] * need))),
                           interpolation=cv2.INTER_AREA)
    source = still
    src_h, src_w = still.shape[:2]
    cover = max(width / src_w, height / src_h)  # scale at which the still just covers the frame
    with av.open(str(out_path), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=Fraction(fps, 1))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"crf": "18", "preset": "veryfast", "movflags": "+faststart"}
        for i in range(frames):
            if cancel is not None:
                cancel.raise_if_cancelled()
            t = i / max(1, frames - 1)
            zoom, x, y = camera(motion, t, strength)
            scale = cover * zoom
            # Free travel (in source pixels) available at this zoom, on each axis.
            travel_x = max(0.0, (src_w * scale - width) / 2)
            travel_y = max(0.0, (src_h * scale - height) / 2)
            cx = width / 2 - x * travel_x
            cy = height / 2 - y * travel_y
            # Map: out = scale * (src - src_center) + (cx, cy)
            matrix = np.array([[scale, 0.0, cx - scale * src_w / 2],
                               [0.0, scale, cy - scale * src_h / 2]], dtype=np.float64)
            # Bilinear is visually identical here (scale stays near 1 after the pre-shrink) and ~3x faster.
            frame = cv2.warpAffine(source, matrix, (width, height), flags=cv2.INTER_LINEAR,
                                   borderMode=cv2.BORDER_REFLECT)
            yuv = cv2.cvtColor(frame, cv2.COLOR_RGB2YUV_I420).astype(np.uint8, copy=False)  # cheaper than swscale
            for packet in stream.encode(av.VideoFrame.from_ndarray(yuv, format="yuv420p")):
                container.mux(packet)
            if progress is not None:
                progress((i + 1) / frames, "rendering")
        for packet in stream.encode():
            container.mux(packet)


class MotionProvider(ProviderClient):
    """Still-to-clip pan/zoom; settings: motion, strength, width, height."""

    secret_keys = ()
    default_poll_interval = 0.0

    def __init__(self, settings: Any, *, name: str, staging_dir: Path | None = None) -> None:
        super().__init__(settings, name=name, staging_dir=staging_dir)
        self.progress: ProgressFn | None = None  # optional render progress hook

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, VideoRequest):
            raise self.error(f"{request.capability} is not something the motion provider makes", kind=E.CONFIG)
        if not request.first_frame:
            raise self.error("still-to-clip needs a still: generate or pick one for the shot first",
                             kind=E.BAD_REQUEST)
        if request.last_frame:
            raise self.error("still-to-clip moves over one still; it cannot use an end frame", kind=E.BAD_REQUEST)
        still = cv2.imread(request.first_frame, cv2.IMREAD_COLOR)
        if still is None:
            raise self.error(f"cannot read the still {Path(request.first_frame).name}", kind=E.BAD_REQUEST)
        still = cv2.cvtColor(still, cv2.COLOR_BGR2RGB)
        motion = str(request.parameters.get("motion") or self.settings.get("motion") or "zoom_in")
        strength = float(request.parameters.get("strength") or self.settings.get("strength") or 0.12)
        strength = min(0.5, max(0.02, strength))
        width = int(request.width or self.settings.get("width") or 1080) // 2 * 2
        height = int(request.height or self.settings.get("height") or 1920) // 2 * 2
        fps = int(request.fps or 30)
        frames = max(2, round(request.duration * fps))
        if motion not in MOTIONS:
            raise self.error(f"unknown motion {motion!r}; choose one of {', '.join(MOTIONS)}", kind=E.BAD_REQUEST)
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        task_id = f"motion-{uuid.uuid4().hex[:12]}"
        final = self.staging_dir / f"{task_id}.mp4"
        partial = self.staging_dir / f".{task_id}.partial.mp4"
        try:
            render_motion(still, partial, width=width, height=height, fps=fps, frames=frames, motion=motion,
                          strength=strength, cancel=cancel, progress=self.progress)
            partial.replace(final)
        except (av.error.FFmpegError, OSError) as exc:
            raise ProviderError(f"{self.name}: could not encode the clip: {exc}", retryable=False, kind=E.SERVER,
                                provider=self.name) from None
        finally:
            partial.unlink(missing_ok=True)
        return TaskHandle(provider=self.name, capability=VIDEO, task_id=task_id, model=f"motion:{motion}",
                          endpoint={"motion": motion, "strength": strength, "width": width, "height": height,
                                    "fps": fps, "frames": frames},
                          outputs=[OutputRef(path=str(final), media_type="video", filename=f"{task_id}.mp4").to_dict()])

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        outputs = handle.output_refs()
        if not all(Path(o.path).is_file() for o in outputs):
            return TaskStatus(state="failed", error="the rendered clip is gone from the cache; render it again")
        return TaskStatus(state=SUCCEEDED, progress=1.0, outputs=outputs, vendor_status="rendered")

    def download(self, output: OutputRef, dest_dir: Path, cancel: CancelToken | None = None,
                 progress: ProgressFn | None = None) -> Path:
        return accept_local(output, Path(dest_dir), provider=self.name)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        av.codec.Codec("libx264", "w")
        return "Ready: renders offline with libx264"
