"""How long ago this process started, for the start-up figure the README records.

Measured from the kernel's record of the process start (Linux ``/proc``), so the
figure includes what happens before Python runs our code: the frozen app's
bootloader, the interpreter, imports. Elsewhere it falls back to the moment this
module was first imported.
"""

from __future__ import annotations

import os
import time

_IMPORTED_AT = time.monotonic()


def seconds_since_start() -> float:
    try:
        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time in ticks since boot
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED_AT
