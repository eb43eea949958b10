"""The editor's dock panels, one line each: object name, title, "module:Class".

A panel class takes ``(session, parent=None)`` and may offer
``menu_actions() -> dict[str, list[QAction]]`` (keys "File", "Edit", "View",
"Episode", "Generate", "Help") that the main window merges into its menus.
When a feature lands its panel, it changes its own line here. A ``lazy`` panel is
constructed the first time its dock becomes visible (the docks in tabs behind others:
start-up builds only what the first paint shows); its menu commands, if any, come
from a separate ``commands`` class made at start-up. The object name
is what the saved dock layout refers to: never rename it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n_marks import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class DockSpec:
    object_name: str
    title: str  # English source; shown through QCoreApplication.translate("Docks", title)
    target: str  # "package.module:ClassName"
    # made when the dock is first shown: a tab nobody opened costs no start-up time
    lazy: bool = False
    # "package.module:ClassName" of the menu commands of a lazy panel, made at start-up because the
    # menus must be complete from the start: ``Class(session, dock)`` with ``menu_actions()``, handed
    # to the panel when it is made as its ``commands`` keyword argument
    commands: str = ""


DOCKS: tuple[DockSpec, ...] = (
    DockSpec("ScriptDock", QT_TRANSLATE_NOOP("Docks", "Script"), "widgets.script.panel:ScriptPanel"),
    DockSpec("StoryboardDock", QT_TRANSLATE_NOOP("Docks", "Storyboard"), "widgets.storyboard.panel:StoryboardPanel"),
    DockSpec("TimelineDock", QT_TRANSLATE_NOOP("Docks", "Timeline"), "widgets.timeline.panel:TimelinePanel"),
    DockSpec("PreviewDock", QT_TRANSLATE_NOOP("Docks", "Preview"), "widgets.player.panel:PreviewPanel"),
    DockSpec("VoiceBoothDock", QT_TRANSLATE_NOOP("Docks", "Voice Booth"), "widgets.booth.panel:BoothPanel",
             lazy=True),
    DockSpec("JobsDock", QT_TRANSLATE_NOOP("Docks", "Jobs"), "widgets.jobs.panel:JobsPanel",
             lazy=True, commands="widgets.jobs.commands:JobsCommands"),
    DockSpec("ProvenanceDock", QT_TRANSLATE_NOOP("Docks", "Provenance"), "widgets.provenance.panel:ProvenancePanel",
             lazy=True, commands="widgets.provenance.actions:InterchangeActions"),
)
