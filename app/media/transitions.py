"""Clip transitions: how the outgoing and incoming pictures are weighted.

A clip's ``transition_in`` covers its first ``duration`` frames. During that
window the previous clip on the same track keeps playing past its out point
(its handle; a still or a source that ends holds its last frame), so a
crossfade never needs the clips to overlap on the track.
"""

from __future__ import annotations

import cv2
import numpy as np

from app.model import TransitionKind


def weights(kind: TransitionKind, index: int, duration: int) -> tuple[float, float]:
    """(outgoing, incoming) weights on frame ``index`` (0-based) of a ``duration``-frame transition.

    Crossfade: the weights sum to one and move linearly. Dip to black: the
    outgoing picture fades to black over the first half, the incoming one
    rises from black over the second. A cut is (0, 1).
    """
    if kind is TransitionKind.CUT or duration <= 0 or index >= duration:
        return 0.0, 1.0
    t = (index + 0.5) / duration
    if kind is TransitionKind.CROSSFADE:
        return 1.0 - t, t
    if t < 0.5:
        return 1.0 - 2.0 * t, 0.0
    return 0.0, 2.0 * t - 1.0


def mix(outgoing: np.ndarray | None, incoming: np.ndarray | None, w_out: float, w_in: float,
        shape: tuple[int, int, int]) -> np.ndarray:
    """Weighted sum of two RGB frames (None = black), rounded to uint8."""
    if outgoing is None or w_out <= 0:
        if incoming is None or w_in <= 0:
            return np.zeros(shape, np.uint8)
        return cv2.convertScaleAbs(incoming, alpha=w_in) if w_in < 1 else incoming.copy()
    if incoming is None or w_in <= 0:
        return cv2.convertScaleAbs(outgoing, alpha=w_out)
    return cv2.addWeighted(outgoing, w_out, incoming, w_in, 0.0)
