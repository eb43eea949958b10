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


def findings() -> list[Finding]:
    trees = {path: ast.parse(path.read_text("utf-8"), str(path)) for path in modules()}
    errors = user_error_classes(trees)
    found: list[Finding] = []
    for path, tree in trees.items():
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _receiver(node) in LOGGERS:
                continue
            for arg in shown_arguments(node, rel, errors):
                for literal in english_literals(arg):
                    found.append(Finding(rel, literal.lineno, ast.unparse(literal)))
    return found


def test_every_user_visible_literal_is_translated() -> None:
    found = findings()
    for finding in found:
        print(finding)
    assert [str(f) for f in found] == []


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
