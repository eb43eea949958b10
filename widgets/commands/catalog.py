"""The command catalog: each editor command declared once.

A command has a stable id, a translatable name, the dock it belongs to (its
*scope*), default keys, and where it shows in the menus and tool bars. The
menus, the timeline/preview/booth key handling and the Keyboard Shortcuts
dialog all read this table, so a key changed in the dialog changes everywhere.
Ids of window-wide commands are the object names of their QActions
(``action_save``), so the keymap can find and re-key them without a reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Commands"  # translation context of every name below


class Scope(Enum):
    """Where a command's keys work: everywhere, or while that dock has the keyboard focus."""

    GLOBAL = "global"
    TIMELINE = "timeline"
    PREVIEW = "preview"
    BOOTH = "booth"
    SCRIPT = "script"

    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, str(_SCOPE_NAMES[self]))


_SCOPE_NAMES = {
    Scope.GLOBAL: QT_TRANSLATE_NOOP("Commands", "Everywhere"),
    Scope.TIMELINE: QT_TRANSLATE_NOOP("Commands", "Timeline"),
    Scope.PREVIEW: QT_TRANSLATE_NOOP("Commands", "Preview"),
    Scope.BOOTH: QT_TRANSLATE_NOOP("Commands", "Voice Booth"),
    Scope.SCRIPT: QT_TRANSLATE_NOOP("Commands", "Script"),
}


class Menu(Enum):
    """The main-window menu a command is listed in (None: only its dock's keys and buttons)."""

    FILE = "File"
    EDIT = "Edit"
    VIEW = "View"
    EPISODE = "Episode"
    HELP = "Help"


class Section(Enum):
    """A group of commands inside one menu or tool bar; groups are parted by a separator.

    The shell builds its menus and main tool bar section by section, in the order the
    commands are declared below, so a command's place is written only here.
    """

    OPEN = "open"
    SAVE = "save"
    CLOSE = "close"
    HISTORY = "history"
    SETTINGS = "settings"
    LAYOUT = "layout"
    EPISODES = "episodes"
    NAVIGATE = "navigate"
    ABOUT = "about"
    FILE_TOOLS = "file_tools"
    SEASON = "season"  # the season-wide entries (navigator, find, export) at the end of their menus
    ASSEMBLE = "assemble"  # Episode > Assemble from Storyboard
    # groups of a dock's context menu (``CommandSpec.context``)
    CLIP_EDIT = "clip_edit"
    CLIPBOARD = "clipboard"
    CLIP_STATE = "clip_state"
    GAP = "gap"


@dataclass(frozen=True)
class CommandSpec:
    id: str
    scope: Scope
    text: str  # source text, translated with context "Commands" when shown
    keys: tuple[str, ...] = ()  # default keys, portable text ("Ctrl+S", "Shift+Del")
    menu: Menu | None = None
    toolbar: str = ""  # object name of the tool bar that shows it, if any
    section: Section | None = None  # its group in ``menu`` (commands the shell itself places)
    toolbar_section: Section | None = None  # its group in ``toolbar``
    menu_text: str = ""  # its text in menus and on its tool-bar button, with the & mnemonic ("&Save")
    tip: str = ""  # a sentence for the status bar and the tool tip, when the name needs one
    context: Section | None = None  # its group in its dock's context menu (right click), if listed there

    def menu_label(self) -> str:
        """The translated menu text; the command's name when it declares none."""
        return QCoreApplication.translate(CONTEXT, self.menu_text) if self.menu_text else self.label()

    def tip_text(self) -> str:
        """The translated status tip ("" when the command declares none)."""
        return QCoreApplication.translate(CONTEXT, self.tip) if self.tip else ""

    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.text)


def _spec(cid: str, scope: Scope, text: object, keys: tuple[str, ...] = (), menu: Menu | None = None,
          toolbar: str = "", section: Section | None = None, toolbar_section: Section | None = None,
          menu_text: object = "", tip: object = "", context: Section | None = None) -> CommandSpec:
    return CommandSpec(cid, scope, str(text), keys, menu, toolbar, section, toolbar_section, str(menu_text),  # (QT_TRANSLATE_NOOP is typed object)
                       str(tip), context)


G, T, P, B, S = Scope.GLOBAL, Scope.TIMELINE, Scope.PREVIEW, Scope.BOOTH, Scope.SCRIPT

