"""Transport requests shared by the timeline and the player (Space, J/K/L from either).

One ``Transport`` per session, owned by ``session.services.transport``, so the
timeline can ask the player to play without either knowing the other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Transport(QObject):
    """Play/pause and J/K/L requests, and whether the preview is playing."""

    toggleRequested = Signal()
    shuttleRequested = Signal(int)  # -1 = J, 0 = K (stop), +1 = L
    playingChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.playing = False

    def set_playing(self, playing: bool) -> None:
        if playing != self.playing:
            self.playing = playing
            self.playingChanged.emit(playing)
