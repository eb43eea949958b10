"""Providers declared in files: load, check, discover in the user's config folder, register.

A creator adds a vendor or a model the day it ships by dropping a JSON or TOML file into
``<config folder>/providers/`` (or importing one in Edit → Providers…). Each file becomes
a :class:`FileProviderInfo` next to the built-in providers, so the settings dialog, the
job queue, ``microdrama generate`` and ``microdrama providers`` treat it like any other.

A file with a mistake never stops the app: it is left out and reported as a
:class:`FileProblem` that names the file, the line and the field.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema.exceptions

from providers import provider_templates as T
from providers.provider_schema import CAPABILITIES, SCHEMA
from providers.provider_source import KeyPath, SourceDocument, SourceError, read_source
from providers.registry import Preset, PriceRule, ProviderInfo, SettingField

log = logging.getLogger(__name__)

APP_NAME = "microdrama-studio"  # the same folder as app.settings_store (providers/ may not import app/)
SETTINGS_DIR_ENV = "MICRODRAMA_SETTINGS_DIR"
SUFFIXES = (".json", ".toml")
REQUEST_SECTIONS = ("create", "poll", "result", "cancel", "lookup")
PATH_KEYS = {"task_id", "state", "progress", "queue_position", "message", "error", "failure_reason", "requires",
             "urls", "base64", "filenames", "mimes", "code", "items", "item_task_id", "item_model", "item_created",
             "item_prompt", "item_client_ref"}


def user_provider_dir() -> Path:
    """``<user config folder>/providers`` (``$MICRODRAMA_SETTINGS_DIR/providers`` when set)."""
    override = os.environ.get(SETTINGS_DIR_ENV)
    if override:
        return Path(override) / "providers"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "providers"


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


@dataclass(frozen=True)
class ModelCard:
    """What a model accepts, as the file declares it (the UI offers only this)."""

    id: str
    capability: str
    label: str = ""
    durations: tuple[float, ...] = ()
    ratios: tuple[str, ...] = ()
    resolutions: tuple[str, ...] = ()
    first_frame: bool = False
    last_frame: bool = False
    reference_images: int = 0
    max_n: int = 1
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "capability": self.capability, "label": self.label, "durations": list(self.durations),
                "ratios": list(self.ratios), "resolutions": list(self.resolutions), "first_frame": self.first_frame,
                "last_frame": self.last_frame, "reference_images": self.reference_images, "max_n": self.max_n,
                "notes": self.notes}


@dataclass(frozen=True)
class FileProviderInfo(ProviderInfo):
    """A registry entry built from a file; ``create`` hands the file's spec to the declarative engine."""

    spec: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    source: str = ""
    models: tuple[ModelCard, ...] = ()

    def localized(self, language: str) -> FileProviderInfo:
        """This entry with the label, description, field and preset labels the file gives for ``language``
        (e.g. "zh_CN"); unchanged when the file has none."""
        words = (self.spec.get("translations") or {}).get(language)
        if not words:
            return self
        fields = tuple(replace(f, label=words.get("fields", {}).get(f.key, f.label)) for f in self.fields)
        presets = tuple(replace(p, label=words.get("presets", {}).get(p.name, p.label)) for p in self.presets)
        return replace(self, label=words.get("label", self.label), description=words.get("description",
                       self.description), fields=fields, presets=presets)

    def create(self, settings: Mapping[str, Any] | None = None, *, staging_dir: Path | None = None) -> Any:
        from providers.declarative import DeclarativeProvider
        from providers.declarative_lookup import DeclarativeLookupProvider

        merged = self.defaults()
        merged.update({k: v for k, v in (settings or {}).items() if v is not None})
        # find_task is duck-typed by the job queue: offer it only when the file says how to look a task up.
        lookup = any((self.spec.get(c) or {}).get("lookup") for c in self.capabilities)
        cls = DeclarativeLookupProvider if lookup else DeclarativeProvider
        client = cls(merged, name=self.name, staging_dir=staging_dir, spec=self.spec)
        client.label = self.label
        return client


# --- loading one file ---------------------------------------------------------------------------------

def load_file(path: Path, *, taken: Mapping[str, str] | None = None) -> FileProviderInfo:
    """Read and check one provider file; raises :class:`ProviderFileError` listing every problem found.

    ``taken`` maps provider names already in use to what uses them (built-ins, other files).
    """
    path = Path(path)
    label = path.name
    try:
        doc = read_source(path)
    except SourceError as exc:
        raise ProviderFileError([FileProblem(label, exc.line, "", str(exc), "syntax",
                                             (("detail", exc.detail), ("column", str(exc.column))))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProviderFileError([FileProblem(label, 0, "", f"cannot read the file: {exc}")]) from None
    problems = list(_schema_problems(doc, label))
    if not problems:
        problems = list(_semantic_problems(doc, label))
    name = doc.data.get("name")
    if not problems and taken and name in taken:
        problems.append(FileProblem(label, doc.line_of(("name",)), "name",
                                    f"the name {name!r} is already used by {taken[name]}; choose another"))
    if problems:
        raise ProviderFileError(problems)
    return _info(doc.data, str(path))


def _dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMA)


def _schema_problems(doc: SourceDocument, label: str) -> Iterator[FileProblem]:
    validator = _validator()
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: (doc.line_of(tuple(e.absolute_path)), e.message))
    for error in errors:
        while error.validator == "oneOf" and error.context:  # "create" is a table or a list: say what is wrong inside
            inner = [e for e in error.context if e.validator != "type"] or list(error.context)
            error = jsonschema.exceptions.best_match(inner)
        path = tuple(error.absolute_path)
        message, code, params = error.message, "", ()
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
            message = f"{error.instance!r} has the wrong shape here (see docs/readme/provfiles.md)"
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


