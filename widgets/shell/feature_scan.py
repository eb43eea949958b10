"""A cheaper form of PySide6's per-import source scan, installed when the editor starts.

PySide6 (6.5 and later) supports ``from __feature__ import snake_case``. To know
which modules may use it, it asks after *every* import whether the new module's
source mentions "PySide6", through ``inspect.getsource`` (``_mod_uses_pyside`` in
``shibokensupport/feature.py``). For the ~250 modules the editor imports before its
window paints, that is about 45 ms of tokenizing and line caching (and a copy of every
source file kept in ``linecache``), measured here with PySide6 6.12.

``install()`` replaces that check with one that gives the same answer by reading the
module's file directly: the same search over the same text, about four times cheaper.
Modules without a plain source file go to PySide6's own check. With a PySide6 whose
internals differ (no such function), nothing is changed.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import ModuleType

log = logging.getLogger(__name__)

FEATURE_MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """PySide6's question, "does this module's source mention PySide6?", read straight from its file."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


_replaced: list[Callable[[ModuleType], bool]] = []  # PySide6's own check, once replaced


def install() -> bool:
    """Use the cheaper check from now on; False when this PySide6 has no such scan (nothing done)."""
    import PySide6.QtCore  # noqa: F401  (loads shibokensupport and its import hook)

    if _replaced:
        return True
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, CHECK, None)
    if feature is None or not callable(original):
        log.debug("PySide6 has no %s.%s: its import scan is left as it is", FEATURE_MODULE, CHECK)
        return False
    _replaced.append(original)
    setattr(feature, CHECK, lambda module: uses_pyside(module, original))
    return True
