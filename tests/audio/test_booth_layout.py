"""The Voice Booth in the default layout of the real main window: its tab next to Script is a
narrow side dock (about 280x370 px at 1366x768), and the record button, the meter and the takes
must still be on screen, whole, without resizing anything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from app.bundle import ProjectBundle
from tests.audio.conftest import make_series

pytestmark = pytest.mark.audio


@pytest.fixture
def first_run():
    from widgets.shell import i18n
    from widgets.shell.settings import app_settings

    settings = app_settings()
    settings.clear()
    settings.setValue(i18n.SETTINGS_KEY, "en")
    i18n.install_language("en")
    yield
    app_settings().clear()


def fully_shown(widget, window) -> bool:
    """Visible, not covered or cut by a scroll area or splitter, and inside the window."""
    if not widget.isVisible() or widget.visibleRegion().boundingRect() != widget.rect():
        return False
    return window.rect().contains(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize("size", [(1366, 768), (1600, 1000)], ids=["1366x768", "1600x1000"])
def test_booth_tab_shows_record_button_meter_and_takes_whole(qtbot, audio_env, first_run, tmp_path, size):
    from widgets.booth.panel import BoothPanel
    from widgets.main_window import MainWindow

    root = ProjectBundle.create(tmp_path / "Booth.mdrama", make_series()).root
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.controller.open_path(root)
    dock = window.docks.docks["VoiceBoothDock"]
    dock.raise_()  # the user clicks the "Voice Booth" tab next to Script
    qtbot.waitUntil(lambda: dock.findChild(BoothPanel) is not None, timeout=15000)
    panel = dock.findChild(BoothPanel)
    assert dock.width() < 400  # the default layout's side dock, not a resized one
    takes = panel.takes
    wanted = {"record": panel.record_button, "meter": panel.meter, "takes": takes.tree,
              "play take": takes.play_button, "choose take": takes.star_button, "line": panel.prompter.text,
              "lines": panel.lines, "previous": panel.prev_button, "next": panel.next_button}
    qtbot.waitUntil(lambda: all(fully_shown(w, window) for w in wanted.values()), timeout=15000)
    assert panel.record_button.isEnabled()
    # the folded settings open in place, and fold away again
    panel.devices_button.click()
    qtbot.waitUntil(lambda: panel.input_combo.isVisible(), timeout=15000)
    panel.devices_button.click()
    qtbot.waitUntil(lambda: not panel.input_combo.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: fully_shown(panel.record_button, window), timeout=15000)
    window.close()


def test_narrow_then_wide_puts_every_pane_back(qtbot, audio_env, session):
    from widgets.booth.panel import BoothPanel

    panel = BoothPanel(session)
    qtbot.addWidget(panel)
    panel.resize(300, 420)
    panel.show()
    qtbot.waitUntil(lambda: panel.devices_button.isVisible() and not panel.picture.isVisible(), timeout=15000)
    assert panel.takes.play_button.text() == "▶" and panel.takes.play_button.toolTip() == "Play"
    panel.resize(1200, 640)
    qtbot.waitUntil(lambda: panel.picture.isVisible() and panel.input_combo.isVisible(), timeout=15000)
    assert not panel.devices_button.isVisible() and panel.takes.play_button.text() == "Play"
    assert panel.controls.parent() is panel.split.widget(1)  # under the prompter again
    assert panel.filter_combo.parent() is panel.split.widget(0)
    assert panel.takes.trim_box.isVisible() and not panel.takes.cleanup_button.isVisible()
