"""A separate process that records a take, for the tests that kill or starve it.

usage: record_child.py WAV_PATH SECONDS [--meta JSON] [--fsize BYTES]
Prints ``STARTED`` when audio flows, then the RecordingResult as JSON when done.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import resource
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("seconds", type=float)
    parser.add_argument("--meta", default="{}")
    parser.add_argument("--fsize", type=int, default=0, help="RLIMIT_FSIZE: a disk that fills up")
    args = parser.parse_args()
    faulthandler.dump_traceback_later(args.seconds + 12, exit=True)  # a hang shows where it hangs
    if args.fsize:
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.fsize, args.fsize))
    from app.audio.recorder import Recorder

    rec = Recorder(Path(args.path), meta=json.loads(args.meta))
    rec.start()
    while rec.capture.samples == 0:
        time.sleep(0.005)
    print("STARTED", time.monotonic(), flush=True)
    end = time.monotonic() + args.seconds
    while time.monotonic() < end and rec.running:
        time.sleep(0.02)
    result = rec.stop()
    print(json.dumps({"samples": result.samples, "stop_reason": result.stop_reason, "message": result.message,
                      "overflows": result.overflows, "device_rate": result.device_rate}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
