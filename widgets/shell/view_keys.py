"""Keys the timeline, preview and booth handle themselves while they have focus.

They are not menu shortcuts (a menu shortcut would steal "S" from a text field), so
the shortcut list would miss them; this table is what the Keyboard Shortcuts
dialog shows for each panel, in the order an editor learns them.
"""

from __future__ import annotations

from app.i18n_marks import QT_TRANSLATE_NOOP

# (panel, command, keys): panel and command are translated at display time (context "ViewKeys")
VIEW_KEYS: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Play / pause"), "Space"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Shuttle back / stop / forward"),
     "J, K, L"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Split at playhead"), "S"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Delete clips"), "Del"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Ripple delete"), "Shift+Del"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Add or remove a marker"), "N"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Select / ripple / roll tool"),
     "V, B, R"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Copy, cut, paste clips"),
     "Ctrl+C, Ctrl+X, Ctrl+V"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Select all clips"), "Ctrl+A"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Previous / next frame"),
     "Left, Right"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Back / forward one second"),
     "Shift+Left, Shift+Right"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Previous / next edit point"),
     "Up, Down"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Go to start / end"), "Home, End"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Zoom in / out / fit"), "+, -, \\"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Ripple trim / roll trim"),
     "Ctrl+drag, Alt+drag"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Timeline"), QT_TRANSLATE_NOOP("ViewKeys", "Clear the selection"), "Esc"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Preview"), QT_TRANSLATE_NOOP("ViewKeys", "Play / pause"), "Space"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Preview"), QT_TRANSLATE_NOOP("ViewKeys", "Shuttle back / stop / forward"),
     "J, K, L"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Preview"), QT_TRANSLATE_NOOP("ViewKeys", "Previous / next frame"),
     "Left, Right"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Preview"), QT_TRANSLATE_NOOP("ViewKeys", "Back / forward one second"),
     "Shift+Left, Shift+Right"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Preview"), QT_TRANSLATE_NOOP("ViewKeys", "Go to start / end"), "Home, End"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Preview"), QT_TRANSLATE_NOOP("ViewKeys", "Mark in / out"), "I, O"),
    (QT_TRANSLATE_NOOP("ViewKeys", "Voice Booth"), QT_TRANSLATE_NOOP("ViewKeys", "Record / stop the take"),
     "Space, R"),
)
