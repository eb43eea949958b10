"""Ken Burns pan/zoom over a still: smooth, sub-pixel, at any output size.

The clip's ``KenBurns`` holds two normalised source rectangles; the visible
region eases from the first to the second over the clip (smootherstep, so the
move starts and ends gently). Each rectangle is cropped to the canvas aspect
around its centre, so the picture is never distorted nor letterboxed. Sampling uses an affine
warp with sub-pixel offsets: integer crops would make slow pans judder.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

import cv2
import numpy as np

from app.model import KenBurns, Rect


def ease(p: float) -> float:
    """Smootherstep: zero velocity and acceleration at both ends."""
    p = min(max(p, 0.0), 1.0)
    return p * p * p * (p * (p * 6 - 15) + 10)


def rect_at(kb: KenBurns, index: int, count: int) -> Rect:
    """The source rectangle shown on frame ``index`` (0-based) of a ``count``-frame clip."""
    p = ease(index / (count - 1)) if count > 1 else 0.0
    a, b = kb.start, kb.end
    return Rect(a.x + (b.x - a.x) * p, a.y + (b.y - a.y) * p, a.w + (b.w - a.w) * p, a.h + (b.h - a.h) * p)


def region_px(rect: Rect, src_w: int, src_h: int, out_w: int, out_h: int) -> tuple[float, float, float, float]:
    """Source pixel region (x, y, w, h) for ``rect``, cropped to the output aspect around its centre."""
    w, h = max(rect.w, 1e-6) * src_w, max(rect.h, 1e-6) * src_h
    cx, cy = (rect.x + rect.w / 2) * src_w, (rect.y + rect.h / 2) * src_h
    aspect = out_w / out_h
    if w / h > aspect:
        w = h * aspect
    else:
        h = w / aspect
    return cx - w / 2, cy - h / 2, w, h


class StillScaler:
    """Caches each still downscaled once (area filter) so per-frame warps stay cheap and unaliased."""

    def __init__(self, max_entries: int = 8) -> None:
        self._cache: OrderedDict[tuple[Hashable, ...], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_entries

    def scaled(self, key: str, image: np.ndarray, scale: float) -> np.ndarray:
        if scale >= 0.999:
            return image
        h, w = image.shape[:2]
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        ck = (key, size)
        with self._lock:
            hit = self._cache.get(ck)
            if hit is not None:
                self._cache.move_to_end(ck)
                return hit
        out = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
        with self._lock:
            self._cache[ck] = out
            while len(self._cache) > self._max:
                self._cache.popitem(last=False)
        return out


def render_ken_burns(image: np.ndarray, kb: KenBurns, index: int, count: int,
                     out_size: tuple[int, int], scaler: StillScaler | None = None,
                     key: str = "") -> np.ndarray:
    """Frame ``index`` of a Ken Burns move over ``image`` (RGB), as an (h, w, 3) array."""
    out_w, out_h = out_size
    src_h, src_w = image.shape[:2]
    # Downscale so the tightest region of the move maps to about one source pixel per output pixel.
    tight = min(region_px(kb.start, src_w, src_h, out_w, out_h)[2],
                region_px(kb.end, src_w, src_h, out_w, out_h)[2])
    scale = min(1.0, out_w / tight)
    if scaler is not None and scale < 0.999:
        image = scaler.scaled(key, image, scale)
    elif scale < 0.999:
        image = cv2.resize(image, (max(1, round(src_w * scale)), max(1, round(src_h * scale))),
                           interpolation=cv2.INTER_AREA)
    ih, iw = image.shape[:2]
    x, y, w, h = region_px(rect_at(kb, index, count), iw, ih, out_w, out_h)
    sx, sy = w / out_w, h / out_h
    # Inverse map: output pixel centre (u + .5) samples source x + (u + .5) * sx - .5.
    matrix = np.array([[sx, 0.0, x + 0.5 * sx - 0.5], [0.0, sy, y + 0.5 * sy - 0.5]], dtype=np.float64)
    return cv2.warpAffine(image, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_REPLICATE)
