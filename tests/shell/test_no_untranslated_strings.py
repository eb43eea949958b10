"""No English literal reaches the user without passing through a translation call.

``test_translations_complete`` only sees strings already wrapped in ``tr``; a
plain ``"Saved"`` handed to a label, an error, an undo command or a job title is
invisible to lupdate and shows in English in the Chinese UI. This test reads
every module of ``app/`` and ``widgets/`` (not ``app/cli/``: the command line is
English by design) and reports each literal given to a user-visible sink.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = ("app/cli/",)
WORDS = re.compile(r"[A-Za-z]{2,}")

# Brand and format names read the same in every language.
ALLOWED = {
    "Microdrama Studio",  # the product's name
    "ComfyUI",  # a product name
    "AI",  # Chinese interfaces write "AI" as it is
    ".mp4",  # a file name extension
    "https://…",  # an address placeholder
    "English",  # a language offered in its own name (as 简体中文 is)
}

TRANSLATORS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
WIDGET_CONSTRUCTORS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton"}
TEXT_METHODS = {"setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "showMessage", "setTitle",
                "setStatusTip", "setHeaderLabels", "show_toast"}
MESSAGE_BOX = {"information", "warning", "critical", "question", "about"}
LOGGERS = {"log", "logger", "_log", "_logger", "LOG", "logging", "warnings"}
USER_ERROR_ROOTS = {"UserError"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


def modules() -> list[Path]:
    found = []
    for top in ("app", "widgets"):
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if not rel.startswith(SKIPPED_DIRS):
                found.append(path)
    return found


def user_error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """Names of every ``UserError`` subclass, followed through any depth of inheritance."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(_name(b) for b in node.bases)
    known = set(USER_ERROR_ROOTS)
    while True:
        more = {cls for cls, parents in bases.items() if parents & known} - known
        if not more:
            return known
        known |= more


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_translation(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) in TRANSLATORS


