"""Clip thumbnails for the timeline and storyboard: one small JPEG per second of video.

Files live in ``cache/thumbs/<source key>/`` named by the source frame they show
(``f000030.jpg`` is frame 30), so ``nearest`` finds the thumbnail for any time
with a directory listing. A still gets one thumbnail. Written atomically; the
folder can be deleted at any time and is rebuilt in the background.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from app.fsutil import atomic_write_bytes
from app.media.background import CancelToken, Progress
from app.media.decode import FrameFetcher

THUMB_HEIGHT = 160
MAX_THUMBS = 120
DONE_MARKER = "complete"


def thumb_size(width: int, height: int) -> tuple[int, int]:
    h = THUMB_HEIGHT
    w = max(2, int(round(width * h / max(height, 1))))
    return w, h


def frames_to_thumb(frames: int, fps: float) -> list[int]:
    """Source frame indices that get a thumbnail: every second, first and last frame included."""
    if frames <= 1:
        return [0]
    step = max(1, int(round(fps)) if fps > 0 else 30)
    picks = list(range(0, frames, step))
    if len(picks) > MAX_THUMBS:
        picks = [int(round(i * (frames - 1) / (MAX_THUMBS - 1))) for i in range(MAX_THUMBS)]
    if picks[-1] != frames - 1:
        picks.append(frames - 1)
    return picks


def make_thumbnails(fetcher: FrameFetcher, source: Path, dest: Path, probe: dict[str, Any],
                    token: CancelToken | None = None, progress: Progress | None = None) -> list[Path]:
    """Write the thumbnails of ``source`` into folder ``dest``; returns their paths."""
    dest.mkdir(parents=True, exist_ok=True)
    size = thumb_size(int(probe.get("width") or 9), int(probe.get("height") or 16))
    if probe.get("kind") == "video":
        index = fetcher.index_of(source)
        picks = frames_to_thumb(index.frames, float(probe.get("fps") or 30))
    else:
        index = None
        picks = [0]
    written = []
    for n, i in enumerate(picks):
        if token is not None:
            token.check()
        t = index.time_of(i) if index is not None else Fraction(0)
        rgb = fetcher.frame_at(source, t, size, use_proxy=True)
        ok, data = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 85])
        if not ok:
            continue
        path = dest / f"f{i:06d}.jpg"
        atomic_write_bytes(path, data.tobytes())
        written.append(path)
        if progress is not None:
            progress((n + 1) / len(picks))
    atomic_write_bytes(dest / DONE_MARKER, b"")
    return written


def thumbnails_ready(dest: Path) -> bool:
    return (dest / DONE_MARKER).exists()


def nearest(dest: Path, frame: int) -> Path | None:
    """The thumbnail of the last thumbnailed frame at or before ``frame`` (or the first one)."""
    try:
        names = sorted(p.name for p in dest.iterdir() if p.suffix == ".jpg")
    except FileNotFoundError:
        return None
    if not names:
        return None
    best = names[0]
    for name in names:
        if int(name[1:7]) <= frame:
            best = name
        else:
            break
    return dest / best


def load_thumbnail(path: Path) -> np.ndarray | None:
    """An RGB array of a thumbnail file, or None if it is unreadable (e.g. cache being cleared)."""
    try:
        data = np.fromfile(path, np.uint8)
    except OSError:
        return None
    img = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return None if img is None else cv2.cvtColor(img, cv2.COLOR_BGR2RGB)
