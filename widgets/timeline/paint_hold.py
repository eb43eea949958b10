"""The timeline's first paint of a newly shown episode, on its own.

An episode switch costs the GUI thread three things: the switch's own handlers (every
panel takes the new episode), the panels' posted refreshes with the repaint of the
window, and the timeline's paint of dozens of new clips (the largest single part).
Done together they held the GUI thread ~50 ms at season size, long enough for a
dropped frame of playback or a late key press. So the timeline keeps showing what it
showed a little longer and then paints the new episode by itself (``repaint``: this
widget alone, at once), in a later turn of the event loop than the rest.

How "later" is made sure of: Qt's event loop checks which of its sources are ready
(posted events, timers, input) at the start of a turn and then runs all of them. The
switch posts the panels' refreshes and the window's repaint; the hold posts a call
that only starts a 1 ms timer. That timer is started while the posted events run, so
it cannot be ready before the next turn: timers and input that were waiting run
between the window's repaint and the timeline's.

A held paint draws nothing and leaves the pixels already on screen (the view paints
opaquely). When the view has never painted at its size there is nothing valid to
leave, so the paint is not held.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtWidgets import QWidget

RELEASE_MS = 1


class PaintHold(QObject):
    """Holds ``view``'s paints from ``hold()`` until its timer fires (then repaints it alone)."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self.held = False
        self._painted_size = QSize()
        self._timer = QTimer(self, singleShot=True, interval=RELEASE_MS)
        self._timer.timeout.connect(self.release)

    def hold(self) -> None:
        """Hold the next paints (none are held when the screen shows nothing of this view yet)."""
        if self._painted_size != self._view.size() or not self._view.isVisible():
            return
        self.held = True
        QTimer.singleShot(0, self, self._arm)  # runs with the switch's posted events; the timer after them

    def _arm(self) -> None:
        if self.held:
            self._timer.start()

    def release(self) -> None:
        """Paint normally again, and paint now."""
        self._timer.stop()
        if self.held:
            self.held = False
            self._view.repaint()

    def painted(self) -> None:
        """The view painted in full at its current size (what a held paint leaves on screen)."""
        self._painted_size = self._view.size()
