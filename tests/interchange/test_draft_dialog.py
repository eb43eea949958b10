"""Episode > Export to Jianying/CapCut…: menu action → dialog → export on the job queue → the draft on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.demo import create_demo
from app.model import Marker
from widgets.draft.dialog import DraftExportDialog
from widgets.shell import i18n
from widgets.shell.settings import app_settings

SHOTS = Path("/tmp/microdrama-screenshots")


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory) -> Path:
    return create_demo(tmp_path_factory.mktemp("draft-demo") / "Demo.mdrama").root


@pytest.fixture
def window(qtbot, demo_root):
    from tests.shell.conftest import drain_background_work
    from widgets.main_window import MainWindow

    app_settings().clear()
    app_settings().setValue(i18n.SETTINGS_KEY, "en")
    i18n.install_language("en")
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    assert win.controller.open_path(demo_root)
    yield win
    i18n.install_language("en")
    win.close()
    drain_background_work()
    app_settings().clear()


def _open_dialog(window, qtbot) -> DraftExportDialog:
    action = window.findChild(QAction, "action_export_draft")
    episode_menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "menu_episode")
    assert action in episode_menu.actions()
    action.trigger()
    dialog = window.findChild(DraftExportDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_menu_action_exports_a_capcut_draft(window, qtbot, tmp_path) -> None:
    dialog = _open_dialog(window, qtbot)
    assert "com.lveditor.draft" in dialog.where.text() and "5.9" in dialog.where.text()
    dialog.app.setCurrentIndex(dialog.app.findData("capcut"))
    assert "CapCut" in dialog.where.text()
    dialog.folder.setText(str(tmp_path / "drafts"))
    dialog.name.setText("第一集")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "draft-dialog-en.png"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.draft_result is not None or "not written" in dialog.status.text(), timeout=60000)
    assert dialog.draft_result is not None, dialog.status.text()
    folder = tmp_path / "drafts" / "第一集"
    assert dialog.draft_result.folder == folder and str(folder) in dialog.status.text()
    raw = json.loads((folder / "draft_content.json").read_text(encoding="utf-8"))
    assert raw["platform"]["app_source"] == "cc" and raw["tracks"]
    assert [p.name for p in (folder / "materials").iterdir()]  # collected by default
    assert dialog.problems.isVisible() and dialog.progress.value() == 1000
    assert dialog.open_button.isVisible() and dialog.open_button.isEnabled()
    dialog.grab().save(str(SHOTS / "draft-dialog-done-en.png"))

    # The same name again: a clear message, the first draft untouched.
    before = (folder / "draft_content.json").read_bytes()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60000)
    assert "already exists" in dialog.status.text()
    assert (folder / "draft_content.json").read_bytes() == before

    # Offline media: named in the message, nothing written.
    asset = next(a for a in window.session.series.media.values() if a.kind.value == "audio")
    media = window.session.bundle.resolve(asset.path)
    media.rename(media.with_name(media.name + ".away"))
    try:
        dialog.name.setText("第二集")
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60000)
    finally:
        media.with_name(media.name + ".away").rename(media)
    assert "offline" in dialog.status.text() and asset.original_name in dialog.status.text()
    assert not (tmp_path / "drafts" / "第二集").exists()
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == ["第一集"]
    dialog.close_button.click()
    qtbot.waitUntil(lambda: window.findChild(DraftExportDialog) is None)  # closing deletes it

    # The next time, CapCut's folder is the one used last.
    again = _open_dialog(window, qtbot)
    again.app.setCurrentIndex(again.app.findData("capcut"))
    assert again.folder.text() == str(tmp_path / "drafts")
    again.close_button.click()


def test_dialog_in_chinese(window, qtbot, tmp_path) -> None:
    i18n.install_language("zh_CN")
    action = window.findChild(QAction, "action_export_draft")
    qtbot.waitUntil(lambda: action.text().startswith("导出到剪映"))  # the menu retranslates on LanguageChange
    dialog = _open_dialog(window, qtbot)
    assert dialog.windowTitle() == "导出到剪映 / CapCut"
    assert dialog.export_button.text() == "导出草稿" and "剪映专业版" in dialog.where.text()
    dialog.folder.setText(str(tmp_path))
    window.session.current_episode.timeline.markers.append(Marker(frame=95, name="反转"))
    dialog.resize(680, 560)
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "draft-dialog-zh.png"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.draft_result is not None, timeout=60000)
    assert "草稿已写入" in dialog.status.text()
    assert "标记“反转”位于 00:00:03:05" in dialog.problems.toPlainText()  # the not-carried-over list, in Chinese
    dialog.grab().save(str(SHOTS / "draft-dialog-done-zh.png"))
    dialog.close_button.click()
