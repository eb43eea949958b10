"""The Storyboard's provider choice is the default ``microdrama generate`` uses; no choice is shown as none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.settings_store import settings_store
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from widgets.storyboard.panel import StoryboardPanel

REPO = Path(__file__).resolve().parents[2]


def test_no_default_says_choose_and_the_choice_is_the_clis_default(project, session, qtbot, kling_server) -> None:
    panel = StoryboardPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    combo = panel.image_provider
    assert combo.currentText() == "Choose a provider…" and not combo.currentData()
    assert settings_store().get("defaults", "image") is None
    # generating without a choice explains and offers the Providers dialog (not the first vendor silently)
    from app.errors import ProviderNotConfigured
    from app.jobs.actions import choose_provider

    try:
        choose_provider("image", combo.currentData())
    except ProviderNotConfigured as exc:
        assert exc.capability == "image"
    else:
        raise AssertionError("no provider should be chosen yet")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the first real provider: Kling
    assert combo.currentData() == "kling" and combo.findData("") == -1
    assert settings_store().get("defaults", "image") == "kling"
    panel.close()

    # the same settings file: `microdrama generate` without --image-provider uses the GUI's choice
    session.close()
    kling_server.polls_to_finish = 0
    env = dict(os.environ, MICRODRAMA_KLING_BASE_URL=kling_server.url, MICRODRAMA_KLING_ACCESS_KEY=ACCESS_KEY,
               MICRODRAMA_KLING_SECRET_KEY=SECRET_KEY, MICRODRAMA_POLL_INTERVAL="0.05")
    run = subprocess.run([sys.executable, "-m", "widgets.launch", "generate", str(project),
                          "--stills"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert len(kling_server.received("POST /v1/images/generations")) == 3
