"""Console entry point: headless subcommands go to ``app.cli``; the editor starts here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def start_gui(args: argparse.Namespace) -> int:
    from widgets.shell import feature_scan

    feature_scan.install()  # before the editor's modules load: each import is scanned by PySide6
    from widgets.application import run_editor  # Qt widgets load only when the GUI is wanted

    return run_editor(args)


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli import main as cli_main

    return cli_main(argv, gui=start_gui)


if __name__ == "__main__":
    sys.exit(main())
