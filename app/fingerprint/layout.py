"""Find where in a suspect's frame our picture sits, before hashing it.

Re-uploaders rarely show our episode full-frame: it sits on a landscape canvas over a
blurred, enlarged copy of itself, in a picture-in-picture window, in one half or third
of a split screen, inside borders and bars. A hash of the whole frame then describes
their layout, not our picture. The layout is static while the content changes, so its
edges show up in time-averaged statistics: columns (rows) where the mean gradient is
persistently high, where the amount of motion changes (our window cuts when we cut; the
background does not) or where sharpness changes (a sharp window over a blurred copy).
Pairs of such lines give candidate rectangles; a handful of frames hashed inside each
candidate and compared with our reference hashes pick the ones that carry our content.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

MIN_WIDTH = 0.12  # of the frame: a window narrower than this is not worth hashing
MIN_HEIGHT = 0.25
LINES_PER_AXIS = 8
ASPECT_RANGE = (0.35, 1.15)  # width / height of a window that shows a vertical episode (fit or cropped)


@dataclass(frozen=True)
class Rect:
    """A window in fractions of the frame: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float
    # the whole frame is ours, with captions or stickers over part of it (no window stood out)
    overlaid: bool = False

    def pixels(self, width: int, height: int) -> tuple[int, int, int, int]:
        x0, y0 = int(round(self.x * width)), int(round(self.y * height))
        x1, y1 = int(round((self.x + self.w) * width)), int(round((self.y + self.h) * height))
        return x0, y0, max(x0 + 2, x1), max(y0 + 2, y1)

    def crop(self, gray: np.ndarray) -> np.ndarray:
        x0, y0, x1, y1 = self.pixels(gray.shape[1], gray.shape[0])
        return gray[y0:y1, x0:x1]

    @property
    def is_full(self) -> bool:
        return self.w > 0.97 and self.h > 0.97

    def describe(self) -> str:
        return f"{self.w * 100:.0f}%x{self.h * 100:.0f}% at ({self.x * 100:.0f}%, {self.y * 100:.0f}%)"


FULL = Rect(0.0, 0.0, 1.0, 1.0)
OVERLAID = Rect(0.0, 0.0, 1.0, 1.0, overlaid=True)


def _peaks(profile: np.ndarray, count: int, min_gap: int) -> list[int]:
    order = np.argsort(profile)[::-1]
    picked: list[int] = []
    for i in order:
        if profile[i] <= 0:
            break
        if all(abs(int(i) - p) >= min_gap for p in picked):
            picked.append(int(i))
        if len(picked) >= count:
            break
    return picked


def _normalised(profile: np.ndarray) -> np.ndarray:
    profile = profile - np.median(profile)
    scale = float(np.percentile(np.abs(profile), 90)) + 1e-6
    return np.clip(profile / scale, 0, None)


def _boundary_lines(stack: np.ndarray, axis: int) -> list[float]:
    """Positions (fractions, 0..1) of persistent layout lines across ``axis`` (1 = columns, 0 = rows)."""
    frames, height, width = stack.shape
    length = width if axis == 1 else height
    f = stack.astype(np.float32)
    grad = np.abs(np.diff(f, axis=axis + 1)).mean(axis=0)  # (h, w-1) or (h-1, w)
    line_strength = grad.mean(axis=0 if axis == 1 else 1)
    motion = f.std(axis=0)
    motion_profile = motion.mean(axis=0 if axis == 1 else 1)
    motion_step = np.abs(np.diff(cv2.GaussianBlur(motion_profile.reshape(1, -1), (0, 0), 1.0).ravel()))
    sharp = np.abs(cv2.Laplacian(f.mean(axis=0), cv2.CV_32F))
    sharp_profile = sharp.mean(axis=0 if axis == 1 else 1)
    sharp_step = np.abs(np.diff(cv2.GaussianBlur(sharp_profile.reshape(1, -1), (0, 0), 2.0).ravel()))
    score = _normalised(line_strength) + _normalised(motion_step) + _normalised(sharp_step)
    edge = max(2, length // 50)
    score[:edge] = 0
    score[-edge:] = 0
    lines = [(p + 1) / length for p in _peaks(score, LINES_PER_AXIS, max(3, length // 30))]
    return sorted({0.0, 1.0, *lines})


def candidate_rects(stack: np.ndarray) -> list[Rect]:
    """Windows that may carry our picture, from a (frames, h, w) stack of grey frames of one shot layout."""
    xs = _boundary_lines(stack, axis=1)
    ys = _boundary_lines(stack, axis=0)
    h, w = stack.shape[1:]
    rects: set[Rect] = set()
    for i, x0 in enumerate(xs):
        for x1 in xs[i + 1:]:
            if x1 - x0 < MIN_WIDTH:
                continue
            for j, y0 in enumerate(ys):
                for y1 in ys[j + 1:]:
                    if y1 - y0 < MIN_HEIGHT:
                        continue
                    aspect = (x1 - x0) * w / ((y1 - y0) * h)
                    if ASPECT_RANGE[0] <= aspect <= ASPECT_RANGE[1]:
                        rects.add(Rect(round(x0, 4), round(y0, 4), round(x1 - x0, 4), round(y1 - y0, 4)))
    rects |= _aspect_completed(xs, ys, w, h)
    rects |= set(canonical_rects(w, h))
    return sorted(rects, key=lambda r: (-r.w * r.h, r.x, r.y))


def _aspect_completed(xs: list[float], ys: list[float], w: int, h: int, aspect: float = 9 / 16) -> set[Rect]:
    """Windows of our aspect from three lines: a picture-in-picture edge is often lost in the background."""
    out: set[Rect] = set()
    for i, x0 in enumerate(xs):
        for x1 in xs[i + 1:]:
            height = (x1 - x0) * w / aspect / h
            if x1 - x0 < MIN_WIDTH or height < MIN_HEIGHT or height > 1.0:
                continue
            for y in ys:
                for top in (y, y - height):
                    if top >= -0.01 and top + height <= 1.01:
                        out.add(Rect(round(x0, 4), round(max(0.0, top), 4), round(x1 - x0, 4), round(height, 4)))
    for j, y0 in enumerate(ys):
        for y1 in ys[j + 1:]:
            width = (y1 - y0) * h * aspect / w
            if y1 - y0 < MIN_HEIGHT or width < MIN_WIDTH or width > 1.0:
                continue
            for x in xs:
                for left in (x, x - width):
                    if left >= -0.01 and left + width <= 1.01:
                        out.add(Rect(round(max(0.0, left), 4), round(y0, 4), round(width, 4), round(y1 - y0, 4)))
    return out


def canonical_rects(width: int, height: int, aspect: float = 9 / 16) -> list[Rect]:
    """Layouts re-uploaders use all the time: a vertical strip centred, halves and thirds."""
    rects = [FULL]
    strip = aspect * height / width
    if strip < 0.95:
        rects.append(Rect(round((1 - strip) / 2, 4), 0.0, round(strip, 4), 1.0))
        for part in (2, 3):
            for k in range(part):
                rects.append(Rect(round(k / part, 4), 0.0, round(1 / part, 4), 1.0))
    else:
        for k in range(2):
            rects.append(Rect(0.0, k / 2, 1.0, 0.5))
    return rects
