"""Read an image's format and pixel size from its first bytes, without decoding it.

Why: a 20000x20000 PNG decodes to 1.2 GB of RGB. Knowing the size from the header
lets the probe refuse such a file before any decoder allocates memory for it.
Supports PNG, JPEG, WebP (lossy, lossless, extended), GIF, BMP and TIFF.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


@dataclass(frozen=True)
class ImageHeader:
    format: str  # "png", "jpeg", "webp", "gif", "bmp", "tiff"
    width: int
    height: int
    orientation: int = 1  # EXIF orientation (1 = as stored); only read for JPEG


def sniff_image(path: Path) -> ImageHeader | None:
    """The header of an image file, or None if the bytes are not a known image format.

    Raises ValueError when the magic bytes say "image" but the header is damaged.
    """
    with open(path, "rb") as fh:
        head = fh.read(64)
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            if len(head) < 24 or head[12:16] != b"IHDR":
                raise ValueError("damaged PNG header")
            w, h = struct.unpack(">II", head[16:24])
            return ImageHeader("png", w, h)
        if head.startswith(b"\xff\xd8"):
            return _jpeg(fh)
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return _webp(head)
        if head[:6] in (b"GIF87a", b"GIF89a"):
            w, h = struct.unpack("<HH", head[6:10])
            return ImageHeader("gif", w, h)
        if head[:2] == b"BM" and len(head) >= 26:
            w, h = struct.unpack("<ii", head[18:26])
            return ImageHeader("bmp", abs(w), abs(h))
        if head[:4] in (b"II*\x00", b"MM\x00*"):
            return _tiff(fh, head[:2] == b"II")
    return None


def _jpeg(fh: BinaryIO) -> ImageHeader:
    fh.seek(2)
    orientation = 1
    size: tuple[int, int] | None = None
    while size is None:
        byte = fh.read(1)
        while byte and byte != b"\xff":
            byte = fh.read(1)
        while byte == b"\xff":
            byte = fh.read(1)
        if not byte:
            raise ValueError("JPEG header ends before the image size")
        marker = byte[0]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue  # markers without a length
        raw = fh.read(2)
        if len(raw) < 2:
            raise ValueError("truncated JPEG header")
        (length,) = struct.unpack(">H", raw)
        if length < 2:
            raise ValueError("damaged JPEG segment")
        body = fh.read(length - 2)
        if len(body) < length - 2:
            raise ValueError("truncated JPEG header")
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            orientation = _exif_orientation(body[6:]) or 1
        elif marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            h, w = struct.unpack(">HH", body[1:5])
            size = (w, h)
        elif marker == 0xDA:
            raise ValueError("JPEG has no frame header before its image data")
    return ImageHeader("jpeg", size[0], size[1], orientation)


def _exif_orientation(tiff: bytes) -> int | None:
    if len(tiff) < 8:
        return None
    endian = "<" if tiff[:2] == b"II" else ">"
    (ifd,) = struct.unpack(endian + "I", tiff[4:8])
    if ifd + 2 > len(tiff):
        return None
    (count,) = struct.unpack(endian + "H", tiff[ifd:ifd + 2])
    for i in range(count):
        entry = tiff[ifd + 2 + 12 * i: ifd + 14 + 12 * i]
        if len(entry) < 12:
            return None
        tag, _typ, _n = struct.unpack(endian + "HHI", entry[:8])
        if tag == 0x0112:
            (value,) = struct.unpack(endian + "H", entry[8:10])
            return value if 1 <= value <= 8 else None
    return None


def _webp(head: bytes) -> ImageHeader:
    chunk = head[12:16]
    if chunk == b"VP8 " and len(head) >= 30:
        w, h = struct.unpack("<HH", head[26:30])
        return ImageHeader("webp", w & 0x3FFF, h & 0x3FFF)
    if chunk == b"VP8L" and len(head) >= 25:
        b = head[21:25]
        w = 1 + (((b[1] & 0x3F) << 8) | b[0])
        h = 1 + (((b[3] & 0xF) << 10) | (b[2] << 2) | ((b[1] & 0xC0) >> 6))
        return ImageHeader("webp", w, h)
    if chunk == b"VP8X" and len(head) >= 30:
        w = 1 + int.from_bytes(head[24:27], "little")
        h = 1 + int.from_bytes(head[27:30], "little")
        return ImageHeader("webp", w, h)
    raise ValueError("damaged WebP header")


def _tiff(fh: BinaryIO, little: bool) -> ImageHeader:
    endian = "<" if little else ">"
    fh.seek(4)
    (ifd,) = struct.unpack(endian + "I", fh.read(4))
    fh.seek(ifd)
    raw = fh.read(2)
    if len(raw) < 2:
        raise ValueError("truncated TIFF header")
    (count,) = struct.unpack(endian + "H", raw)
    w = h = 0
    for _ in range(min(count, 512)):
        entry = fh.read(12)
        if len(entry) < 12:
            break
        tag, typ, _n = struct.unpack(endian + "HHI", entry[:8])
        value = struct.unpack(endian + ("H" if typ == 3 else "I"), entry[8:10] if typ == 3 else entry[8:12])[0]
        if tag == 256:
            w = value
        elif tag == 257:
            h = value
    if not (w and h):
        raise ValueError("TIFF without image size")
    return ImageHeader("tiff", w, h)
