"""The timeline's context menu and the season's menu entries come from the command catalog: their
texts, keys and places, re-keyed by the keymap; the new catalogued timeline commands (Enabled,
Close Gap) work from the menu and from their keys, in every preset that gives them one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from app.model import TrackKind
from app.session import Session
from tests.timeline.builders import picture_doc
from widgets.commands.catalog import BY_ID
from widgets.commands.dialog import KeyboardShortcutsDialog
from widgets.commands.keymap import keymap, preset_keys
from widgets.commands.presets import Preset
from widgets.shell import i18n


@pytest.fixture(autouse=True)
def default_keys():
    keymap().apply(Preset.MICRODRAMA, preset_keys(Preset.MICRODRAMA))
    yield
    keymap().apply(Preset.MICRODRAMA, preset_keys(Preset.MICRODRAMA))
    i18n.install_language("en")


@pytest.fixture
def window(qtbot, prompter, project_dir):
    from widgets.main_window import MainWindow

    session = Session()
    doc, _ep = picture_doc(lengths=(60, 90, 45), source_seconds=10.0)
    session.create(project_dir, doc.series)
    win = MainWindow(session=session, prompter=prompter)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.document.undo_stack.setClean()
    win.close()


def timeline(window):
    view = window.docks.panel("TimelineDock").view
    view.setFocus()
    return view


def picture(window):
    return window.session.current_episode.timeline.first_track(TrackKind.PICTURE)


def point_at(view, frame: int) -> QPoint:
    row = view.geo.row_of(picture(view.window()).id)
    return QPoint(round(view.geo.x_of(frame)), row.top + row.height // 2)


def right_click(qtbot, view, pos: QPoint, choose: str = "") -> list[str]:
    """Right-click at ``pos`` as a user does; read the menu that opens and pick ``choose`` in it."""
    rows: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, read_menu)
            return
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
            rows.append("---" if action.isSeparator() else
                        f"{action.objectName()}|{action.text()}|{keys}|{'on' if action.isEnabled() else 'off'}")
        chosen = next((a for a in menu.actions() if choose and a.objectName() == choose), None)
        menu.close()
        if chosen is not None:
            chosen.trigger()

    QTimer.singleShot(0, read_menu)
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.mapToGlobal(pos)))
    return rows


def test_the_clip_context_menu_lists_catalogued_commands_with_their_current_keys(window, qtbot) -> None:
    view = timeline(window)
    rows = right_click(qtbot, view, point_at(view, 100))  # on the second clip
    assert rows == [
        "timeline.split|Split at Playhead|S|on", "timeline.delete|Delete Clips|Del|on",
        "timeline.ripple_delete|Ripple Delete|Shift+Del|on", "---",
        "timeline.cut|Cut|Ctrl+X|on", "timeline.copy|Copy|Ctrl+C|on", "timeline.paste|Paste|Ctrl+V|on", "---",
        "timeline.toggle_enabled|Enabled|Shift+E|on",
    ]
    keys = preset_keys(Preset.MICRODRAMA)
    keys["timeline.split"] = ("X",)
    keymap().apply(Preset.MICRODRAMA, keys)  # what the Keyboard Shortcuts dialog does on OK
    assert right_click(qtbot, view, point_at(view, 100))[0] == "timeline.split|Split at Playhead|X|on"


def test_enabled_in_the_menu_disables_the_clicked_clip_in_one_undo_step(window, qtbot) -> None:
    view = timeline(window)
    right_click(qtbot, view, point_at(view, 100), choose="timeline.toggle_enabled")
    assert [c.enabled for c in picture(window).clips_sorted()] == [True, False, True]
    window.shell_actions["action_undo"].trigger()
    assert all(c.enabled for c in picture(window).clips_sorted())


def test_enable_disable_leaves_the_clips_of_a_locked_track_as_they_are(window, qtbot) -> None:
    view = timeline(window)
    track = picture(window)
    window.session.document.edit(track, "Lock", locked=True)
    view._set_selection({c.id for c in track.clips})
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    assert all(c.enabled for c in track.clips)  # as every timeline edit: a locked track is not changed
    window.session.document.edit(track, "Unlock", locked=False)
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    assert not any(c.enabled for c in track.clips)


def test_close_gap_is_offered_on_a_gap_and_closes_it(window, qtbot) -> None:
    view = timeline(window)
    view._set_selection({"c1"})
    view.delete_selection(ripple=False)  # frames 60-150 are now a gap
    assert [c.start for c in picture(window).clips_sorted()] == [0, 150]
    rows = right_click(qtbot, view, point_at(view, 100), choose="timeline.close_gap")
    assert "timeline.close_gap|Close Gap||on" in rows
    assert not [r for r in rows if r.startswith("timeline.toggle_enabled")]  # no clip was clicked
    assert [c.start for c in picture(window).clips_sorted()] == [0, 60]


def test_the_enable_key_toggles_the_selection_and_follows_the_resolve_preset(window, qtbot) -> None:
    view = timeline(window)
    view._set_selection({"c0", "c2"})
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    assert [c.enabled for c in picture(window).clips_sorted()] == [False, True, False]
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    assert all(c.enabled for c in picture(window).clips_sorted())
    keymap().apply(Preset.RESOLVE, preset_keys(Preset.RESOLVE))
    qtbot.keyClick(view, Qt.Key.Key_D)  # Resolve: D enables/disables clips
    assert [c.enabled for c in picture(window).clips_sorted()] == [False, True, False]


def test_the_season_entries_take_texts_places_and_keys_from_the_catalog(window, qtbot) -> None:
    menus = window.menus.menus
    for key, cid in (("Episode", "action_episode_navigator"), ("Edit", "action_find_in_season"),
                     ("File", "action_export_season")):
        hits = [a for a in menus[key].actions() if a.objectName() == cid]
        assert len(hits) == 1 and hits[0].text() == BY_ID[cid].menu_label() and hits[0].statusTip()
    file_names = [a.objectName() for a in menus["File"].actions()]
    assert file_names.index("action_export_season") < file_names.index("action_close_project")
    keys = preset_keys(Preset.MICRODRAMA)
    keys["action_export_season"] = ("F9",)
    keys["action_episode_navigator"] = ("Ctrl+Alt+G",)
    keymap().apply(Preset.MICRODRAMA, keys)
    actions = {a.objectName(): a for a in window.findChildren(QAction)}
    assert [k.toString() for k in actions["action_export_season"].shortcuts()] == ["F9"]
    assert [k.toString() for k in actions["action_episode_navigator"].shortcuts()] == ["Ctrl+Alt+G"]


def test_the_shortcuts_dialog_lists_the_new_commands(window, qtbot) -> None:
    dialog = KeyboardShortcutsDialog(window)
    qtbot.addWidget(dialog)
    shown = {cid: (item.parent().text(0), item.text(0), item.text(1)) for cid, item in dialog.items.items()}
    assert shown["timeline.toggle_enabled"] == ("Timeline", "Enable or disable clips", "Shift+E")
    assert shown["timeline.close_gap"][:2] == ("Timeline", "Close the gap")
    assert shown["timeline.assemble"][:2] == ("Timeline", "Assemble from the storyboard")
    assert shown["action_export_season"][:2] == ("Everywhere", "Export season")
