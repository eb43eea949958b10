"""Frames for export: the ``frame_at`` contract, optimised for moving forward in time.

Export asks for frames in timeline order, so each source keeps an open decoder
and decodes forward instead of seeking per frame; it seeks only when asked to go
back or far ahead. Frames are scaled to the requested size by FFmpeg's swscale
inside the decoder thread (decode at output size: the compositor never touches a
full-size frame it does not need). Semantics match ``app.media.decode.FrameFetcher``:
the frame displayed at ``t`` is the last one with a presentation time <= ``t``
(times counted from the stream's start); stills return the image.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from app.media.decode import FrameFetcher, to_rgb
from app.media.image_header import sniff_image

_SEEK_AHEAD = Fraction(2)  # decoding forward further than this is slower than a keyframe seek
_DECODERS_PER_FILE = 3
_OPEN_DECODERS = 4


class _VideoState:
    def __init__(self, path: Path) -> None:
        self.container = av.open(str(path))
        self.stream = self.container.streams.video[0]
        self.stream.thread_type = "AUTO"
        self.tb = Fraction(self.stream.time_base) if self.stream.time_base else Fraction(1, 90000)
        self.start = self.stream.start_time or 0
        self.frames: Iterator[av.VideoFrame] | None = None
        self.current: av.VideoFrame | None = None
        self.pending: av.VideoFrame | None = None
        self.eof = False
        self.converted: tuple[int, tuple[int, int] | None, np.ndarray] | None = None

    def time_of(self, frame: av.VideoFrame) -> Fraction:
        pts = frame.pts if frame.pts is not None else 0
        return (pts - self.start) * self.tb

    def _next(self) -> av.VideoFrame | None:
        if self.eof:
            return None
        if self.frames is None:
            self.frames = self.container.decode(self.stream)
        try:
            return next(self.frames)
        except (StopIteration, av.error.EOFError):
            self.eof = True
            return None

    def seek(self, t: Fraction) -> None:
        target = int(t / self.tb) + self.start
        self.container.seek(max(self.start, target), stream=self.stream, backward=True, any_frame=False)
        self.frames = None
        self.eof = False
        self.current = None
        self.pending = None

    def distance(self, t: Fraction) -> Fraction | None:
        """How far forward this decoder must go to reach ``t`` (None: it would have to seek)."""
        if self.current is None:
            return t if t <= _SEEK_AHEAD else None
        gap = t - self.time_of(self.current)
        return gap if 0 <= gap <= _SEEK_AHEAD else None

    def frame(self, t: Fraction) -> av.VideoFrame:
        if self.distance(t) is None:
            self.seek(t)
        if self.current is None:
            self.current = self._next()
            if self.current is None:
                raise OSError("the video has no decodable frames")
        while True:
            if self.pending is None:
                self.pending = self._next()
            if self.pending is None or self.time_of(self.pending) > t:
                return self.current
            self.current, self.pending = self.pending, None

    def close(self) -> None:
        self.container.close()


class SequentialFrameSource:
    """A ``frame_at`` provider for one export: forward decoding of videos. Thread-safe.

    Stills go through the shared ``FrameFetcher`` (same loader, orientation and
    size limits as the preview), and frames are converted with the same
    ``to_rgb`` (rotation, swscale), so export pixels equal preview pixels.
    """

    def __init__(self, root: Path) -> None:
        self._videos: dict[Path, list[_VideoState]] = {}
        self._fetcher = FrameFetcher(root, cache_bytes=256 << 20)
        self._lock = threading.Lock()
        self._is_still: dict[Path, bool] = {}
        self._recent: list[_VideoState] = []

    def frame_at(self, path: Path, t: Fraction, size: tuple[int, int] | None = None,
                 use_proxy: bool = False) -> np.ndarray:
        path = Path(path)
        still = self._is_still.get(path)
        if still is None:
            try:
                still = self._is_still[path] = sniff_image(path) is not None
            except (OSError, ValueError):
                still = True  # the still loader reports the damage clearly
        if still:
            return self._fetcher.frame_at(path, t, size)
        with self._lock:
            state = self._state(path, Fraction(t))
            frame = state.frame(Fraction(t))
            key = (frame.pts or 0, size)
            if state.converted is not None and state.converted[:2] == key:
                return state.converted[2]
            arr = to_rgb(frame, size)
            state.converted = (key[0], key[1], arr)
            return arr

    def _state(self, path: Path, t: Fraction) -> _VideoState:
        """A decoder that can reach ``t`` by decoding forward; a file used twice at once (the two
        sides of a transition from one source) gets a decoder per position instead of seeking
        back and forth on every frame."""
        states = self._videos.setdefault(path, [])
        reachable = [(st.distance(t), i) for i, st in enumerate(states) if st.distance(t) is not None]
        if reachable:
            i = min(reachable)[1]
        elif len(states) < _DECODERS_PER_FILE:
            states.append(_VideoState(path))
            i = len(states) - 1
        else:
            i = 0  # the least recently used one seeks
        states.append(states.pop(i))
        state = states[-1]
        # Keep only a few decoders open across files: a finished clip's decoder (and its
        # frame-thread buffers) is released instead of holding memory for the whole export.
        if state in self._recent:
            self._recent.remove(state)
        self._recent.append(state)
        while len(self._recent) > _OPEN_DECODERS:
            old = self._recent.pop(0)
            for lst in self._videos.values():
                if old in lst:
                    lst.remove(old)
            old.close()
        return state

    def close(self) -> None:
        with self._lock:
            for states in self._videos.values():
                for state in states:
                    state.close()
            self._recent.clear()
            self._videos.clear()
        self._fetcher.close()
