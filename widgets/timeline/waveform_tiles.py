"""Waveform drawing as cached image tiles.

Drawing a waveform point by point costs a Python loop per pixel column on every
repaint. Instead, a clip's waveform is rendered with numpy into 512-px-wide
tiles aligned to the clip's own pixel grid at the current zoom; scrolling then
only blits cached tiles, and a zoom or trim renders just the visible tiles.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QImage

TILE_W = 512

if TYPE_CHECKING:
    import numpy as np


def peak_columns(peaks: np.ndarray, first_bin: float, bins_per_px: float, width: int) -> np.ndarray:
    """Max peak under each of ``width`` pixel columns starting at bin ``first_bin`` (0 outside the data)."""
    import numpy as np

    n = len(peaks)
    px = np.arange(width, dtype=np.float64)
    a = np.floor(first_bin + px * bins_per_px).astype(np.int64)
    out = np.zeros(width, np.float32)
    if n == 0:
        return out
    valid = (a >= 0) & (a < n)
    if bins_per_px <= 1.0 or not valid.any():
        out[valid] = peaks[a[valid]]
        return out
    idx = a[valid]
    stop = min(n, int(np.floor(first_bin + width * bins_per_px)) + 1)
    seg = np.maximum.reduceat(peaks[:max(stop, idx[-1] + 1)], idx)
    out[valid] = seg
    return out


def render_tile(columns: np.ndarray, height: int, colour: QColor) -> QImage:
    """A transparent image with a centred, symmetric waveform of ``columns`` (0..1).

    Built as one 32-bit pixel per element with ``np.where`` over a cached column of
    distances from the centre line: a zoom re-renders every visible tile, so this
    runs many times per frame.
    """
    import numpy as np

    h = max(1, height)
    half = np.maximum(np.clip(columns, 0, 1) * (h / 2 - 1), 0.5).astype(np.float32)
    pixel = np.uint32((235 << 24) | (colour.red() * 235 // 255 << 16) | (colour.green() * 235 // 255 << 8)
                      | colour.blue() * 235 // 255)  # premultiplied ARGB
    argb = np.where(_distances(h) <= half[None, :], pixel, np.uint32(0))
    img = QImage(argb.data, len(columns), h, 4 * len(columns), QImage.Format.Format_ARGB32_Premultiplied)
    return img.copy()


def _distances(h: int):  # noqa: ANN202 - np.ndarray (numpy loads lazily)
    found = _DISTANCES.get(h)
    if found is None:
        import numpy as np

        found = _DISTANCES[h] = np.abs(np.arange(h, dtype=np.float32) - (h - 1) / 2)[:, None]
    return found


_DISTANCES: dict[int, object] = {}


class WaveformTiles:
    """LRU of rendered tiles keyed by file, zoom, offset, size, gain and colour."""

    def __init__(self, max_tiles: int = 400) -> None:
        self._tiles: OrderedDict[tuple, QImage] = OrderedDict()
        self.max_tiles = max_tiles

    def tile(self, key: tuple, peaks: np.ndarray, first_bin: float, bins_per_px: float, width: int,
             height: int, gain: float, colour: QColor) -> QImage:
        full = (*key, round(first_bin, 3), round(bins_per_px, 6), width, height, round(gain, 4), colour.rgb())
        img = self._tiles.get(full)
        if img is None:
            img = render_tile(peak_columns(peaks, first_bin, bins_per_px, width) * gain, height, colour)
            self._tiles[full] = img
            while len(self._tiles) > self.max_tiles:
                self._tiles.popitem(last=False)
        else:
            self._tiles.move_to_end(full)
        return img

    def clear(self) -> None:
        self._tiles.clear()
