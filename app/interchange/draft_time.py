"""Frames to the draft's microseconds and back, exact to the frame.

Jianying and CapCut drafts count time in integer microseconds. A frame at 30 fps
is 33 333.3… µs, so each *boundary* is rounded once (half up, in integers) and a
segment's length is the difference of its rounded end and start. Adjacent clips
then share a boundary to the microsecond, and converting back with
``us_to_frame`` gives the original frame for any fps up to 1 000 000.
"""

from __future__ import annotations

US_PER_SECOND = 1_000_000


def frame_to_us(frame: int, fps: int) -> int:
    """Microsecond of frame boundary ``frame`` (rounded half up, integer arithmetic only)."""
    return (frame * US_PER_SECOND * 2 + fps) // (2 * fps)


def span_to_us(start: int, duration: int, fps: int) -> tuple[int, int]:
    """(start µs, duration µs) of a span of frames, both boundaries rounded the same way."""
    first = frame_to_us(start, fps)
    return first, frame_to_us(start + duration, fps) - first


def us_to_frame(us: int, fps: int) -> int:
    """The frame boundary nearest to ``us`` (inverse of ``frame_to_us``)."""
    return (us * fps * 2 + US_PER_SECOND) // (2 * US_PER_SECOND)
