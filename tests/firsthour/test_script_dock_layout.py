"""The Script dock in the real main window's default layout: after a breakdown the footer's
status and counts ("… · 分镜 4 个镜头") are shown whole and the dock has no horizontal
scroll bar, at 1366x768 and 1600x1000, in Chinese and in English.

The cause was the dock's hidden empty-state page: a QStackedWidget is as wide as its widest
page, so the empty state's buttons forced the working page wider than the dock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from app.bundle import ProjectBundle
from app.model import Episode, Series

SCRIPT = """INT. 咖啡馆 - 夜

雨打在玻璃上。林推门进来，浑身湿透。

林：你怎么还在这里？
陈：我在等你。

EXT. 街道 - 夜

两人走进雨里，霓虹倒映在水洼中。

林（轻声）
我们走吧，天快黑了。
"""
SHOTS = Path("/tmp/microdrama-screenshots")


@pytest.fixture
def language(request):
    from widgets.shell import i18n
    from widgets.shell.settings import app_settings

    app_settings().clear()
    app_settings().setValue(i18n.SETTINGS_KEY, request.param)
    i18n.install_language(request.param)
    yield request.param
    i18n.install_language("en")
    app_settings().clear()


def shown_whole(widget, frame: QScrollArea) -> bool:
    """Inside the dock's visible area and tall enough for its wrapped text."""
    viewport = frame.viewport()
    box = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return (widget.isVisible() and viewport.rect().contains(box)
            and widget.height() >= widget.heightForWidth(widget.width()))


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_script_dock_footer_is_whole_without_a_horizontal_scroll_bar(qtbot, tmp_path, language) -> None:
    from widgets.main_window import MainWindow
    from widgets.script.panel import ScriptPanel

    series = Series(title="雨夜来信")
    series.episodes.append(Episode(number=1, title="第一集"))
    root = ProjectBundle.create(tmp_path / "S.mdrama", series).root
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.controller.open_path(root)
    panel = window.findChild(ScriptPanel)
    QApplication.clipboard().setText(SCRIPT)
    panel.editor.setFocus()
    qtbot.keyClick(panel.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.session.current_episode.script == SCRIPT, timeout=15000)
    panel.act_breakdown_plain.trigger()
    shots = "4 个镜头" if language == "zh_CN" else "4 shots"
    qtbot.waitUntil(lambda: shots in panel.stats.text(), timeout=15000)
    frame = window.docks.docks["ScriptDock"].widget()
    assert isinstance(frame, QScrollArea)
    SHOTS.mkdir(exist_ok=True)
    try:
        for size in ((1366, 768), (1600, 1000)):
            window.resize(*size)
            qtbot.waitUntil(lambda w=size[0]: window.width() == w, timeout=15000)
            qtbot.waitUntil(lambda: not frame.horizontalScrollBar().isVisible(), timeout=15000)
            assert panel.width() <= frame.viewport().width(), size
            qtbot.waitUntil(lambda: shown_whole(panel.stats, frame) and shown_whole(panel.status, frame), timeout=15000)
            window.grab().save(str(SHOTS / f"script-dock-{language}-{size[0]}x{size[1]}.png"))
    finally:
        window.session.save()  # nothing to ask about when the window closes
        window.session.close()  # and nothing left to signal the closed window's panels
        window.close()
        qtbot.wait(100)  # the panels' queued refreshes run while they still exist
