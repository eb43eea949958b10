"""Transport requests shared by the timeline and the player (Space, J/K/L from either).

One ``Transport`` per session (kept in a weak map here, not on the Session), so
the timeline can ask the player to play without either knowing the other.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal

_transports: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class Transport(QObject):
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


def transport(session: QObject) -> Transport:
    found = _transports.get(session)
    if found is None:
        found = Transport(session)
        _transports[session] = found
    return found
