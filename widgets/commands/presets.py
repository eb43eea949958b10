"""Keymap presets: the studio's own keys, and Premiere Pro's and DaVinci Resolve's defaults (Windows
layout) for the same commands, so an editor's fingers keep working.

A preset lists only the commands whose keys differ from the studio's defaults; an
empty tuple means "no key". Sources: Adobe's and Blackmagic's default keyboard
layouts (Premiere: Add Edit Ctrl+K, Ripple Edit B, Rolling Edit N, Snap S, Marker M,
Keyboard Shortcuts Ctrl+Alt+K, Export Media Ctrl+M; Resolve: Razor Ctrl+B, Trim
mode T, Snapping N, Marker M, Delete = ripple delete, Backspace = delete leaving a gap,
zoom Ctrl+= / Ctrl+- / Shift+Z, Keyboard Customization Ctrl+Alt+K, Enable/Disable Clip D).
Premiere's Enable (Shift+E) is the studio's own default, so it needs no entry.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


class Preset(Enum):
    MICRODRAMA = "microdrama"
    PREMIERE = "premiere"
    RESOLVE = "resolve"

    def label(self) -> str:
        return QCoreApplication.translate("Commands", str(_NAMES[self]))


_NAMES = {
    Preset.MICRODRAMA: QT_TRANSLATE_NOOP("Commands", "Microdrama (default)"),
    Preset.PREMIERE: QT_TRANSLATE_NOOP("Commands", "Premiere Pro"),
    Preset.RESOLVE: QT_TRANSLATE_NOOP("Commands", "DaVinci Resolve"),
}

_TIMELINE_DESELECT = ("Esc", "Ctrl+Shift+A")

OVERRIDES: dict[Preset, dict[str, tuple[str, ...]]] = {
    Preset.MICRODRAMA: {},
    Preset.PREMIERE: {
        "timeline.split": ("Ctrl+K",),
        "timeline.delete": ("Del", "Backspace"),
        "timeline.ripple_delete": ("Shift+Del", "Alt+Backspace"),
        "timeline.marker": ("M",),
        "timeline.tool_roll": ("N",),
        "timeline.snapping": ("S",),
        "timeline.zoom_in": ("=",),
        "timeline.zoom_out": ("-",),
        "timeline.deselect": _TIMELINE_DESELECT,
        "action_export_episode": ("Ctrl+M",),
        "action_shortcuts": ("Ctrl+Alt+K",),
    },
    Preset.RESOLVE: {
        "timeline.split": ("Ctrl+B", "Ctrl+\\"),
        "timeline.delete": ("Backspace",),
        "timeline.ripple_delete": ("Del", "Shift+Backspace"),
        "timeline.marker": ("M",),
        "timeline.tool_select": ("A",),
        "timeline.tool_ripple": ("T",),
        "timeline.tool_roll": (),
        "timeline.snapping": ("N",),
        "timeline.zoom_in": ("Ctrl+=",),
        "timeline.zoom_out": ("Ctrl+-",),
        "timeline.zoom_fit": ("Shift+Z",),
        "timeline.deselect": _TIMELINE_DESELECT,
        "timeline.toggle_enabled": ("D",),
        "action_shortcuts": ("Ctrl+Alt+K",),
    },
}
