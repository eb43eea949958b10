"""The core and the providers never import the widget layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", ["app", "providers"])
def test_package_never_imports_widgets(package: str) -> None:
    offenders = []
    for path in (REPO / package).rglob("*.py"):
        for name in _imports(path):
            if name == "widgets" or name.startswith("widgets.") or name.startswith("PySide6.QtWidgets"):
                offenders.append(f"{path.relative_to(REPO)} imports {name}")
    assert offenders == []


def test_providers_do_not_import_app_widgets_or_gui() -> None:
    offenders = []
    for path in (REPO / "providers").rglob("*.py"):
        for name in _imports(path):
            if name.startswith("PySide6.QtGui") or name.startswith("PySide6.QtWidgets"):
                offenders.append(f"{path.relative_to(REPO)} imports {name}")
    assert offenders == []
