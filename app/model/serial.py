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

T = TypeVar("T")

TRANSIENT = {"transient": True}


class SchemaError(ValueError):
    """The data does not have the shape the model expects."""


_PRIMITIVES = (str, int, float, bool, type(None))


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
        return {name: to_data(getattr(obj, name)) for name in _persisted_fields(cls)}
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
    return _convert(cls, data, where or cls.__name__)


def _convert(tp: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if tp is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _convert(arg, data, where)
            except SchemaError as exc:
                errors.append(str(exc))
        raise SchemaError(errors[0] if errors else f"{where}: unexpected value {data!r}")
    if origin is list:
        if not isinstance(data, list):
            raise SchemaError(f"{where}: expected a list, found {type(data).__name__}")
        (item,) = typing.get_args(tp) or (Any,)
        return [_convert(item, v, f"{where}[{i}]") for i, v in enumerate(data)]
    if origin is dict:
        if not isinstance(data, dict):
            raise SchemaError(f"{where}: expected an object, found {type(data).__name__}")
        args = typing.get_args(tp)
        value_tp = args[1] if len(args) == 2 else Any
        return {str(k): _convert(value_tp, v, f"{where}.{k}") for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise SchemaError(f"{where}: expected an object, found {type(data).__name__}")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.metadata.get("transient") or f.name not in data:
                continue
            kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{where}.{f.name}")
        try:
            return tp(**kwargs)
        except TypeError as exc:
            raise SchemaError(f"{where}: {exc}") from exc
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(data)
        except ValueError as exc:
            raise SchemaError(f"{where}: {data!r} is not one of {[m.value for m in tp]}") from exc
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise SchemaError(f"{where}: expected a number, found {data!r}")
        return float(data)
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise SchemaError(f"{where}: expected a whole number, found {data!r}")
        return data
    if tp is bool:
        if not isinstance(data, bool):
            raise SchemaError(f"{where}: expected true or false, found {data!r}")
        return data
    if tp is str:
        if not isinstance(data, str):
            raise SchemaError(f"{where}: expected text, found {data!r}")
        return data
    return data
