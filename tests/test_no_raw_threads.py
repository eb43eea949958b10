"""Widgets never start threads themselves: background work goes through ``app.background``
or the job queue (``session.services.jobs``), which track, cancel and report it."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BANNED_MODULES = ("threading", "_thread", "concurrent.futures", "concurrent", "multiprocessing", "asyncio")
BANNED_QT_NAMES = {"QThread", "QThreadPool", "QRunnable", "QtConcurrent"}


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.startswith(BANNED_MODULES)]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(BANNED_MODULES):
                found.append(f"from {node.module} import ...")
            elif node.module.startswith("PySide6"):
                found += [f"from {node.module} import {a.name}" for a in node.names if a.name in BANNED_QT_NAMES]
        elif isinstance(node, ast.Attribute) and node.attr in BANNED_QT_NAMES:
            found.append(f"uses .{node.attr}")  # QtCore.QThreadPool without importing the name
    return found


def test_widgets_use_no_raw_threads() -> None:
    offenders = [f"{path.relative_to(REPO)}: {what}"
                 for path in sorted((REPO / "widgets").rglob("*.py")) for what in _offences(path)]
    assert offenders == [], "use app.background.run_in_background or the job queue instead"


def test_the_check_catches_each_way_in(tmp_path: Path) -> None:
    """The scan itself must see every spelling, or the test above proves nothing."""
    samples = {
        "import threading": 1, "from threading import Thread": 1, "import concurrent.futures": 1,
        "from concurrent.futures import ThreadPoolExecutor": 1, "import multiprocessing as mp": 1,
        "from PySide6.QtCore import QObject, QThreadPool, QRunnable": 2, "from PySide6.QtCore import QThread": 1,
        "from PySide6 import QtCore\nQtCore.QThreadPool.globalInstance()": 1,
        "from app.background import run_in_background": 0, "from PySide6.QtCore import QTimer": 0,
    }
    for source, expected in samples.items():
        path = tmp_path / "sample.py"
        path.write_text(source + "\n", encoding="utf-8")
        assert len(_offences(path)) == expected, source
