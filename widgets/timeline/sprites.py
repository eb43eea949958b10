"""Rendered clip bodies kept as pixmaps, so scrolling blits instead of repainting.

A clip's body (gradient, thumbnails, waveform, name and duration strip) costs
dozens of raster operations and text layouts; it changes only when the clip,
the zoom, the row height or the media behind it change. Scrolling, playhead
moves and selection changes therefore reuse the pixmap. The key is everything
the body's look depends on; selection, hover and warning marks are drawn on top
by the painter and are not part of it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

from app.model import Clip, Track

MAX_SPRITE_W = 4096  # wider clips (deep zoom) are painted directly: only their visible part costs


def sprite_key(clip: Clip, track: Track, width: int, height: int, ppf: float, extra: tuple) -> tuple:
    """Everything the body of ``clip`` looks like at this size and zoom."""
    return (clip.id, width, height, round(ppf, 6), clip.asset_id, clip.take_id, clip.duration, clip.source_in,
            clip.name, clip.text, clip.gain_db, clip.fade_in, clip.fade_out, clip.audio_offset_samples,
            clip.enabled, track.kind, track.muted, extra)


class SpriteCache:
    """Byte-bounded LRU of clip-body pixmaps."""

    def __init__(self, max_bytes: int = 96 * 1024 * 1024) -> None:
        self._sprites: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._bytes = 0
        self.max_bytes = max_bytes

    def get(self, key: tuple, width: int, height: int, dpr: float,
            render: Callable[[QPainter, QRectF], None]) -> QPixmap:
        """The sprite for ``key``, rendered by ``render(painter, rect_at_origin)`` on a miss."""
        found = self._sprites.get(key)
        if found is not None:
            self._sprites.move_to_end(key)
            return found
        pix = QPixmap(max(1, round(width * dpr)), max(1, round(height * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        render(p, QRectF(0, 0, width, height))
        p.end()
        self._sprites[key] = pix
        self._bytes += pix.width() * pix.height() * 4
        while self._bytes > self.max_bytes and len(self._sprites) > 1:
            _, old = self._sprites.popitem(last=False)
            self._bytes -= old.width() * old.height() * 4
        return pix

    def clear(self) -> None:
        self._sprites.clear()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._sprites)
