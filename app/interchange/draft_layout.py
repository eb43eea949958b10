"""Where a picture sits on the draft canvas: our fit modes and Ken Burns as Jianying transforms.

Jianying places a material *contained* in the canvas at scale 1 (letterboxed),
with position in half-canvas units (x to the right, y up). Our compositor fills
by default and moves Ken Burns stills by cropping a source rectangle (cut to the
canvas aspect around its centre, ``app.media.kenburns.region_px``), easing with
smootherstep. Here both become a scale and an offset; the ease is sampled at a
few keyframes because Jianying interpolates keyframes linearly.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.media.kenburns import ease, region_px
from app.model import FitMode, KenBurns, Rect

# Fractions of the clip where Ken Burns keyframes go: enough to follow the ease closely.
KEN_BURNS_SAMPLES = (0.0, 0.15, 0.3, 0.5, 0.7, 0.85, 1.0)


@dataclass(frozen=True)
class Placement:
    scale_x: float
    scale_y: float
    x: float  # half canvas widths, right positive
    y: float  # half canvas heights, up positive


def _contain(src: tuple[int, int], canvas: tuple[int, int]) -> float:
    return min(canvas[0] / src[0], canvas[1] / src[1])


def fit_placement(fit: FitMode, src: tuple[int, int], canvas: tuple[int, int]) -> Placement:
    """The static transform that shows a (w, h) source as our compositor does."""
    k = _contain(src, canvas)
    if fit is FitMode.FIT:
        return Placement(1.0, 1.0, 0.0, 0.0)
    if fit is FitMode.STRETCH:
        return Placement(canvas[0] / (src[0] * k), canvas[1] / (src[1] * k), 0.0, 0.0)
    cover = max(canvas[0] / src[0], canvas[1] / src[1]) / k
    return Placement(cover, cover, 0.0, 0.0)


def rect_placement(rect: Rect, src: tuple[int, int], canvas: tuple[int, int]) -> Placement:
    """The transform that shows source rectangle ``rect`` (cropped to the canvas aspect) full frame."""
    sw, sh = src
    cw, ch = canvas
    x, y, w, h = region_px(rect, sw, sh, cw, ch)
    k = _contain(src, canvas)
    scale = cw / (w * k)
    cx, cy = x + w / 2, y + h / 2
    dx = -(cx - sw / 2) * k * scale / (cw / 2)
    dy = (cy - sh / 2) * k * scale / (ch / 2)
    return Placement(scale, scale, dx, dy)


def ken_burns_keyframes(kb: KenBurns, src: tuple[int, int],
                        canvas: tuple[int, int]) -> list[tuple[float, Placement]]:
    """(fraction of the clip, placement) pairs that follow the eased move."""
    out = []
    for p in KEN_BURNS_SAMPLES:
        e = ease(p)
        a, b = kb.start, kb.end
        rect = Rect(a.x + (b.x - a.x) * e, a.y + (b.y - a.y) * e, a.w + (b.w - a.w) * e, a.h + (b.h - a.h) * e)
        out.append((p, rect_placement(rect, src, canvas)))
    return out
