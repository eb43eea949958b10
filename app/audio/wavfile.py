"""A WAV file that is valid on disk while it grows, and its repair after a crash.

The recorder appends 24-bit PCM with ``os.write`` (no user-space buffer, so a
killed process loses nothing that reached the kernel) and rewrites the two size
fields of the header every half second. A file left by a crash therefore plays
up to its last header update, and ``repair`` makes it whole from the file size.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np

HEADER_BYTES = 44
MAX_DATA_BYTES = 0xFFFFFFFF - HEADER_BYTES  # plain RIFF limit (~8 h at 48 kHz mono 24-bit)


def header(rate: int, channels: int, data_bytes: int, bits: int = 24) -> bytes:
    block = channels * bits // 8
    return (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block, block, bits)
            + b"data" + struct.pack("<I", data_bytes))


def float_to_pcm24(block: np.ndarray) -> bytes:
    """Float samples (-1..1) to little-endian packed 24-bit PCM, clipped."""
    ints = np.clip(np.rint(np.asarray(block, dtype=np.float64) * 8388607.0), -8388608, 8388607)
    raw = ints.astype("<i4").reshape(-1).view(np.uint8).reshape(-1, 4)[:, :3]
    return raw.tobytes()


class GrowingWav:
    """Append-only 24-bit WAV whose header is kept current by ``update_header``.

    Every method may raise OSError (disk full, file too large, device gone); the
    caller stops recording and keeps what ``data_bytes`` says was written.
    """

    def __init__(self, path: Path, rate: int, channels: int = 1) -> None:
        self.path = Path(path)
        self.rate = rate
        self.channels = channels
        self.frame_bytes = 3 * channels
        self.data_bytes = 0
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            self._write_all(header(rate, channels, 0), 0)
        except OSError:
            os.close(self._fd)
            raise

    def _write_all(self, data: bytes, offset: int) -> int:
        """pwrite everything, returning bytes written; raises OSError after a partial write."""
        done = 0
        while done < len(data):
            try:
                n = os.pwrite(self._fd, data[done:], offset + done)
            except OSError as exc:
                exc.bytes_written = done  # type: ignore[attr-defined]
                raise
            if n <= 0:
                err = OSError(28, "No space left on device")
                err.bytes_written = done  # type: ignore[attr-defined]
                raise err
            done += n
        return done

    def append(self, pcm: bytes) -> None:
        if self.data_bytes + len(pcm) > MAX_DATA_BYTES:
            raise OSError(27, "The take reached the 4 GB limit of a WAV file")
        try:
            self._write_all(pcm, HEADER_BYTES + self.data_bytes)
            self.data_bytes += len(pcm)
        except OSError as exc:
            written = getattr(exc, "bytes_written", 0)
            # keep whole frames only: a half-written sample would shift every later one
            self.data_bytes += written - written % self.frame_bytes
            raise

    @property
    def frames(self) -> int:
        return self.data_bytes // self.frame_bytes

    def update_header(self) -> None:
        os.pwrite(self._fd, struct.pack("<I", 36 + self.data_bytes), 4)
        os.pwrite(self._fd, struct.pack("<I", self.data_bytes), 40)

    def sync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        """Truncate any partial frame, write the final header, flush, close. Best effort."""
        try:
            try:
                os.ftruncate(self._fd, HEADER_BYTES + self.data_bytes)
            except OSError:
                pass
            try:
                self.update_header()
                os.fsync(self._fd)
            except OSError:
                pass
        finally:
            os.close(self._fd)


def repair(path: Path, rate: int, channels: int = 1) -> int:
    """Make a WAV left by a crash whole: sizes from the file length, partial frame cut.

    Returns the number of frames kept.
    """
    path = Path(path)
    size = path.stat().st_size
    frame_bytes = 3 * channels
    if size < HEADER_BYTES:
        with open(path, "wb") as fh:
            fh.write(header(rate, channels, 0))
        return 0
    data = min(size - HEADER_BYTES, MAX_DATA_BYTES)
    data -= data % frame_bytes
    with open(path, "r+b") as fh:
        fh.truncate(HEADER_BYTES + data)
        fh.seek(0)
        fh.write(header(rate, channels, data))
        fh.flush()
        os.fsync(fh.fileno())
    return data // frame_bytes
