"""The keys in force: the chosen preset, plus the user's own changes, saved in the user settings.

One process-wide ``Keymap`` answers "which command does this key mean in this
dock?" for the timeline, preview and booth, and re-keys the window's QActions
when the user changes a key, so a change in the dialog works everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from app.settings_store import settings_store
from widgets.commands.catalog import BY_ID, COMMANDS, Scope
from widgets.commands.presets import OVERRIDES, Preset

SECTION = "shortcuts"
PORTABLE = QKeySequence.SequenceFormat.PortableText
Keys = dict[str, tuple[str, ...]]


def normalized(text: str) -> str:
    """One spelling per key ("del" -> "Del"); empty when Qt cannot read it."""
    seq = QKeySequence.fromString(text, PORTABLE)
    return seq.toString(PORTABLE) if seq.count() == 1 else ""


def preset_keys(preset: Preset) -> Keys:
    keys = {c.id: c.keys for c in COMMANDS}
    keys.update(OVERRIDES[preset])
    return {cid: tuple(k for k in (normalized(x) for x in ks) if k) for cid, ks in keys.items()}


@dataclass(frozen=True)
class Conflict:
    """One key given to several commands that can fire in the same place (``shadowed``: a window-wide
    command's key that a dock also uses; the dock's command wins while that dock has the focus)."""

    scope: Scope
    key: str
    command_ids: tuple[str, ...]
    shadowed: bool = False


def conflicts(keys: Keys) -> list[Conflict]:
    by_place: dict[tuple[Scope, str], list[str]] = {}
    for cid, ks in keys.items():
        spec = BY_ID.get(cid)
        if spec is None:
            continue
        for k in ks:
            by_place.setdefault((spec.scope, k), []).append(cid)
    found = [Conflict(scope, key, tuple(ids)) for (scope, key), ids in by_place.items() if len(ids) > 1]
    for (scope, key), ids in by_place.items():
        everywhere = by_place.get((Scope.GLOBAL, key))
        if scope is not Scope.GLOBAL and everywhere:
            found.append(Conflict(scope, key, (everywhere[0], ids[0]), shadowed=True))
    return found


def _key_text(event: QKeyEvent, drop_shift: bool = False) -> str:
    """The pressed key in the keymap's spelling ("Shift+Del"); the keypad flag is ignored."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if drop_shift:
        mods &= ~Qt.KeyboardModifier.ShiftModifier
    return QKeySequence(QKeyCombination(mods, Qt.Key(event.key()))).toString(PORTABLE)


class Keymap(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bound: list[tuple[QAction, str]] = []
        self._lookup: dict[Scope, dict[str, str]] = {}
        self.reload()

    # ------------------------------------------------------------------ state
    def reload(self) -> None:
        """Read the preset and the user's keys from the settings file (start-up, restart)."""
        store = settings_store()
        store.reload()
        try:
            preset = Preset(store.get(SECTION, "preset", Preset.MICRODRAMA.value))
        except ValueError:
            preset = Preset.MICRODRAMA
        saved = store.get(SECTION, "keys", {}) or {}
        self._apply(preset, {cid: tuple(str(k) for k in ks) for cid, ks in saved.items()
                             if cid in BY_ID and isinstance(ks, list)})

    def _apply(self, preset: Preset, overrides: Keys) -> None:
        self.preset = preset
        self.keys: Keys = preset_keys(preset)
        for cid, ks in overrides.items():
            self.keys[cid] = tuple(k for k in (normalized(x) for x in ks) if k)
        self._lookup = {}
        for cid, ks in self.keys.items():
            table = self._lookup.setdefault(BY_ID[cid].scope, {})
            for k in ks:
                table.setdefault(k, cid)  # keys are normalized portable text
        self._rebind()
        self.changed.emit()

    def apply(self, preset: Preset, keys: Keys) -> None:
        """Make ``keys`` (every command's keys) current and save what differs from ``preset``."""
        base = preset_keys(preset)
        overrides = {cid: ks for cid, ks in keys.items() if cid in BY_ID and tuple(ks) != base.get(cid)}
        store = settings_store()
        store.set(SECTION, "preset", preset.value)
        store.set(SECTION, "keys", {cid: list(ks) for cid, ks in overrides.items()})
        self._apply(preset, overrides)

    def key_texts(self, cid: str) -> tuple[str, ...]:
        return self.keys.get(cid, ())

    def sequences(self, cid: str) -> list[QKeySequence]:
        return [QKeySequence.fromString(k, PORTABLE) for k in self.key_texts(cid)]

    def hint(self, cid: str) -> str:
        """The first key as shown in menus ("S", "Ctrl+K"), empty when the command has none."""
        seqs = self.sequences(cid)
        return seqs[0].toString(QKeySequence.SequenceFormat.NativeText) if seqs else ""

    # ------------------------------------------------------------- dispatch
    def command_for(self, scope: Scope, event: QKeyEvent) -> str | None:
        """The command ``event`` means in ``scope``. A symbol typed with Shift ("+" is Shift+= on
        most layouts) also matches its plain key."""
        table = self._lookup.get(scope, {})
        found = table.get(_key_text(event))
        key = event.key()
        if found is None and event.modifiers() & Qt.KeyboardModifier.ShiftModifier and key < 0x1000000 \
                and not Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value:
            found = table.get(_key_text(event, drop_shift=True))
        return found

    def dispatch(self, scope: Scope, event: QEvent, handlers: dict[str, Callable[[], object]]) -> bool:
        """Run the handler of the command ``event`` means in ``scope``. For a ShortcutOverride it
        only claims the key, so a window-wide shortcut on the same key gives way to the focused dock."""
        if not isinstance(event, QKeyEvent):
            return False
        cid = self.command_for(scope, event)
        handler = handlers.get(cid) if cid else None
        if handler is None:
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            handler()
        return True

    # -------------------------------------------------------------- actions
    def bind_action(self, action: QAction, cid: str) -> None:
        """Give ``action`` the keys of ``cid`` now and whenever they change."""
        self._bound.append((action, cid))
        action.setShortcuts(self.sequences(cid))

    def adopt(self, root: QWidget) -> None:
        """Bind every QAction under ``root`` whose object name is a catalogued command."""
        seen = {id(a) for a, _ in self._bound}
        for action in [*QWidget.actions(root), *root.findChildren(QAction)]:  # (windows may shadow actions)
            spec = BY_ID.get(action.objectName())
            if spec is not None and spec.scope in (Scope.GLOBAL, Scope.SCRIPT) and id(action) not in seen:
                seen.add(id(action))
                self.bind_action(action, spec.id)

    def _rebind(self) -> None:
        self._bound = [(a, cid) for a, cid in self._bound if isValid(a)]
        for action, cid in self._bound:
            action.setShortcuts(self.sequences(cid))


_keymap: Keymap | None = None
_keymap_path: object = None


def keymap() -> Keymap:
    """The process-wide keymap (read again when the settings folder changes, as tests do)."""
    global _keymap, _keymap_path
    path = settings_store().path
    if _keymap is None or _keymap_path != path or not isValid(_keymap):
        _keymap, _keymap_path = Keymap(), path
    return _keymap
