"""Fingerprint an episode that was never exported, straight from its timeline (no MP4 written).

The compositor renders only the sampled frames (5 a second, small) and the mixer renders
the soundtrack; the fingerprint is the same kind an export makes, marked as made from
the timeline (no export file, no SHA-256), so copies of a published cut made elsewhere
can still be checked.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
from scipy.signal import resample_poly

from app.bundle import ProjectBundle, now_iso
from app.fingerprint import audio
from app.fingerprint.phash import is_informative, reference_hashes
from app.fingerprint.sampler import GRAY_WIDTH, SAMPLE_FPS
from app.fingerprint.store import Fingerprint, save
from app.model import Episode, Series

TIMELINE_SOURCE = "(timeline)"
RENDER_SIZE = (270, 480)


def fingerprint_timeline(series: Series, bundle: ProjectBundle, episode: Episode,
                         cancelled: Callable[[], bool] | None = None,
                         progress: Callable[[float], None] | None = None) -> Fingerprint:
    from app.media.compositor import Compositor
    from app.media.decode import FrameFetcher
    from app.media.mixer import Mixer

    compositor = Compositor(series, bundle, FrameFetcher(bundle.root))
    fps = compositor.fps
    total = episode.timeline.duration
    times, hashes, informative = [], [], []
    t = 0.0
    while True:
        frame = int(round(t * fps))
        if frame >= total:
            break
        if cancelled and cancelled():
            raise InterruptedError("cancelled")
        rgb = compositor.render(episode, frame, RENDER_SIZE, preview=False)
        height = max(16, int(round(GRAY_WIDTH * rgb.shape[0] / rgb.shape[1] / 2)) * 2)
        gray = cv2.cvtColor(cv2.resize(rgb, (GRAY_WIDTH, height), interpolation=cv2.INTER_AREA), cv2.COLOR_RGB2GRAY)
        times.append(frame / fps)
        hashes.append(reference_hashes(gray))
        informative.append(is_informative(gray))
        if progress:
            progress(frame / max(1, total))
        t += 1.0 / SAMPLE_FPS
    mixer = Mixer(series, bundle)
    stereo, _ = mixer.render_export(episode)
    mono = stereo.mean(axis=1).astype(np.float32) if len(stereo) else None
    if mono is not None:
        mono = resample_poly(mono, audio.RATE, mixer.rate).astype(np.float32)
    fp = Fingerprint(episode.id, episode.number, episode.title, TIMELINE_SOURCE, "", now_iso(),
                     np.array(times, np.float64), np.array(hashes, np.uint64).reshape(len(times), -1),
                     np.array(informative, bool), audio.peaks_of(mono))
    save(bundle, fp)
    return fp
