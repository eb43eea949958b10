"""Plain-data conversion of the model dataclasses, for ``project.json``.

The project file is human-readable JSON with a stable key order, so the
conversion is explicit and driven by the dataclass type hints: no pickling,
no class names in the file. Fields marked ``transient`` are runtime-only.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from functools import cache
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from app.textfill import fill

T = TypeVar("T")

TRANSIENT = {"transient": True}


class SchemaError(ValueError):
    """The data does not have the shape the model expects."""


def _msg(text: str, where: str, *args: object) -> str:
    """A translated error with the path and values filled in; long values are cut (a damaged file may hold MBs)."""
    return fill(text, where, *(str(a)[:80] for a in args))


_PRIMITIVES = (str, int, float, bool, type(None))
# field types whose JSON value is used as it is when its type is exactly this (bool is not an int here:
# ``type(True) is int`` is False, so a bool in an int field still goes to the converter and is refused)
_SIMPLE: dict[Any, type] = {str: str, int: int, bool: bool, float: float}


@cache
def _persisted_fields(cls: type) -> tuple[str, ...]:
    """Names of the fields of a dataclass that are saved (cached: ``fields()`` is slow)."""
    return tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get("transient"))


def to_data(obj: Any) -> Any:
    """Convert a model object (dataclass tree) to JSON-compatible data.

    The result shares nothing mutable with the model, so it is a consistent
    snapshot that another thread may serialise while the model keeps changing.
    """
    if isinstance(obj, _PRIMITIVES):
        return obj
    cls = type(obj)
    if cls in _DATACLASS_CACHE or (dataclasses.is_dataclass(obj) and not isinstance(obj, type)):
        _DATACLASS_CACHE.add(cls)
        # mypy takes a dataclass's `__hash__ = None` (its instances') for the class's own: classes hash
        return {name: to_data(getattr(obj, name)) for name in _persisted_fields(cls)}  # type: ignore[arg-type]
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [to_data(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    return obj


_DATACLASS_CACHE: set[type] = set()


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(cls: type[T], data: Any, where: str = "") -> T:
    """Build ``cls`` from JSON data; raises SchemaError naming the bad path."""
    # mypy takes a dataclass's `__hash__ = None` (its instances') for the class's own: classes hash
    built: T = _converter(cls)(data, (None, where or cls.__name__))  # type: ignore[arg-type]
    return built


# A path is a linked (parent, key) pair rendered only when an error is raised, so a
# large project loads without formatting a location string for every value.
Path_ = tuple[Any, Any]
Converter = typing.Callable[[Any, Path_], Any]


def _where(path: Path_) -> str:
    keys = []
    while path is not None:
        path, key = path
        keys.append(key)
    out = ""
    for key in reversed(keys):
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _convert(tp: Any, data: Any, where: str) -> Any:
    """Convert ``data`` to type ``tp`` (kept for callers converting a single field)."""
    return _converter(tp)(data, (None, where))


@cache
def _converter(tp: Any) -> Converter:
    """A function converting JSON data to ``tp``, built once per type (loading is hot)."""
    origin = typing.get_origin(tp)
    if tp is Any:
        return lambda data, path: data
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        optional = type(None) in args
        members = [a for a in args if a is not type(None)]

        def convert_union(data: Any, path: Path_) -> Any:
            if data is None and optional:
                return None
            errors = []
            for arg in members:
                try:
                    return _converter(arg)(data, path)
                except SchemaError as exc:
                    errors.append(str(exc))
            raise SchemaError(errors[0] if errors else _msg(QCoreApplication.translate(
                "ProjectFile", "%1: unexpected value %2"), _where(path), repr(data)))

        return convert_union
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)

        def convert_list(data: Any, path: Path_) -> Any:
            if not isinstance(data, list):
                raise SchemaError(_msg(QCoreApplication.translate(
                    "ProjectFile", "%1: expected a list, found %2"), _where(path), type(data).__name__))
            conv = _converter(item)
            return [conv(v, (path, i)) for i, v in enumerate(data)]

        return convert_list
    if origin is dict:
        args = typing.get_args(tp)
        value_tp = args[1] if len(args) == 2 else Any

        def convert_dict(data: Any, path: Path_) -> Any:
            if not isinstance(data, dict):
                raise SchemaError(_msg(QCoreApplication.translate(
                    "ProjectFile", "%1: expected an object, found %2"), _where(path), type(data).__name__))
            conv = _converter(value_tp)
            return {str(k): conv(v, (path, k)) for k, v in data.items()}

        return convert_dict
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        fields: list[tuple[str, Any, type | None]] | None = None

        def convert_dataclass(data: Any, path: Path_) -> Any:
            nonlocal fields
            if not isinstance(data, dict):
                raise SchemaError(_msg(QCoreApplication.translate(
                    "ProjectFile", "%1: expected an object, found %2"), _where(path), type(data).__name__))
            if fields is None:  # resolved on first use, so self-referencing types work
                hints = _hints(tp)
                fields = [(name, _converter(hints[name]), _SIMPLE.get(hints[name]))
                          for name in _persisted_fields(tp)]
            kwargs = {}
            for name, conv, simple in fields:
                if name in data:
                    value = data[name]
                    # a plain str/int/bool field holding exactly that type is taken as it is (most of
                    # a project's values): no call, no path; anything else goes through its converter
                    kwargs[name] = value if type(value) is simple else conv(value, (path, name))
            try:
                return tp(**kwargs)
            except TypeError as exc:
                raise SchemaError(f"{_where(path)}: {exc}") from exc

        return convert_dataclass
    if isinstance(tp, type) and issubclass(tp, enum.Enum):

        def convert_enum(data: Any, path: Path_) -> Any:
            try:
                return tp(data)
            except ValueError as exc:
                raise SchemaError(_msg(QCoreApplication.translate(
                    "ProjectFile", "%1: %2 is not one of %3"), _where(path), repr(data),
                    [m.value for m in tp])) from exc

        return convert_enum
    if tp is float:

        def convert_float(data: Any, path: Path_) -> Any:
            if isinstance(data, bool) or not isinstance(data, (int, float)):
                raise SchemaError(_msg(QCoreApplication.translate(
                    "ProjectFile", "%1: expected a number, found %2"), _where(path), repr(data)))
            return float(data)

        return convert_float
    if tp is int:

        def convert_int(data: Any, path: Path_) -> Any:
            if isinstance(data, bool) or not isinstance(data, int):
                raise SchemaError(_msg(QCoreApplication.translate(
                    "ProjectFile", "%1: expected a whole number, found %2"), _where(path), repr(data)))
            return data

        return convert_int
    if tp is bool:

        def convert_bool(data: Any, path: Path_) -> Any:
            if not isinstance(data, bool):
                raise SchemaError(_msg(QCoreApplication.translate(
                    "ProjectFile", "%1: expected true or false, found %2"), _where(path), repr(data)))
            return data

        return convert_bool
    if tp is str:

        def convert_str(data: Any, path: Path_) -> Any:
            if not isinstance(data, str):
                raise SchemaError(_msg(QCoreApplication.translate(
                    "ProjectFile", "%1: expected text, found %2"), _where(path), repr(data)))
            return data

        return convert_str
    return lambda data, path: data
