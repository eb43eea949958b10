"""The template language of provider files: ``{placeholder}`` values, ``or`` fallbacks, ``|filters``.

A provider file describes a vendor's requests as JSON-shaped templates. Strings in a
template are rendered against a :class:`Context` (the request, the settings, the task
handle, the vendor's answers):

- ``"{prompt}"`` (a whole string that is one placeholder) becomes the typed value, so
  ``"{duration}"`` stays a number and ``"{images}"`` a list; a value that comes out empty
  (None, "" or []) removes its key from the object, so optional fields simply vanish;
- ``"/v1/{model}/requests/{task_id}"`` (placeholders inside text) is formatted as text;
- ``"{param.resolution or setting.resolution or '768P'}"``: the first non-empty term;
- ``"{duration|nearest:6,10}"``, ``"{first_frame|data_url}"``: filters, applied left to right.

``{{`` and ``}}`` are literal braces. The names, filters and their meaning are listed in
:data:`NAMES` and :data:`FILTERS` (and in docs/guide/provfiles.md); the loader rejects
anything else with the file's line, so a typo is found when the file is read, not when
a paid request is sent.
"""

from __future__ import annotations

import base64
import fnmatch
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jmespath
import jmespath.exceptions


class TemplateError(ValueError):
    """A template that cannot be rendered (bad syntax, an unreadable image, a URL-only field given a file).

    ``name`` is the unknown placeholder or filter, when that is the mistake (for a translated message)."""

    def __init__(self, message: str, name: str = "") -> None:
        super().__init__(message)
        self.name = name


# Request placeholders (what a template can say about the generation it sends).
NAMES = frozenset({
    "prompt", "negative_prompt", "seed", "n", "model", "client_ref", "duration", "ratio", "width", "height",
    "size", "fps", "image", "images", "first_frame", "last_frame", "style", "instrumental", "text", "voice",
    "speed", "format", "capability", "task_id",
})
# Prefixed names: request parameters, settings, values kept in the task handle, the status answer.
PREFIXES = ("param.", "setting.", "handle.", "task.")

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_WHOLE = re.compile(r"^\{([^{}]*)\}$")
_LITERAL = re.compile(r"^'([^']*)'$|^-?\d+(\.\d+)?$|^true$|^false$")


@dataclass
class Context:
    """What placeholders resolve against. ``task`` is the vendor's status answer (for the result step)."""

    values: dict[str, Any] = field(default_factory=dict)
    parameters: Mapping[str, Any] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    handle: Mapping[str, Any] = field(default_factory=dict)
    task: Any = None
    tables: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    used_parameters: set[str] = field(default_factory=set)

    def lookup(self, name: str) -> Any:
        if name.startswith("param."):
            key = name[6:]
            self.used_parameters.add(key)
            return self.parameters.get(key)
        if name.startswith("setting."):
            return self.settings.get(name[8:])
        if name.startswith("handle."):
            return self.handle.get(name[7:])
        if name.startswith("task."):
            return search(name[5:], self.task)
        return self.values.get(name)


def search(path: str, document: Any) -> Any:
    """A JMESPath query (``base_resp.status_code``, ``data[0].url``, ``logs[-1].message``)."""
    try:
        return jmespath.search(path, document)
    except jmespath.exceptions.JMESPathError:
        return None


def check_path(path: str) -> str:
    """"" if ``path`` is a valid JMESPath expression, else the reason."""
    try:
        jmespath.compile(path)
    except jmespath.exceptions.JMESPathError as exc:
        return str(exc).splitlines()[0] if str(exc) else "not a valid JMESPath expression"
    return ""


def empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


# --- filters -----------------------------------------------------------------------------------------

def _image_bytes(ref: str) -> bytes:
    try:
        return Path(ref).read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read the image {ref}: {exc.strerror or exc}") from None


def _mime(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data[8:12] == b"WEBP":
        return "image/webp"
    return "image/jpeg"


def _data_url(ref: str) -> str:
    if ref.startswith(("http://", "https://", "data:")):
        return ref
    data = _image_bytes(ref)
    return f"data:{_mime(data)};base64,{base64.b64encode(data).decode('ascii')}"


def _base64(ref: str) -> str:
    if ref.startswith("data:"):
        return ref.partition(",")[2]
    if ref.startswith(("http://", "https://")):
        return ref  # a URL stays a URL: the vendors that take raw base64 also take URLs
    return base64.b64encode(_image_bytes(ref)).decode("ascii")


def _url_only(ref: str) -> str:
    if ref.startswith(("http://", "https://")):
        return ref
    raise TemplateError("this provider takes images only as public URLs (http/https), not local files")


def _nearest(value: Any, args: list[str], _ctx: Context) -> Any:
    if value is None:
        return None
    choices = sorted(float(a) for a in args)
    number = float(value)
    best = min(choices, key=lambda c: (abs(c - number), c))  # a tie goes to the shorter/cheaper choice
    return int(best) if best.is_integer() else best


def _segments(value: Any, args: list[str], _ctx: Context) -> Any:
    parts = str(value or "").strip("/").split("/")
    start = int(args[0]) if args else 0
    end = int(args[1]) if len(args) > 1 else None
    return "/".join(parts[start:end])


def _table(value: Any, args: list[str], ctx: Context) -> Any:
    table = ctx.tables.get(args[0], {}) if args else {}
    key = str(value) if value is not None else ""
    if key in table:
        return table[key]
    return table.get("*", value)


def _each(convert: Callable[[str], str]) -> Callable[[Any, list[str], Context], Any]:
    def apply(value: Any, _args: list[str], _ctx: Context) -> Any:
        if isinstance(value, list):
            return [convert(str(v)) for v in value if v]
        return convert(str(value)) if value else value
    return apply


def _number(kind: type) -> Callable[[Any, list[str], Context], Any]:
    def apply(value: Any, _args: list[str], _ctx: Context) -> Any:
        if empty(value):
            return value
        try:
            return kind(float(value)) if kind is int else kind(value)
        except (TypeError, ValueError):
            raise TemplateError(f"{value!r} is not a number") from None
    return apply


FILTERS: dict[str, Callable[[Any, list[str], Context], Any]] = {
    "str": lambda v, _a, _c: v if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)),
    "int": _number(int),
    "float": _number(float),
    "bool": lambda v, _a, _c: bool(v) and str(v).lower() not in ("0", "false", "no", "off"),
    "lower": lambda v, _a, _c: v if v is None else str(v).lower(),
    "upper": lambda v, _a, _c: v if v is None else str(v).upper(),
    "first": lambda v, _a, _c: (v[0] if v else None) if isinstance(v, list) else v,
    "list": lambda v, _a, _c: v if isinstance(v, list) or empty(v) else [v],
    "nearest": _nearest,
    "segments": _segments,
    "table": _table,
    "data_url": _each(_data_url),
    "base64": _each(_base64),
    "url": _each(_url_only),
}


