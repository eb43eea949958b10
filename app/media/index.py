"""A video stream's frame index from one demux pass (no decoding).

Why: exact seeking needs to know every frame's presentation time and where the
keyframes are before decoding anything. Demuxing is cheap (milliseconds per
minute of video) compared with decoding, so the probe and every decoder build
this index once per file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import av
import numpy as np
from av.container import InputContainer


@dataclass
class VideoIndex:
    """Presentation timestamps (stream ticks, sorted) and keyframe positions of one video stream."""

    pts: np.ndarray  # int64, ascending, one per displayed frame
    keyframe_idx: np.ndarray  # int64 indices into ``pts`` of the frames that are keyframes
    time_base: Fraction
    last_duration: int  # ticks the last frame is displayed for
    header_frames: int  # frame count the container header claims (0 if none)

    @property
    def frames(self) -> int:
        return len(self.pts)

    @property
    def first_pts(self) -> int:
        return int(self.pts[0])

    @property
    def duration_ticks(self) -> int:
        return int(self.pts[-1] - self.pts[0]) + self.last_duration

    @property
    def duration(self) -> float:
        return float(self.duration_ticks * self.time_base)

    def median_delta(self) -> int:
        if len(self.pts) < 2:
            return self.last_duration
        return int(np.median(np.diff(self.pts)))

    def is_vfr(self) -> bool:
        """True when frame durations vary more than timestamp rounding explains."""
        if len(self.pts) < 3:
            return False
        deltas = np.diff(self.pts)
        med = float(np.median(deltas))
        # 1 tick of slack for millisecond timebases (MKV/WebM: 33, 34, 33 ms at 30 fps)
        slack = max(1.0, 0.1 * med)
        return bool(deltas.max() - deltas.min() > slack)

    def index_at(self, t: Fraction) -> int:
        """Index of the frame displayed at ``t`` seconds after the first frame (clamped to the clip)."""
        ticks = self.first_pts + t / self.time_base
        # timestamps are rounded to the stream's tick (1 ms in MKV/WebM: frame 29 at 30 fps
        # is stored at 967 ms, not 966.67), so a frame up to half a tick after t counts as at t
        i = int(np.searchsorted(self.pts, math.floor(ticks + Fraction(1, 2)), side="right")) - 1
        return min(max(i, 0), len(self.pts) - 1)

    def keyframe_before(self, i: int) -> int:
        """Index of the last keyframe at or before frame ``i`` (0 if none is marked)."""
        k = int(np.searchsorted(self.keyframe_idx, i, side="right")) - 1
        return int(self.keyframe_idx[k]) if k >= 0 else 0

    def time_of(self, i: int) -> Fraction:
        return (int(self.pts[i]) - self.first_pts) * self.time_base


def build_index(container: InputContainer, stream: av.VideoStream) -> VideoIndex:
    """Demux ``stream`` of an open PyAV input container from its start and index its frames.

    Leaves the container at end of file; callers seek before decoding.
    """
    pts: list[int] = []
    keys: list[int] = []
    durations: list[int] = []
    for packet in container.demux(stream):
        if packet.size == 0:
            continue
        p = packet.pts if packet.pts is not None else packet.dts
        if p is None:
            continue
        pts.append(p)
        keys.append(1 if packet.is_keyframe else 0)
        durations.append(packet.duration or 0)
    if not pts:
        return VideoIndex(np.zeros(0, np.int64), np.zeros(0, np.int64), stream.time_base or Fraction(1, 1),
                          0, int(stream.frames or 0))
    order = np.argsort(np.asarray(pts, np.int64), kind="stable")
    spts = np.asarray(pts, np.int64)[order]
    skeys = np.asarray(keys, np.int8)[order]
    sdur = np.asarray(durations, np.int64)[order]
    # duplicates (broken muxers) would make two indices for one timestamp
    keep = np.concatenate([[True], np.diff(spts) > 0])
    spts, skeys, sdur = spts[keep], skeys[keep], sdur[keep]
    last = int(sdur[-1])
    if last <= 0:
        last = int(np.median(np.diff(spts))) if len(spts) > 1 else 1
    keyidx = np.nonzero(skeys)[0].astype(np.int64)
    time_base = stream.time_base or Fraction(1, 90000)  # a demuxed stream always has one; 90 kHz is MPEG's
    return VideoIndex(spts, keyidx, Fraction(time_base), last, int(stream.frames or 0))
