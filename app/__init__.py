"""Microdrama Studio core: model, commands, bundle I/O, media engine, audio, jobs and CLI.

Nothing under ``app`` imports ``widgets``: the core runs headless (CLI, tests, workers).
"""

from __future__ import annotations

from app import bool_refcount  # noqa: F401  (must run before any Qt signal is emitted)

__version__: str  # read from the installed package's metadata on first use (see __getattr__)


def __getattr__(name: str) -> str:
    """``app.__version__``, looked up when first asked for: ``importlib.metadata`` pulls in the
    email and zip packages (about 40 ms), which the editor does not need before its first paint."""
    if name != "__version__":
        raise AttributeError(f"module 'app' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("microdrama-studio")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0+source"
    globals()["__version__"] = found
    return found
