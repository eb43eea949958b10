"""One undoable timeline edit, recorded as it is performed.

Edits are planned against the live model: an edit function opens a
``TimelineCommand``, changes the model through it (``set``, ``insert``,
``remove``, ``move_to``) and each change is applied at once and logged with its
inverse. Pushing the command on the undo stack then does nothing (it already
happened); undo replays the inverses backwards, redo replays the changes. This is
Pitivi's transaction pattern: the planning code reads the current state after
each step, so compound edits (overwrite, ripple) need no scratch copy.

Commands that share a ``merge_key`` merge, so a trim drag of a hundred mouse
moves is one undo step.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.document import ProjectDocument

TIMELINE_COMMAND_ID = 4001


@dataclass
class _Set:
    obj_id: str
    values: dict[str, Any]


@dataclass
class _Insert:
    owner_id: str
    field: str
    index: int
    item: Any


@dataclass
class _Remove:
    item_id: str


_Op = _Set | _Insert | _Remove


class TimelineCommand(QUndoCommand):
    """A recorded list of model changes; see the module docstring."""

    def __init__(self, doc: ProjectDocument, text: str, merge_key: str | None = None) -> None:
        super().__init__(text)
        self._doc = doc
        self.merge_key = merge_key
        self._ops: list[_Op] = []
        self._inverses: list[_Op] = []
        self._applied = True  # recorded changes are live already

    # -------------------------------------------------------------- recording
    def set(self, obj: Any, **values: Any) -> None:
        """Change fields of a model object (only fields whose value differs)."""
        changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if changed:
            self._record(_Set(obj.id, copy.deepcopy(changed)))

    def insert(self, owner: Any, field: str, index: int, item: Any) -> None:
        self._record(_Insert(owner.id, field, index, item))

    def append(self, owner: Any, field: str, item: Any) -> None:
        self.insert(owner, field, len(getattr(owner, field)), item)

    def remove(self, item: Any) -> None:
        self._record(_Remove(item.id))

    def move_to(self, item: Any, owner: Any, field: str, index: int | None = None) -> None:
        """Move an item into another list (a clip to another track)."""
        self._record(_Remove(item.id))
        self._record(_Insert(owner.id, field, len(getattr(owner, field)) if index is None else index, item))

    @property
    def is_empty(self) -> bool:
        return not self._ops

    def _record(self, op: _Op) -> None:
        self._ops.append(op)
        self._inverses.append(self._apply(op))

    # ----------------------------------------------------------------- replay
    def _apply(self, op: _Op) -> _Op:
        doc = self._doc
        if isinstance(op, _Set):
            old = doc.set_fields_raw(op.obj_id, copy.deepcopy(op.values))
            return _Set(op.obj_id, old)
        if isinstance(op, _Insert):
            doc.insert_raw(op.owner_id, op.field, op.index, op.item)
            return _Remove(op.item.id)
        owner_id, field, index, item = doc.remove_raw(op.item_id)
        return _Insert(owner_id, field, index, item)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._inverses = [self._apply(op) for op in self._ops]

    def undo(self) -> None:
        for inv in reversed(self._inverses):
            self._apply(inv)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return TIMELINE_COMMAND_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, TimelineCommand) or other.merge_key != self.merge_key:
            return False
        self._ops.extend(other._ops)
        self._inverses.extend(other._inverses)
        return True

    # ------------------------------------------------------------------- push
    def push(self) -> bool:
        """Put the command on the undo stack if it changed anything; True if it did."""
        if self.is_empty:
            return False
        self._doc.push(self)
        return True
