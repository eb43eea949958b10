"""Filling ``%1``, ``%2``… in a translated message, in one pass.

Qt's ``QString.arg`` is not available on Python strings; chained
``.replace("%1", a).replace("%2", b)`` would also replace a ``%2`` that
happens to be inside ``a`` (a file name, a value from a damaged file).
"""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d)")


def fill(text: str, *args: object) -> str:
    """``text`` with each ``%n`` replaced by ``str(args[n-1])`` (unknown numbers are left as they are)."""
    values = [str(a) for a in args]
    return _PLACE.sub(lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m.group(0),
                      text)
