"""A separate editor process for the stale-lock race: told when, it tries to take one project's lock.

Protocol on stdin/stdout, one line each:
``try ROOT T0``  -> waits until wall-clock T0, acquires, answers ``won`` or ``locked``;
``release``      -> releases what it holds, answers ``released``;
end of input     -> exits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> int:
    from app.project_lock import ProjectLock, ProjectLockedError

    held: ProjectLock | None = None
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        if words[0] == "try":
            root, t0 = Path(words[1]), float(words[2])
            while (left := t0 - time.time()) > 0.002:
                time.sleep(left - 0.002)
            while time.time() < t0:
                pass  # spin the last 2 ms so both processes start within microseconds
            lock = ProjectLock(root)
            try:
                lock.acquire()
            except ProjectLockedError:
                print("locked", flush=True)
            else:
                held = lock
                print("won", flush=True)
        elif words[0] == "release":
            if held is not None:
                held.release()
                held = None
            print("released", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
