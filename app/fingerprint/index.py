"""A season's fingerprints in one searchable index: which episodes could a suspect copy, and where?

Sound: every reference landmark hash in one sorted array; a suspect's landmarks are
found by binary search, so the cost grows with the log of the season's size.
Picture: a thinned pool of frame hashes (2.5 per second, two crops) that a few
hundred suspect hashes are compared with at once; it only nominates the episodes
worth the exact, frame-by-frame comparison, so the expensive stage costs the same
for 5 episodes or 500.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.fingerprint import audio
from app.fingerprint.phash import popcount
from app.fingerprint.store import Fingerprint

POOL_STEP = 2  # every 2nd reference sample (5 fps -> 2.5 fps)
POOL_CROPS = (0, 2)  # REFERENCE_CROPS 1.0 and 0.8
NOMINATE_DISTANCE = 10
MAX_NOMINATED = 6


@dataclass
class AudioHit:
    episode: int  # index into SeasonIndex.references
    speed: float  # reference seconds per suspect second
    offset: float  # t_ref = speed * t_suspect + offset
    hits: int
    suspect_start: float
    suspect_end: float


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
        h = np.concatenate(hashes) if hashes else np.zeros(0, np.int64)
        order = np.argsort(h, kind="stable")
        self.audio_hashes = h[order]
        self.audio_episode = (np.concatenate(eps) if eps else np.zeros(0, np.int32))[order]
        self.audio_times = (np.concatenate(times) if times else np.zeros(0))[order]

    # ------------------------------------------------------------- picture
    def nearest_in_pool(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each query hash (any shape): the smallest distance to the pool and that sample's episode."""
        flat = queries.reshape(-1)
        best_d = np.full(len(flat), 64, np.uint8)
        best_e = np.full(len(flat), -1, np.int32)
        if not len(self.pool_hashes):
            return best_d.reshape(queries.shape), best_e.reshape(queries.shape)
        chunk = max(1, 4_000_000 // len(self.pool_hashes))
        for s in range(0, len(flat), chunk):
            d = popcount(np.bitwise_xor(flat[s:s + chunk, None], self.pool_hashes[None, :]))
            k = np.argmin(d, axis=1)
            best_d[s:s + chunk] = d[np.arange(len(k)), k]
            best_e[s:s + chunk] = self.pool_episode[k]
        return best_d.reshape(queries.shape), best_e.reshape(queries.shape)

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
    def audio_hits(self, print_: audio.AudioPrint, max_hits: int = 6) -> list[AudioHit]:
        if print_.empty or not len(self.audio_hashes):
            return []
        candidates: list[tuple[int, float, int, int, np.ndarray]] = []
        for speed in audio.SPEEDS:
            qh, qt = audio.landmarks(print_, float(speed))
            lo = np.searchsorted(self.audio_hashes, qh, side="left")
            hi = np.searchsorted(self.audio_hashes, qh, side="right")
            counts = hi - lo
            if not counts.sum():
                continue
            q_index = np.repeat(np.arange(len(qh)), counts)
            starts = np.repeat(lo, counts) + (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
            ep = self.audio_episode[starts]
            offset_bin = np.round((self.audio_times[starts] - qt[q_index]) / audio.OFFSET_BIN).astype(np.int64)
            key = ep.astype(np.int64) * 1_000_000 + offset_bin + 500_000
            values, bin_counts = np.unique(key, return_counts=True)
            typical = max(1.0, float(np.mean(bin_counts)))
            for v in np.argsort(-bin_counts)[:max_hits]:
                if bin_counts[v] < audio.MIN_HITS or bin_counts[v] < audio.MIN_LIFT * typical:
                    break
                # neighbouring offset bins belong to the same alignment
                near = (np.abs(key - values[v]) <= 1)
                sus_t = qt[q_index[near]] / speed
                candidates.append((int(near.sum()), float(speed), int(values[v] // 1_000_000),
                                   int(values[v] % 1_000_000 - 500_000), sus_t))
        candidates.sort(key=lambda c: -c[0])
        hits: list[AudioHit] = []
        for count, speed, ep, obin, sus_t in candidates:
            lo_t, hi_t = float(np.percentile(sus_t, 2)), float(np.percentile(sus_t, 98)) + 0.5
            if any(lo_t < h.suspect_end and h.suspect_start < hi_t for h in hits):
                continue
            hits.append(AudioHit(ep, speed, obin * audio.OFFSET_BIN, count, lo_t, hi_t))
            if len(hits) >= max_hits:
                break
        return hits

    def audio_support(self, print_: audio.AudioPrint, episode: int, speed: float, offset: float) -> int:
        """How many suspect landmarks agree with a given alignment (the picture's), within 0.5 s."""
        if print_.empty or not len(self.audio_hashes):
            return 0
        qh, qt = audio.landmarks(print_, abs(speed))
        lo = np.searchsorted(self.audio_hashes, qh, side="left")
        hi = np.searchsorted(self.audio_hashes, qh, side="right")
        counts = hi - lo
        if not counts.sum():
            return 0
        q_index = np.repeat(np.arange(len(qh)), counts)
        starts = np.repeat(lo, counts) + (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
        ok = self.audio_episode[starts] == episode
        residual = np.abs(self.audio_times[starts] - (qt[q_index] + offset))
        return int((ok & (residual <= 0.5)).sum())
