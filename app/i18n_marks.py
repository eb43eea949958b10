"""``QT_TRANSLATE_NOOP`` with the type it really has.

PySide6's stub declares ``QT_TRANSLATE_NOOP(context: object, message: object) -> object``, so every
label marked for translation reads as ``object`` to the type checker. At run time the Qt function only
returns ``message``; this one does the same with ``str`` in and out. The name stays ``QT_TRANSLATE_NOOP``
because ``pyside6-lupdate`` finds the strings to translate by that name.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, message: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``message`` for translation in ``context``; return it unchanged (translate it when shown)."""
    return message
