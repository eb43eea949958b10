"""The checks a provider file must pass, each mistake named by file, line and field.

First the JSON Schema (:mod:`providers.provider_schema`: types, allowed values, unknown
keys), then what a schema cannot say: every placeholder and filter known, every JSON
path valid, every field an auth or a translation names present, a section for every
capability, enough said to follow an asynchronous task to its result.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema
import jsonschema.exceptions

from providers import provider_templates as T
from providers.provider_schema import CAPABILITIES, SCHEMA
from providers.provider_source import KeyPath, SourceDocument

REQUEST_SECTIONS = ("create", "poll", "result", "cancel", "lookup")
PATH_KEYS = {"task_id", "state", "progress", "queue_position", "message", "error", "failure_reason", "requires",
             "urls", "base64", "filenames", "mimes", "code", "items", "item_task_id", "item_model", "item_created",
             "item_prompt", "item_client_ref"}


@dataclass(frozen=True)
class FileProblem:
    """A mistake in a provider file, precise enough to fix without guessing."""

    file: str
    line: int
    field: str
    message: str
    code: str = ""  # syntax, unknown_key, required, not_allowed, wrong_type, placeholder, json_path ("" = other)
    params: tuple[tuple[str, str], ...] = ()  # the words a translated message needs, e.g. (("key", "bdoy"),)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message,
                "code": self.code}


class ProviderFileError(ValueError):
    def __init__(self, problems: list[FileProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMA)


def schema_problems(doc: SourceDocument, label: str) -> Iterator[FileProblem]:
    validator = _validator()
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: (doc.line_of(tuple(e.absolute_path)), e.message))
    for error in errors:
        while error.validator == "oneOf" and error.context:  # "create" is a table or a list: say what is wrong inside
            inner = [e for e in error.context if e.validator != "type"] or list(error.context)
            error = jsonschema.exceptions.best_match(inner)
        path = tuple(error.absolute_path)
        message, code = error.message, ""
        params: tuple[tuple[str, str], ...] = ()
        if error.validator == "additionalProperties":
            allowed = sorted(error.schema.get("properties") or {})
            extra = [k for k in (error.instance or {}) if k not in allowed]
            if extra:
                path = (*path, extra[0])
                message = f"unknown key {extra[0]!r} (misspelt? allowed here: {', '.join(allowed)})"
                code, params = "unknown_key", (("key", repr(extra[0])), ("allowed", ", ".join(allowed)))
        elif error.validator == "required":
            missing = next((k for k in error.validator_value if k not in (error.instance or {})), "")
            code, params = "required", (("key", repr(missing)),)
        elif error.validator in ("enum", "const"):
            allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
            code, params = "not_allowed", (("value", repr(error.instance)), ("allowed", ", ".join(map(str, allowed))))
        elif error.validator == "type":
            expected = error.validator_value if isinstance(error.validator_value, str) else \
                " / ".join(error.validator_value)
            code, params = "wrong_type", (("value", repr(error.instance)), ("expected", expected))
        elif error.validator == "oneOf":
            message = f"{error.instance!r} has the wrong shape here (see docs/guide/provfiles.md)"
        yield FileProblem(label, doc.line_of(path), _dotted(path), message, code, params)


def _walk_templates(data: Mapping[str, Any]) -> Iterator[tuple[KeyPath, str]]:
    """(key path, placeholder text) for every placeholder in every request of the file."""
    sections: list[tuple[KeyPath, Any]] = [(("check",), data.get("check"))]
    for cap in CAPABILITIES:
        task = data.get(cap) or {}
        create = task.get("create")
        creates = create if isinstance(create, list) else [create]
        prefix = ("create",) if not isinstance(create, list) else None
        for i, item in enumerate(creates):
            sections.append(((cap, *(prefix or ("create", i))), item))
        sections += [((cap, s), task.get(s)) for s in REQUEST_SECTIONS[1:]]
    for base, section in sections:
        if not isinstance(section, Mapping):
            continue
        for key in ("path", "query", "headers", "body", "form", "cost_units"):
            if key in section:
                yield from _deep_placeholders((*base, key), section[key])


def _deep_placeholders(path: KeyPath, template: Any) -> Iterator[tuple[KeyPath, str]]:
    """(the exact key path, placeholder) so a mistake is reported on its own line."""
    if isinstance(template, Mapping):
        for key, value in template.items():
            if key == "$when":
                for name in (value if isinstance(value, Mapping) else {str(value): True}):
                    if name not in T.NAMES and not name.startswith(T.PREFIXES):
                        yield (*path, key), name  # reported as an unknown placeholder
                continue
            yield from _deep_placeholders((*path, key), value)
    elif isinstance(template, list):
        for i, value in enumerate(template):
            yield from _deep_placeholders((*path, i), value)
    else:
        yield from ((path, p) for p in T.placeholders(template))


def semantic_problems(doc: SourceDocument, label: str) -> Iterator[FileProblem]:
    data = doc.data

    def problem(path: KeyPath, message: str, code: str = "", **params: str) -> FileProblem:
        return FileProblem(label, doc.line_of(path), _dotted(path), message, code, tuple(params.items()))

    keys = [f["key"] for f in data["fields"]]
    for i, key in enumerate(keys):
        if keys.index(key) != i:
            yield problem(("fields", i, "key"), f"the field {key!r} is declared twice")
    for i, f in enumerate(data["fields"]):
        if f.get("kind") == "choice" and not f.get("choices"):
            yield problem(("fields", i, "choices"), "a choice field needs a list of choices")
    if "base_url" not in keys:
        yield problem(("fields",), "a field with key \"base_url\" is needed (the address requests go to)")
    auth = data.get("auth") or {"type": "none"}
    needed = {"bearer": ["key"], "header": ["key"], "query": ["key"], "jwt_hs256": ["access_key", "secret_key"]}
    for slot in needed.get(auth["type"], []):
        key = auth.get(slot, "api_key" if slot == "key" else slot)
        if key not in keys:
            yield problem(("auth", slot), f"the auth {slot} names the field {key!r}, which is not in fields")
    if auth["type"] == "header" and not auth.get("header"):
        yield problem(("auth",), "auth type \"header\" needs \"header\" (the header's name)")
    if auth["type"] == "query" and not auth.get("param"):
        yield problem(("auth",), "auth type \"query\" needs \"param\" (the query parameter's name)")
    presets = {p["name"] for p in data.get("presets", ())}
    for language, words in (data.get("translations") or {}).items():
        for key in words.get("fields", {}):
            if key not in keys:
                yield problem(("translations", language, "fields", key), f"there is no field {key!r} to translate")
        for name in words.get("presets", {}):
            if name not in presets:
                yield problem(("translations", language, "presets", name), f"there is no preset {name!r} to translate")
    for cap in data["capabilities"]:
        if cap not in data:
            yield problem(("capabilities",), f"the capability {cap!r} is listed but there is no [{cap}] section")
    for cap in CAPABILITIES:
        if cap in data and cap not in data["capabilities"]:
            yield problem((cap,), f"a [{cap}] section is given but {cap!r} is not in capabilities")
        if cap in data:
            yield from _task_problems(data[cap], cap, problem)
    tables = data.get("tables") or {}
    for path, text in _walk_templates(data):
        try:
            expression = T.parse(text)
        except T.TemplateError as exc:
            yield problem(path, str(exc), "placeholder" if exc.name else "", name=exc.name)
            continue
        for term in expression.terms:
            if term.startswith("setting.") and term[8:] not in keys:
                yield problem(path, f"{{{text}}} names the setting {term[8:]!r}, which is not in fields")
        for name, args in expression.filters:
            if name == "table" and (not args or args[0] not in tables):
                yield problem(path, f"{{{text}}} names a table that is not in [tables]")
    for path, value in _paths(data):
        reason = T.check_path(value)
        if reason:
            yield problem(path, f"{value!r} is not a valid JSON path (JMESPath): {reason}", "json_path", value=value)


def _task_problems(task: Mapping[str, Any], cap: str, problem: Any) -> Iterator[FileProblem]:
    creates = task["create"] if isinstance(task["create"], list) else [task["create"]]
    for i, create in enumerate(creates):
        where = (cap, "create", i) if isinstance(task["create"], list) else (cap, "create")
        for name in create.get("when") or {}:
            if name not in T.NAMES and not name.startswith(T.PREFIXES):
                yield problem((*where, "when", name), f"unknown placeholder {name!r} in when")
        if create.get("sync"):
            if "outputs" not in task:
                yield problem(where, "a sync create needs an [outputs] section saying where the results are")
        else:
            if "task_id" not in create:
                yield problem(where, "say where the task id is in the answer (task_id = \"...\"), or set sync = true")
            poll = task.get("poll")
            if not poll or "state" not in poll or "states" not in poll:
                yield problem((cap, "poll") if poll else (cap,),
                              "an asynchronous task needs poll with state (where the status is) and states "
                              "(the vendor's values mapped to queued/running/succeeded/failed/cancelled)")
            elif "outputs" not in task:
                yield problem((cap,), "say where the result files are: an [outputs] section with urls or base64")
    lookup = task.get("lookup")
    if lookup is not None and not lookup.get("task_id") and not (lookup.get("items") and lookup.get("item_task_id")):
        yield problem((cap, "lookup"), "a lookup needs task_id (a path naming {client_ref}), or items and "
                                       "item_task_id (a task list matched by model, creation time and prompt)")
    outputs = task.get("outputs")
    if outputs is not None and not (outputs.get("urls") or outputs.get("base64")):
        yield problem((cap, "outputs"), "outputs needs urls (a path to the result URLs) or base64")
    for key, value in (outputs or {}).items():
        if key in PATH_KEYS and isinstance(value, str) and not re.search(r"\b(result|task)\b", value):
            yield problem((cap, "outputs", key), f"{value!r} should start with result. (the answer holding the "
                                                 "files) or task. (the status answer)")


def _paths(data: Mapping[str, Any]) -> Iterator[tuple[KeyPath, str]]:
    """Every JMESPath expression in the file."""
    errors = data.get("errors") or {}
    for key in ("code", "message"):
        if key in errors:
            yield ("errors", key), errors[key]
    for cap in CAPABILITIES:
        task = data.get(cap) or {}
        create = task.get("create")
        items: list[tuple[tuple[str | int, ...], Any]] = (
            [(("create", i), c) for i, c in enumerate(create)] if isinstance(create, list) else [(("create",), create)])
        items += [((s,), task.get(s)) for s in ("poll", "result", "outputs", "lookup")]
        for where, section in items:
            if not isinstance(section, Mapping):
                continue
            for key, value in section.items():
                if key in PATH_KEYS and isinstance(value, str):
                    yield (cap, *where, key), value
                elif key in ("keep", "extra") and isinstance(value, Mapping):
                    yield from (((cap, *where, key, k), v) for k, v in value.items() if isinstance(v, str))
