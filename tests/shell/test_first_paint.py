"""Work waiting for the first paint runs after it, in the order it was asked for; the start-up report says so.

(Named to run before test_screenshot_cli.py: its in-process editor run leaves this process's event
loop delivering no more timers or posted events.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

from widgets.shell.startup_report import after_first_paint

ROOT = Path(__file__).resolve().parents[2]


def test_callbacks_run_after_the_first_paint_in_the_order_given(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[str] = []
    for name in ("report", "collect", "release", "version"):
        after_first_paint(window, lambda name=name: ran.append(name))
    assert ran == []
    window.resize(200, 100)
    window.show()
    qtbot.waitExposed(window)
    window.repaint()  # a paint event now, whatever the platform plugin did on show
    qtbot.waitUntil(lambda: len(ran) == 4, timeout=10000)
    assert ran == ["report", "collect", "release", "version"]
    window.repaint()  # later paints run nothing again
    qtbot.wait(0)
    assert len(ran) == 4


def test_the_editor_reports_its_start_up(tmp_path: Path) -> None:
    project = tmp_path / "Demo.mdrama"
    env = {"QT_QPA_PLATFORM": "offscreen", "MICRODRAMA_STARTUP_REPORT": "1", "XDG_CONFIG_HOME": str(tmp_path),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    from app.bundle import ProjectBundle
    from app.model import Episode, Series

    ProjectBundle.create(project, Series(title="Report", episodes=[Episode(number=1, title="One")]))
    done = subprocess.run([sys.executable, "-m", "widgets.launch", "open", str(project), "--screenshot",
                           str(tmp_path / "shot.png"), "--size", "800x600"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("start-up:")]
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith("start-up: first painted window after ") and lines[0].endswith(" s")
    assert lines[1].endswith(" s of processor time until then")
    assert (tmp_path / "shot.png").stat().st_size > 1000
