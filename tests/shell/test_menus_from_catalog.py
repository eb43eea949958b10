"""The main menus and tool bar are built from the command catalog, and look as they did before.

``menu_layout_golden.json`` is the dump of every menu (texts, keys, separators, submenus) and of
the main tool bar, in English and in Chinese, taken from the real MainWindow before the menus were
built from the catalog; the window built today must match it entry for entry. A menu changed on
purpose is re-dumped with ``MENU_GOLDEN_UPDATE=1`` (then review the JSON diff).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from app.session import Session
from tests.timeline.builders import picture_doc
from widgets.commands.catalog import COMMANDS
from widgets.commands.keymap import keymap, preset_keys
from widgets.commands.presets import Preset
from widgets.shell import i18n

GOLDEN = Path(__file__).with_name("menu_layout_golden.json")


def dump_menu(menu) -> list[str]:
    rows = []
    for action in menu.actions():
        if action.isSeparator():
            rows.append("---")
        elif action.menu() is not None:
            rows.append(f"> {action.text()}")
        else:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            rows.append(f"{action.text()}\t{keys}" if keys else action.text())
    return rows


def shown_key(action) -> str:
    """The key a menu shows: a window-wide action's shortcut, or a dock action's key hint after a tab
    (a dock's keys work while it has the focus, so its menu entry only names them)."""
    hint = action.text().partition("\t")[2]
    return hint or action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def dump_window(window) -> dict[str, list[str]]:
    out = {key: dump_menu(menu) for key, menu in window.menus.menus.items()}
    out["MainToolbar"] = ["---" if a.isSeparator() else (a.objectName() or "(widget)")
                          for a in window.toolbar.actions()]
    return out


@pytest.fixture(autouse=True)
def default_keys():
    keymap().apply(Preset.MICRODRAMA, preset_keys(Preset.MICRODRAMA))
    yield
    i18n.install_language("en")


def make_window(qtbot, prompter, project_dir, language: str):
    from widgets.main_window import MainWindow

    i18n.install_language(language)
    session = Session()
    doc, _ep = picture_doc(lengths=(60, 90, 45), source_seconds=10.0)
    session.create(project_dir / language, doc.series)
    window = MainWindow(session=session, prompter=prompter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_menus_and_toolbar_match_the_layout_before_the_catalog_built_them(qtbot, prompter, project_dir,
                                                                          language) -> None:
    window = make_window(qtbot, prompter, project_dir, language)
    try:
        got = dump_window(window)
        golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
        if os.environ.get("MENU_GOLDEN_UPDATE") == "1":
            golden[language] = got
            GOLDEN.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        assert got == golden[language]
    finally:
        window.session.document.undo_stack.setClean()
        window.close()


def test_every_catalog_menu_command_is_in_its_menu_once_with_its_key(qtbot, prompter, project_dir) -> None:
    window = make_window(qtbot, prompter, project_dir, "en")
    try:
        placed = [spec for spec in COMMANDS if spec.menu is not None]
        assert len(placed) > 20
        for spec in placed:
            menu = window.menus.menus[spec.menu.value]
            hits = [a for a in menu.actions() if a.objectName() == spec.id]
            assert len(hits) == 1, (spec.id, spec.menu, len(hits))
            assert shown_key(hits[0]) == keymap().hint(spec.id), spec.id
    finally:
        window.session.document.undo_stack.setClean()
        window.close()