def english_literals(node: ast.AST | None) -> list[ast.AST]:
    """Literal text inside an argument that no translation call wraps."""
    if node is None or _is_translation(node):
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node] if WORDS.search(node.value) and node.value not in ALLOWED else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return [node] if WORDS.search(text) else []
    if isinstance(node, ast.BinOp):
        return english_literals(node.left) + english_literals(node.right)
    if isinstance(node, ast.IfExp):
        return english_literals(node.body) + english_literals(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [hit for value in node.values for hit in english_literals(value)]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [hit for value in node.elts for hit in english_literals(value)]
    if isinstance(node, ast.Call) and _name(node.func) == "format" and isinstance(node.func, ast.Attribute):
        return english_literals(node.func.value)
    return []


def _arg(call: ast.Call, index: int, keyword: str | None = None) -> ast.AST | None:
    if keyword:
        for kw in call.keywords:
            if kw.arg == keyword:
                return kw.value
    return call.args[index] if len(call.args) > index else None


def _receiver(call: ast.Call) -> str:
    func = call.func
    return _name(func.value) if isinstance(func, ast.Attribute) else ""


def shown_arguments(call: ast.Call, rel: str, errors: set[str]) -> list[ast.AST | None]:
    """The arguments of ``call`` that end up on screen."""
    name = _name(call.func)
    shown: list[ast.AST | None] = []
    if name in errors or name in WIDGET_CONSTRUCTORS:
        shown.append(_arg(call, 0))
    if name in TEXT_METHODS:
        shown.extend(call.args[:1])
    if name in MESSAGE_BOX and _receiver(call) == "QMessageBox":
        shown.extend(call.args[1:3])
    if name == "addAction" and call.args:
        shown.extend(a for a in call.args[:2] if isinstance(a, (ast.Constant, ast.JoinedStr)))
    if name == "edit" and isinstance(call.func, ast.Attribute):
        shown.append(_arg(call, 1))
    if name == "macro" and isinstance(call.func, ast.Attribute):
        shown.append(_arg(call, 0))
    if name == "transaction":
        shown.append(_arg(call, 1))
    if name == "FunctionJob":
        shown.append(_arg(call, 0, "title"))
    elif name.endswith("Job"):
        shown.append(_arg(call, -1, "title") if any(k.arg == "title" for k in call.keywords) else None)
    if name == "Problem" and rel == "app/script/checks.py":
        shown.append(_arg(call, 1, "message"))
    if name == "append" and rel == "app/jobs/actions.py" and _receiver(call) == "notes":
        shown.append(_arg(call, 0))
    return shown


# Item views and tabs show their first (or second) argument too; followed through variables below.
ITEM_METHODS = {"addItem": 0, "insertItem": 1, "setItemText": 1, "addTab": 1, "insertTab": 2, "setTabText": 1}


class Bindings:
    """What a plain name can hold: the values assigned to it in a function (simple and tuple
    assignments, ``for`` targets over a literal or module-level sequence) or at module level.

    A string reaching ``setText(label)`` through ``label = "Saved"``, ``TITLES = {...}; TITLES[k]``
    or ``for text, key in ITEMS: combo.addItem(text, key)`` is as visible as a literal."""

    def __init__(self, tree: ast.Module) -> None:
        self.module = self._collect(tree.body)
        self.scopes: dict[ast.AST, dict[str, list[ast.AST]]] = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                body = node.body if isinstance(node.body, list) else [node.body]
                self.scopes[node] = self._collect([n for b in body for n in ast.walk(b)])

    def _collect(self, nodes: list[ast.AST]) -> dict[str, list[ast.AST]]:
        bound: dict[str, list[ast.AST]] = {}
        for node in nodes:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(bound, target, node.value)
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                self._bind(bound, node.target, node.value)
            elif isinstance(node, ast.For):
                for element in self._elements(node.iter, bound):
                    self._bind(bound, node.target, element)
        return bound

    def _bind(self, bound: dict[str, list[ast.AST]], target: ast.AST, value: ast.AST) -> None:
        if isinstance(target, ast.Name):
            bound.setdefault(target.id, []).append(value)
        elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
            for t, v in zip(target.elts, value.elts, strict=True):
                self._bind(bound, t, v)

    def _elements(self, iterable: ast.AST, bound: dict[str, list[ast.AST]]) -> list[ast.AST]:
        if isinstance(iterable, ast.Name):
            values = bound.get(iterable.id) or getattr(self, "module", {}).get(iterable.id) or []
            return [e for v in values for e in self._elements(v, bound)]
        if isinstance(iterable, (ast.List, ast.Tuple, ast.Set)):
            return list(iterable.elts)
        if isinstance(iterable, ast.Dict):
            return [k for k in iterable.keys if k is not None]
        if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute) \
                and iterable.func.attr in ("items", "values") and isinstance(iterable.func.value, ast.Name):
            values = bound.get(iterable.func.value.id) or getattr(self, "module", {}).get(iterable.func.value.id) or []
            pairs = []
            for v in values:
                if isinstance(v, ast.Dict):
                    pairs += [ast.Tuple(elts=[k, val], ctx=ast.Load()) if iterable.func.attr == "items" else val
                              for k, val in zip(v.keys, v.values, strict=True) if k is not None]
            return pairs
        return []

    def values(self, node: ast.AST, scope: ast.AST | None) -> list[ast.AST]:
        """The literal-bearing expressions ``node`` (a name, ``CONST[key]``, ``CONST.get(key)``) may hold."""
        local = self.scopes.get(scope, {}) if scope is not None else {}
        if isinstance(node, ast.Name):
            return local.get(node.id) or self.module.get(node.id) or []
        container = None
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            container = node.value.id
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and isinstance(node.func.value, ast.Name):
            container = node.func.value.id
        if container is None:
            return []
        found = []
        for value in local.get(container) or self.module.get(container) or []:
            if isinstance(value, ast.Dict):
                found += list(value.values)
        return found


