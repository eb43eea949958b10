"""``microdrama devices``: the audio inputs and outputs as JSON, for support requests."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "devices", help="print the audio input and output devices as JSON",
        description="Print the audio devices the voice booth can use (name, index, channels, default "
                    "sample rate, latency, which are the defaults) as JSON.")
    parser.add_argument("--compact", action="store_true", help="one line instead of indented JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.audio.devices import devices_report

    report = devices_report()
    print(json.dumps(report, ensure_ascii=False, indent=None if args.compact else 2))
    return 0
