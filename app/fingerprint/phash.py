"""64-bit perceptual hashes of frames, robust to re-encoding, scaling, small overlays and crops.

A hash is the sign pattern of the 8x8 lowest DCT coefficients (DC excluded) of a
32x32 greyscale thumbnail, against their median. Reference frames are hashed at
four centre crops (100 % to 70 %) so a cropped copy still lands near one of
them; suspect frames are hashed whole and at a 70 % centre crop, as they are and mirrored.
"""

from __future__ import annotations

import cv2
import numpy as np

# centre crops; a negative value is the middle band of that height (full width less 10 % a side),
# which sees past captions, stickers and bars over the top and bottom of a copy
REFERENCE_CROPS = (1.0, 0.9, 0.8, 0.7, -0.5)
OLD_REFERENCE_CROPS = (1.0, 0.9, 0.8, 0.7)  # fingerprints made before the band
THUMB = 32
# a frame this flat (std of grey levels) carries no identity: black, white, fades
MIN_CONTRAST = 6.0

_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def middle_band(gray: np.ndarray, fraction: float = 0.5) -> np.ndarray:
    h, w = gray.shape
    y, x = int(h * (1 - fraction) / 2), int(w * 0.1)
    return gray[y:h - y, x:w - x]


def _center_crop(gray: np.ndarray, fraction: float) -> np.ndarray:
    if fraction < 0:
        return middle_band(gray, -fraction)
    if fraction >= 1.0:
        return gray
    h, w = gray.shape
    ch, cw = max(1, round(h * fraction)), max(1, round(w * fraction))
    y, x = (h - ch) // 2, (w - cw) // 2
    return gray[y:y + ch, x:x + cw]


def _dct_matrix(n: int = THUMB) -> np.ndarray:
    k, x = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    m = np.cos(np.pi * (2 * x + 1) * k / (2 * n)) * np.sqrt(2.0 / n)
    m[0] /= np.sqrt(2.0)
    return m[:8].astype(np.float32)  # only the 8 lowest frequencies are used


_DCT8 = _dct_matrix()
# mirroring a picture flips the sign of its odd horizontal frequencies
_MIRROR_SIGN = np.array([[(-1) ** v for v in range(8)] for _ in range(8)], np.float32).reshape(-1)[1:]


def thumb_of(gray: np.ndarray) -> np.ndarray:
    return cv2.resize(gray, (THUMB, THUMB), interpolation=cv2.INTER_AREA).astype(np.float32)


def hash_thumbs(thumbs: np.ndarray, mirrored: bool = False) -> np.ndarray:
    """Hashes of a (k, 32, 32) stack of thumbnails at once (the same bits as ``hash_gray``)."""
    coeffs = np.matmul(np.matmul(_DCT8, thumbs), _DCT8.T).reshape(len(thumbs), 64)[:, 1:]
    if mirrored:
        coeffs = coeffs * _MIRROR_SIGN
    median = np.partition(coeffs, 31, axis=1)[:, 31:32]
    bits = np.concatenate([coeffs > median, np.zeros((len(thumbs), 1), bool)], axis=1)
    return np.packbits(bits, axis=1).view(">u8")[:, 0].astype(np.uint64)


def box_thumbs(gray: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """32x32 area-averaged thumbnails of many windows of one frame at once, from its integral image.

    ``rects``: (k, 4) pixel boxes x0, y0, x1, y1. Cell edges are rounded to whole pixels,
    which is close enough to ``cv2.resize(INTER_AREA)`` for choosing windows.
    """
    integral = cv2.integral(gray).astype(np.float64)
    steps = np.linspace(0.0, 1.0, THUMB + 1)
    x0, y0, x1, y1 = (rects[:, i:i + 1].astype(np.float64) for i in range(4))
    xs = np.clip(np.round(x0 + (x1 - x0) * steps).astype(np.int64), 0, gray.shape[1])  # (k, 33)
    ys = np.clip(np.round(y0 + (y1 - y0) * steps).astype(np.int64), 0, gray.shape[0])
    corners = integral[ys[:, :, None], xs[:, None, :]]  # (k, 33, 33)
    sums = corners[:, 1:, 1:] - corners[:, :-1, 1:] - corners[:, 1:, :-1] + corners[:, :-1, :-1]
    area = np.maximum(1, np.diff(ys, axis=1))[:, :, None] * np.maximum(1, np.diff(xs, axis=1))[:, None, :]
    return (sums / area).astype(np.float32)


def hash_gray(gray: np.ndarray) -> np.uint64:
    return hash_thumbs(thumb_of(gray)[None])[0]


def is_informative(gray: np.ndarray) -> bool:
    _, std = cv2.meanStdDev(gray)  # ten times numpy's std on a 256 px frame
    return float(std[0, 0]) >= MIN_CONTRAST


def reference_hashes(gray: np.ndarray) -> np.ndarray:
    return np.array([hash_gray(_center_crop(gray, f)) for f in REFERENCE_CROPS], dtype=np.uint64)


def _popcount_table(x: np.ndarray) -> np.ndarray:
    return _POPCOUNT[np.ascontiguousarray(x).view(np.uint8)].reshape(x.shape + (8,)).sum(axis=-1, dtype=np.uint8)


# bits set in each uint64 (numpy >= 2.0 has it built in, much faster than the byte table)
popcount = getattr(np, "bitwise_count", _popcount_table)


def hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise bit distances between two arrays of uint64 hashes: shape a.shape + b.shape."""
    x = np.bitwise_xor(a.reshape(a.shape + (1,) * b.ndim), b.reshape((1,) * a.ndim + b.shape))
    return _POPCOUNT[x.view(np.uint8)].reshape(x.shape + (8,)).sum(axis=-1, dtype=np.uint16)
