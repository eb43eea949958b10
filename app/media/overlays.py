"""Overlay layers drawn above the picture: subtitles, title cards, labels, "media offline".

Positions and sizes are fractions of the canvas so preview (540x960) and export
(1080x1920) place everything identically. ``SafeArea`` keeps text clear of the
platform's own buttons and captions; ``LabelLayer`` is the hook for visible
AI-content labels (GB 45438-2025 asks for text at least 5% of the shorter side
on the opening frames for at least 2 s, at an edge or corner).
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np

from app.media.layers import CORNERS as CORNERS  # re-exported for callers
from app.media.layers import LabelLayer as LabelLayer
from app.media.layers import SafeArea as SafeArea
from app.media.text_render import (
    TextPatch,
    TextStyle,
    blend_patch,
    pixel_size_for_ink_height,
    render_text,
)


def subtitle_style(w: int, h: int) -> TextStyle:
    size = max(8, round(0.058 * min(w, h)))
    return TextStyle(pixel_size=size, outline_px=max(1.0, size * 0.08), shadow_px=max(1.0, size * 0.05))


def title_style(w: int, h: int) -> TextStyle:
    size = max(10, round(0.085 * min(w, h)))
    return TextStyle(pixel_size=size, outline_px=max(1.0, size * 0.07), shadow_px=max(1.0, size * 0.06))


def draw_subtitle(frame: np.ndarray, text: str, safe: SafeArea, stack: int = 0) -> None:
    """Burn a subtitle centred in the safe area, bottom-aligned; ``stack`` > 0 lifts it above others."""
    h, w = frame.shape[:2]
    x0, _, x1, y1 = safe.box(w, h)
    patch = render_text(text, subtitle_style(w, h), x1 - x0)
    if patch is None:
        return
    y = y1 - patch.height - stack * round(0.12 * h)
    blend_patch(frame, patch, x0 + (x1 - x0 - patch.width) // 2, y)


def draw_title(frame: np.ndarray, text: str, safe: SafeArea, opacity: float = 1.0) -> None:
    """A title card: large text centred horizontally, at 40% of the height."""
    h, w = frame.shape[:2]
    x0, _, x1, _ = safe.box(w, h)
    patch = render_text(text, title_style(w, h), x1 - x0)
    if patch is None:
        return
    blend_patch(frame, patch, x0 + (x1 - x0 - patch.width) // 2, round(0.40 * h) - patch.height // 2, opacity)


@lru_cache(maxsize=32)
def label_patch(text: str, height_pct: float, w: int, h: int) -> TextPatch | None:
    short = min(w, h)
    base = TextStyle(pixel_size=40, outline_px=0, shadow_px=0)
    size = pixel_size_for_ink_height(text, short * height_pct / 100.0, base)
    style = TextStyle(pixel_size=size, outline_px=max(1.0, size * 0.06), shadow_px=max(1.0, size * 0.04),
                      color="#ffffff", outline_color="#000000")
    return render_text(text, style, w)


def draw_label(frame: np.ndarray, label: LabelLayer) -> None:
    h, w = frame.shape[:2]
    patch = label_patch(label.text, label.height_pct, w, h)
    if patch is None:
        return
    margin = round(min(w, h) * label.margin_pct / 100.0)
    x = margin if label.corner.endswith("left") else w - margin - patch.width
    y = margin if label.corner.startswith("top") else h - margin - patch.height
    blend_patch(frame, patch, x, y, label.opacity)


@lru_cache(maxsize=16)
def _offline(w: int, h: int, name: str) -> np.ndarray:
    frame = np.full((h, w, 3), (40, 10, 12), np.uint8)
    step = max(8, w // 12)
    for k in range(-h, w, step):  # diagonal warning stripes
        cv2.line(frame, (k, 0), (k + h, h), (90, 18, 22), max(2, step // 3))
    style = title_style(w, h)
    patch = render_text("MEDIA OFFLINE", TextStyle(**{**style.__dict__, "color": "#ff5555"}), w)
    if patch is not None:
        blend_patch(frame, patch, (w - patch.width) // 2, h // 2 - patch.height)
    sub = render_text(name, subtitle_style(w, h), int(w * 0.9))
    if sub is not None:
        blend_patch(frame, sub, (w - sub.width) // 2, h // 2 + round(0.02 * h))
    frame.setflags(write=False)
    return frame


def offline_frame(w: int, h: int, name: str) -> np.ndarray:
    """A loud, unmistakable stand-in for a clip whose file is missing (preview only)."""
    return _offline(w, h, name).copy()
