"""A season's fingerprints in one searchable index: which episodes could a suspect copy, and where?

Sound: every reference landmark hash in one sorted array; a suspect's landmarks are
found by binary search, so the cost grows with the log of the season's size.
Picture: a thinned pool of frame hashes (2.5 per second, two crops) in a
multi-index hash table (``hamming_index``): a suspect hash finds the pool hashes
within 11 bits without scanning the pool. The pool only nominates the episodes
worth the exact, frame-by-frame comparison, so the expensive stage costs the same
for 5 episodes or 500.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.fingerprint import audio
from app.fingerprint.hamming_index import HammingIndex
from app.fingerprint.store import Fingerprint

POOL_STEP = 2  # every 2nd reference sample (5 fps -> 2.5 fps)
POOL_CROPS = (0, 2)  # REFERENCE_CROPS 1.0 and 0.8
NOMINATE_DISTANCE = 10
MAX_NOMINATED = 6


AMBIGUOUS = 0.65  # another placement with this share of the best one's landmarks: the sound repeats there
SNAP_TO_UNIT = 0.03  # a fitted sound speed this close to 1x is taken as 1x when 1x fits as well
FIT_TOLERANCE = 0.1  # seconds: a landmark on the fitted line


@dataclass
class AudioHit:
    episode: int  # index into SeasonIndex.references
    speed: float  # reference seconds per suspect second
    offset: float  # t_ref = speed * t_suspect + offset
    hits: int
    suspect_start: float
    suspect_end: float
    pitch_shifted: bool = False  # sped up by resampling: the pitch moved with the speed
    # other offsets almost as well supported: a looping music bed matches in several places
    alternatives: tuple[float, ...] = ()


@dataclass
class _Candidate:
    count: int
    speed: float
    pitch_shifted: bool
    episode: int
    sus_t: np.ndarray
    ref_t: np.ndarray

    def at(self, t: float) -> float:
        return self.speed * t + float(np.median(self.ref_t - self.speed * self.sus_t))


def _fit_line(sus_t: np.ndarray, ref_t: np.ndarray, grid_speed: float) -> tuple[float, float]:
    """The speed and offset most landmark pairs agree with: the grid's, a least-squares fit, or 1x
    (ties go to 1x: the speed grid's 2.5 % steps would otherwise report 1.025x for a plain copy)."""
    options = [1.0, grid_speed]
    if np.ptp(sus_t) > 1.0:
        options.append(float(np.polyfit(sus_t, ref_t, 1)[0]))
    best: tuple[int, float, float] = (-1, 1.0, 0.0)
    for speed in options:
        if abs(speed - grid_speed) > 0.05 or (speed == 1.0 and abs(grid_speed - 1.0) > SNAP_TO_UNIT):
            continue
        offset = float(np.median(ref_t - speed * sus_t))
        support = int((np.abs(ref_t - (speed * sus_t + offset)) <= FIT_TOLERANCE).sum())
        if support > best[0]:
            best = (support, speed, offset)
    return best[1], best[2]


class SeasonIndex:
    def __init__(self, references: list[Fingerprint]) -> None:
        self.references = references
        pool_h, pool_e, pool_t = [], [], []
        hashes, eps, times = [], [], []
        for i, ref in enumerate(references):
            if len(ref.times):
                use = np.zeros(len(ref.times), bool)
                use[::POOL_STEP] = True
                use &= ref.informative
                h = ref.hashes[use][:, list(POOL_CROPS)]
                pool_h.append(h.reshape(-1))
                pool_e.append(np.full(h.size, i, np.int32))
                pool_t.append(np.repeat(ref.times[use], h.shape[1]))
            if not ref.audio.empty:
                lh, lt = audio.landmarks(ref.audio)
                hashes.append(lh)
                eps.append(np.full(len(lh), i, np.int32))
                times.append(lt)
        self.pool_hashes = np.concatenate(pool_h) if pool_h else np.zeros(0, np.uint64)
        self.pool_episode = np.concatenate(pool_e) if pool_e else np.zeros(0, np.int32)
        self.pool_times = np.concatenate(pool_t) if pool_t else np.zeros(0)
        self.pool = HammingIndex(self.pool_hashes)
        h = np.concatenate(hashes) if hashes else np.zeros(0, np.int64)
        order = np.argsort(h, kind="stable")
        self.audio_hashes = h[order]
        self.audio_episode = (np.concatenate(eps) if eps else np.zeros(0, np.int32))[order]
        self.audio_times = (np.concatenate(times) if times else np.zeros(0))[order]

    # ------------------------------------------------------------- picture
    def nearest_in_pool(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each query hash (any shape): the smallest distance to the pool (capped at 12: nothing
        close) and that sample's episode (-1 when nothing is close)."""
        d, position = self.pool.nearest(queries)
        episode = np.where(position >= 0, self.pool_episode[np.maximum(position, 0)] if len(self.pool_episode)
                           else -1, -1).astype(np.int32)
        return d, episode

    def nominate_by_picture(self, queries: np.ndarray) -> list[int]:
        """Episodes that several suspect samples come close to. ``queries``: (samples, variants) hashes."""
        d, e = self.nearest_in_pool(queries)
        best = np.argmin(d, axis=1)
        rows = np.arange(len(best))
        close = d[rows, best] <= NOMINATE_DISTANCE
        votes = np.bincount(e[rows, best][close], minlength=len(self.references))
        order = np.argsort(-votes, kind="stable")
        return [int(i) for i in order[:MAX_NOMINATED] if votes[i] >= 2]

    # --------------------------------------------------------------- sound
    def _lookup(self, qh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every (query landmark, index position) pair with the same hash."""
        lo = np.searchsorted(self.audio_hashes, qh, side="left")
        hi = np.searchsorted(self.audio_hashes, qh, side="right")
        counts = hi - lo
        total = int(counts.sum())
        q_index = np.repeat(np.arange(len(qh)), counts)
        positions = np.repeat(lo - (np.cumsum(counts) - counts), counts) + np.arange(total)
        return q_index, positions

    def _audio_candidates(self, print_: audio.AudioPrint, max_hits: int) -> list[_Candidate]:
        candidates: list[_Candidate] = []
        for speed in audio.SPEEDS:
            for pitch in ((1.0,) if speed == 1.0 else (1.0, float(speed))):
                qh, qt = audio.landmarks(print_, float(speed), pitch)
                q_index, starts = self._lookup(qh)
                if not len(starts):
                    continue
                ep = self.audio_episode[starts]
                ref_t = self.audio_times[starts]
                offset_bin = np.round((ref_t - qt[q_index]) / audio.OFFSET_BIN).astype(np.int64)
                key = ep.astype(np.int64) * 1_000_000 + offset_bin + 500_000
                values, bin_counts = np.unique(key, return_counts=True)
                typical = max(1.0, float(np.mean(bin_counts)))
                # more bins than hits are wanted: a looping bed puts its other placements here too
                for v in np.argsort(-bin_counts)[:max_hits * 4]:
                    if bin_counts[v] < audio.MIN_HITS or bin_counts[v] < audio.MIN_LIFT * typical:
                        break
                    near = np.abs(key - values[v]) <= 1  # neighbouring offset bins: the same alignment
                    candidates.append(_Candidate(int(near.sum()), float(speed), pitch != 1.0,
                                                 int(values[v] // 1_000_000), qt[q_index[near]] / speed, ref_t[near]))
        candidates.sort(key=lambda c: -c.count)
        return candidates

    def audio_hits(self, print_: audio.AudioPrint, max_hits: int = 6) -> list[AudioHit]:
        """Where our soundtracks are in the suspect. Placements of the same suspect stretch that are
        almost as well supported (a music bed that loops) are kept as ``alternatives``, not dropped."""
        if print_.empty or not len(self.audio_hashes):
            return []
        hits: list[AudioHit] = []
        bests: list[_Candidate] = []
        for c in self._audio_candidates(print_, max_hits):
            lo_t, hi_t = float(np.percentile(c.sus_t, 2)), float(np.percentile(c.sus_t, 98)) + 0.5
            overlapping = [k for k, h in enumerate(hits) if lo_t < h.suspect_end and h.suspect_start < hi_t]
            if overlapping:
                k = overlapping[0]
                h, best = hits[k], bests[k]
                mid = (h.suspect_start + h.suspect_end) / 2
                elsewhere = abs(c.at(mid) - best.at(mid)) > 1.0
                if (c.episode == h.episode and elsewhere and c.count >= AMBIGUOUS * h.hits
                        and all(abs(c.at(mid) - (h.speed * mid + a)) > 1.0 for a in h.alternatives)):
                    hits[k].alternatives = (*h.alternatives, c.at(mid) - h.speed * mid)
                continue
            if len(hits) >= max_hits:
                continue
            speed, offset = _fit_line(c.sus_t, c.ref_t, c.speed)
            hits.append(AudioHit(c.episode, speed, offset, c.count, lo_t, hi_t, c.pitch_shifted))
            bests.append(c)
        return hits

    def audio_support(self, print_: audio.AudioPrint, episode: int, speed: float, offset: float) -> int:
        """How many suspect landmarks agree with a given alignment (the picture's), within 0.5 s,
        with the pitch kept or moved with the speed, whichever agrees more."""
        if print_.empty or not len(self.audio_hashes):
            return 0
        best = 0
        for pitch in ((1.0,) if abs(speed - 1.0) < 0.01 else (1.0, abs(speed))):
            qh, qt = audio.landmarks(print_, abs(speed), pitch)
            q_index, starts = self._lookup(qh)
            if not len(starts):
                continue
            ok = self.audio_episode[starts] == episode
            residual = np.abs(self.audio_times[starts] - (qt[q_index] + offset))
            best = max(best, int((ok & (residual <= 0.5)).sum()))
        return best
