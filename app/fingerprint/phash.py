"""64-bit perceptual hashes of frames, robust to re-encoding, scaling, small overlays and crops.

A hash is the sign pattern of the 8x8 lowest DCT coefficients (DC excluded) of a
32x32 greyscale thumbnail, against their median. Reference frames are hashed at
four centre crops (100 % to 70 %) so a cropped copy still lands near one of
them; suspect frames are hashed whole and at a 70 % centre crop, as they are and mirrored.
"""

from __future__ import annotations

import cv2
import numpy as np

REFERENCE_CROPS = (1.0, 0.9, 0.8, 0.7)
# the suspect's own centre crop sees past logos and text bars near the edges
SUSPECT_CROPS = (1.0, 0.7)
THUMB = 32
# a frame this flat (std of grey levels) carries no identity: black, white, fades
MIN_CONTRAST = 6.0

_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def _center_crop(gray: np.ndarray, fraction: float) -> np.ndarray:
    if fraction >= 1.0:
        return gray
    h, w = gray.shape
    ch, cw = max(1, round(h * fraction)), max(1, round(w * fraction))
    y, x = (h - ch) // 2, (w - cw) // 2
    return gray[y:y + ch, x:x + cw]


def hash_gray(gray: np.ndarray) -> np.uint64:
    thumb = cv2.resize(gray, (THUMB, THUMB), interpolation=cv2.INTER_AREA).astype(np.float32)
    dct = cv2.dct(thumb)[:8, :8].flatten()[1:]  # 63 coefficients, DC dropped
    bits = np.append(dct > np.median(dct), False)
    return np.packbits(bits).view(">u8")[0].astype(np.uint64)


def is_informative(gray: np.ndarray) -> bool:
    return float(gray.std()) >= MIN_CONTRAST


def reference_hashes(gray: np.ndarray) -> np.ndarray:
    return np.array([hash_gray(_center_crop(gray, f)) for f in REFERENCE_CROPS], dtype=np.uint64)


def suspect_hashes(gray: np.ndarray) -> np.ndarray:
    """Shape (2, len(SUSPECT_CROPS)): as-is, then mirrored."""
    mirrored = np.ascontiguousarray(gray[:, ::-1])
    return np.array([[hash_gray(_center_crop(g, f)) for f in SUSPECT_CROPS] for g in (gray, mirrored)],
                    dtype=np.uint64)


def hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise bit distances between two arrays of uint64 hashes: shape a.shape + b.shape."""
    x = np.bitwise_xor(a.reshape(a.shape + (1,) * b.ndim), b.reshape((1,) * a.ndim + b.shape))
    return _POPCOUNT[x.view(np.uint8)].reshape(x.shape + (8,)).sum(axis=-1, dtype=np.uint16)
