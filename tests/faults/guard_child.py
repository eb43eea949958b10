"""Increments a counter file N times inside the lock guard (``flock`` or the portable claim-file fallback).

usage: guard_child.py flock|claim LOCK_PATH COUNTER_PATH N
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    from app.lock_guard import CLAIM_SUFFIX, _claim_file, takeover_guard

    mode, lock, counter, n = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    for _ in range(n):
        guard = takeover_guard(lock, timeout=30) if mode == "flock" else \
            _claim_file(lock.with_name(lock.name + CLAIM_SUFFIX), timeout=30)
        with guard:  # an unguarded read-modify-write loses increments when processes interleave
            value = int(counter.read_text() or "0")
            counter.write_text(str(value + 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
