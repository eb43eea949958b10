"""Frozen-app entry point: the same ``microdrama`` command as the console script."""

import sys

from widgets.launch import main

if __name__ == "__main__":
    sys.exit(main())
