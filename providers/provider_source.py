"""Read a provider file (JSON or TOML) and remember the line of every key, for error messages.

Neither ``json`` nor ``tomllib`` report where a value came from once parsed; a message
like "prices[1].unit: 'secs' is not one of ..." helps only when it also says "line 42".
For JSON a small scanner walks the text with the decoder's own ``scanstring`` and
``raw_decode`` (so strings and numbers are read exactly as ``json`` reads them) and
records the line of each key. For TOML a line scanner follows ``[table]`` and
``[[array]]`` headers and ``key =`` lines; keys inside inline tables fall back to the
line of the nearest enclosing key, which is where the reader looks anyway.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]  # absent from typeshed; CPython has it
from pathlib import Path
from typing import Any

KeyPath = tuple[str | int, ...]


class SourceError(ValueError):
    """The file is not valid JSON/TOML; ``line`` is 1-based (0 = unknown)."""

    def __init__(self, message: str, line: int = 0, column: int = 0, detail: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.detail = detail or message  # the parser's own words


@dataclass
class SourceDocument:
    data: dict[str, Any]
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, path: KeyPath) -> int:
        """The line of ``path``, else of its first descendant (``[video.create]`` for ``video``),
        else of its nearest ancestor that has one (0 = unknown)."""
        path = tuple(path)
        if path not in self.lines:
            below = [line for key, line in self.lines.items() if key[:len(path)] == path]
            if below:
                return min(below)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 0


def read_source(path: Path) -> SourceDocument:
    text = path.read_text(encoding="utf-8-sig")  # Windows editors like to start files with a BOM
    if path.suffix.lower() == ".toml":
        return parse_toml(text)
    return parse_json(text)


# --- JSON ---------------------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def parse_json(text: str) -> SourceDocument:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno, exc.msg) from None
    if not isinstance(data, dict):
        raise SourceError("the file must hold one JSON object ({ ... })", 1)
    lines: dict[KeyPath, int] = {}
    try:
        _JsonLines(text, lines).value(_JsonLines(text, lines).skip(0), ())
    except (IndexError, ValueError):  # cannot happen for text json accepted; lines are a help, not a must
        pass
    return SourceDocument(data, lines)


class _JsonLines:
    """Walks text already known to be valid JSON, recording each key's line."""

    def __init__(self, text: str, lines: dict[KeyPath, int]) -> None:
        self.text = text
        self.lines = lines
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        import bisect

        return bisect.bisect_right(self._newlines, pos - 1) + 1

    def skip(self, pos: int) -> int:
        match = _WS.match(self.text, pos)  # matches at every position: the pattern may be empty
        return match.end() if match is not None else pos

    def value(self, pos: int, path: KeyPath) -> int:
        char = self.text[pos]
        if char == "{":
            pos = self.skip(pos + 1)
            if self.text[pos] == "}":
                return pos + 1
            while True:
                key, end = scanstring(self.text, pos + 1)
                self.lines[(*path, key)] = self.line(pos)
                pos = self.skip(self.skip(end) + 1)  # past ':'
                pos = self.skip(self.value(pos, (*path, key)))
                if self.text[pos] == "}":
                    return pos + 1
                pos = self.skip(pos + 1)  # past ','
        if char == "[":
            pos = self.skip(pos + 1)
            if self.text[pos] == "]":
                return pos + 1
            index = 0
            while True:
                self.lines[(*path, index)] = self.line(pos)
                pos = self.skip(self.value(pos, (*path, index)))
                if self.text[pos] == "]":
                    return pos + 1
                pos = self.skip(pos + 1)
                index += 1
        _, end = _DECODER.raw_decode(self.text, pos)
        return end


# --- TOML ---------------------------------------------------------------------------------------------

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(key: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", key)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def parse_toml(text: str) -> SourceDocument:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_POS.search(message)
        line, column = (int(where.group(1)), int(where.group(2))) if where else (0, 0)
        detail = _TOML_POS.sub("", message).strip()
        raise SourceError(f"not valid TOML: {detail}", line, column, detail) from None
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    counts: dict[KeyPath, int] = {}
    multiline = None  # the closing quotes of a multi-line string being skipped
    for number, raw in enumerate(text.splitlines(), start=1):
        if multiline:
            if multiline in raw:
                multiline = None
            continue
        header = _HEADER.match(raw)
        if header:
            names: KeyPath = tuple(_split_key(header.group(2)))
            if header.group(1) == "[[":
                index = counts.get(names, 0)
                counts[names] = index + 1
                lines.setdefault(names, number)
                table = (*names, index)
            else:
                table = _resolve(names, counts)
            lines[table] = number
            continue
        key = _KEY.match(raw)
        if key:
            path = (*table, *_split_key(key.group(1)))
            lines[path] = number
            rest = raw[key.end():]
            for quotes in ('"""', "'''"):
                if rest.count(quotes) == 1:
                    multiline = quotes
    return SourceDocument(data, lines)


def _resolve(names: KeyPath, counts: dict[KeyPath, int]) -> KeyPath:
    """``[a.b]`` after ``[[a]]`` means a table inside the last element of array ``a``."""
    out: list[str | int] = []
    for name in names:
        out.append(name)
        prefix = tuple(n for n in out if isinstance(n, str))
        if prefix in counts and len(prefix) < len(names):
            out.append(counts[prefix] - 1)
    return tuple(out)
