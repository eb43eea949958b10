"""The editor's cheaper form of PySide6's per-import source scan gives PySide6's own answers."""

from __future__ import annotations

import sys
import types
from pathlib import Path

from widgets.shell import feature_scan


def _pyside_check():  # noqa: ANN202 - PySide6's own function
    import PySide6.QtCore  # noqa: F401

    feature = sys.modules[feature_scan.FEATURE_MODULE]
    return feature_scan._replaced[0] if feature_scan._replaced else getattr(feature, feature_scan.CHECK)


def test_same_answer_as_pyside_for_every_loaded_module() -> None:
    import widgets.main_window  # noqa: F401  (a good mix: ours with and without Qt, stdlib, third party)

    pyside = _pyside_check()
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    with_source = [m for m in modules if str(getattr(m, "__file__", "")).endswith(".py")]
    assert len(with_source) > 100
    answers = {m.__name__: (feature_scan.uses_pyside(m, pyside), pyside(m)) for m in modules}
    assert {name for name, (ours, theirs) in answers.items() if ours != theirs} == set()
    assert answers["widgets.main_window"] == (True, True)
    assert answers["app.model.ids"] == (False, False)  # plain Python, no Qt


def test_a_module_without_a_readable_file_goes_to_pyside(tmp_path: Path) -> None:
    asked: list[str] = []
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # deleted since it was imported
    compiled = types.ModuleType("compiled")
    compiled.__file__ = str(tmp_path / "compiled.so")

    def fallback(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    assert not feature_scan.uses_pyside(gone, fallback)
    assert not feature_scan.uses_pyside(compiled, fallback)
    assert asked == ["gone", "compiled"]


def test_installed_it_answers_for_pyside(tmp_path: Path, monkeypatch) -> None:
    assert feature_scan.install()
    assert feature_scan.install()  # a second call changes nothing
    feature = sys.modules[feature_scan.FEATURE_MODULE]
    qt_module = tmp_path / "uses_qt.py"
    qt_module.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import plain as plain_module
    import uses_qt

    check = getattr(feature, feature_scan.CHECK)
    assert check(uses_qt) is True and check(plain_module) is False
    monkeypatch.delitem(sys.modules, "uses_qt")
    monkeypatch.delitem(sys.modules, "plain")
