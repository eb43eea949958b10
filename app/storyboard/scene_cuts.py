"""Split a multi-shot clip at its cuts: one piece per storyboard shot.

A model that makes a whole scene in one call (Kling ``multi_shot``, Seedance 2.x) returns one
file with hard cuts between its shots. The cuts are found from the frames themselves: each frame
is shrunk to a small grey thumbnail and compared with the one before (mean absolute difference);
a cut is a spike far above the clip's usual motion. We know how many shots we asked for and
roughly where each should end, so the N-1 strongest spikes near the expected boundaries win; when
the picture gives no clear spike (a cross-fade, a static scene), the requested durations, scaled to
the clip's real length, decide instead. The pieces are re-encoded (H.264, AAC) so every cut is
frame-exact; PyAV does the decoding and encoding (no ffmpeg binary needed).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

THUMB = (64, 36)
MIN_SPIKE = 12.0  # mean absolute grey difference (0-255) below which nothing is a cut
SPIKE_FACTOR = 4.0  # a cut stands this many deviations above the clip's usual frame difference


@dataclass(frozen=True)
class CutPlan:
    """Where the clip is cut (seconds from its start) and whether the picture decided it."""

    boundaries: list[float]  # N-1 cut times
    duration: float
    detected: bool  # False: the requested durations decided (no clear cuts in the picture)

    def segments(self) -> list[tuple[float, float]]:
        edges = [0.0, *self.boundaries, self.duration]
        return list(zip(edges[:-1], edges[1:], strict=True))


def frame_differences(path: Path) -> tuple[np.ndarray, np.ndarray, float]:
    """(times of frames 1..n, difference of each frame from the one before, clip duration)."""
    import cv2

    times: list[float] = []
    diffs: list[float] = []
    previous: np.ndarray | None = None
    last_time = 0.0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        for frame in container.decode(stream):
            grey = frame.to_ndarray(format="gray")
            small = cv2.resize(grey, THUMB, interpolation=cv2.INTER_AREA).astype(np.float32)
            t = float(frame.time or 0.0)
            if previous is not None:
                times.append(t)
                diffs.append(float(np.mean(np.abs(small - previous))))
            previous, last_time = small, t
        fps = float(stream.average_rate or 24)
        duration = (float(stream.duration * stream.time_base) if stream.duration and stream.time_base
                    else last_time + 1 / fps)
    return np.array(times), np.array(diffs), max(duration, last_time + 1 / fps)


def plan_cuts(path: Path, requested: list[float]) -> CutPlan:
    """The N-1 cut times for ``requested`` shot lengths (seconds) in the clip at ``path``."""
    times, diffs, duration = frame_differences(path)
    n = len(requested)
    total = sum(requested) or 1.0
    expected = np.cumsum([duration * r / total for r in requested])[:-1]
    if n <= 1:
        return CutPlan([], duration, True)
    if diffs.size == 0:
        return CutPlan([float(e) for e in expected], duration, False)
    usual = float(np.median(diffs))
    spread = float(np.median(np.abs(diffs - usual))) * 1.4826 + 1e-6
    threshold = max(MIN_SPIKE, usual + SPIKE_FACTOR * spread)
    spikes = [(float(d), float(t)) for d, t in zip(diffs, times, strict=True) if d >= threshold]
    window = 0.45 * min(requested) * duration / total  # a cut may drift this far from where it was asked
    chosen: list[float] = []
    for e in expected:
        near = [(d, t) for d, t in spikes if abs(t - e) <= window and t not in chosen]
        if not near:
            return CutPlan([float(x) for x in expected], duration, False)
        chosen.append(max(near)[1])
    if chosen != sorted(chosen) or len(set(chosen)) != len(chosen):
        return CutPlan([float(x) for x in expected], duration, False)
    return CutPlan(chosen, duration, True)


def cut_clip(path: Path, plan: CutPlan, out_dir: Path, stem: str = "piece") -> list[Path]:
    """Write one re-encoded file per segment of ``plan`` into ``out_dir``; returns their paths in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = [out_dir / f"{stem}-{i + 1}.mp4" for i in range(len(plan.boundaries) + 1)]
    with av.open(str(path)) as src:
        video = src.streams.video[0]
        audio = src.streams.audio[0] if src.streams.audio else None
        fps = Fraction(video.average_rate or 24).limit_denominator(1001)
        sinks = [av.open(str(p), "w", format="mp4") for p in outputs]
        try:
            vouts, aouts = [], []
            for sink in sinks:
                vs = sink.add_stream("libx264", rate=fps)
                vs.width, vs.height, vs.pix_fmt = video.codec_context.width, video.codec_context.height, "yuv420p"
                vs.options = {"crf": "18", "preset": "veryfast"}
                vouts.append(vs)
                if audio is not None:
                    aouts.append(sink.add_stream("aac", rate=audio.codec_context.sample_rate or 44100))
            counts = [0] * len(sinks)
            streams = [video] + ([audio] if audio is not None else [])
            for frame in src.decode(*streams):
                if not isinstance(frame, av.VideoFrame | av.AudioFrame):
                    continue  # only picture and sound streams are decoded
                index = bisect.bisect_right(plan.boundaries, float(frame.time or 0.0) + 1e-4)
                index = min(index, len(sinks) - 1)
                if isinstance(frame, av.VideoFrame):
                    frame = frame.reformat(format="yuv420p")
                    frame.pts, frame.time_base = counts[index], Fraction(1, 1) / fps
                    counts[index] += 1
                    for packet in vouts[index].encode(frame):
                        sinks[index].mux(packet)
                else:
                    frame.pts = None
                    for packet in aouts[index].encode(frame):
                        sinks[index].mux(packet)
            for i, sink in enumerate(sinks):
                for packet in vouts[i].encode(None):
                    sink.mux(packet)
                if aouts:
                    for packet in aouts[i].encode(None):
                        sink.mux(packet)
        finally:
            for sink in sinks:
                sink.close()
    empty = [p.name for p, c in zip(outputs, counts, strict=True) if c == 0]
    if empty:
        raise ValueError(f"the clip has no frames for {', '.join(empty)}")
    return outputs
