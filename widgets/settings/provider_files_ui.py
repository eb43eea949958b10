"""The Providers dialog's parts for provider files: a page for a file with mistakes, and the import button.

A file with a mistake is listed like a provider, so the creator sees at once which file,
which line and which field to fix; importing checks a file before copying it into the
config folder, so a broken file never lands there by way of the dialog.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n_marks import QT_TRANSLATE_NOOP
from providers import provider_files
from providers.provider_checks import FileProblem, ProviderFileError
from providers.registry import ProviderInfo

ERROR_COLOR = "#f0605a"


def rescan() -> None:
    """Read the provider folder again (a few small files): a file fixed by hand shows when the dialog opens."""
    provider_files.reload()


def problems_by_file() -> list[tuple[str, list[FileProblem]]]:
    """The files of the user's folder that were not loaded, each with its problems (in file order)."""
    grouped: dict[str, list[FileProblem]] = {}
    for problem in provider_files.problems():
        grouped.setdefault(problem.file, []).append(problem)
    return sorted(grouped.items())


def problem_text(problem: FileProblem) -> str:
    """The problem in the UI's language where its kind is known (else the checker's English words)."""
    params = dict(problem.params)
    texts = {
        "syntax": QT_TRANSLATE_NOOP("BrokenFilePage", "the file is not valid JSON or TOML: {detail}"),
        "unknown_key": QT_TRANSLATE_NOOP("BrokenFilePage", "unknown key {key} (misspelt? allowed here: {allowed})"),
        "required": QT_TRANSLATE_NOOP("BrokenFilePage", "the key {key} is missing"),
        "not_allowed": QT_TRANSLATE_NOOP("BrokenFilePage", "{value} is not allowed here (allowed: {allowed})"),
        "wrong_type": QT_TRANSLATE_NOOP("BrokenFilePage", "{value} has the wrong type (expected {expected})"),
        "placeholder": QT_TRANSLATE_NOOP("BrokenFilePage", "unknown placeholder or filter {name}"),
        "json_path": QT_TRANSLATE_NOOP("BrokenFilePage", "{value} is not a valid JSON path (JMESPath)"),
    }
    text = texts.get(problem.code)
    if text is None:
        return problem.message
    try:
        return QCoreApplication.translate("BrokenFilePage", text).format(**params)
    except (KeyError, IndexError):  # a translation that names a word the problem lacks
        return problem.message


def problem_line(problem: FileProblem) -> str:
    """One problem as the page shows it: where (line, field) and what."""
    where = []
    if problem.line:
        where.append(QCoreApplication.translate("BrokenFilePage", "line {line}").format(line=problem.line))
    if problem.field:
        where.append(problem.field)
    text = problem_text(problem)
    return f"{', '.join(where)}: {text}" if where else text


class BrokenFilePage(QWidget):
    """What is wrong with one provider file, line by line, and where the file is."""

    def __init__(self, file: str, problems: Sequence[FileProblem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BrokenProviderFile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        title = QLabel(self.tr("{file} has mistakes and is not loaded").format(file=file))
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.problems = QLabel("\n".join(f"• {problem_line(p)}" for p in problems))
        self.problems.setObjectName("ProviderFileProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problems)
        folder = provider_files.user_provider_dir()
        hint = QLabel(self.tr("Fix the file in {folder} (or import a corrected copy), then open this dialog "
                              "again. The format is described in docs/guide/provfiles.md.").format(folder=folder))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #8c9099;")
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(hint)
        layout.addStretch(1)


def list_text_for_broken(file: str) -> str:
    return "⚠ " + file + "\n" + QCoreApplication.translate("BrokenFilePage", "Not loaded: has mistakes")


def localized(info: ProviderInfo) -> ProviderInfo:
    """A file-declared provider in the UI's language, where its file gives translations."""
    from widgets.shell.i18n import current_language

    localize = getattr(info, "localized", None)
    return localize(current_language()) if localize else info


def source_note(info: object) -> str:
    """"From the file …" for a provider declared in a file ("" for a built-in one)."""
    source = getattr(info, "source", "")
    if not source:
        return ""
    return QCoreApplication.translate("BrokenFilePage", "Declared in the provider file {file}").format(
        file=Path(source).name)


_CHECK_OK = re.compile(r"^Connected to (?P<label>.+?): the (?P<keys>key is|keys are) accepted$")


def connection_message(text: str) -> str:
    """A client's "Connected to X: the key is accepted" in the UI's language (other texts unchanged).

    Clients live below the UI and answer in English; this one sentence, shared by the
    provider-file engine and several built-in clients, is the common success answer."""
    match = _CHECK_OK.match(text.strip())
    if not match:
        return text
    if match.group("keys") == "keys are":  # Kling: an access key and a secret key
        text = QCoreApplication.translate("BrokenFilePage", "Connected to {label}: the keys are accepted")
    else:
        text = QCoreApplication.translate("BrokenFilePage", "Connected to {label}: the key is accepted")
    return text.format(label=match.group("label"))


class ImportProviderButton(QPushButton):
    """Import provider file…: check a JSON/TOML provider file, copy it into the config folder."""

    imported = Signal(str, str)  # provider name, message
    failed = Signal(str)  # message with every problem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportProviderFile")
        self.setText(self.tr("Import provider file…"))
        self.setToolTip(self.tr("Add a vendor or model from a provider file (JSON or TOML) without a new release"))
        self.clicked.connect(self.choose)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import provider file"), str(Path.home()),
                                              self.tr("Provider files (*.json *.toml)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        """Check and copy ``path`` (a few KB: quick enough for the GUI thread); emits the outcome."""
        try:
            info = provider_files.import_file(path)
        except ProviderFileError as exc:
            lines = "\n".join(f"• {problem_line(p)}" for p in exc.problems)
            self.failed.emit(self.tr("{file} was not imported:").format(file=path.name) + "\n" + lines)
            return False
        except OSError as exc:
            self.failed.emit(self.tr("{file} could not be copied into the provider folder: {reason}")
                             .format(file=path.name, reason=exc.strerror or str(exc)))
            return False
        self.imported.emit(info.name, self.tr("Imported “{label}” from {file}.").format(label=info.label,
                                                                                         file=path.name))
        return True
