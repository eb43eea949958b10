"""Settings read once per batch instead of once per job.

Building a generation job reads the provider's settings (its model field) and its
price table from the settings store; a 60-shot batch read them 60 times each on
the GUI thread. Inside ``one_batch()`` the first answer for a key is remembered
until the batch is built, so every job of one batch also sees the same settings.
Outside a batch nothing is remembered (a settings change shows at once).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_MEMO: ContextVar[dict[Hashable, Any] | None] = ContextVar("batch_memo", default=None)


@contextmanager
def one_batch(memo: dict[Hashable, Any] | None = None) -> Iterator[dict[Hashable, Any]]:
    """Remember settings lookups in ``memo`` (a new one if None) while the block runs; a batch built
    in several slices passes the same ``memo`` to each."""
    memo = {} if memo is None else memo
    token = _MEMO.set(memo)
    try:
        yield memo
    finally:
        _MEMO.reset(token)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or inside a batch the answer it gave for ``key`` the first time."""
    memo = _MEMO.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    value: T = memo[key]
    return value