# --- parsing and rendering -------------------------------------------------------------------------

@dataclass(frozen=True)
class Expression:
    terms: tuple[str, ...]
    filters: tuple[tuple[str, tuple[str, ...]], ...]


def parse(text: str) -> Expression:
    """Parse the inside of ``{...}``; raises TemplateError naming what is wrong."""
    head, *filters = [part.strip() for part in text.split("|")]
    terms = tuple(t.strip() for t in re.split(r"\s+or\s+", head) if t.strip())
    if not terms:
        raise TemplateError(f"empty placeholder {{{text}}}")
    for term in terms:
        if _LITERAL.match(term):
            continue
        if term not in NAMES and not any(term.startswith(p) and len(term) > len(p) for p in PREFIXES):
            raise TemplateError(f"unknown placeholder {term!r} in {{{text}}} (known: {', '.join(sorted(NAMES))}, "
                                f"or param.NAME, setting.NAME, handle.NAME, task.PATH)", term)
    parsed = []
    for item in filters:
        name, _, args = item.partition(":")
        name = name.strip()
        if name not in FILTERS:
            raise TemplateError(f"unknown filter {name!r} in {{{text}}} (known: {', '.join(sorted(FILTERS))})", name)
        parsed.append((name, tuple(a.strip() for a in re.split(r"[,:]", args) if a.strip()) if args else ()))
    return Expression(terms, tuple(parsed))


def _term_value(term: str, ctx: Context) -> Any:
    literal = _LITERAL.match(term)
    if literal:
        if term.startswith("'"):
            return term[1:-1]
        if term in ("true", "false"):
            return term == "true"
        return float(term) if "." in term else int(term)
    return ctx.lookup(term)


def evaluate(text: str, ctx: Context) -> Any:
    expression = parse(text)
    value: Any = None
    for term in expression.terms:
        value = _term_value(term, ctx)
        if not empty(value):
            break
    for name, args in expression.filters:
        value = FILTERS[name](value, list(args), ctx)
    return value


def render(template: Any, ctx: Context) -> Any:
    """Render a JSON-shaped template; empty placeholders drop their key (objects) or item (lists)."""
    if isinstance(template, str):
        whole = _WHOLE.match(template)
        if whole:
            return evaluate(whole.group(1), ctx)
        return _PLACEHOLDER.sub(lambda m: _text(m, ctx), template)
    if isinstance(template, Mapping):
        if "$when" in template and not _when(template["$when"], ctx):
            # e.g. a content item for the last frame when there is none; "$else" says what to send instead
            return render(template["$else"], ctx) if "$else" in template else None
        out = {}
        for key, value in template.items():
            if key in ("$when", "$else"):
                continue
            rendered = render(value, ctx)
            if not empty(rendered):
                out[key] = rendered
        return out
    if isinstance(template, list):
        return [r for r in (render(v, ctx) for v in template) if not empty(r)]
    return template


def _text(match: re.Match[str], ctx: Context) -> str:
    if match.group(0) == "{{":
        return "{"
    if match.group(0) == "}}":
        return "}"
    value = evaluate(match.group(1), ctx)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _when(condition: Any, ctx: Context) -> bool:
    """``"$when": "last_frame"`` (set) or ``"$when": {"model": "*pro*"}`` inside a template object."""
    return matches(condition if isinstance(condition, Mapping) else {str(condition): True}, ctx)


def placeholders(template: Any) -> list[str]:
    """Every ``{...}`` inside a template (for validation)."""
    if isinstance(template, str):
        return [m.group(1) for m in _PLACEHOLDER.finditer(template) if m.group(1) is not None]
    if isinstance(template, Mapping):
        return [p for k, v in template.items() if k != "$when" for p in placeholders(v)]  # "$else" included
    if isinstance(template, list):
        return [p for v in template for p in placeholders(v)]
    return []


def matches(when: Mapping[str, Any], ctx: Context) -> bool:
    """A ``when`` condition: true = the value is set, false = empty, a glob (or list of globs) = matches."""
    for name, expected in when.items():
        value = ctx.lookup(name)
        if isinstance(expected, bool):
            if expected == empty(value):
                return False
        else:
            patterns = expected if isinstance(expected, list) else [expected]
            if not any(fnmatch.fnmatchcase(str(value if value is not None else ""), str(p)) for p in patterns):
                return False
    return True
