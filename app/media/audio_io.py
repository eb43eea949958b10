"""Audio decoding to the project's format: float32 samples at 48 kHz, resampled by FFmpeg.

``load_audio(path, rate=48000, channels=2)`` decodes the first audio stream of
any audio or video file and returns a float32 array shaped (n, channels). The
result is cached (bounded in bytes) and returned READ-ONLY, because the mixer
asks for the same files over and over; copy it before changing it. A file
without an audio stream (e.g. a silent AI clip) gives an empty (0, channels)
array; missing or damaged files raise MediaError.

``AudioReader`` streams chunks of the same samples for long files.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Generator, Hashable
from pathlib import Path

import av
import numpy as np
from av.container import InputContainer
from PySide6.QtCore import QCoreApplication

from app.media.errors import MediaError

AUDIO_CACHE_BYTES = 512 * 1024 * 1024

_cache: OrderedDict[tuple[Hashable, ...], np.ndarray] = OrderedDict()
_cache_bytes = 0
_cache_lock = threading.Lock()


def _layout(channels: int) -> str:
    if channels == 1:
        return "mono"
    if channels == 2:
        return "stereo"
    raise ValueError(f"unsupported channel count {channels}")


def _open_audio(path: Path) -> tuple[InputContainer, av.AudioStream | None]:
    try:
        container = av.open(str(path), mode="r", metadata_errors="ignore")
    except FileNotFoundError as exc:
        raise MediaError(QCoreApplication.translate("MediaAudioIo", "{name} is missing ({path}); relink or re-import it.").format(name=path.name, path=path)) from exc
    except av.error.FFmpegError as exc:
        raise MediaError(QCoreApplication.translate("MediaAudioIo", "{name} cannot be read as audio ({exc}); the file may be damaged.").format(name=path.name, exc=exc)) from exc
    stream = container.streams.audio[0] if container.streams.audio else None
    if stream is not None:
        stream.codec_context.thread_type = "AUTO"
    return container, stream


def iter_audio(path: Path, rate: int = 48000, channels: int = 2) -> Generator[np.ndarray, None, None]:
    """Decode ``path``'s audio as successive float32 (n, channels) blocks at ``rate``."""
    path = Path(path)
    container, stream = _open_audio(path)
    with container:
        if stream is None:
            return
        resampler = av.AudioResampler(format="flt", layout=_layout(channels), rate=rate)
        try:
            for frame in container.decode(stream):
                frame.pts = None  # let the resampler run on sample counts, not (gappy) timestamps
                for out in resampler.resample(frame):
                    yield _packed(out, channels)
        except av.error.FFmpegError as exc:
            raise MediaError(QCoreApplication.translate("MediaAudioIo", "{name}: decoding its audio failed ({exc}); the file is damaged.").format(name=path.name, exc=exc)) from exc
        for out in resampler.resample(None):
            yield _packed(out, channels)


def _packed(frame: av.AudioFrame, channels: int) -> np.ndarray:
    arr = frame.to_ndarray()  # packed "flt": shape (1, n * channels)
    return arr.reshape(-1, channels)


def load_audio(path: Path, rate: int = 48000, channels: int = 2) -> np.ndarray:
    """All of ``path``'s audio as a read-only float32 (n, channels) array at ``rate`` Hz."""
    global _cache_bytes
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise MediaError(QCoreApplication.translate("MediaAudioIo", "{name} is missing ({path}); relink or re-import it.").format(name=path.name, path=path)) from exc
    key = (str(path), st.st_size, st.st_mtime_ns, rate, channels)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    blocks = list(iter_audio(path, rate, channels))
    data = np.concatenate(blocks) if blocks else np.zeros((0, channels), np.float32)
    data = np.ascontiguousarray(data, dtype=np.float32)
    data.flags.writeable = False
    with _cache_lock:
        if data.nbytes <= AUDIO_CACHE_BYTES:
            _cache[key] = data
            _cache_bytes += data.nbytes
            while _cache_bytes > AUDIO_CACHE_BYTES:
                _, old = _cache.popitem(last=False)
                _cache_bytes -= old.nbytes
    return data


def clear_audio_cache() -> None:
    global _cache_bytes
    with _cache_lock:
        _cache.clear()
        _cache_bytes = 0


class AudioReader:
    """Sequential reader of fixed-size chunks (the last may be shorter) for streaming playback."""

    def __init__(self, path: Path, rate: int = 48000, channels: int = 2) -> None:
        self._blocks = iter_audio(Path(path), rate, channels)
        self._buf = np.zeros((0, channels), np.float32)
        self.channels = channels
        self.position = 0  # samples handed out so far

    def read(self, count: int) -> np.ndarray:
        """Up to ``count`` samples; an empty array at the end."""
        while len(self._buf) < count:
            block = next(self._blocks, None)
            if block is None:
                break
            self._buf = np.concatenate([self._buf, block])
        out, self._buf = self._buf[:count], self._buf[count:]
        self.position += len(out)
        return out

    def close(self) -> None:
        self._blocks.close()
