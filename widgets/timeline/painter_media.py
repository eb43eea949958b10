"""Media inside clips on the timeline: picture thumbnails and audio waveforms.

Both draw only the visible part of a clip and ask the view's media cache, which
makes missing thumbnails and peaks in the background (a placeholder or a flat
line stands in until they arrive).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from app.model import Clip, MediaKind
from widgets.timeline.media_cache import PEAKS_PER_SECOND
from widgets.timeline.painter_state import PainterState
from widgets.timeline.waveform_tiles import TILE_W

_PLACEHOLDER = QColor(255, 255, 255, 14)  # where a thumbnail is still being made


class MediaPainting(PainterState):
    """Thumbnails along picture clips and waveform tiles along audio clips."""

    def thumbnails(self, p: QPainter, clip: Clip, asset, body: QRectF, visible: tuple[float, float]) -> None:
        v = self.v
        probe = asset.probe or {}
        aspect = (probe.get("width") or 9) / max(1, probe.get("height") or 16)
        tw = max(8.0, body.height() * aspect)
        still = asset.kind is MediaKind.IMAGE
        root = v.bundle_root
        if root is None:
            return
        path = v.asset_file(asset)
        left = max(body.left(), visible[0] - tw)
        x = body.left() + ((left - body.left()) // tw) * tw
        limit = min(body.right(), visible[1])
        fps, ppf, cache, h = v.fps, v.geo.ppf, v.media_cache, int(body.height())
        src_fps = float(probe.get("fps") or fps)
        # source times on a power-of-two grid of quarter seconds, at least one thumbnail wide:
        # zooming moves the tiles but keeps asking for the same frames (cache hits)
        quantum = fps / 4
        while quantum * ppf < tw:
            quantum *= 2
        while x < limit:
            frame = round((clip.source_in + (x - body.left()) / ppf) / quantum) * quantum
            img = cache.thumbnail(root, path, frame / fps, still, aspect, h, src_fps)
            room = body.right() - x  # the last thumbnail is cut at the clip's end
            if img is not None and not img.isNull():
                if room >= img.width() / img.devicePixelRatio():
                    p.drawImage(QPointF(x, body.top()), img)
                else:  # an unscaled blit of the part that fits
                    p.drawImage(QPointF(x, body.top()), img, QRectF(0, 0, room * img.devicePixelRatio(), img.height()))
            else:
                self.media_missing = self.media_missing or img is None  # None: still being made (null: unreadable)
                p.fillRect(QRectF(x + 1, body.top() + 1, min(tw, room) - 2, body.height() - 2), _PLACEHOLDER)
            x += tw

    def waveform(self, p: QPainter, clip: Clip, body: QRectF, base: QColor, visible: tuple[float, float]) -> None:
        v = self.v
        path = v.audio_path(clip)
        peaks = v.media_cache.peaks(path) if path is not None else None
        mid = body.center().y()
        if peaks is None or len(peaks) == 0:
            self.media_missing = self.media_missing or (peaks is None and path is not None)  # still being made
            p.setPen(QPen(base.lighter(150), 1))
            p.drawLine(QPointF(body.left(), mid), QPointF(body.right(), mid))
            return
        bins_per_px = PEAKS_PER_SECOND / v.fps / v.geo.ppf
        offset = clip.source_in * PEAKS_PER_SECOND / v.fps - clip.audio_offset_samples * PEAKS_PER_SECOND / 48000
        gain = 10 ** (clip.gain_db / 20)
        left = round(body.left())
        height = max(1, int(body.height()) - 2)
        colour = base.lighter(165)
        # While the zoom changes every frame, tiles are made at the nearest half-octave zoom and
        # stretched (by less than a fifth) into place: a zoom gesture reuses them instead of
        # rendering every tile again each frame. The repaint after the gesture draws them exactly.
        tile_bpp = 2 ** (round(math.log2(bins_per_px) * 2) / 2) if self.zooming else bins_per_px
        scale = bins_per_px / tile_bpp  # tile pixels per screen pixel
        tiles_w = int(body.width() * scale)
        vis0 = max(0, int((max(body.left(), visible[0]) - left) * scale))
        vis1 = int((min(body.right(), visible[1]) - left) * scale) + 1
        for t in range(vis0 // TILE_W, vis1 // TILE_W + 1):
            x = t * TILE_W
            width = min(TILE_W, tiles_w - x)
            if width <= 0:
                break
            img = v.wave_tiles.tile((str(path),), peaks, offset + x * tile_bpp, tile_bpp, width, height, gain, colour)
            if scale == 1.0:
                p.drawImage(QPointF(left + x, body.top() + 1), img)
            else:
                p.drawImage(QRectF(left + x / scale, body.top() + 1, width / scale, height), img)
        if scale != 1.0:
            self.approximate = True
