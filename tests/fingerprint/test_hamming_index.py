"""The multi-index hash table finds exactly what comparing with every hash finds, within 11 bits."""

from __future__ import annotations

import numpy as np
import pytest

from app.fingerprint import hamming_index
from app.fingerprint.hamming_index import RADIUS, HammingIndex
from app.fingerprint.phash import popcount


@pytest.mark.parametrize("pool_size", [500, 6000])  # below and above the size where tables take over
def test_nearest_matches_a_full_comparison(pool_size) -> None:
    rng = np.random.default_rng(pool_size)
    pool = rng.integers(0, 2**63, pool_size, dtype=np.int64).astype(np.uint64) << np.uint64(1)
    near = pool[rng.integers(0, pool_size, 400)].copy()
    for k in range(len(near)):  # 0 to 15 random bits flipped: both sides of the radius
        for bit in rng.choice(64, int(rng.integers(0, 16)), replace=False):
            near[k] ^= np.uint64(1) << np.uint64(int(bit))
    queries = np.concatenate([near, rng.integers(0, 2**63, 200, dtype=np.int64).astype(np.uint64)])
    index = HammingIndex(pool)
    assert (len(pool) < hamming_index.SCAN_BELOW) == (pool_size == 500)
    d, position = index.nearest(queries.reshape(30, 20))
    full = popcount(queries[:, None] ^ pool[None, :]).min(axis=1)
    expected = np.where(full <= RADIUS, full, RADIUS + 1)
    assert d.shape == (30, 20) and (d.reshape(-1) == expected).all()
    found = position.reshape(-1) >= 0
    assert (popcount(queries[found] ^ pool[position.reshape(-1)[found]]) == full[found]).all()
    assert found.sum() > 100 and (~found).sum() > 100
