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

from widgets.commands.catalog import COMMANDS, Menu, Section


def menu_section(menu: Menu, section: Section, owned: Mapping[str, QAction]) -> list[QAction]:
    """The owned actions declared in ``menu`` under ``section``, in catalog order."""
    return [owned[spec.id] for spec in COMMANDS
            if spec.menu is menu and spec.section is section and spec.id in owned]


def add_menu_section(qmenu: QMenu, menu: Menu, section: Section, owned: Mapping[str, QAction]) -> list[QAction]:
    """Append ``section`` of ``menu`` to ``qmenu``; returns what was added."""
    actions = menu_section(menu, section, owned)
    qmenu.addActions(actions)
    return actions


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
