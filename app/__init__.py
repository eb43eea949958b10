"""Microdrama Studio core: model, commands, bundle I/O, media engine, audio, jobs and CLI.

Nothing under ``app`` imports ``widgets``: the core runs headless (CLI, tests, workers).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from app import bool_refcount  # noqa: F401  (must run before any Qt signal is emitted)

try:
    __version__ = version("microdrama-studio")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
