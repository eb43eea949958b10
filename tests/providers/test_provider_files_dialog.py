"""Edit → Providers… with provider files: a file's provider has its page and Test connection,
a broken file is listed with its line, Import provider file… checks before copying."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.providers.servers.minimax import API_KEY as MINIMAX_KEY
from widgets.settings.provider_files_ui import BrokenFilePage
from widgets.settings.providers_dialog import ProvidersDialog

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "providers"
BROKEN = '{"format": 1,\n "name": "broken_one",\n "label": "Broken",\n "capabilities": ["video"],\n' \
         ' "fields": [{"key": "base_url", "label": "Base URL"}],\n "video": {"create": {"path": "/x"}}\n}\n'


@pytest.fixture
def provider_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "settings"))
    folder = tmp_path / "settings" / "providers"
    folder.mkdir(parents=True)
    shutil.copy(SHIPPED / "minimax_video.toml", folder)
    (folder / "broken.json").write_text(BROKEN, encoding="utf-8")
    return folder


def _rows(dialog: ProvidersDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_file_provider_page_tests_its_connection_and_broken_file_shows_its_line(qtbot, provider_folder,
                                                                                minimax_server) -> None:
    dialog = ProvidersDialog(select="minimax_video")
    qtbot.addWidget(dialog)
    assert any(r.startswith("MiniMax Hailuo (provider file)") for r in _rows(dialog))
    page = dialog.page("minimax_video")
    assert page.editors["resolution"].currentText() == "768P" and page.preset.count() == 3
    page.editors["base_url"].setText(minimax_server.url)
    page.editors["api_key"].setText(MINIMAX_KEY)
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10000)
    assert page.test_result.text().startswith("✓") and "accepted" in page.test_result.text()

    dialog.list.setCurrentRow(_rows(dialog).index("⚠ broken.json\nNot loaded: has mistakes"))
    broken = dialog.stack.currentWidget().widget()
    assert isinstance(broken, BrokenFilePage)
    assert "line 6, video.create: say where the task id is" in broken.problems.text()


def test_import_provider_file_checks_then_lists_it(qtbot, provider_folder, tmp_path) -> None:
    dialog = ProvidersDialog()
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.json"
    bad.write_text(BROKEN.replace("broken_one", "bad_one"), encoding="utf-8")
    assert not dialog.import_button.import_path(bad)
    assert "bad.json was not imported" in dialog.error.text() and "line 6" in dialog.error.text()
    assert not (provider_folder / "bad_one.json").exists()
    assert dialog.import_button.import_path(SHIPPED / "fal_queue.json")
    assert (provider_folder / "fal_queue.json").is_file()
    assert dialog.list.currentItem().text().startswith("fal.ai queue (provider file)")
    assert "Imported “fal.ai queue (provider file)”" in dialog.error.text()
    assert dialog.pages["fal_queue"].editors["image_model"].currentText() == "fal-ai/flux/schnell"


def test_chinese_ui_shows_the_files_translations_and_translated_problems(qtbot, provider_folder,
                                                                        minimax_server) -> None:
    from widgets.shell.i18n import install_language

    assert install_language("zh_CN")
    try:
        dialog = ProvidersDialog(select="minimax_video")
        qtbot.addWidget(dialog)
        assert "MiniMax 海螺（服务商文件）\n视频" in _rows(dialog)
        page = dialog.page("minimax_video")
        page.editors["base_url"].setText(minimax_server.url)
        page.editors["api_key"].setText(MINIMAX_KEY)
        page.test_button.click()
        qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10000)
        assert page.test_result.text() == "✓ 已连接到 MiniMax 海螺（服务商文件）：密钥有效"
        dialog.list.setCurrentRow(_rows(dialog).index("⚠ broken.json\n未加载：文件有错误"))
        assert "第 6 行" in dialog.stack.currentWidget().widget().problems.text()
    finally:
        install_language("en")
