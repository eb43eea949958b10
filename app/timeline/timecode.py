"""Frames <-> SMPTE-style timecode (non-drop, integer frame rates)."""

from __future__ import annotations

import re

_TC = re.compile(r"^\s*(?:(\d+):)?(?:(\d+):)?(?:(\d+):)?(\d+)\s*$")


def format_timecode(frame: int, fps: int) -> str:
    """``HH:MM:SS:FF`` for a frame count; negative frames get a leading minus."""
    sign = "-" if frame < 0 else ""
    frame = abs(int(frame))
    ff = frame % fps
    total = frame // fps
    return f"{sign}{total // 3600:02d}:{total // 60 % 60:02d}:{total % 60:02d}:{ff:02d}"


def format_duration(frames: int, fps: int) -> str:
    """A short human duration for clip labels: ``4:12`` (s:ff) or ``1:02:05`` (m:ss:ff)."""
    seconds, ff = divmod(max(0, int(frames)), fps)
    minutes, ss = divmod(seconds, 60)
    if minutes:
        return f"{minutes}:{ss:02d}:{ff:02d}"
    return f"{ss}:{ff:02d}"


def parse_timecode(text: str, fps: int) -> int:
    """Parse ``HH:MM:SS:FF`` (leading fields optional) or a bare frame number."""
    m = _TC.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a timecode (HH:MM:SS:FF)")
    parts = [int(p) for p in m.groups() if p is not None]
    if len(parts) == 1:
        return parts[0]
    *hms, ff = parts
    seconds = 0
    for p in hms:
        seconds = seconds * 60 + p
    return seconds * fps + ff
