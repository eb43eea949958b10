"""Which episodes and media shards changed since the last save: what a save must serialize.

The document's signals carry ids; the document knows which episode holds each id
(``ProjectDocument.episode_of``). A change to a series-level object needs nothing
here (project.json, the small manifest, is written by every save). A change this
tracker cannot place (an id the document does not know) marks everything dirty:
a slower save is better than a lost edit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.document import ProjectDocument
from app.project_files import Dirty, shard_of


class DirtyTracker(QObject):
    """Listens to one document; ``take`` hands the dirty set to a save and starts a new one."""

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self._doc = document
        self.dirty = Dirty()
        document.objectChanged.connect(self._on_object)
        document.listChanged.connect(self._on_list)
        document.mediaChanged.connect(self._on_media)

    def reset(self, everything: bool) -> None:
        """A project was opened: nothing is dirty, or everything (recovered, backup, replayed journal)."""
        self.dirty = Dirty(everything=everything)

    def take(self) -> Dirty:
        taken, self.dirty = self.dirty, Dirty()
        return taken

    def give_back(self, dirty: Dirty) -> None:
        """A save failed: what it took is dirty again."""
        self.dirty.merge(dirty)

    def _place(self, obj_id: str) -> None:
        episode = self._doc.episode_of(obj_id)
        if episode is None:
            self.dirty.everything = True
        elif episode:
            self.dirty.episodes.add(episode)

    def _on_object(self, obj_id: str, _fields: list[str]) -> None:
        self._place(obj_id)

    def _on_list(self, owner_id: str, field: str) -> None:
        if owner_id == self._doc.series.id and field == "episodes":
            return  # the order lives in project.json; a new episode has no part yet and is written anyway
        self._place(owner_id)

    def _on_media(self, asset_id: str) -> None:
        self.dirty.shards.add(shard_of(asset_id))
