"""Frame-exact video decoding with pooled PyAV decoders and a byte-bounded frame cache.

``FrameFetcher(root).frame_at(path, t, size=None, use_proxy=False)`` returns the
frame displayed at ``t`` seconds after the clip's first frame (the last frame
whose timestamp is <= t; clamped to the first/last frame), rotated for display
and scaled to ``size`` (W, H), as a read-only (H, W, 3) uint8 RGB array. Stills
return the image.

How it stays fast and exact:
- every file is indexed once by demuxing (no decoding): the frame's exact
  timestamp and the keyframe before it are known before any seek;
- decoders stay open (a few per file, a bounded pool overall): sequential
  requests decode forward, random ones seek to the keyframe and decode forward
  to the exact timestamp, whichever is less work;
- decoded, scaled frames go into an LRU bounded in bytes;
- with ``use_proxy`` (preview only) an all-intra preview-size proxy is read
  instead when one exists; it has the same frames in the same order, so frame
  i of the proxy is frame i of the source.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.container import InputContainer
from PySide6.QtCore import QCoreApplication

from app.media.cachepaths import cache_dir_for, proxy_path
from app.media.errors import MediaError
from app.media.frame_cache import FrameCache
from app.media.image_header import sniff_image
from app.media.index import VideoIndex, build_index
from app.media.stills import load_still, resize_rgb

# a proxy is used for requests up to this factor larger than the proxy itself
PROXY_UPSCALE_LIMIT = 1.5
DECODERS_PER_FILE = 3
_Ident = tuple[str, int, int]  # a file's identity: path, size, modification time (ns)


def _video_stream(container: InputContainer) -> av.VideoStream | None:
    for s in container.streams.video:
        if not s.disposition & av.stream.Disposition.attached_pic:
            return s
    return None


class _Decoder:
    """One open container positioned somewhere in its stream; used by one thread at a time."""

    def __init__(self, path: Path, index: VideoIndex) -> None:
        self.path = path
        self.index = index
        try:
            self.container = av.open(str(path), mode="r", metadata_errors="ignore")
        except av.error.FFmpegError as exc:
            raise MediaError(QCoreApplication.translate("MediaDecode", "{name} cannot be opened for decoding ({exc}).").format(name=path.name, exc=exc)) from exc
        stream = _video_stream(self.container)
        if stream is None:
            self.container.close()
            raise MediaError(QCoreApplication.translate("MediaDecode", "{name} has no video stream.").format(name=path.name))
        self.stream = stream
        if len(index.keyframe_idx) == index.frames:
            # all-intra (proxies, ProRes): every access is one decode; frame threading
            # would hold each frame back until more packets arrive
            self.stream.codec_context.thread_count = 1
        else:
            self.stream.thread_type = "AUTO"
        self._frames: Iterator[av.VideoFrame] | None = None  # the running decode generator
        self._pushback: av.VideoFrame | None = None
        self.pos = -1  # index of the last frame handed out
        self._last: av.VideoFrame | None = None

    def close(self) -> None:
        self._frames = None
        try:
            self.container.close()
        except Exception:
            pass

    def cost_to(self, i: int) -> int:
        """Frames to decode to reach ``i`` from where this decoder is (for picking a pooled decoder)."""
        if self._frames is not None and self.pos == i:
            return 0
        k = self.index.keyframe_before(i)
        if self._frames is not None and k <= self.pos < i:
            return i - self.pos
        return i - k + 8  # a seek costs about as much as a few decoded frames

    def frame(self, i: int) -> av.VideoFrame:
        if self._last is not None and self.pos == i:
            return self._last
        k = self.index.keyframe_before(i)
        forward = self._frames is not None and self.pos < i and (self.pos >= k or i - self.pos <= i - k + 2)
        if forward:
            got = self._decode_to(i)
            if got is not None:
                return got
        # seek to the keyframe; if the demuxer lands after it, step further back
        for start in (k, self.index.keyframe_before(max(k - 1, 0)), 0):
            self._seek(start)
            got = self._decode_to(i)
            if got is not None:
                return got
        raise MediaError(QCoreApplication.translate("MediaDecode", "{name}: frame {i} could not be decoded; the file may be damaged.").format(name=self.path.name, i=i))

    def _seek(self, k: int) -> None:
        target = int(self.index.pts[k])
        try:
            self.container.seek(target, stream=self.stream, backward=True, any_frame=False)
        except av.error.FFmpegError:
            self.container.seek(0)
        self._frames = self.container.decode(self.stream)
        self._pushback = None
        self.pos = -1
        self._last = None

    def _next(self) -> av.VideoFrame | None:
        if self._pushback is not None:
            f, self._pushback = self._pushback, None
            return f
        if self._frames is None:
            return None
        try:
            return next(self._frames)
        except StopIteration:
            return None
        except av.error.FFmpegError as exc:
            raise MediaError(QCoreApplication.translate("MediaDecode", "{name}: decoding failed ({exc}); the file may be damaged.").format(name=self.path.name, exc=exc)) from exc

    def _decode_to(self, i: int) -> av.VideoFrame | None:
        """Decode forward to frame ``i``; None if the stream is already past it (seek needed)."""
        pts = self.index.pts
        target = int(pts[i])
        prev: av.VideoFrame | None = None
        while True:
            f = self._next()
            if f is None:  # end of stream: the target was the last decodable frame at or before
                if prev is not None:
                    self._frames = None  # generator exhausted; next request must seek
                    self.pos = i
                    self._last = prev
                return prev
            fp = f.pts
            if fp is None:
                continue
            if fp < target:
                prev = f
                continue
            if fp == target:
                self.pos, self._last = i, f
                return f
            # past the target: the frame we wanted was missing from the decoder's output
            if prev is None:
                return None
            self._pushback = f
            self.pos, self._last = i, prev
            return prev


class _FileEntry:
    """Index and pooled decoders of one file."""

    def __init__(self, index: VideoIndex, size: tuple[int, int]) -> None:
        self.index = index
        self.size = size  # coded W, H
        self.idle: list[_Decoder] = []
        self.busy = 0


class FrameFetcher:
    """Thread-safe frame source shared by the preview, thumbnails and the exporter."""

    def __init__(self, root: Path, cache_bytes: int = 768 * 1024 * 1024, max_files: int = 24) -> None:
        self.root = Path(root)
        self.cache_dir = cache_dir_for(self.root)
        self.cache = FrameCache(cache_bytes)
        self.max_files = max_files
        self._files: OrderedDict[_Ident, _FileEntry] = OrderedDict()
        self._lock = threading.Lock()
        self._freed = threading.Condition(self._lock)

    # ----------------------------------------------------------------- public
    def frame_at(self, path: Path, t: Fraction, size: tuple[int, int] | None = None,
                 use_proxy: bool = False, *, cache: bool = True) -> np.ndarray:
        """The frame on screen at ``t`` seconds after the clip's first frame (read-only RGB).

        ``cache=False`` (sequential export) still reads cached frames but does not
        store new ones, so an export does not evict the preview's working set.
        """
        path = Path(path)
        ident = self._identity(path)
        size = (int(size[0]), int(size[1])) if size else None
        if self._is_still(path):
            return self._still(path, ident, size)
        src = self._entry(path, ident)
        i = src.index.index_at(Fraction(t))
        if use_proxy and size is not None:
            proxy = self._usable_proxy(path, src.index, size)
            if proxy is not None:
                ppath, pident, pentry = proxy
                return self._frame(ppath, pident, pentry, i, size, cache)
        return self._frame(path, ident, src, i, size, cache)

    def index_of(self, path: Path) -> VideoIndex:
        """The frame index of a video file (demuxed once, then cached)."""
        path = Path(path)
        return self._entry(path, self._identity(path)).index

    def proxy_for(self, path: Path) -> Path | None:
        """The complete proxy of ``path`` if one exists (same frame count as the source)."""
        path = Path(path)
        try:
            src = self._entry(path, self._identity(path))
            usable = self._usable_proxy(path, src.index, (1, 1))
            return usable[0] if usable is not None else None
        except (MediaError, TypeError):
            return None

    def close(self) -> None:
        with self._lock:
            entries = list(self._files.values())
            self._files.clear()
        for e in entries:
            for d in e.idle:
                d.close()
            e.idle.clear()
        self.cache.clear()

    def forget(self, path: Path) -> None:
        """Drop decoders and cached frames of ``path`` (after it was replaced or deleted)."""
        spath = str(Path(path))
        with self._lock:
            for key in [k for k in self._files if k[0] == spath]:
                for d in self._files.pop(key).idle:
                    d.close()
        self.cache.discard_where(lambda k: isinstance(k, tuple) and k[1] == spath)

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _identity(path: Path) -> _Ident:
        try:
            st = os.stat(path)
        except FileNotFoundError as exc:
            raise MediaError(QCoreApplication.translate("MediaDecode", "{name} is missing ({path}); the clip is offline. Relink or re-import the file.").format(name=path.name, path=path)) from exc
        return (str(path), st.st_size, st.st_mtime_ns)

    def _is_still(self, path: Path) -> bool:
        key = ("kind", str(path))
        cached = self.cache.get(key)
        if cached is not None:
            return bool(cached[0])
        try:
            still = sniff_image(path) is not None
        except (OSError, ValueError):
            still = True  # let the still loader report the damage
        self.cache.put(key, np.array([still]))
        return still

    def _still(self, path: Path, ident: _Ident, size: tuple[int, int] | None) -> np.ndarray:
        key = ("still", *ident, size)
        arr = self.cache.get(key)
        if arr is not None:
            return arr
        full_key = ("still", *ident, None)
        full = self.cache.get(full_key)
        if full is None:
            full = self.cache.put(full_key, load_still(path))
        if size is None:
            return full
        return self.cache.put(key, resize_rgb(full, size))

    def _entry(self, path: Path, ident: _Ident) -> _FileEntry:
        with self._lock:
            entry = self._files.get(ident)
            if entry is not None:
                self._files.move_to_end(ident)
                return entry
        index, size = self._build_index(path)
        with self._lock:
            entry = self._files.setdefault(ident, _FileEntry(index, size))
            self._files.move_to_end(ident)
            self._trim_locked()
            return entry

    def _trim_locked(self) -> None:
        while len(self._files) > self.max_files:
            key, old = next(((k, e) for k, e in self._files.items() if e.busy == 0), (None, None))
            if key is None or old is None:
                return
            del self._files[key]
            for d in old.idle:
                d.close()

    @staticmethod
    def _build_index(path: Path) -> tuple[VideoIndex, tuple[int, int]]:
        try:
            with av.open(str(path), metadata_errors="ignore") as c:
                stream = _video_stream(c)
                if stream is None:
                    raise MediaError(QCoreApplication.translate("MediaDecode", "{name} has no video stream to show.").format(name=path.name))
                index = build_index(c, stream)
                size = (stream.codec_context.width, stream.codec_context.height)
        except av.error.FFmpegError as exc:
            raise MediaError(QCoreApplication.translate("MediaDecode", "{name} cannot be read as video ({exc}); it may be damaged.").format(name=path.name, exc=exc)) from exc
        if index.frames == 0:
            raise MediaError(QCoreApplication.translate("MediaDecode", "{name} contains no video frames.").format(name=path.name))
        return index, size

    def _usable_proxy(self, path: Path, src_index: VideoIndex, size: tuple[int, int]
                      ) -> tuple[Path, _Ident, _FileEntry] | None:
        try:
            ppath = proxy_path(self.cache_dir, path)
        except OSError:
            return None
        try:
            pident = self._identity(ppath)
        except MediaError:
            return None
        try:
            pentry = self._entry(ppath, pident)
        except MediaError:
            return None
        if pentry.index.frames != src_index.frames:
            return None  # stale or partial proxy: ignore it
        dims = pentry.size  # proxies are stored upright
        if size[0] > dims[0] * PROXY_UPSCALE_LIMIT or size[1] > dims[1] * PROXY_UPSCALE_LIMIT:
            return None
        return ppath, pident, pentry

    def _frame(self, path: Path, ident: _Ident, entry: _FileEntry, i: int,
               size: tuple[int, int] | None, store: bool = True) -> np.ndarray:
        key = ("frame", *ident, i, size)
        arr = self.cache.get(key)
        if arr is not None:
            return arr
        dec = self._acquire(path, entry, i)
        keep: _Decoder | None = dec  # handed back for reuse unless it failed
        try:
            frame = dec.frame(i)
            arr = to_rgb(frame, size)
        except BaseException:
            dec.close()
            keep = None
            raise
        finally:
            self._release(entry, keep)
        if not store:
            arr.flags.writeable = False
            return arr
        return self.cache.put(key, arr)

    def _acquire(self, path: Path, entry: _FileEntry, i: int) -> _Decoder:
        with self._lock:
            while True:
                if entry.idle:
                    best = min(entry.idle, key=lambda d: d.cost_to(i))
                    if best.cost_to(i) <= 8 or len(entry.idle) + entry.busy >= DECODERS_PER_FILE:
                        entry.idle.remove(best)
                        entry.busy += 1
                        return best
                if len(entry.idle) + entry.busy < DECODERS_PER_FILE:
                    entry.busy += 1
                    break
                self._freed.wait()
        try:
            return _Decoder(path, entry.index)
        except BaseException:
            with self._lock:
                entry.busy -= 1
                self._freed.notify_all()
            raise

    def _release(self, entry: _FileEntry, dec: _Decoder | None) -> None:
        with self._lock:
            entry.busy -= 1
            if dec is not None:
                entry.idle.append(dec)
            self._freed.notify_all()


def display_rotation(frame: av.VideoFrame) -> int:
    """Clockwise degrees (0/90/180/270) to turn a decoded frame for display."""
    ccw = frame.rotation or 0
    return (round(-ccw / 90) * 90) % 360


def to_rgb(frame: av.VideoFrame, size: tuple[int, int] | None) -> np.ndarray:
    """Convert (and scale, in the same swscale pass) a frame to display-oriented RGB."""
    rot = display_rotation(frame)
    if size is None:
        w, h = frame.width, frame.height
    else:
        w, h = (size[1], size[0]) if rot in (90, 270) else size
    arr: np.ndarray = frame.to_ndarray(format="rgb24", width=w, height=h)
    if rot:
        arr = np.ascontiguousarray(np.rot90(arr, k=-(rot // 90)))
    return arr
