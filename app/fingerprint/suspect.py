"""Fingerprint a suspect file: its picture, hashed where our content sits, and its sound.

The picture is read in chunks of a couple of minutes at 256 px wide (enough for a
picture-in-picture window at a third of the frame), so an hours-long file needs
bounded memory; each chunk finds its own layout (compilations change layout).
Every sample is hashed in SLOTS variants: whole frame, its 70 % centre, its middle band,
and the two windows of the chunk that best resemble our episodes (the first also as its
middle band) - each as is and mirrored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import av
import numpy as np
from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.fingerprint import audio
from app.fingerprint.index import NOMINATE_DISTANCE, SeasonIndex
from app.fingerprint.layout import FULL, OVERLAID, Rect, candidate_rects
from app.fingerprint.phash import THUMB, box_thumbs, hash_thumbs, is_informative, thumb_of
from app.fingerprint.sampler import SAMPLE_FPS, sample_gray_frames

SUSPECT_WIDTH = 256
CHUNK_SECONDS = 120.0
PROBES = 8
SLOTS = 6  # whole, whole 70 %, whole middle band, window 1, its middle band, window 2
CLEAR_VOTES = 0.75  # share of probes
CLEAR_DISTANCE = 7.0  # mean bits
PROGRESS_SECONDS = 10.0
MAX_SECONDS = 4 * 3600.0  # longer files: only the first four hours are checked


@dataclass
class SuspectPrint:
    times: np.ndarray  # (n,)
    hashes: np.ndarray  # (n, 2, SLOTS): as is / mirrored
    informative: np.ndarray  # (n,)
    duration: float
    audio: audio.AudioPrint = audio.EMPTY  # noqa: RUF009 - frozen
    regions: list[tuple[float, Rect]] = field(default_factory=list)  # (chunk start s, best window)
    has_video: bool = True
    truncated: bool = False

    def region_at(self, t: float) -> Rect | None:
        found = None
        for start, rect in self.regions:
            if start <= t + 1e-6:
                found = rect
        return found


def _view_boxes(w: int, h: int, rects: list[Rect]) -> np.ndarray:
    """Pixel boxes (x0, y0, x1, y1) of the SLOTS views: whole, 70 % centre, middle band, then the
    windows (the first also as its middle band), padded with the whole frame."""
    def band(x0: int, y0: int, x1: int, y1: int) -> tuple[int, int, int, int]:
        dy, dx = int((y1 - y0) * 0.25), int((x1 - x0) * 0.1)  # phash.middle_band
        return x0 + dx, y0 + dy, x1 - dx, y1 - dy

    cy, cx = int(h * 0.15), int(w * 0.15)
    boxes = [(0, 0, w, h), (cx, cy, w - cx, h - cy), band(0, 0, w, h)]
    if rects:
        first = rects[0].pixels(w, h)
        boxes += [first, band(*first)] + [r.pixels(w, h) for r in rects[1:]]
    boxes += [(0, 0, w, h)] * (SLOTS - len(boxes))
    return np.array(boxes[:SLOTS], np.int64)


def _variants(frames: list[np.ndarray], rects: list[Rect]) -> np.ndarray:
    """(frames, 2, SLOTS) hashes of the views, as is and mirrored. Thumbnails come from one integral
    image per frame (a resize per view cost 2 ms on a loaded machine, for 32x32 pixels); views
    smaller than a thumbnail are resized instead (an integral image cannot upsample)."""
    if not frames:
        return np.zeros((0, 2, SLOTS), np.uint64)
    h, w = frames[0].shape
    boxes = _view_boxes(w, h, rects)
    if (np.diff(boxes[:, [0, 2]], axis=1) >= THUMB).all() and (np.diff(boxes[:, [1, 3]], axis=1) >= THUMB).all():
        stack = np.concatenate([box_thumbs(gray, boxes) for gray in frames])
    else:
        stack = np.stack([thumb_of(gray[y0:y1, x0:x1]) for gray in frames for x0, y0, x1, y1 in boxes])
    plain = hash_thumbs(stack).reshape(-1, SLOTS)
    mirrored = hash_thumbs(stack, mirrored=True).reshape(-1, SLOTS)
    return np.stack([plain, mirrored], axis=1)


def choose_windows(frames: list[np.ndarray], index: SeasonIndex, keep: int = 2,
                   flags: list[bool] | None = None) -> list[Rect]:
    """The windows (other than the whole frame) whose content is closest to our episodes."""
    flags = flags if flags is not None else [is_informative(f) for f in frames]
    informative = [f for f, ok in zip(frames, flags, strict=True) if ok]
    if len(informative) < 2 or not len(index.pool_hashes):
        return []
    step = max(1, len(informative) // 40)
    stack = np.stack(informative[::step])
    rects = [FULL] + [r for r in candidate_rects(stack) if not r.is_full]
    probes = [informative[int(i)] for i in np.linspace(0, len(informative) - 1, min(PROBES, len(informative)))]
    if not rects:
        return []
    h, w = probes[0].shape
    boxes = np.array([rect.pixels(w, h) for rect in rects])
    stack = np.stack([box_thumbs(gray, boxes) for gray in probes], axis=1).reshape(-1, THUMB, THUMB)
    q = np.stack([hash_thumbs(stack), hash_thumbs(stack, mirrored=True)], axis=1).reshape(len(rects), len(probes), 2)
    d, _ = index.nearest_in_pool(q)
    best = d.min(axis=2)  # (rects, probes)
    votes = (best <= NOMINATE_DISTANCE).sum(axis=1)
    order = [i for i in np.lexsort((best.mean(axis=1), -votes)) if i != 0]
    windows = [rects[i] for i in order[:keep] if votes[i] >= 2]
    if windows and votes[0] >= votes[order[0]] and best[0].mean() <= best[order[0]].mean() + 1:
        windows.insert(0, FULL)  # the whole frame is our picture: report no layout (windows stay as extra views)
    elif windows and not _clear_match(votes[order[0]], best[order[0]]) and not _clear_match(votes[0], best[0]):
        # no window stands out and the whole frame is not a clean match either: our full picture with
        # captions or stickers over part of it (a real layout window matches at almost every probe)
        windows.insert(0, OVERLAID)
    return windows


def _clear_match(votes: int, distances: np.ndarray) -> bool:
    """Measured: layout windows (picture-in-picture, split screen, canvas, frame) match 8 of 8 probes at
    a mean distance of 1-6 bits; a window that only dodges captions matches about half at 10 or more."""
    return votes >= CLEAR_VOTES * len(distances) and float(distances.mean()) <= CLEAR_DISTANCE


def _probe_seconds(path: Path) -> float:
    try:
        with av.open(str(path)) as container:
            return float(container.duration or 0) / 1_000_000
    except (av.error.FFmpegError, OSError):
        return 0.0


def fingerprint_suspect(path: Path, index: SeasonIndex, cancelled: Callable[[], bool] | None = None,
                        progress: Callable[[float], None] | None = None) -> SuspectPrint:
    """Raises UserError when the file has neither a readable picture nor sound.

    ``progress`` gets the fraction of the file done (sound first, a tenth; then the picture), every
    PROGRESS_SECONDS of the suspect, so an hours-long file shows it is moving."""
    length = min(MAX_SECONDS, _probe_seconds(path)) or MAX_SECONDS
    sound = audio.stream_peaks(path, cancelled, MAX_SECONDS)
    if progress:
        progress(0.1)
    times: list[float] = []
    hashes: list[np.ndarray] = []
    informative: list[bool] = []
    regions: list[tuple[float, Rect]] = []
    chunk: list[tuple[float, np.ndarray]] = []
    truncated = False

    def flush() -> None:
        if not chunk:
            return
        frames = [g for _, g in chunk]
        flags = [is_informative(g) for g in frames]
        windows = choose_windows(frames, index, flags=flags)
        regions.append((chunk[0][0], windows[0] if windows else FULL))
        hashes.extend(_variants(frames, windows))
        times.extend(t for t, _ in chunk)
        informative.extend(flags)
        chunk.clear()

    has_video = True
    reported = 0.0
    try:
        for t, gray in sample_gray_frames(path, cancelled=cancelled, width=SUSPECT_WIDTH):
            if t > MAX_SECONDS:
                truncated = True
                break
            if chunk and t - chunk[0][0] >= CHUNK_SECONDS:
                flush()
            if progress and t >= reported + PROGRESS_SECONDS:
                reported = t
                progress(0.1 + 0.9 * min(1.0, t / length))
            chunk.append((t, gray))
    except UserError:
        if sound.empty:
            raise UserError(QCoreApplication.translate("TheftCheck", "%1 cannot be read as a video or as audio.").replace("%1", Path(path).name)) from None
        has_video = False
    flush()
    if has_video and not times and sound.empty:
        raise UserError(QCoreApplication.translate("TheftCheck", "%1 has no picture or sound that could be decoded.").replace("%1", Path(path).name))
    duration = max(times[-1] + 1.0 / SAMPLE_FPS if times else 0.0, sound.duration)
    return SuspectPrint(np.array(times, np.float64), np.array(hashes, np.uint64).reshape(-1, 2, SLOTS),
                        np.array(informative, bool), duration, sound, regions, has_video and bool(times), truncated)
