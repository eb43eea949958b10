"""The timeline's first paint of a newly shown episode, on its own and from ready sprites.

An episode switch costs the GUI thread three things: the switch's own handlers (every
panel takes the new episode), the window's repaint of the other panels, and the
timeline's paint of dozens of new clips (the largest single part: 15-30 ms at season
size when drawn directly, and their sprites made afterwards cost as much again). Done
together they held the GUI thread ~50 ms, long enough for a dropped frame of playback
or a late key press. So the timeline keeps showing what it showed a little longer:
the new episode's clip sprites are made in idle slices of a few milliseconds
(``SpriteCache.want``), with events handled between them, and the timeline then paints
the new episode by itself (``repaint``: at once) from those sprites, in a later turn
of the event loop than the window's repaint. It shows the new episode some tens of
milliseconds after the other panels, which is not seen as a delay; a stall is.

How "later" is made sure of: the hold watches its window for the repaint the switch
asked for (Qt's ``UpdateRequest``; when it comes depends on the platform's update
timer and on other posted events). The hold lets the window repaint the other panels
at once, inside its event filter, and only then (re)starts a 1 ms timer. Qt looks at
timers at the start of a turn and fires the due ones in the order they fell due, so
the timeline paints in a turn of its own, after timers that fell due during the
window's repaint, with input handled in between. Had the timeline painted first,
``repaint`` would also have painted every other panel that was waiting for that
repaint (measured: 4-7 ms more in the same turn). A timer started *before* the
window's repaint would fall due before others and run back to back with it. When
the timer fires before the sprites are made, the hold waits for ``ready_changed``
(the sprite cache drained) and starts the timer again.

A held paint draws nothing and leaves the pixels already on screen (the view paints
opaquely). When the view has never painted at its size there is nothing valid to
leave, so the paint is not held. Should the window's repaint never come, a longer
timer stands in for it; should the sprites take too long (a slow machine), a last
timer paints anyway, drawing the missing clips directly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QWidget

RELEASE_MS = 1  # after the window's repaint: just enough for another turn of the event loop
FALLBACK_MS = 60  # no window repaint came (nothing else to draw): go on as if it had
LIMIT_MS = 250  # the longest the old picture stays: then paint, ready or not


class PaintHold(QObject):
    """Holds ``view``'s paints from ``hold()`` until a turn after its window's repaints in which
    ``ready()`` is true (then repaints it alone)."""

    def __init__(self, view: QWidget, ready: Callable[[], bool] = lambda: True) -> None:
        super().__init__(view)
        self._view = view
        self._ready = ready
        self.held = False
        self._window_done = False  # the window's repaint came (or its fallback fired)
        self._painted_size = QSize()
        self._watched: QWidget | None = None
        self._timer = QTimer(self, singleShot=True)  # a turn after the window's last repaint
        self._timer.timeout.connect(self._due)
        self._fallback = QTimer(self, singleShot=True, interval=FALLBACK_MS)
        self._fallback.timeout.connect(self._due)
        self._limit = QTimer(self, singleShot=True, interval=LIMIT_MS)
        self._limit.timeout.connect(self.release)

    def hold(self) -> None:
        """Hold the next paints (none are held when the screen shows nothing of this view yet)."""
        if self._painted_size != self._view.size() or not self._view.isVisible():
            return
        self.held = True
        self._window_done = False
        self._watch(self._view.window())
        self._fallback.start()
        self._limit.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.UpdateRequest or watched is not self._watched or not self.held:
            return False
        # the window repaints the other panels here and now; the timer (re)starts when that is done,
        # so the timeline paints in a later turn, after anything that fell due before it, and after
        # the repaint of panels that refresh a little later than the first repaint
        watched.event(event)
        self._timer.start(RELEASE_MS)
        return True

    def ready_changed(self) -> None:
        """What the paint waits for may be ready now (the sprites were made): paint in the next turn."""
        if self.held and self._window_done and not self._timer.isActive():
            self._timer.start(RELEASE_MS)

    def _due(self) -> None:
        self._fallback.stop()
        self._window_done = True
        if self._ready():
            self.release()

    def _watch(self, window: QWidget | None) -> None:
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = window
        if window is not None:
            window.installEventFilter(self)

    def release(self) -> None:
        """Paint normally again, and paint now."""
        self._timer.stop()
        self._fallback.stop()
        self._limit.stop()
        self._watch(None)
        if self.held:
            self.held = False
            self._view.repaint()

    def painted(self) -> None:
        """The view painted in full at its current size (what a held paint leaves on screen)."""
        self._painted_size = self._view.size()