COMMANDS: tuple[CommandSpec, ...] = (
    # ------------------------------------------------------------ window-wide (QAction object names)
    _spec("action_new_series", G, QT_TRANSLATE_NOOP("Commands", "New series"), ("Ctrl+N",), Menu.FILE, "MainToolbar", section=Section.OPEN, toolbar_section=Section.FILE_TOOLS,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&New Series…")),
    _spec("action_open", G, QT_TRANSLATE_NOOP("Commands", "Open project"), ("Ctrl+O",), Menu.FILE, "MainToolbar", section=Section.OPEN, toolbar_section=Section.FILE_TOOLS,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Open…")),
    _spec("action_open_demo", G, QT_TRANSLATE_NOOP("Commands", "Open the demo"), (), Menu.FILE, section=Section.OPEN,
          menu_text=QT_TRANSLATE_NOOP("Commands", "Open &Demo")),
    _spec("action_save", G, QT_TRANSLATE_NOOP("Commands", "Save"), ("Ctrl+S",), Menu.FILE, "MainToolbar", section=Section.SAVE, toolbar_section=Section.FILE_TOOLS,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Save")),
    _spec("action_save_as", G, QT_TRANSLATE_NOOP("Commands", "Save as"), ("Ctrl+Shift+S",), Menu.FILE, section=Section.SAVE,
          menu_text=QT_TRANSLATE_NOOP("Commands", "Save &As…")),
    _spec("action_export_episode", G, QT_TRANSLATE_NOOP("Commands", "Export episode"), ("Ctrl+E",), Menu.FILE),
    _spec("action_export_season", G, QT_TRANSLATE_NOOP("Commands", "Export season"), (), Menu.FILE, section=Section.SEASON,
          menu_text=QT_TRANSLATE_NOOP("Commands", "Export &Season…"),
          tip=QT_TRANSLATE_NOOP("Commands", "Export several episodes one after another")),
    _spec("action_close_project", G, QT_TRANSLATE_NOOP("Commands", "Close project"), ("Ctrl+W",), Menu.FILE, section=Section.CLOSE,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Close Project")),
    _spec("action_quit", G, QT_TRANSLATE_NOOP("Commands", "Quit"), ("Ctrl+Q",), Menu.FILE, section=Section.CLOSE,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Quit")),
    _spec("action_undo", G, QT_TRANSLATE_NOOP("Commands", "Undo"), ("Ctrl+Z",), Menu.EDIT, "MainToolbar", section=Section.HISTORY, toolbar_section=Section.HISTORY,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Undo")),
    _spec("action_redo", G, QT_TRANSLATE_NOOP("Commands", "Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), Menu.EDIT, "MainToolbar", section=Section.HISTORY, toolbar_section=Section.HISTORY,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Redo")),
    _spec("action_find_in_season", G, QT_TRANSLATE_NOOP("Commands", "Find in season"), ("Ctrl+Shift+F",), Menu.EDIT, section=Section.SEASON,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Find in Season…"),
          tip=QT_TRANSLATE_NOOP("Commands", "Find a character, a line or a shot in any episode")),
    _spec("action_preferences", G, QT_TRANSLATE_NOOP("Commands", "Preferences"), ("Ctrl+,",), Menu.EDIT, section=Section.SETTINGS,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Preferences…")),
    _spec("action_shortcuts", G, QT_TRANSLATE_NOOP("Commands", "Keyboard shortcuts"), ("Ctrl+/",), Menu.EDIT, section=Section.SETTINGS,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Keyboard Shortcuts")),
    _spec("action_reset_layout", G, QT_TRANSLATE_NOOP("Commands", "Reset the panel layout"), (), Menu.VIEW, section=Section.LAYOUT,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Reset Layout")),
    _spec("action_add_episode", G, QT_TRANSLATE_NOOP("Commands", "Add episode"), ("Ctrl+Alt+N",), Menu.EPISODE, "MainToolbar", section=Section.EPISODES, toolbar_section=Section.EPISODES,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Add Episode")),
    _spec("action_rename_episode", G, QT_TRANSLATE_NOOP("Commands", "Rename episode"), (), Menu.EPISODE, section=Section.EPISODES,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Rename Episode…")),
    _spec("action_delete_episode", G, QT_TRANSLATE_NOOP("Commands", "Delete episode"), (), Menu.EPISODE, section=Section.EPISODES,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Delete Episode…")),
    _spec("action_previous_episode", G, QT_TRANSLATE_NOOP("Commands", "Previous episode"), ("Ctrl+PgUp",), Menu.EPISODE, section=Section.NAVIGATE,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Previous Episode")),
    _spec("action_next_episode", G, QT_TRANSLATE_NOOP("Commands", "Next episode"), ("Ctrl+PgDown",), Menu.EPISODE, section=Section.NAVIGATE,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&Next Episode")),
    _spec("action_episode_navigator", G, QT_TRANSLATE_NOOP("Commands", "Episode navigator"), ("Ctrl+Shift+E",), Menu.EPISODE, section=Section.SEASON,
          menu_text=QT_TRANSLATE_NOOP("Commands", "Episode &Navigator…"),
          tip=QT_TRANSLATE_NOOP("Commands", "Every episode of the season with its script, board, pictures, voices and export state")),
    _spec("action_about", G, QT_TRANSLATE_NOOP("Commands", "About Microdrama Studio"), (), Menu.HELP, section=Section.ABOUT,
          menu_text=QT_TRANSLATE_NOOP("Commands", "&About Microdrama Studio")),
    # ------------------------------------------------------------ script dock
    _spec("action_breakdown", S, QT_TRANSLATE_NOOP("Commands", "Break down the script into shots"), ("Ctrl+Shift+B",)),
    # ------------------------------------------------------------ timeline dock
    _spec("timeline.play_pause", T, QT_TRANSLATE_NOOP("Commands", "Play / pause"), ("Space",)),
    _spec("timeline.shuttle_back", T, QT_TRANSLATE_NOOP("Commands", "Shuttle backward"), ("J",)),
    _spec("timeline.shuttle_stop", T, QT_TRANSLATE_NOOP("Commands", "Stop shuttling"), ("K",)),
    _spec("timeline.shuttle_forward", T, QT_TRANSLATE_NOOP("Commands", "Shuttle forward"), ("L",)),
    _spec("timeline.split", T, QT_TRANSLATE_NOOP("Commands", "Split at playhead"), ("S",), Menu.EDIT, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Split at Playhead"), context=Section.CLIP_EDIT),
    _spec("timeline.delete", T, QT_TRANSLATE_NOOP("Commands", "Delete clips"), ("Del", "Backspace"), Menu.EDIT,
          menu_text=QT_TRANSLATE_NOOP("Commands", "Delete Clips"), context=Section.CLIP_EDIT),
    _spec("timeline.ripple_delete", T, QT_TRANSLATE_NOOP("Commands", "Ripple delete"), ("Shift+Del", "Shift+Backspace"), Menu.EDIT,
          menu_text=QT_TRANSLATE_NOOP("Commands", "Ripple Delete"), context=Section.CLIP_EDIT),
    _spec("timeline.marker", T, QT_TRANSLATE_NOOP("Commands", "Add or remove a marker"), ("N",), Menu.EDIT, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Add/Remove Marker")),
    _spec("timeline.mark_in", T, QT_TRANSLATE_NOOP("Commands", "Mark in"), ("I",)),
    _spec("timeline.mark_out", T, QT_TRANSLATE_NOOP("Commands", "Mark out"), ("O",)),
    _spec("timeline.cut", T, QT_TRANSLATE_NOOP("Commands", "Cut clips"), ("Ctrl+X",),
          menu_text=QT_TRANSLATE_NOOP("Commands", "Cut"), context=Section.CLIPBOARD),
    _spec("timeline.copy", T, QT_TRANSLATE_NOOP("Commands", "Copy clips"), ("Ctrl+C",),
          menu_text=QT_TRANSLATE_NOOP("Commands", "Copy"), context=Section.CLIPBOARD),
    _spec("timeline.paste", T, QT_TRANSLATE_NOOP("Commands", "Paste clips"), ("Ctrl+V",),
          menu_text=QT_TRANSLATE_NOOP("Commands", "Paste"), context=Section.CLIPBOARD),
    _spec("timeline.toggle_enabled", T, QT_TRANSLATE_NOOP("Commands", "Enable or disable clips"), ("Shift+E",),
          menu_text=QT_TRANSLATE_NOOP("Commands", "Enabled"), context=Section.CLIP_STATE,
          tip=QT_TRANSLATE_NOOP("Commands", "A disabled clip stays on the timeline but is not seen or heard")),
    _spec("timeline.close_gap", T, QT_TRANSLATE_NOOP("Commands", "Close the gap"), (),
          menu_text=QT_TRANSLATE_NOOP("Commands", "Close Gap"), context=Section.GAP,
          tip=QT_TRANSLATE_NOOP("Commands", "Move the later clips of the track left to fill the gap")),
    _spec("timeline.assemble", T, QT_TRANSLATE_NOOP("Commands", "Assemble from the storyboard"), (), Menu.EPISODE,
          "TimelineBar", section=Section.ASSEMBLE, menu_text=QT_TRANSLATE_NOOP("Commands", "Assemble from Storyboard"),
          tip=QT_TRANSLATE_NOOP("Commands", "Build or refresh the picture, dialogue and subtitle tracks from "
                                            "the storyboard; manual clips are kept")),
    _spec("timeline.select_all", T, QT_TRANSLATE_NOOP("Commands", "Select all clips"), ("Ctrl+A",)),
    _spec("timeline.deselect", T, QT_TRANSLATE_NOOP("Commands", "Clear the selection"), ("Esc",)),
    _spec("timeline.tool_select", T, QT_TRANSLATE_NOOP("Commands", "Selection tool"), ("V",), None, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Select")),
    _spec("timeline.tool_ripple", T, QT_TRANSLATE_NOOP("Commands", "Ripple edit tool"), ("B",), None, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Ripple")),
    _spec("timeline.tool_roll", T, QT_TRANSLATE_NOOP("Commands", "Rolling edit tool"), ("R",), None, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Roll")),
    _spec("timeline.zoom_in", T, QT_TRANSLATE_NOOP("Commands", "Zoom in"), ("+", "="), Menu.VIEW, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Zoom In")),
    _spec("timeline.zoom_out", T, QT_TRANSLATE_NOOP("Commands", "Zoom out"), ("-", "_"), Menu.VIEW, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Zoom Out")),
    _spec("timeline.zoom_fit", T, QT_TRANSLATE_NOOP("Commands", "Zoom to fit"), ("\\",), Menu.VIEW, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Zoom to Fit")),
    _spec("timeline.snapping", T, QT_TRANSLATE_NOOP("Commands", "Snapping on / off"), (), Menu.VIEW, "TimelineBar",
          menu_text=QT_TRANSLATE_NOOP("Commands", "Snapping")),
    _spec("timeline.previous_frame", T, QT_TRANSLATE_NOOP("Commands", "Previous frame"), ("Left",)),
    _spec("timeline.next_frame", T, QT_TRANSLATE_NOOP("Commands", "Next frame"), ("Right",)),
    _spec("timeline.back_second", T, QT_TRANSLATE_NOOP("Commands", "Back one second"), ("Shift+Left",)),
    _spec("timeline.forward_second", T, QT_TRANSLATE_NOOP("Commands", "Forward one second"), ("Shift+Right",)),
    _spec("timeline.previous_edit", T, QT_TRANSLATE_NOOP("Commands", "Previous edit point"), ("Up",)),
    _spec("timeline.next_edit", T, QT_TRANSLATE_NOOP("Commands", "Next edit point"), ("Down",)),
    _spec("timeline.go_start", T, QT_TRANSLATE_NOOP("Commands", "Go to start"), ("Home",)),
    _spec("timeline.go_end", T, QT_TRANSLATE_NOOP("Commands", "Go to end"), ("End",)),
    # ------------------------------------------------------------ preview dock
    _spec("preview.play_pause", P, QT_TRANSLATE_NOOP("Commands", "Play / pause"), ("Space",)),
    _spec("preview.shuttle_back", P, QT_TRANSLATE_NOOP("Commands", "Shuttle backward"), ("J",)),
    _spec("preview.shuttle_stop", P, QT_TRANSLATE_NOOP("Commands", "Stop shuttling"), ("K",)),
    _spec("preview.shuttle_forward", P, QT_TRANSLATE_NOOP("Commands", "Shuttle forward"), ("L",)),
    _spec("preview.previous_frame", P, QT_TRANSLATE_NOOP("Commands", "Previous frame"), ("Left",)),
    _spec("preview.next_frame", P, QT_TRANSLATE_NOOP("Commands", "Next frame"), ("Right",)),
    _spec("preview.back_second", P, QT_TRANSLATE_NOOP("Commands", "Back one second"), ("Shift+Left",)),
    _spec("preview.forward_second", P, QT_TRANSLATE_NOOP("Commands", "Forward one second"), ("Shift+Right",)),
    _spec("preview.go_start", P, QT_TRANSLATE_NOOP("Commands", "Go to start"), ("Home",)),
    _spec("preview.go_end", P, QT_TRANSLATE_NOOP("Commands", "Go to end"), ("End",)),
    _spec("preview.mark_in", P, QT_TRANSLATE_NOOP("Commands", "Mark in"), ("I",)),
    _spec("preview.mark_out", P, QT_TRANSLATE_NOOP("Commands", "Mark out"), ("O",)),
    # ------------------------------------------------------------ voice booth
    _spec("booth.record", B, QT_TRANSLATE_NOOP("Commands", "Record / stop the take"), ("Space", "R")),
)

BY_ID: dict[str, CommandSpec] = {c.id: c for c in COMMANDS}
