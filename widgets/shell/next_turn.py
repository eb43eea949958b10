"""A refresh that runs in a later turn of the event loop, once however often it is asked for.

Panels coalesce the model's signals into one refresh. A zero-timeout call would do
that, but Qt runs every posted call of a turn back to back: after an episode switch
the storyboard's rebuild, the preview's copy of the episode and the window's repaint
then held the GUI thread together (25-35 ms at season size), and a key press or a
playback frame waited for all of them. A 1 ms timer runs in a turn of its own, after
the posted calls and after any timer that fell due first, so each panel's refresh is
a separate, short piece of work.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

DELAY_MS = 1


class NextTurn:
    """Calls ``action`` in a later turn of the event loop; asking again before then changes nothing."""

    def __init__(self, owner: QObject, action: Callable[[], object]) -> None:
        self._timer = QTimer(owner, singleShot=True, interval=DELAY_MS)  # dies with its owner
        self._timer.timeout.connect(action)

    def schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def cancel(self) -> None:
        self._timer.stop()
