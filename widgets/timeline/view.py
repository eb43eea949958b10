"""The timeline canvas: a custom-painted QWidget with headers, ruler and tracks.

Custom painting (no QGraphicsScene) keeps a 500-clip episode well under a
frame's budget: nothing exists per clip but the model itself, and only visible
clips are drawn. Interaction follows Premiere: drag to move (a ghost shows the
drop, one undo step on release), edges to trim (Ctrl: ripple, Alt: roll; every
mouse move updates the model live, merged into one undo step), rubber band and
Shift/Ctrl selection, snapping to edges, playhead and markers.

The view is split by job: ``view_base`` (model caches, zoom and scroll, hit testing,
snapping, paint glue), ``view_input`` (mouse, wheel, keys), ``view_editing`` (edit actions and
the command table) and ``view_drop`` (drag and drop, import).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.session import Session
from widgets.timeline.painter import TimelinePainter
from widgets.timeline.view_drop import ASSET_MIME, SHOT_MIME, TimelineDrop, parse_ids
from widgets.timeline.view_editing import CLIPS_MIME, TimelineEditing
from widgets.timeline.view_input import TimelineInput

__all__ = ["ASSET_MIME", "CLIPS_MIME", "SHOT_MIME", "TimelineView", "parse_ids"]


class TimelineView(TimelineInput, TimelineEditing, TimelineDrop):
    """The painted timeline: shared state in ``view_base``, one module per job on top."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.painter = TimelinePainter(self)