def _semantic_problems(doc: SourceDocument, label: str) -> Iterator[FileProblem]:
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
        items = [(("create", i), c) for i, c in enumerate(create)] if isinstance(create, list) else [(("create",), create)]
        items += [((s,), task.get(s)) for s in ("poll", "result", "outputs", "lookup")]
        for where, section in items:
            if not isinstance(section, Mapping):
                continue
            for key, value in section.items():
                if key in PATH_KEYS and isinstance(value, str):
                    yield (cap, *where, key), value
                elif key in ("keep", "extra") and isinstance(value, Mapping):
                    yield from (((cap, *where, key, k), v) for k, v in value.items() if isinstance(v, str))


def _info(data: Mapping[str, Any], source: str) -> FileProviderInfo:
    models = tuple(ModelCard(id=m["id"], capability=m["capability"], label=m.get("label", ""),
                             durations=tuple(m.get("durations", ())), ratios=tuple(m.get("ratios", ())),
                             resolutions=tuple(m.get("resolutions", ())), first_frame=m.get("first_frame", False),
                             last_frame=m.get("last_frame", False), reference_images=m.get("reference_images", 0),
                             max_n=m.get("max_n", 1), notes=m.get("notes", "")) for m in data.get("models", ()))
    fields = []
    for f in data["fields"]:
        secret = bool(f.get("secret") or f.get("kind") == "secret")
        choices = tuple(f.get("choices", ()))
        if not choices and f["key"].endswith("model") and f.get("capability"):
            choices = tuple(m.id for m in models if m.capability == f["capability"])
        fields.append(SettingField(f["key"], f["label"], "secret" if secret else f.get("kind", "text"),
                                   f.get("default", ""), secret=secret, required=bool(f.get("required")),
                                   choices=choices, help=f.get("help", ""), capability=f.get("capability", "")))
    return FileProviderInfo(
        name=data["name"], label=data["label"], capabilities=tuple(data["capabilities"]),
        factory="providers.declarative:DeclarativeProvider", fields=tuple(fields),
        presets=tuple(Preset(p["name"], p["label"], dict(p["values"])) for p in data.get("presets", ())),
        pricing=tuple(PriceRule(p["capability"], p.get("model", "*"), p["unit"], float(p["price"]),
                                p.get("currency", "USD")) for p in data.get("prices", ())),
        priority=int(data.get("priority", 70)), user_service=bool(data.get("user_service", False)),
        description=data.get("description", ""), docs_url=data.get("docs_url", ""),
        max_concurrency=int(data.get("max_concurrency", 2)), spec=data, source=source, models=models)


# --- the user's folder ----------------------------------------------------------------------------------

@dataclass
class Catalog:
    providers: dict[str, FileProviderInfo] = field(default_factory=dict)
    problems: list[FileProblem] = field(default_factory=list)
    folder: Path | None = None


_lock = threading.Lock()
_catalog: Catalog | None = None


def scan(folder: Path, builtin: Mapping[str, str] | None = None) -> Catalog:
    """Load every provider file in ``folder``; bad files become problems, never exceptions."""
    catalog = Catalog(folder=folder)
    taken = dict(builtin or {})
    try:
        files = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    except OSError:
        return catalog
    for path in files:
        try:
            info = load_file(path, taken=taken)
        except ProviderFileError as exc:
            catalog.problems.extend(exc.problems)
            continue
        except Exception as exc:  # a checker bug must cost one file, never the app's start
            log.exception("provider file %s could not be checked", path)
            catalog.problems.append(FileProblem(path.name, 0, "", f"could not be checked: {exc!r}"))
            continue
        taken[info.name] = f"the file {path.name}"
        catalog.providers[info.name] = info
    return catalog


def _builtin_names() -> dict[str, str]:
    from providers import registry

    return {p.name: "a built-in provider" for p in registry.PROVIDERS}


def catalog() -> Catalog:
    """The providers of the user's folder (read once; :func:`reload` reads again)."""
    global _catalog
    with _lock:
        folder = user_provider_dir()
        if _catalog is None or _catalog.folder != folder:  # tests and portable installs move the folder
            _catalog = scan(folder, _builtin_names())
        return _catalog


def reload() -> Catalog:
    global _catalog
    with _lock:
        _catalog = None
    return catalog()


def registered() -> dict[str, FileProviderInfo]:
    return catalog().providers


def problems() -> list[FileProblem]:
    return list(catalog().problems)


def import_file(source: Path, folder: Path | None = None) -> FileProviderInfo:
    """Check ``source`` and copy it into the user's folder as ``<name>.<ext>``; raises ProviderFileError.

    Importing a file again (a newer version of the same provider) replaces the old copy.
    """
    folder = Path(folder) if folder else user_provider_dir()
    source = Path(source)
    builtin = _builtin_names()
    info = load_file(source, taken=builtin)
    existing = scan(folder, builtin).providers.get(info.name)
    if existing is not None and Path(existing.source).stem != info.name:
        raise ProviderFileError([FileProblem(source.name, 0, "name", f"the name {info.name!r} is already used by "
                                             f"the file {Path(existing.source).name}; choose another")])
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{info.name}{source.suffix.lower()}"
    for other in SUFFIXES:  # one file per provider: an import in the other format replaces the old one
        stale = folder / f"{info.name}{other}"
        if stale != target and stale.exists():
            stale.unlink()
    tmp = target.with_name(target.name + ".tmp")
    shutil.copyfile(source, tmp)
    tmp.replace(target)
    reload()
    return load_file(target)
