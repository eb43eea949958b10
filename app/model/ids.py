"""Identifiers of model objects: short, random, stable across saves."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """A 12-hex-digit id; collisions inside one series are practically impossible."""
    return uuid.uuid4().hex[:12]
