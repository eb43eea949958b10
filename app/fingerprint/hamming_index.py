"""Near neighbours of 64-bit hashes within a small bit distance, without scanning them all.

Multi-index hashing (Norouzi, Punjani & Fleet, 2012): split every hash into four
16-bit parts and index each part. Two hashes at most 11 bits apart differ in at most
2 bits in at least one part (pigeonhole: four parts of 3 or more would be 12), so
looking up each query part and its 136 neighbours within 2 bits finds every hash
within 11 bits exactly. The work grows with the number of near candidates, not with
the size of the season (a linear scan cost 15 000 comparisons per query at 100 episodes).
Hand-written because it is forty lines of numpy; the libraries that do it (FAISS's
binary MIH index, ``mih``) are large native builds for a need this small.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from app.fingerprint.phash import popcount

PARTS = 4
PART_BITS = 16
RADIUS = 11  # exact within this many bits (2 per part, see above)
# below this many hashes comparing with all of them is cheaper than 4 x 137 table probes per query
SCAN_BELOW = 2048


def _flips() -> np.ndarray:
    masks = [0] + [1 << b for b in range(PART_BITS)] + [(1 << a) | (1 << b) for a, b in combinations(range(PART_BITS), 2)]
    return np.array(masks, np.int64)


_FLIPS = _flips()


class HammingIndex:
    def __init__(self, hashes: np.ndarray) -> None:
        self.hashes = np.ascontiguousarray(hashes.reshape(-1), dtype=np.uint64)
        self.tables: list[tuple[np.ndarray, np.ndarray]] = []
        for part in range(PARTS):
            keys = self._part(self.hashes, part)
            order = np.argsort(keys, kind="stable")
            starts = np.searchsorted(keys[order], np.arange((1 << PART_BITS) + 1))
            self.tables.append((order.astype(np.int64), starts.astype(np.int64)))

    def __len__(self) -> int:
        return len(self.hashes)

    @staticmethod
    def _part(hashes: np.ndarray, part: int) -> np.ndarray:
        return ((hashes >> np.uint64(PART_BITS * part)) & np.uint64(0xFFFF)).astype(np.int64)

    def _scan(self, flat: np.ndarray, best_d: np.ndarray, best_i: np.ndarray,
              shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        chunk = max(1, 2_000_000 // len(self.hashes))
        for s in range(0, len(flat), chunk):
            d = popcount(flat[s:s + chunk, None] ^ self.hashes[None, :])
            k = np.argmin(d, axis=1)
            dk = d[np.arange(len(k)), k]
            close = dk <= RADIUS
            best_d[s:s + chunk] = np.where(close, dk, RADIUS + 1)
            best_i[s:s + chunk] = np.where(close, k, -1)
        return best_d.reshape(shape), best_i.reshape(shape)

    def nearest(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each query (any shape): (bit distance, position in the index) of its nearest hash.

        Distances above RADIUS are reported as RADIUS + 1 with position -1: "nothing close".
        """
        flat = np.ascontiguousarray(queries.reshape(-1), dtype=np.uint64)
        best_d = np.full(len(flat), RADIUS + 1, np.uint8)
        best_i = np.full(len(flat), -1, np.int64)
        if not len(self.hashes) or not len(flat):
            return best_d.reshape(queries.shape), best_i.reshape(queries.shape)
        if len(self.hashes) < SCAN_BELOW:
            return self._scan(flat, best_d, best_i, queries.shape)
        for part, (order, starts) in enumerate(self.tables):
            probes = (self._part(flat, part)[:, None] ^ _FLIPS[None, :]).reshape(-1)
            lo, counts = starts[probes], starts[probes + 1] - starts[probes]
            total = int(counts.sum())
            if not total:
                continue
            first = np.cumsum(counts) - counts
            positions = order[np.repeat(lo - first, counts) + np.arange(total)]
            query = np.repeat(np.arange(len(probes)) // len(_FLIPS), counts)
            d = popcount(flat[query] ^ self.hashes[positions]).astype(np.uint8)
            close = d <= RADIUS
            query, d, positions = query[close], d[close], positions[close]
            if not len(query):
                continue
            pick = np.lexsort((d, query))
            _, head = np.unique(query[pick], return_index=True)
            q, dq, pq = query[pick][head], d[pick][head], positions[pick][head]
            better = dq < best_d[q]
            best_d[q[better]], best_i[q[better]] = dq[better], pq[better]
        return best_d.reshape(queries.shape), best_i.reshape(queries.shape)
