"""Retranslate every widget and action at run time, including panels built in code.

Qt's own answer is a ``retranslateUi`` per widget; panels written in code rarely
have one, and a half-translated window is what users then see after switching
language. So before the translators change we read every visible text (labels,
buttons, actions, menus, tabs, headers, combo items, tooltips, placeholders),
find the source string it was translated from (the shipped ``.ts`` files are the
dictionary: translation -> (context, source)), and after the switch set each text
to the new language's translation. Texts that were composed at run time ("12
shots") are not in the dictionary and are refreshed by their panels.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

log = logging.getLogger(__name__)

Source = tuple[str, str]  # (context, source text)
_translated = QCoreApplication.translate  # looked up at run time: no strings of this module to translate


@cache
def _messages(i18n_dir: str, language: str) -> tuple[tuple[str, str, str], ...]:
    """(context, source, translation) of every finished message in the shipped .ts files of ``language``."""
    found: list[tuple[str, str, str]] = []
    for ts in sorted(Path(i18n_dir).glob(f"*_{language}.ts")):
        try:
            root = ET.parse(ts).getroot()
        except ET.ParseError as exc:
            log.warning("cannot read %s: %s", ts, exc)
            continue
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                source = message.findtext("source") or ""
                if translation is None or translation.get("type") in ("vanished", "obsolete", "unfinished"):
                    continue
                if translation.text and source:
                    found.append((name, source, translation.text))
    return tuple(found)


def _lookup(i18n_dir: Path, old_language: str, source_language: str) -> dict[str, list[Source]]:
    """What a text on screen in ``old_language`` may have been translated from: text -> [(context, source)]."""
    table: dict[str, list[Source]] = {}
    if old_language == source_language:  # on screen is the source itself; any translation file names its context
        for context, source, _ in _messages(str(i18n_dir), "zh_CN"):
            table.setdefault(source, []).append((context, source))
    else:
        for context, source, translation in _messages(str(i18n_dir), old_language):
            table.setdefault(translation, []).append((context, source))
    return table


def _owners(start: QObject) -> list[str]:
    """Class names from ``obj`` up its parents: translation contexts are usually class names."""
    names = []
    obj: QObject | None = start
    while obj is not None:
        names.append(type(obj).__name__)
        obj = obj.parent()
    return names


def _best(candidates: list[Source], obj: QObject) -> Source:
    """Of several sources with the same text on screen, the one whose context owns the object."""
    if len(candidates) > 1:
        owners = _owners(obj)
        for name in owners:
            for candidate in candidates:
                if candidate[0] == name:
                    return candidate
    return candidates[0]


class _Slot:
    """One translatable text of one object: how to read it and how to write it back."""

    def __init__(self, obj: QObject, get: Callable[[], str], put: Callable[[str], None]) -> None:
        self.obj, self.get, self.put = obj, get, put


def _slots(widget: QWidget) -> Iterator[_Slot]:
    yield _Slot(widget, widget.toolTip, widget.setToolTip)
    if widget.isWindow():
        yield _Slot(widget, widget.windowTitle, widget.setWindowTitle)
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield _Slot(widget, widget.text, widget.setText)
    if isinstance(widget, QGroupBox):
        yield _Slot(widget, widget.title, widget.setTitle)
    if isinstance(widget, QMenu):
        yield _Slot(widget, widget.title, widget.setTitle)
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield _Slot(widget, widget.placeholderText, widget.setPlaceholderText)
    if isinstance(widget, QComboBox) and not widget.isEditable():
        for i in range(widget.count()):
            yield _Slot(widget, partial(widget.itemText, i), partial(widget.setItemText, i))
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield _Slot(widget, partial(widget.tabText, i), partial(widget.setTabText, i))
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for c in range(widget.columnCount()):
            yield _Slot(widget, partial(header.text, c), partial(header.setText, c))


def _action_slots(action: QAction) -> Iterator[_Slot]:
    yield _Slot(action, action.text, action.setText)
    yield _Slot(action, action.toolTip, action.setToolTip)
    yield _Slot(action, action.statusTip, action.setStatusTip)
    yield _Slot(action, action.iconText, action.setIconText)


def _all_slots() -> Iterator[_Slot]:
    seen_actions: set[int] = set()
    for widget in QApplication.allWidgets():
        yield from _slots(widget)
        for action in QWidget.actions(widget):  # (some windows shadow actions() with an attribute)
            if id(action) not in seen_actions:
                seen_actions.add(id(action))
                yield from _action_slots(action)


def _split(text: str) -> tuple[str, str, str]:
    """(padding, label, rest): actions carry "Label\\tShortcut" and some labels are padded with spaces;
    the label is translated, the rest kept."""
    head, tab, tail = text.partition("\t")
    label = head.strip()
    lead = head[:len(head) - len(head.lstrip())]
    return lead, label, head[len(lead) + len(label):] + tab + tail


class Retranslation:
    """Capture every text before a language switch (``capture``), re-set them after (``apply``)."""

    def __init__(self, i18n_dir: Path, old_language: str, source_language: str = "en") -> None:
        self.entries: list[tuple[_Slot, Source, str, str]] = []
        table = _lookup(i18n_dir, old_language, source_language)
        for slot in _all_slots():
            try:
                text = slot.get()
            except RuntimeError:  # the C++ object is gone
                continue
            if not text:
                continue
            lead, label, suffix = _split(text)
            candidates = table.get(label)
            if candidates:
                self.entries.append((slot, _best(candidates, slot.obj), lead, suffix))

    def apply(self) -> int:
        """Set every captured text in the new language; returns how many were set."""
        done = 0
        for slot, (context, source), lead, suffix in self.entries:
            try:
                slot.put(lead + _translated(context, source) + suffix)
                done += 1
            except RuntimeError:
                continue
        return done
