"""When to try again: exponential backoff with full jitter, honouring Retry-After.

``delay(attempt)`` for attempt 1, 2, 3... grows as ``base * 2**(attempt-1)`` capped
at ``cap``; full jitter (a uniform draw in [delay/2, delay]) keeps many clients
from retrying in lock step after a shared outage. A server's Retry-After is a
floor: we never come back earlier than it asked.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

_JITTER = random.Random()  # one generator for every policy: jitter needs no per-job stream


def _shared_jitter() -> random.Random:
    """Seeding a fresh ``random.Random`` reads 2.5 KB from the OS per job: a 60-shot batch did it 60
    times on the GUI thread. A test that wants reproducible delays passes its own ``rng``."""
    return _JITTER


@dataclass
class RetryPolicy:
    max_attempts: int = 5  # total tries, the first included
    base: float = 2.0  # seconds before the 2nd try (before jitter)
    cap: float = 120.0
    max_retry_after: float = 900.0  # a Retry-After above this is treated as this
    rng: random.Random = field(default_factory=_shared_jitter, repr=False, compare=False)

    def can_retry(self, attempts_done: int) -> bool:
        return attempts_done < self.max_attempts

    def delay(self, attempts_done: int, retry_after: float | None = None) -> float:
        """Seconds to wait before the next try, after ``attempts_done`` (>= 1) failures."""
        exp = min(self.cap, self.base * (2 ** max(0, attempts_done - 1)))
        wait = self.rng.uniform(exp / 2, exp)
        if retry_after is not None and retry_after > 0:
            wait = max(wait, min(float(retry_after), self.max_retry_after))
        return wait
