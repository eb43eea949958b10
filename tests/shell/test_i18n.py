"""The interface in Simplified Chinese: switching at run time, remembered, every area's file loaded."""

from __future__ import annotations

from widgets.shell import i18n
from widgets.shell.preferences import set_language
from widgets.shell.settings import app_settings


def test_switching_language_retranslates_menus_docks_and_actions(window_factory, project, qtbot):
    window = window_factory()
    window.show()
    window.controller.open_path(project)
    file_menu = window.menus.menus["File"]
    assert file_menu.title() == "&File"

    set_language("zh_CN")
    qtbot.waitUntil(lambda: file_menu.title() == "文件(&F)")  # LanguageChange events are posted
    assert window.menus.menus["Episode"].title() == "分集(&P)"
    assert window.shell_actions["action_open"].text() == "打开(&O)…"
    qtbot.waitUntil(lambda: window.docks.docks["StoryboardDock"].windowTitle() == "分镜")
    assert window.episode_switcher.currentText().startswith("第1集")
    status = window.status.duration
    qtbot.waitUntil(lambda: status.text() == "时长 00:00:00:00")
    assert app_settings().value(i18n.SETTINGS_KEY) == "zh_CN"

    set_language("en")
    qtbot.waitUntil(lambda: file_menu.title() == "&File")
    qtbot.waitUntil(lambda: status.text() == "Duration 00:00:00:00")


def test_language_menu_offers_each_language_in_its_own_name(window_factory, qtbot):
    window = window_factory()
    menu = window.menus.language_menu
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions()]
    assert names == ["Same as the System", "English", "简体中文"]
    chinese = [a for a in menu.actions() if a.text() == "简体中文"][0]
    chinese.trigger()
    qtbot.waitUntil(lambda: window.menus.menus["Help"].title() == "帮助(&H)")
    assert i18n.saved_language() == "zh_CN"


def test_every_area_translation_file_is_loaded_and_names_are_normalised(tmp_path):
    loaded = i18n.install_language("zh_CN")
    shipped = sorted(p.name for p in i18n.I18N_DIR.glob("*_zh_CN.qm"))
    assert "shell_zh_CN.qm" in shipped
    assert set(shipped) <= set(loaded)
    assert "qtbase_zh_CN.qm" in loaded  # Qt's own buttons (OK, Cancel) in Chinese too
    assert i18n.normalize("zh-CN") == "zh_CN"
    assert i18n.normalize("zh_Hans_CN") == "zh_CN"
    assert i18n.normalize("en_US") == "en"
    assert i18n.effective_language("zh") == "zh_CN"


def test_every_shell_string_has_a_chinese_translation():
    import xml.etree.ElementTree as ET

    tree = ET.parse(i18n.I18N_DIR / "shell_zh_CN.ts")
    unfinished = [m.findtext("source") for m in tree.getroot().iter("message")
                  if not (m.findtext("translation") or "").strip()
                  or m.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_every_dock_and_menu_item_follows_a_run_time_switch(window_factory, project, qtbot):
    """Script, Storyboard, Timeline and Jobs were built in code with no retranslate of their own."""
    window = window_factory()
    window.show()
    window.controller.open_path(project)
    script = window.docks.panels["ScriptDock"]
    board = window.docks.panels["StoryboardDock"]
    timeline = window.docks.panels["TimelineDock"]
    assert script.act_breakdown.text() == "Break Down" and timeline.act_assemble.text() == "Assemble from Storyboard"

    set_language("zh_CN")
    qtbot.waitUntil(lambda: window.menus.menus["File"].title() == "文件(&F)")
    assert script.act_breakdown.text() == "拆分镜头"
    assert timeline.act_assemble.text() == "从故事板组装"
    assert timeline.act_split.text() == "在播放头处分割\tS"  # the shortcut hint is kept
    assert board.act_send.text() == "发送到时间线"
    providers = next(a for a in window.menus.menus["Edit"].actions() if a.objectName() == "action_providers")
    assert providers.text() == "服务商…"  # made at start-up by the Jobs dock's commands, its panel not built
    view_items = [a.text() for a in window.menus.menus["View"].actions() if a.text()]
    english = [t for t in view_items if t.isascii() and any(c.isalpha() for c in t)]
    assert english == [], english

    set_language("en")
    qtbot.waitUntil(lambda: script.act_breakdown.text() == "Break Down")
    assert timeline.act_split.text() == "Split at Playhead\tS"
