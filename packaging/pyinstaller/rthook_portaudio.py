"""Runtime hook: let sounddevice find the PortAudio library bundled next to the app.

sounddevice locates PortAudio with ctypes.util.find_library, which on Linux asks
ldconfig and so never sees libraries inside a frozen app folder. Point it at ours.
"""

import ctypes.util
import os
import sys

_bundle_dir = getattr(sys, "_MEIPASS", os.path.dirname(os.path.abspath(sys.argv[0])))
_original_find_library = ctypes.util.find_library


def _find_library(name: str):  # noqa: ANN202 - mirrors ctypes' signature
    if name == "portaudio":
        for candidate in ("libportaudio.so.2", "libportaudio.so", "libportaudio.2.dylib"):
            path = os.path.join(_bundle_dir, candidate)
            if os.path.exists(path):
                return path
    return _original_find_library(name)


ctypes.util.find_library = _find_library
