"""Music ducking under dialogue, as volume keyframes on the draft's music segments.

Our mix lowers music tracks under dialogue with a sidechain envelope
(``app.media.mixer.DuckSettings``: amount, attack, release, look-ahead). A draft
has no sidechain, so the dip is drawn where dialogue clips are: the music ramps
down over the attack ending a look-ahead before each line, stays down while the
line plays and ramps back over the release. Lines closer together than a ramp
share one dip, so the music does not pump between them. It follows clip spans,
not the voice signal, so pauses inside a take stay ducked.
"""

from __future__ import annotations

from app.media.mixer import DuckSettings

Span = tuple[int, int]  # microseconds on the timeline, [start, end)


def duck_envelope(spans: list[Span], duck: DuckSettings) -> list[tuple[int, float]]:
    """Piecewise-linear gain points (µs, factor) over the timeline; 1.0 outside every dip."""
    attack, release, ahead = (round(ms * 1000) for ms in (duck.attack_ms, duck.release_ms, duck.lookahead_ms))
    low = 10 ** (duck.amount_db / 20)
    dips: list[list[int]] = []  # [ramp down starts, fully down, ramp up starts, fully up]
    for start, end in sorted(spans):
        down_at = max(0, start - ahead - attack)
        if dips and down_at <= dips[-1][3]:
            dips[-1][2] = max(dips[-1][2], end)
            dips[-1][3] = dips[-1][2] + release
            continue
        dips.append([down_at, max(0, start - ahead), end, end + release])
    points: list[tuple[int, float]] = []
    for a, b, c, d in dips:
        points += [(a, 1.0), (b, low), (c, low), (d, 1.0)]
    return points


def _value_at(points: list[tuple[int, float]], t: int) -> float:
    if not points or t <= points[0][0] or t >= points[-1][0]:
        return 1.0
    for (t0, v0), (t1, v1) in zip(points, points[1:], strict=False):
        if t0 <= t <= t1:
            return v0 if t1 == t0 else v0 + (v1 - v0) * (t - t0) / (t1 - t0)
    return 1.0


def segment_keyframes(points: list[tuple[int, float]], start: int, duration: int,
                      volume: float) -> list[tuple[int, float]]:
    """Volume keyframes (offset in the segment, absolute volume) for a music segment; [] if it never dips."""
    end = start + duration
    inside = [(t, v) for t, v in points if start < t < end]
    first, last = _value_at(points, start), _value_at(points, end)
    if not inside and first == 1.0 and last == 1.0:
        return []
    keys = [(0, first)] + [(t - start, v) for t, v in inside] + [(duration, last)]
    return [(offset, volume * factor) for offset, factor in keys]
