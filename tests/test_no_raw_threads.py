"""Widgets never start threads themselves: background work goes through ``app.background``
or the job queue (``session.services.jobs``), which track, cancel and report it.

In ``app/`` only the owners of background work make threads or thread pools (``THREAD_OWNERS``):
the one helper (``app.background``: the shared pool and the ordered lanes saves run on), the job
executor and its journal writer, and the real-time engines (audio, media, preview). Everything
else in ``app/`` may use locks and events but hands its work to one of these."""

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


# app/ modules (or folders, ending in "/") allowed to create threads, and why each needs its own
THREAD_OWNERS = {
    "app/background.py": "the one helper: the shared pool and the ordered lanes (saves, autosave)",
    "app/jobs/manager.py": "the job executor: user-visible work with progress, cancel and retry",
    "app/jobs/journal.py": "the job journal's writer: appends paid-task events in order, crash-safe",
    "app/audio/": "real-time audio: capture, playback, meters, the booth's take finishing",
    "app/media/": "the media engine: decoding, derived files (thumbnails, proxies), export's pipeline",
    "app/preview/engine.py": "the preview's real-time decode and audio-mix threads",
    "app/media_check.py": "the missing-media check of an opened project (one worker, generation-checked)",
}
THREAD_MAKERS = {"Thread", "Timer", "QThread", "QThreadPool", "ThreadPoolExecutor", "ProcessPoolExecutor",
                 "Process", "Pool", "globalInstance", "run", "start_new_thread"}


def _thread_makers(path: Path) -> list[str]:
    """Calls that make a thread or a pool (threading.Thread(...), QThreadPool(), asyncio.run...)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        if name == "run" and owner != "asyncio":
            continue  # only asyncio.run starts an event loop; other .run() calls are plain calls
        if name in {"Process", "Pool"} and owner != "multiprocessing":
            continue
        if name in THREAD_MAKERS:
            found.append(f"{owner + '.' if owner else ''}{name}(...) at line {node.lineno}")
    return found


def _owns_threads(rel: str) -> bool:
    return any(rel == owner or (owner.endswith("/") and rel.startswith(owner)) for owner in THREAD_OWNERS)


def test_only_the_owners_of_background_work_make_threads_in_app() -> None:
    offenders = []
    for path in sorted((REPO / "app").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        if not _owns_threads(rel):
            offenders += [f"{rel}: {what}" for what in _thread_makers(path)]
    assert offenders == [], "hand the work to app.background (a lane for ordered work) or the job queue"


def test_every_listed_thread_owner_exists() -> None:
    """A stale entry would silently allow threads to a module that is no longer what it was."""
    for owner in THREAD_OWNERS:
        assert (REPO / owner).exists(), owner


def test_the_app_check_catches_thread_makers(tmp_path: Path) -> None:
    samples = {
        "import threading\nthreading.Thread(target=print).start()": 1,
        "from PySide6.QtCore import QThreadPool\npool = QThreadPool()": 1,
        "from PySide6.QtCore import QThreadPool\nQThreadPool.globalInstance().start(job)": 1,
        "from concurrent.futures import ThreadPoolExecutor\nThreadPoolExecutor(2)": 1,
        "import asyncio\nasyncio.run(main())": 1,
        "import threading\nlock = threading.Lock()\nevent = threading.Event()": 0,
        "from app.background import Lane, run_in_background\nrun_in_background(f, lane=Lane.SAVE)": 0,
        "proc.run()": 0,
    }
    for source, expected in samples.items():
        path = tmp_path / "sample.py"
        path.write_text(source + "\n", encoding="utf-8")
        assert len(_thread_makers(path)) == expected, source


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
