"""Menus and tool bars filled from the command catalog.

The catalog (``catalog.py``) says for each command which menu and tool bar show it and in
which section; these helpers turn that into the ordered QActions, so the shell never lists
a command's place a second time. The caller owns the QActions (``owned``: id -> action) and
binds what they do; a command declared in a section but not owned here is left out, since
its owner (a panel, the season actions) places it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

from widgets.commands.catalog import COMMANDS, CommandSpec, Menu, Scope, Section


def menu_section(menu: Menu, section: Section, owned: Mapping[str, QAction]) -> list[QAction]:
    """The owned actions declared in ``menu`` under ``section``, in catalog order."""
    return [owned[spec.id] for spec in COMMANDS
            if spec.menu is menu and spec.section is section and spec.id in owned]


def add_menu_section(qmenu: QMenu, menu: Menu, section: Section, owned: Mapping[str, QAction]) -> list[QAction]:
    """Append ``section`` of ``menu`` to ``qmenu``; returns what was added."""
    actions = menu_section(menu, section, owned)
    qmenu.addActions(actions)
    return actions


def insert_menu_section(qmenu: QMenu, before: QAction | None, menu: Menu, section: Section,
                        owned: Mapping[str, QAction]) -> list[QAction]:
    """Insert ``section`` of ``menu`` into ``qmenu`` before ``before`` (appended when it is None),
    parted from what follows by a separator."""
    actions = menu_section(menu, section, owned)
    if before is None:
        qmenu.addActions(actions)
    elif actions:
        qmenu.insertActions(before, actions)
        qmenu.insertSeparator(before)
    return actions


def context_sections(scope: Scope) -> list[tuple[Section, list[CommandSpec]]]:
    """The commands of ``scope`` listed in its dock's context menu, grouped by their ``context``
    section, sections and commands in catalog order (the dock decides which apply where it was
    clicked: a gap, a clip, the selection)."""
    groups: dict[Section, list[CommandSpec]] = {}
    for spec in COMMANDS:
        if spec.scope is scope and spec.context is not None:
            groups.setdefault(spec.context, []).append(spec)
    return list(groups.items())


def toolbar_sections(toolbar: str, owned: Mapping[str, QAction]) -> list[tuple[Section, list[QAction]]]:
    """The owned actions of tool bar ``toolbar`` grouped by section, sections and actions in catalog order."""
    groups: dict[Section, list[QAction]] = {}
    for spec in COMMANDS:
        if spec.toolbar == toolbar and spec.toolbar_section is not None and spec.id in owned:
            groups.setdefault(spec.toolbar_section, []).append(owned[spec.id])
    return list(groups.items())


def add_toolbar_section(bar: QToolBar, section: Section, owned: Mapping[str, QAction]) -> list[QAction]:
    """Append the actions of ``section`` of tool bar ``bar`` (by its object name)."""
    actions = dict(toolbar_sections(bar.objectName(), owned)).get(section, [])
    bar.addActions(actions)
    return actions
