"""A small demo season (3 episodes) made once per test session through the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EPISODES = 3


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "widgets.launch", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300, env=env)


@pytest.fixture(scope="session")
def season_master(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("season") / "Season"
    proc = cli("demo", str(target), "--episodes", str(EPISODES))
    assert proc.returncode == 0, proc.stderr
    return Path(proc.stdout.strip().splitlines()[-1])


@pytest.fixture
def season(season_master: Path, tmp_path: Path) -> Path:
    """A private copy of the season for a test that edits or opens it."""
    copy = tmp_path / season_master.name
    shutil.copytree(season_master, copy)
    return copy


@pytest.fixture
def window(qtbot):
    """The real main window (English UI), closed and drained after the test."""
    from tests.shell.conftest import ScriptedPrompter, drain_background_work
    from widgets.main_window import MainWindow
    from widgets.shell import i18n

    i18n.install_language("en")
    made = MainWindow(prompter=ScriptedPrompter())
    qtbot.addWidget(made)
    made.resize(1366, 768)
    made.show()
    yield made
    made.session.document.undo_stack.setClean()
    made.close()
    drain_background_work()
    i18n.install_language("en")
