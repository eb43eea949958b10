"""``microdrama devices``: the audio inputs and outputs as JSON, for support requests."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "devices", help="print the audio input and output devices as JSON",
        description="Print the audio devices the voice booth can use (name, index, channels, default "
                    "sample rate, latency, which are the defaults) as JSON.")
    parser.add_argument("--compact", action="store_true", help="one line instead of indented JSON")
    parser.add_argument("--test-input", type=float, metavar="SECONDS",
                        help="also record SECONDS from the default input (48 kHz mono) and report its level, "
                             "to check that a microphone reaches the app")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.audio.devices import devices_report

    report = devices_report()
    if args.test_input:
        report["input_test"] = _test_input(args.test_input)
    print(json.dumps(report, ensure_ascii=False, indent=None if args.compact else 2))
    return 0


def _test_input(seconds: float) -> dict[str, Any]:
    """Record from the default input through PortAudio, as the booth does, and measure the level."""
    import math

    import numpy as np
    import sounddevice as sd

    from app.errors import UserError

    rate = 48000
    try:
        audio = sd.rec(int(seconds * rate), samplerate=rate, channels=1, dtype="float32", latency="low")
        sd.wait()
    except (sd.PortAudioError, ValueError) as exc:
        raise UserError(f"Could not record from the default input: {exc}. Check that a microphone is "
                        "connected and allowed, then run 'microdrama devices' to see the inputs.") from exc
    samples = audio[:, 0]
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) if len(samples) else 0.0

    def dbfs(x: float) -> float:
        return round(20 * math.log10(x), 1) if x > 0 else -120.0

    return {"seconds": round(len(samples) / rate, 3), "sample_rate": rate, "peak_dbfs": dbfs(peak),
            "rms_dbfs": dbfs(rms)}
