"""Edit ▸ Keyboard Shortcuts driven like a user: re-key the timeline's split, press the new key in the
real timeline, pick the Premiere preset, see a conflict, restart with the same settings."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from app.model import TrackKind
from app.session import Session
from app.settings_store import settings_store
from tests.timeline.builders import picture_doc
from widgets.commands.catalog import BY_ID, COMMANDS, Scope
from widgets.commands.dialog import ID_ROLE, KeyboardShortcutsDialog
from widgets.commands.keymap import Keymap, keymap, preset_keys
from widgets.commands.presets import Preset


@pytest.fixture(autouse=True)
def default_keys():
    keymap().apply(Preset.MICRODRAMA, preset_keys(Preset.MICRODRAMA))
    yield
    keymap().apply(Preset.MICRODRAMA, preset_keys(Preset.MICRODRAMA))  # later tests expect the defaults


@pytest.fixture
def open_window(qtbot, prompter, project_dir):
    from widgets.main_window import MainWindow

    made = []

    def make(first: bool = True):
        session = Session()
        if first:
            doc, _ep = picture_doc(lengths=(60, 90, 45), source_seconds=10.0)
            session.create(project_dir, doc.series)
        else:
            session.open(project_dir)
        window = MainWindow(session=session, prompter=prompter)
        qtbot.addWidget(window)
        window.resize(1600, 1000)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.session.document.undo_stack.setClean()
        window.close()


def picture_ids(window) -> list[str]:
    ep = window.session.current_episode
    return [c.id for c in ep.timeline.first_track(TrackKind.PICTURE).clips_sorted()]


def record(qtbot, dialog: KeyboardShortcutsDialog, cid: str, key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """Click the command's row, click the key field and press the new key, as a user does."""
    item = dialog.items[cid]
    dialog.tree.scrollToItem(item)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.tree.visualItemRect(item).center())
    assert dialog.tree.currentItem() is item
    qtbot.mouseClick(dialog.key_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.key_edit, key, mods)
    qtbot.waitUntil(lambda: dialog.keys[cid][0] == QKeySequence(key | mods.value).toString(), timeout=15000)


def press_ok(qtbot, dialog: KeyboardShortcutsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def timeline_view(window):
    view = window.docks.panel("TimelineDock").view
    view.setFocus()
    return view


def test_remapped_split_key_splits_in_the_real_timeline_and_survives_a_restart(open_window, qtbot) -> None:
    window = open_window()
    dialog = KeyboardShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    record(qtbot, dialog, "timeline.split", Qt.Key.Key_X)
    assert dialog.items["timeline.split"].text(1) == "X"
    press_ok(qtbot, dialog)

    view = timeline_view(window)
    window.session.set_playhead(100)
    before = picture_ids(window)
    qtbot.keyClick(view, Qt.Key.Key_S)  # the old key does nothing now
    assert picture_ids(window) == before
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert len(picture_ids(window)) == len(before) + 1
    panel = window.docks.panel("TimelineDock")
    assert panel.act_split.text().endswith("\tX")  # the Edit menu shows the new key
    window.shell_actions["action_undo"].trigger()
    assert picture_ids(window) == before

    # saved in the user settings ...
    saved = json.loads(settings_store().path.read_text("utf-8"))["shortcuts"]
    assert saved["keys"]["timeline.split"] == ["X"]
    assert Keymap().keys["timeline.split"] == ("X",)  # a fresh keymap (a new process) reads it back
    # ... and a new main window on the same settings splits with X
    window.session.save()
    window.close()  # quit, then start again
    again = open_window(first=False)
    view = timeline_view(again)
    again.session.set_playhead(30)
    count = len(picture_ids(again))
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert len(picture_ids(again)) == count + 1


def test_premiere_preset_gives_premiere_keys_everywhere(open_window, qtbot) -> None:
    window = open_window()
    dialog = KeyboardShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.preset_box.setCurrentIndex(list(Preset).index(Preset.PREMIERE))
    dialog.preset_box.activated.emit(dialog.preset_box.currentIndex())
    shown = {cid: item.text(1) for cid, item in dialog.items.items()}
    assert shown["timeline.split"] == "Ctrl+K"
    assert shown["timeline.marker"] == "M"
    assert shown["timeline.ripple_delete"].startswith("Shift+Del")
    assert shown["timeline.tool_roll"] == "N" and shown["timeline.snapping"] == "S"
    assert shown["preview.mark_in"] == "I" and shown["timeline.shuttle_back"] == "J"
    assert not dialog.conflict_label.isVisibleTo(dialog)
    press_ok(qtbot, dialog)

    export = next(a for a in window.findChildren(QAction) if a.objectName() == "action_export_episode")
    assert [k.toString() for k in export.shortcuts()] == ["Ctrl+M"]
    view = timeline_view(window)
    window.session.set_playhead(100)
    before = picture_ids(window)
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert len(picture_ids(window)) == len(before) + 1
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert [m.frame for m in window.session.current_episode.timeline.markers] == [100]
    qtbot.keyClick(view, Qt.Key.Key_S)  # S toggles snapping in Premiere
    assert view.snapping is False


def test_a_key_given_twice_in_one_dock_is_reported_and_reset_restores_it(open_window, qtbot) -> None:
    window = open_window()
    dialog = KeyboardShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.conflict_label.isVisibleTo(dialog)
    record(qtbot, dialog, "timeline.marker", Qt.Key.Key_S)
    assert dialog.conflict_label.isVisibleTo(dialog)
    assert dialog.items["timeline.marker"].foreground(1).color() == QColor(Qt.GlobalColor.red)
    text = dialog.conflict_label.text()
    assert "Split at playhead" in text and "Add or remove a marker" in text and "Timeline" in text
    # the same key in another dock is no conflict: Space plays the preview and records in the booth
    assert "Space" not in text
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.items["timeline.marker"].text(1) == "N"
    assert not dialog.conflict_label.isVisibleTo(dialog)
    # a window-wide key that a dock also uses is explained, not marked as a clash
    record(qtbot, dialog, "action_save", Qt.Key.Key_N)
    assert "works everywhere as Save, but means Add or remove a marker while the Timeline has the focus" \
        in dialog.conflict_label.text()
    assert dialog.items["action_save"].foreground(1).color() != QColor(Qt.GlobalColor.red)
    assert dialog.items["timeline.marker"].foreground(1).color() != QColor(Qt.GlobalColor.red)
    qtbot.mouseClick(dialog.reset_all_button, Qt.MouseButton.LeftButton)
    assert dialog.keys == preset_keys(Preset.MICRODRAMA)


def test_search_filters_by_name_or_key(open_window, qtbot) -> None:
    dialog = KeyboardShortcutsDialog(open_window())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "ripple")
    visible = [cid for cid, item in dialog.items.items() if not item.isHidden()]
    assert set(visible) == {"timeline.ripple_delete", "timeline.tool_ripple"}
    assert dialog.groups[Scope.PREVIEW].isHidden()


