"""Many signal emits must not crash the interpreter (PySide6 6.12 leaks a reference of True per emit)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_a_long_session_of_signals_does_not_abort_the_interpreter() -> None:
    code = (
        "import app\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class O(QObject):\n"
        "    s = Signal(int)\n"
        "o = O()\n"
        "for i in range(50_000):\n"
        "    o.s.emit(i)\n"
        "import gc; gc.collect()\n"
        "print('done')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "done"
