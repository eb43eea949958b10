"""A terminal progress bar for long headless work (export, generate)."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class ProgressBar:
    """Redraws one line on a TTY; on a pipe prints a line per 10% so logs stay readable."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self._last_decile = -1
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def update(self, fraction: float, detail: str = "") -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        elapsed = time.monotonic() - self.started
        eta = elapsed * (1 - fraction) / fraction if fraction > 0.01 else None
        eta_text = f" ETA {eta:4.0f}s" if eta is not None else ""
        if self._tty:
            width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 50))
            filled = int(width * fraction)
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {fraction * 100:5.1f}%{eta_text} {detail}\x1b[K")
            self.stream.flush()
        else:
            decile = int(fraction * 10)
            if decile > self._last_decile:
                self._last_decile = decile
                self.stream.write(f"{self.label}: {fraction * 100:3.0f}%{eta_text} {detail}\n")
                self.stream.flush()

    def finish(self, message: str = "done") -> None:
        elapsed = time.monotonic() - self.started
        if self._tty:
            self.stream.write("\n")
        self.stream.write(f"{self.label}: {message} in {elapsed:.1f}s\n")
        self.stream.flush()
