"""The timeline's first paint of a newly shown episode, in an event-loop pass of its own.

An episode switch costs the GUI thread three things: the switch's own handlers (every
panel takes the new episode), the panels' posted refreshes with the repaint of the
window, and the timeline's paint of dozens of new clips (the largest single part).
Done together they held the GUI thread ~50 ms at season size, long enough for a
dropped frame of playback or a late key press. So the timeline keeps showing what it
showed for two more passes of the event loop (timers and input run in between) and
then paints the new episode in a pass of its own.

Qt runs an event posted while it is delivering posted events in its next pass, not
the current one; the release is posted twice, so it runs after the window's repaint
that the switch asked for, whichever panel posted first.

A held paint draws nothing and leaves the pixels already on screen (the view paints
opaquely). When the view has never painted at its size there is nothing valid to
leave, so the paint is not held.
"""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, QSize, Qt, Slot
from PySide6.QtWidgets import QWidget


class PaintHold(QObject):
    """Holds ``view``'s paints until two event-loop passes after ``hold()``."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self.held = False
        self._painted_size = QSize()
        self._steps = 0

    def hold(self) -> None:
        """Hold the next paints (none are held when the screen shows nothing of this view yet)."""
        if self._painted_size != self._view.size() or not self._view.isVisible():
            return
        self.held = True
        self._steps = 2
        QMetaObject.invokeMethod(self, "_step", Qt.ConnectionType.QueuedConnection)

    def release(self) -> None:
        """Paint normally again (and now)."""
        if self.held:
            self.held = False
            self._view.update()

    def painted(self) -> None:
        """The view painted in full at its current size (what a held paint leaves on screen)."""
        self._painted_size = self._view.size()

    @Slot()
    def _step(self) -> None:
        self._steps -= 1
        if self._steps > 0:
            QMetaObject.invokeMethod(self, "_step", Qt.ConnectionType.QueuedConnection)
        else:
            self.release()
