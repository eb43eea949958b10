"""Record for 10 minutes while the GUI thread is kept busy; count overflows and dropped audio.

usage: python bench/record_bench.py [--seconds 600] [--out DIR] [--hogs 2]

Needs an input device (the tests' PulseAudio null-sink monitor works: run with
PULSE_RUNTIME_PATH pointing at a running server). The main thread plays the GUI:
it paints a 1080x1920 frame with QPainter, converts images and runs Python loops
flat out, polling the meter at 30 Hz like the booth panel does. Prints the
overflows and dropped samples (the goal is zero), the take's length against the
wall clock, and how much GUI work got done relative to the same work with no
recording running (the reference, measured first in the same process).
``--hogs N`` runs N busy processes beside it (default 2: on a 2-core machine that is the
load of an export running), as when takes came back with gaps at load ~6.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter  # noqa: E402


def gui_work(image: QImage, n: int) -> None:
    """One 'frame' of busy GUI thread: paint, scale, and some pure-Python bookkeeping."""
    p = QPainter(image)
    for i in range(40):
        p.fillRect(QRectF((i * 37 + n) % 1000, (i * 53) % 1800, 120, 90), QColor((i * 40) % 255, n % 255, 128))
    p.end()
    image.scaled(270, 480, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    sum(i * i for i in range(3000))


def busy_for(seconds: float, image: QImage, poll=None) -> int:
    end = time.monotonic() + seconds
    frames = 0
    next_poll = 0.0
    while time.monotonic() < end:
        gui_work(image, frames)
        frames += 1
        now = time.monotonic()
        if poll is not None and now >= next_poll:
            poll()
            next_poll = now + 1 / 30
    return frames


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--out", default="")
    parser.add_argument("--hogs", type=int, default=2)
    parser.add_argument("--latency", default="", help="input latency in seconds or 'low' (default: the recorder's)")
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(["bench", "-platform", "offscreen"])  # noqa: F841
    from app.audio import devices
    from app.audio.recorder import Recorder

    devices.refresh()
    if not devices.input_devices():
        print("no input device: start a PulseAudio server (see tests/conftest.py) first", file=sys.stderr)
        return 2
    image = QImage(1080, 1920, QImage.Format.Format_RGB32)
    ref_seconds = min(10.0, args.seconds / 10)
    ref_rate = busy_for(ref_seconds, image) / ref_seconds

    out = Path(args.out or tempfile.mkdtemp(prefix="record-bench-"))
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.hogs)]
    try:
        kwargs = {}
        if args.latency:
            kwargs["latency"] = args.latency if args.latency in ("low", "high") else float(args.latency)
            kwargs["blocksize"] = 0
        rec = Recorder(out / "bench.wav", **kwargs)
        rec.start()
        rec.capture.wait_flowing(5)
        started = time.monotonic()
        frames = busy_for(args.seconds, image, poll=rec.meter.snapshot)
        wall = time.monotonic() - started
        result = rec.stop()
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait(5)
    busy_rate = frames / args.seconds
    print(f"recorded {result.samples / 48000:.1f} s in {wall:.1f} s of wall clock "
          f"(ratio {result.samples / 48000 / wall:.4f})")
    print(f"overflows: {result.overflows}")
    print(f"dropped samples: {result.dropped_samples} (server gaps: {result.gaps}, {result.gap_samples} samples; "
          f"writer: {result.queue_dropped_samples}) with {args.hogs} CPU hogs")
    print(f"GUI work while recording: {busy_rate:.1f} frames/s vs {ref_rate:.1f} without "
          f"(ratio {busy_rate / ref_rate:.2f})")
    print(f"take: {result.path} ({result.stop_reason})")
    return 0 if result.overflows == 0 and result.dropped_samples == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
