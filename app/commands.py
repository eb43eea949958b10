"""Undoable edits. Every change a user makes to a project is one of these.

The generic commands here (set fields, insert, remove, move) cover most edits;
feature modules compose them with ``ProjectDocument.macro`` into one undo step,
or subclass QUndoCommand for edits that need their own ``mergeWith``.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.document import ProjectDocument

SET_FIELDS_ID = 1001


class SetFieldsCommand(QUndoCommand):
    """Set fields of one object. Consecutive commands with the same ``merge_key``,
    object and fields merge, so a drag of a hundred mouse moves is one undo step."""

    def __init__(self, doc: ProjectDocument, obj_id: str, values: dict[str, Any], text: str,
                 merge_key: str | None = None) -> None:
        super().__init__(text)
        self._doc = doc
        self.obj_id = obj_id
        self.new = dict(values)
        self.old: dict[str, Any] | None = None
        self.merge_key = merge_key

    def redo(self) -> None:
        old = self._doc.set_fields_raw(self.obj_id, copy.deepcopy(self.new))
        if self.old is None:
            self.old = old

    def undo(self) -> None:
        assert self.old is not None
        self._doc.set_fields_raw(self.obj_id, copy.deepcopy(self.old))

    def id(self) -> int:  # noqa: A003 - Qt's name
        return SET_FIELDS_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetFieldsCommand) or other.merge_key != self.merge_key:
            return False
        if other.obj_id != self.obj_id or set(other.new) != set(self.new):
            return False
        self.new = dict(other.new)
        return True


class InsertItemCommand(QUndoCommand):
    def __init__(self, doc: ProjectDocument, owner_id: str, field: str, index: int, item: Any, text: str) -> None:
        super().__init__(text)
        self._doc = doc
        self.owner_id, self.field, self.index, self.item = owner_id, field, index, item

    def redo(self) -> None:
        self._doc.insert_raw(self.owner_id, self.field, self.index, self.item)

    def undo(self) -> None:
        self._doc.remove_raw(self.item.id)


class RemoveItemCommand(QUndoCommand):
    def __init__(self, doc: ProjectDocument, item_id: str, text: str) -> None:
        super().__init__(text)
        self._doc = doc
        self.item_id = item_id
        self._where: tuple[str, str, int, Any] | None = None

    def redo(self) -> None:
        self._where = self._doc.remove_raw(self.item_id)

    def undo(self) -> None:
        assert self._where is not None
        owner_id, field, index, item = self._where
        self._doc.insert_raw(owner_id, field, index, item)


class MoveItemCommand(QUndoCommand):
    """Move an item within its list, or into another list (e.g. a clip to another track)."""

    def __init__(self, doc: ProjectDocument, item_id: str, index: int, text: str,
                 owner_id: str | None = None, field: str | None = None) -> None:
        super().__init__(text)
        self._doc = doc
        self.item_id, self.index = item_id, index
        self.target_owner_id, self.target_field = owner_id, field
        self._origin: tuple[str, str, int] | None = None

    def redo(self) -> None:
        owner_id, field, index, item = self._doc.remove_raw(self.item_id)
        self._origin = (owner_id, field, index)
        self._doc.insert_raw(self.target_owner_id or owner_id, self.target_field or field, self.index, item)

    def undo(self) -> None:
        assert self._origin is not None
        _, _, _, item = self._doc.remove_raw(self.item_id)
        owner_id, field, index = self._origin
        self._doc.insert_raw(owner_id, field, index, item)
