"""The editor's dock panels, one line each: object name, title, "module:Class".

A panel class takes ``(session, parent=None)`` and may offer
``menu_actions() -> dict[str, list[QAction]]`` (keys "File", "Edit", "View",
"Episode", "Generate", "Help") that the main window merges into its menus.
When a feature lands its panel, it changes its own line here. A ``lazy`` panel is
constructed the first time its dock becomes visible. The object name
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
    # (only for panels without menu_actions, whose menus must exist from the start)
    lazy: bool = False


DOCKS: tuple[DockSpec, ...] = (
    DockSpec("ScriptDock", QT_TRANSLATE_NOOP("Docks", "Script"), "widgets.script.panel:ScriptPanel"),
    DockSpec("StoryboardDock", QT_TRANSLATE_NOOP("Docks", "Storyboard"), "widgets.storyboard.panel:StoryboardPanel"),
    DockSpec("TimelineDock", QT_TRANSLATE_NOOP("Docks", "Timeline"), "widgets.timeline.panel:TimelinePanel"),
    DockSpec("PreviewDock", QT_TRANSLATE_NOOP("Docks", "Preview"), "widgets.player.panel:PreviewPanel"),
    DockSpec("VoiceBoothDock", QT_TRANSLATE_NOOP("Docks", "Voice Booth"), "widgets.booth.panel:BoothPanel",
             lazy=True),
    DockSpec("JobsDock", QT_TRANSLATE_NOOP("Docks", "Jobs"), "widgets.jobs.panel:JobsPanel"),
    DockSpec("ProvenanceDock", QT_TRANSLATE_NOOP("Docks", "Provenance"), "widgets.provenance.panel:ProvenancePanel"),
)
