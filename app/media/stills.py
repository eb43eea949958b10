"""Decode still images to RGB once: EXIF orientation applied, alpha flattened, size checked first."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication

from app.media.errors import MediaError
from app.media.image_header import sniff_image
from app.media.probe import MAX_IMAGE_PIXELS


def load_still(path: Path) -> np.ndarray:
    """The image at ``path`` as (H, W, 3) uint8 RGB, as a viewer would show it.

    The pixel count is checked from the header before decoding, so an oversized
    file is refused without allocating its pixels. Transparent areas become black.
    """
    path = Path(path)
    try:
        header = sniff_image(path)
    except (OSError, ValueError) as exc:
        raise MediaError(QCoreApplication.translate("MediaStills", "{name}: cannot read the image ({exc}).").format(name=path.name, exc=exc)) from exc
    if header is not None and header.width * header.height > MAX_IMAGE_PIXELS:
        raise MediaError(QCoreApplication.translate("MediaStills", "{name} is {width}x{height} pixels, too large to decode; scale it down and import it again.").format(name=path.name, width=header.width, height=header.height))
    try:
        data = np.fromfile(path, dtype=np.uint8)  # imread cannot open non-ASCII paths on Windows
    except OSError as exc:
        raise MediaError(QCoreApplication.translate("MediaStills", "{name}: the file is missing or unreadable ({value}).").format(name=path.name, value=exc.strerror or exc)) from exc
    jpeg = header is not None and header.format == "jpeg"
    # IMREAD_COLOR applies the EXIF orientation; UNCHANGED keeps alpha (PNG/WebP) but ignores EXIF
    img = cv2.imdecode(data, cv2.IMREAD_COLOR if jpeg else cv2.IMREAD_UNCHANGED)
    if img is None:
        raise MediaError(QCoreApplication.translate("MediaStills", "{name} could not be decoded as an image; the file is damaged or in an unsupported format. Re-export it as PNG or JPEG.").format(name=path.name))
    if not jpeg and header is not None and header.orientation != 1:
        img = _apply_orientation(img, header.orientation)
    return _to_rgb8(img)


def _to_rgb8(img: np.ndarray) -> np.ndarray:
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    elif img.dtype != np.uint8:
        img = np.clip(img, 0, 255).astype(np.uint8)
    if img.ndim == 2:
        return np.ascontiguousarray(np.repeat(img[:, :, None], 3, axis=2))
    if img.shape[2] == 4:
        alpha = img[:, :, 3:4].astype(np.uint16)
        rgb = (img[:, :, 2::-1].astype(np.uint16) * alpha + 127) // 255
        return np.ascontiguousarray(rgb.astype(np.uint8))
    return np.ascontiguousarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB))


def _apply_orientation(img: np.ndarray, orientation: int) -> np.ndarray:
    ops = {2: lambda a: a[:, ::-1], 3: lambda a: a[::-1, ::-1], 4: lambda a: a[::-1],
           5: lambda a: np.swapaxes(a, 0, 1), 6: lambda a: np.rot90(a, -1),
           7: lambda a: np.rot90(a[:, ::-1], 1), 8: lambda a: np.rot90(a, 1)}
    op = ops.get(orientation)
    return np.ascontiguousarray(op(img)) if op else img


def resize_rgb(img: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Scale to exactly ``size`` (W, H); area filter when shrinking, cubic when enlarging."""
    w, h = size
    if (img.shape[1], img.shape[0]) == (w, h):
        return img
    shrink = w < img.shape[1] and h < img.shape[0]
    return cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_CUBIC)
