"""``project.json`` encoding: schema version, migrations, and clear errors.

The file is UTF-8 JSON with sorted keys and indentation, so it diffs well and a
person can read it. Each saved file names its schema version; older versions
are migrated step by step on load, newer ones are refused (an older app must
not silently drop what a newer one wrote).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.model.serial import SchemaError, from_data, to_data

try:
    import orjson
except ImportError:  # optional speed-up; the standard library writes the same bytes
    orjson = None  # type: ignore[assignment]
from app.model.series import Series
from app.model.validate import ValidationError, validate
from app.textfill import fill

SCHEMA_VERSION = 1
FORMAT_NAME = "microdrama-studio/project"

# version N -> function that turns a version-N document into version N+1
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

# a split project's manifest (app.project_files): version 2 of the container, version-1 data inside
SPLIT_LAYOUT = "split"
SPLIT_SCHEMA_VERSION = 2


class ProjectFormatError(Exception):
    """project.json cannot be read; the message says why and what to do."""


MAX_DEPTH = 64  # a real project nests about 12 levels; a few more for free-form probe/request data


def _too_deep(doc: Any, limit: int = MAX_DEPTH) -> bool:
    """True when ``doc`` nests lists/objects deeper than ``limit`` (walked without recursion).

    Deeper data would make later recursive code (the converter, the encoder on
    the next save) hit Python's recursion limit, so it is refused at the door.
    """
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return False


def snapshot(series: Series) -> dict[str, Any]:
    """The project document as plain data: cheap, and independent of the live model.

    The autosave takes this on the GUI thread and hands it to ``dump`` on a worker.
    """
    return {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, "series": to_data(series)}


def dump(doc: dict[str, Any]) -> bytes:
    """project.json bytes of a ``snapshot``: sorted keys, indented by two, UTF-8.

    orjson writes the same bytes as the standard library's indented encoder
    (which runs in pure Python) about 30 times faster, which is what keeps
    saving a season-sized project quick. A document holding NaN or Infinity
    goes through the standard library, the only one that writes them in a
    form that loads back.
    """
    if orjson is not None:
        try:
            json.dumps(doc, allow_nan=False, check_circular=False)  # C encoder: a fast NaN check
            return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)
        except (ValueError, TypeError):  # orjson.JSONEncodeError is a TypeError
            pass
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def encode(series: Series) -> bytes:
    return dump(snapshot(series))


def decode(raw: bytes, source: str = "project.json") -> Series:
    """Parse project.json bytes; every failure is a ProjectFormatError naming ``source``.

    A split project's manifest is assembled from the part files next to ``source``
    (``app.project_files``); ``ProjectBundle.load`` is the usual way to read one."""
    doc = parse(raw, source)
    if doc.get("layout") == SPLIT_LAYOUT:
        from pathlib import Path

        from app.project_files import assemble

        doc = assemble(Path(source).parent, doc, source)[0]
    return decode_doc(doc, source)


def parse(raw: bytes, source: str = "project.json") -> dict[str, Any]:
    """The JSON document in ``raw``, checked to be a project file of a version this app reads.

    A split project's manifest (``app.project_files``) passes too; ``decode_doc`` takes
    the single-file document it assembles into."""
    if not raw.strip():
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 is empty (the save was probably interrupted). Restore the backup "
            "project.json.bak or the autosave."), source))
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProjectFormatError(fill(QCoreApplication.translate("ProjectFile", "%1 is not UTF-8 text (%2)."),
                                      source, exc.reason)) from exc
    except json.JSONDecodeError as exc:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 is not valid JSON (line %2, column %3: %4). It may be truncated; restore "
            "project.json.bak or the autosave."), source, exc.lineno, exc.colno, exc.msg)) from exc
    except RecursionError as exc:
        raise ProjectFormatError(_too_deep_message(source)) from exc
    if _too_deep(doc):
        raise ProjectFormatError(_too_deep_message(source))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 is not a Microdrama Studio project file."), source))
    version = doc.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 has no valid schema_version."), source))
    if doc.get("layout") == SPLIT_LAYOUT and version == SPLIT_SCHEMA_VERSION:
        return doc
    if version > SCHEMA_VERSION:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 was written by a newer Microdrama Studio (schema %2, this app reads up to %3). "
            "Update the app to open it; the file was left untouched."), source, version, SCHEMA_VERSION))
    return doc


def decode_doc(doc: dict[str, Any], source: str = "project.json") -> Series:
    """The Series of a parsed single-file document: migrations, schema conversion, validation."""
    version = int(doc["schema_version"])
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
        doc["schema_version"] = version
    try:
        series = from_data(Series, doc.get("series"), "series")
    except SchemaError as exc:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 does not match the project schema: %2"), source, exc)) from exc
    try:
        validate(series)
    except ValidationError as exc:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectValidation", "%1 holds a value no project can have: %2"), source, exc)) from exc
    return series


def _too_deep_message(source: str) -> str:
    return fill(QCoreApplication.translate(
        "ProjectValidation", "%1 nests lists or objects more than %2 levels deep; it is damaged or not a "
        "project file. Restore project.json.bak or the autosave."), source, MAX_DEPTH)