def _parents(tree: ast.Module) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _scope_of(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.AST | None:
    while node in parents:
        node = parents[node]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return node
    return None


def item_arguments(call: ast.Call) -> list[ast.AST]:
    """The text argument of an item view's or a tab bar's ``addItem``/``insertItem``/``addTab``..."""
    index = ITEM_METHODS.get(_name(call.func))
    if index is None or not isinstance(call.func, ast.Attribute) or len(call.args) <= index:
        return []
    return [call.args[index]]


def followed_literals(arg: ast.AST | None, bindings: Bindings, scope: ast.AST | None) -> list[ast.AST]:
    """English literals that reach ``arg`` through a variable (one step: the bound values)."""
    if arg is None or _is_translation(arg):
        return []
    found: list[ast.AST] = []
    for value in bindings.values(arg, scope):
        found += english_literals(value)
    if isinstance(arg, ast.Call) and _name(arg.func) == "format" and isinstance(arg.func, ast.Attribute):
        found += followed_literals(arg.func.value, bindings, scope)
    return found


def findings() -> list[Finding]:
    trees = {path: ast.parse(path.read_text("utf-8"), str(path)) for path in modules()}
    errors = user_error_classes(trees)
    found: list[Finding] = []
    for path, tree in trees.items():
        rel = path.relative_to(ROOT).as_posix()
        bindings, parents = Bindings(tree), _parents(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _receiver(node) in LOGGERS:
                continue
            scope = _scope_of(node, parents)
            for arg in [*shown_arguments(node, rel, errors), *item_arguments(node)]:
                hits = english_literals(arg) if arg in shown_arguments(node, rel, errors) else []
                if not hits and arg is not None and isinstance(arg, (ast.Constant, ast.JoinedStr)):
                    hits = english_literals(arg)
                hits += followed_literals(arg, bindings, scope)
                for literal in hits:
                    if not _is_allowed(literal, rel):
                        found.append(Finding(rel, literal.lineno, ast.unparse(literal)))
    return sorted(set(found), key=lambda f: (f.path, f.line, f.text))


def _is_allowed(literal: ast.AST, rel: str) -> bool:
    """Internal identifiers that look like words (object names, data keys) are not shown text."""
    text = literal.value if isinstance(literal, ast.Constant) else ""
    return isinstance(text, str) and text.isidentifier() and text.islower() and "_" in text


def test_every_user_visible_literal_is_translated() -> None:
    found = findings()
    for finding in found:
        print(finding)
    assert [str(f) for f in found] == []


def test_the_scan_follows_variables_constants_and_loops_to_the_widget() -> None:
    tree = ast.parse(
        'TITLES = {"a": "Saved", "b": QT_TR_NOOP("Fine")}\n'
        'ITEMS = (("Picture", 1), ("Music", 2))\n'
        'def f(self, key):\n'
        '    label = "Broken"\n'
        '    self.status.setText(label)\n'
        '    self.title.setText(TITLES[key])\n'
        '    for text, data in ITEMS:\n'
        '        self.combo.addItem(text, data)\n'
        '    good = self.tr("Good")\n'
        '    self.other.setText(good)\n')
    bindings, parents = Bindings(tree), _parents(tree)
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            scope = _scope_of(node, parents)
            for arg in [*shown_arguments(node, "x.py", set()), *item_arguments(node)]:
                hits += [ast.unparse(lit) for lit in followed_literals(arg, bindings, scope)]
    assert sorted(hits) == sorted(["'Broken'", "'Saved'", "'Picture'", "'Music'"])


def test_the_scan_catches_an_untranslated_label(tmp_path: Path) -> None:
    tree = ast.parse('QLabel("Hello")\nQLabel(self.tr("Hi"))\nraise BundleError(f"no {x} here")\n'
                     'doc.edit(clip, "Move clip")\nlog.warning("quiet")\n')
    errors = {"UserError", "BundleError"}
    hits = [ast.unparse(lit) for node in ast.walk(tree) if isinstance(node, ast.Call) and _receiver(node) not in LOGGERS
            for arg in shown_arguments(node, "x.py", errors) for lit in english_literals(arg)]
    assert hits == ["'Hello'", "f'no {x} here'", "'Move clip'"]


def test_an_undo_text_made_in_app_shows_in_chinese_in_the_chinese_ui(qapp) -> None:
    from app.timeline.edits import TimelineEditor
    from tests.timeline.builders import picture_doc
    from widgets.shell import i18n

    try:
        i18n.install_language("zh_CN")
        doc, ep = picture_doc()
        assert TimelineEditor(doc, ep).move_clips(["c2"], -80)
        assert doc.undo_stack.undoText() == "移动片段"
    finally:
        i18n.install_language("en")
    doc.undo_stack.undo()
    assert TimelineEditor(doc, ep).move_clips(["c2"], -80)
    assert doc.undo_stack.undoText() == "Move clip"
