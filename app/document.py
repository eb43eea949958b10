"""The open project: the model tree plus an undo stack and change signals.

Data flows one way: a widget pushes a command, the command changes the model
through this document, the document emits a signal, widgets re-render. Objects
are addressed by id, so commands stay valid when widgets are rebuilt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.model import Episode, MediaAsset, Series
from app.model.lazy_episode import LazyEpisode

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """Field names of a model class (cached: ``dataclasses.fields`` per object made opening a season slow)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


_MODEL_TYPES: dict[type, bool] = {}


def _is_model(value: Any) -> bool:
    """A model dataclass instance (not a class): what the index walks into. Answered per type
    from a cache: indexing an episode asks this ~20,000 times."""
    kind = type(value)
    known = _MODEL_TYPES.get(kind)
    if known is None:
        known = _MODEL_TYPES[kind] = hasattr(kind, "__dataclass_fields__")
    return known


def _holds_model_objects(value: Any) -> bool:
    if isinstance(value, list):
        return any(dataclasses.is_dataclass(v) for v in value)
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


class ProjectDocument(QObject):
    """Owns a ``Series``; the only place that mutates it.

    Signals carry ids and field names, never objects, so a listener re-reads the
    model (which is always current) instead of trusting a stale payload.
    """

    objectChanged = Signal(str, list)  # object id, names of changed fields
    listChanged = Signal(str, str)  # owner id, name of the list field that changed
    mediaChanged = Signal(str)  # asset id added or updated
    jobsChanged = Signal()
    reset = Signal()  # the whole series was replaced (open, recover)
    episodeRead = Signal(str)  # an episode's part was read (``LazyEpisode``) and its objects indexed
    _readOnWorker = Signal(str)  # queued to the GUI thread: index an episode a worker read

    def __init__(self, series: Series | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._series = series or Series()
        self._index: dict[str, Any] = {}
        self._owner: dict[str, tuple[Any, str]] = {}
        # id -> id of the episode holding it ("" for series-level objects): what a save must rewrite
        self._episode_of: dict[str, str] = {}
        self._episode_ctx = ""
        # episodes whose part is not read yet (their own id is indexed, nothing inside): see find()
        self._unread: dict[str, LazyEpisode] = {}
        self._readOnWorker.connect(self._index_read)
        self._reindex()

    # ----------------------------------------------------------------- access
    @property
    def series(self) -> Series:
        return self._series

    def replace_series(self, series: Series) -> None:
        """Swap in another series (open/recover); clears undo history."""
        self._series = series
        self.undo_stack.clear()
        self._reindex()
        self.reset.emit()

    def find(self, obj_id: str | None) -> Any | None:
        """The object with this id. An id not indexed may live in an episode not read yet: then
        every unread episode is read (once) and the lookup repeated."""
        if obj_id is None:
            return None
        found = self._index.get(obj_id)
        if found is None and self._unread:
            self.read_all_episodes()
            found = self._index.get(obj_id)
        return found

    def peek(self, obj_id: str | None) -> Any | None:
        """The object with this id among the episodes read, reading none: for lookups within the
        episode shown (a timeline's clips and takes), where an id not found is one just deleted, and
        ``find`` would read the whole season on the GUI thread to be sure."""
        return self._index.get(obj_id) if obj_id is not None else None

    def object_count(self) -> int:
        """How many model objects are indexed (the loaded ones): what a walk of the model costs."""
        return len(self._index)

    def episode_of(self, obj_id: str) -> str | None:
        """The id of the episode ``obj_id`` lives in; "" for series-level objects, None if unknown."""
        if obj_id == self._series.id:
            return ""
        found = self._episode_of.get(obj_id)
        if found is None and self._unread:
            self.read_all_episodes()
            found = self._episode_of.get(obj_id)
        return found

    def owner_of(self, obj_id: str) -> tuple[Any, str] | None:
        """The object holding ``obj_id`` in one of its list fields, and that field's name."""
        found = self._owner.get(obj_id)
        if found is None and self._unread:
            self.read_all_episodes()
            found = self._owner.get(obj_id)
        return found

    def unread_episodes(self) -> list[LazyEpisode]:
        """Episodes whose part was not read (or read on a worker and not indexed yet), in season order."""
        return [e for e in self._series.episodes if e.id in self._unread]  # type: ignore[misc]

    def read_all_episodes(self) -> None:
        """Read every episode not read yet (GUI thread): what a lookup of an unknown id needs."""
        for episode in list(self._unread.values()):
            episode.materialise()
        for episode_id in list(self._unread):
            self._index_read(episode_id)

    def _episode_read(self, episode: LazyEpisode) -> None:
        """An episode's part was read, on whatever thread: index its objects on the GUI thread."""
        if QThread.currentThread() is self.thread():
            self._index_read(episode.id)
        else:
            self._readOnWorker.emit(episode.id)

    def _index_read(self, episode_id: str) -> None:
        episode = self._unread.get(episode_id)
        if episode is None or not episode.loaded:
            return
        del self._unread[episode_id]
        outer, self._episode_ctx = self._episode_ctx, episode.id
        self._index_children(episode)
        self._episode_ctx = outer
        self.episodeRead.emit(episode_id)

    def media(self, asset_id: str | None) -> MediaAsset | None:
        return self._series.media.get(asset_id) if asset_id else None

    # ------------------------------------------------------------ undoable API
    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def edit(self, obj: Any, text: str, merge_key: str | None = None, **values: Any) -> None:
        """Change fields of ``obj`` as one undo step; equal ``merge_key``s merge (drags)."""
        from app.commands import SetFieldsCommand

        self.push(SetFieldsCommand(self, obj.id, values, text, merge_key))

    def insert(self, owner: Any, field: str, index: int, item: Any, text: str) -> None:
        from app.commands import InsertItemCommand

        self.push(InsertItemCommand(self, owner.id, field, index, item, text))

    def append(self, owner: Any, field: str, item: Any, text: str) -> None:
        self.insert(owner, field, len(getattr(owner, field)), item, text)

    def remove(self, item: Any, text: str) -> None:
        from app.commands import RemoveItemCommand

        self.push(RemoveItemCommand(self, item.id, text))

    def move(self, item: Any, index: int, text: str, owner: Any | None = None, field: str | None = None) -> None:
        """Move ``item`` to ``index`` in its list, or into ``owner.field`` when given."""
        from app.commands import MoveItemCommand

        self.push(MoveItemCommand(self, item.id, index, text, owner.id if owner else None, field))

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Group several commands into one undo step."""
        self.undo_stack.beginMacro(text)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    # --------------------------------------------- raw mutation (commands only)
    def _root(self, obj_id: str) -> Any:
        if obj_id == self._series.id:
            return self._series
        obj = self._index.get(obj_id)
        if obj is None:
            raise KeyError(f"no object with id {obj_id}")
        return obj

    def set_fields_raw(self, obj_id: str, values: dict[str, Any]) -> dict[str, Any]:
        obj = self._root(obj_id)
        old = {}
        for name, value in values.items():
            if not hasattr(obj, name):
                raise AttributeError(f"{type(obj).__name__} has no field {name!r}")
            old[name] = getattr(obj, name)
            setattr(obj, name, value)
            if _holds_model_objects(old[name]) or _holds_model_objects(value):
                # a whole subtree was swapped (e.g. an imported timeline): keep the id index true
                self._unindex_value(old[name])
                self._episode_ctx = self._episode_of.get(obj_id, "")
                self._index_value(value, obj, name)
        self.objectChanged.emit(obj_id, list(values))
        return old

    def insert_raw(self, owner_id: str, field: str, index: int, item: Any) -> None:
        owner = self._root(owner_id)
        items = getattr(owner, field)
        items.insert(max(0, min(index, len(items))), item)
        self._episode_ctx = self._episode_of.get(owner_id, "")
        self._index_tree(item, owner, field)
        self.listChanged.emit(owner_id, field)

    def remove_raw(self, item_id: str) -> tuple[str, str, int, Any]:
        owner, field = self._owner[item_id]
        items = getattr(owner, field)
        index = next(i for i, it in enumerate(items) if getattr(it, "id", None) == item_id)
        item = items.pop(index)
        self._unindex_tree(item)
        self.listChanged.emit(owner.id, field)
        return owner.id, field, index, item

    def add_media_raw(self, asset: MediaAsset) -> None:
        """Register an imported asset. Not undoable: files in media/ are facts, not edits."""
        self._series.media[asset.id] = asset
        self.mediaChanged.emit(asset.id)

    # ------------------------------------------------------------------ index
    def _reindex(self) -> None:
        self._index.clear()
        self._owner.clear()
        self._episode_of.clear()
        self._unread.clear()
        self._episode_ctx = ""
        self._index_children(self._series)

    def _index_tree(self, obj: Any, owner: Any, field: str) -> None:
        obj_id = getattr(obj, "id", None)
        outer = self._episode_ctx
        if isinstance(obj, Episode):
            self._episode_ctx = obj.id
        if obj_id is not None:
            self._index[obj_id] = obj
            self._owner[obj_id] = (owner, field)
            self._episode_of[obj_id] = self._episode_ctx
        if isinstance(obj, LazyEpisode) and obj_id is not None and self._track_unread(obj):
            self._episode_ctx = outer
            return  # its objects are indexed when its part is read
        self._index_children(obj)
        self._episode_ctx = outer

    def _track_unread(self, episode: LazyEpisode) -> bool:
        """Watch an episode whose part is not read (True), so it is indexed once read."""
        state = episode.lazy
        if state is None or state.loaded:
            return False
        state.on_load[:] = [h for h in state.on_load if getattr(h, "__self__", None) is not self]
        state.on_load.append(self._episode_read)
        self._unread[episode.id] = episode
        return True

    def _index_children(self, obj: Any) -> None:
        if not _is_model(obj):
            return
        for name in _field_names(type(obj)):
            value = getattr(obj, name)
            if isinstance(value, list):
                if value and _is_model(value[0]):  # lists of ids, tags or numbers hold no model objects
                    for item in value:
                        if _is_model(item):
                            self._index_tree(item, obj, name)
            elif _is_model(value):
                # nested single objects (timeline, bible, settings) are indexed but have no list owner
                nested_id = getattr(value, "id", None)
                if nested_id is not None:
                    self._index[nested_id] = value
                    self._episode_of[nested_id] = self._episode_ctx
                self._index_children(value)

    def _index_value(self, value: Any, owner: Any, field: str) -> None:
        if isinstance(value, list):
            for item in value:
                if dataclasses.is_dataclass(item):
                    self._index_tree(item, owner, field)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            nested_id = getattr(value, "id", None)
            if nested_id is not None:
                self._index[nested_id] = value
                self._episode_of[nested_id] = self._episode_ctx
            self._index_children(value)

    def _unindex_value(self, value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                self._unindex_tree(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            self._unindex_tree(value)

    def _unindex_tree(self, obj: Any) -> None:
        obj_id = getattr(obj, "id", None)
        if obj_id is not None:
            self._index.pop(obj_id, None)
            self._owner.pop(obj_id, None)
            self._episode_of.pop(obj_id, None)
            if self._unread.pop(obj_id, None) is not None:
                return  # nothing inside it was indexed
        if dataclasses.is_dataclass(obj):
            for f in dataclasses.fields(obj):
                value = getattr(obj, f.name)
                if isinstance(value, list):
                    for item in value:
                        self._unindex_tree(item)
                elif dataclasses.is_dataclass(value) and not isinstance(value, type):
                    self._unindex_tree(value)