def test_every_shortcut_is_listed_once_without_odd_entries(open_window, qtbot) -> None:
    window = open_window()
    for dock in ("ScriptDock", "StoryboardDock", "TimelineDock", "PreviewDock", "VoiceBoothDock", "JobsDock",
                 "ProvenanceDock"):
        window.docks.panel(dock)
    dialog = KeyboardShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = [(item.parent().text(0), item.text(0), item.text(1)) for item in dialog.items.values()]
    assert len(rows) == len(COMMANDS) == len({(where, name) for where, name, _ in rows})  # nothing twice
    assert not [r for r in rows if "\t" in r[1] or "&" in r[1] or "F14" in r[2]]
    listed = {(where, name): keys for where, name, keys in rows}
    for where, name, keys in (("Timeline", "Split at playhead", "S"), ("Timeline", "Delete clips", "Del, Backspace"),
                              ("Timeline", "Ripple delete", "Shift+Del, Shift+Backspace"),
                              ("Timeline", "Add or remove a marker", "N"), ("Timeline", "Ripple edit tool", "B"),
                              ("Timeline", "Rolling edit tool", "R"), ("Timeline", "Mark in", "I"),
                              ("Preview", "Mark out", "O"), ("Preview", "Shuttle backward", "J"),
                              ("Timeline", "Play / pause", "Space"), ("Voice Booth", "Record / stop the take", "Space, R"),
                              ("Everywhere", "Undo", "Ctrl+Z"), ("Everywhere", "Save", "Ctrl+S")):
        assert listed[(where, name)] == keys
    # every key a window action answers to is a catalogued command the dialog lists
    keyed = {a.objectName() for a in window.findChildren(QAction) if a.shortcuts()}
    assert "booth.record" in keyed and "action_save" in keyed
    assert keyed - set(BY_ID) == set()
    assert {dialog.items[c].data(0, ID_ROLE) for c in BY_ID} == set(BY_ID)


def test_preview_and_booth_keys_follow_the_keymap(open_window, qtbot) -> None:
    window = open_window()
    keys = preset_keys(Preset.MICRODRAMA)
    keys["preview.mark_in"] = ("F2",)
    keys["booth.record"] = ("F9",)
    keymap().apply(Preset.MICRODRAMA, keys)
    preview = window.docks.panel("PreviewDock")
    preview.setFocus()
    window.session.set_playhead(40)
    timeline = window.session.current_episode.timeline
    qtbot.keyClick(preview, Qt.Key.Key_I)
    assert timeline.in_point is None
    qtbot.keyClick(preview, Qt.Key.Key_F2)
    assert timeline.in_point == 40
    booth = window.docks.panel("VoiceBoothDock")
    assert [k.toString() for k in booth.record_action.shortcuts()] == ["F9"]


def test_a_keymap_file_carries_the_layout_and_a_foreign_file_is_refused(qtbot, tmp_path) -> None:
    from widgets.commands.keymap_file import write_keymap

    keys = preset_keys(Preset.RESOLVE)
    keys["timeline.marker"] = ("F7",)
    path = tmp_path / "mine.json"
    write_keymap(path, Preset.RESOLVE, keys)
    dialog = KeyboardShortcutsDialog()
    qtbot.addWidget(dialog)
    assert dialog.import_file(path)
    assert dialog.preset_box.currentData() is Preset.RESOLVE
    assert dialog.items["timeline.marker"].text(1) == "F7" and dialog.items["timeline.split"].text(1) == "Ctrl+B, Ctrl+\\"
    other = tmp_path / "other.json"
    other.write_text('{"keys": {}}', "utf-8")
    assert not dialog.import_file(other)
    assert dialog.items["timeline.marker"].text(1) == "F7"  # a refused file changes nothing
    assert "other.json" in dialog.conflict_label.text()
