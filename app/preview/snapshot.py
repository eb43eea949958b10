"""Read-only copies of episodes for render workers, made once per episode and edit.

The preview player and the booth's shot picture render on workers, and a worker
must never read the live model (the GUI thread may change it at any moment). Both
used to ``copy.deepcopy`` the current episode on the GUI thread at every episode
switch and after every edit anywhere in the season: ~8 ms idle, 25-30 ms on a busy
machine, per panel, and once per landed job of a 60-shot batch even when the job
belonged to another episode.

``EpisodeSnapshots`` keeps one copy per episode, shared by every reader, made with
a pickle round trip (the same deep copy of plain dataclasses, ~3x faster than
``copy.deepcopy``), and drops an episode's copy only when the document says that
episode changed (a series-level change drops them all). Readers must treat a
snapshot as frozen: it may be handed to several workers at once. A reader calls
``episode_snapshots(document)`` before connecting its own change handlers, so the
store (connected when it is made) forgets a changed episode before any reader asks.
"""

from __future__ import annotations

import pickle
import weakref
from collections import OrderedDict

from PySide6.QtCore import QObject

from app.document import ProjectDocument
from app.model import Episode

KEEP = 6  # episodes whose copies are kept (switching back and forth costs nothing)


def copy_episode(episode: Episode) -> Episode:
    """A deep copy of ``episode`` sharing nothing mutable with it (GUI thread)."""
    copied: Episode = pickle.loads(pickle.dumps(episode, protocol=pickle.HIGHEST_PROTOCOL))
    return copied


class EpisodeSnapshots(QObject):
    """The shared copies of one document's episodes (GUI thread only)."""

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self._document = document
        # episode id -> (the live episode copied, its copy): a replaced episode object is copied anew
        self._copies: OrderedDict[str, tuple[Episode, Episode]] = OrderedDict()
        self.made = 0  # copies made so far (tests: a hidden panel or a foreign edit makes none)
        document.objectChanged.connect(self._changed)
        document.listChanged.connect(self._changed)
        document.reset.connect(self.clear)

    def get(self, episode: Episode) -> Episode:
        """The frozen copy of ``episode`` as it is now."""
        kept = self._copies.get(episode.id)
        if kept is not None and kept[0] is episode:
            self._copies.move_to_end(episode.id)
            return kept[1]
        copied = copy_episode(episode)
        self._copies[episode.id] = (episode, copied)
        self._copies.move_to_end(episode.id)
        self.made += 1
        while len(self._copies) > KEEP:
            self._copies.popitem(last=False)
        return copied

    def touches(self, obj_id: str, episode_id: str) -> bool:
        """Whether a change of ``obj_id`` can change the copy of episode ``episode_id``
        (a change in another episode cannot; a series-level or unknown object may)."""
        owner = self._document.episode_of(obj_id)
        return not owner or owner == episode_id

    def clear(self) -> None:
        self._copies.clear()

    def _changed(self, obj_id: str, _what: object) -> None:
        owner = self._document.episode_of(obj_id)
        if owner:
            self._copies.pop(owner, None)
        else:
            self._copies.clear()


_BY_DOCUMENT: weakref.WeakKeyDictionary[ProjectDocument, EpisodeSnapshots] = weakref.WeakKeyDictionary()


def episode_snapshots(document: ProjectDocument) -> EpisodeSnapshots:
    """The document's shared snapshot store (made on first use)."""
    store = _BY_DOCUMENT.get(document)
    if store is None:
        store = _BY_DOCUMENT[document] = EpisodeSnapshots(document)
    return store
