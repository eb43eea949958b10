"""The main window's own actions: one object name, icon, shortcut and text each.

Texts are set in ``retranslate()`` so a language switch updates every menu,
tool-bar button and empty-state button that shows them. Object names
(``action_open`` ...) let panels and tests find an action without a reference
to the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QWidget

from widgets.commands.catalog import BY_ID
from widgets.commands.keymap import keymap
from widgets.shell.icons import icon

translate = QCoreApplication.translate

# object name -> icon. Keys are declared once, in the command catalog (widgets/commands/catalog.py),
# and given to these actions by the keymap, so Edit ▸ Keyboard Shortcuts can change them.
SPECS: dict[str, str] = {
    "action_new_series": "new",
    "action_open": "open",
    "action_open_demo": "demo",
    "action_clear_recent": "",
    "action_save": "save",
    "action_save_as": "",
    "action_close_project": "close",
    "action_quit": "",
    "action_undo": "undo",
    "action_redo": "redo",
    "action_preferences": "settings",
    "action_reset_layout": "layout",
    "action_add_episode": "add",
    "action_rename_episode": "rename",
    "action_delete_episode": "delete",
    "action_previous_episode": "",
    "action_next_episode": "",
    "action_shortcuts": "keyboard",
    "action_about": "help",
}


class ShellActions(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.by_name: dict[str, QAction] = {}
        for name, icon_name in SPECS.items():
            action = QAction(window)
            action.setObjectName(name)
            if icon_name:
                action.setIcon(icon(icon_name))
            if name in BY_ID:
                keymap().bind_action(action, name)
            window.addAction(action)  # shortcuts work even while a menu is hidden
            self.by_name[name] = action
        self.by_name["action_quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self.by_name["action_preferences"].setMenuRole(QAction.MenuRole.PreferencesRole)
        self.by_name["action_about"].setMenuRole(QAction.MenuRole.AboutRole)
        self._stack: QUndoStack | None = None
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def retranslate(self) -> None:
        # Texts are declared with each command in the catalog; only the status tips live here.
        tips = {
            "action_new_series": translate("Actions", "Start a new series in a project folder"),
            "action_open": translate("Actions", "Open a .mdrama project"),
            "action_open_demo": translate("Actions", "Create and open a demo series made on this computer"),
            "action_save": translate("Actions", "Save the project"),
            "action_save_as": translate("Actions", "Copy the project, with its media, to a new folder"),
            "action_reset_layout": translate("Actions", "Put every panel back where it started"),
            "action_add_episode": translate("Actions", "Add an episode at the end of the series"),
        }
        texts = {name: (BY_ID[name].menu_label(), tips.get(name, "")) for name in self.by_name if name in BY_ID}
        texts["action_clear_recent"] = (translate("Actions", "&Clear Recent Projects"), "")
        for name, (text, tip) in texts.items():
            action = self.by_name[name]
            action.setText(text)
            action.setToolTip(tip or text.replace("&", ""))
            action.setStatusTip(tip)
        self._update_undo_texts()

    # ------------------------------------------------------------- undo/redo
    def bind_undo_stack(self, stack: QUndoStack) -> None:
        """Undo/Redo follow ``stack``: enabled state and "Undo <what>" text."""
        self._stack = stack
        undo, redo = self.by_name["action_undo"], self.by_name["action_redo"]
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                       stack.redoTextChanged, stack.indexChanged):
            signal.connect(self._update_undo_texts)
        self._update_undo_texts()

    def _update_undo_texts(self, *_args: object) -> None:
        undo, redo = self.by_name["action_undo"], self.by_name["action_redo"]
        stack = self._stack
        undo_text = stack.undoText() if stack and stack.canUndo() else ""
        redo_text = stack.redoText() if stack and stack.canRedo() else ""
        undo.setText(translate("Actions", "&Undo %1").replace("%1", undo_text).strip()
                     if undo_text else BY_ID["action_undo"].menu_label())
        redo.setText(translate("Actions", "&Redo %1").replace("%1", redo_text).strip()
                     if redo_text else BY_ID["action_redo"].menu_label())
        undo.setEnabled(bool(stack and stack.canUndo()))
        redo.setEnabled(bool(stack and stack.canRedo()))
