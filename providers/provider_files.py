"""Providers declared in files: load, check, discover in the user's config folder, register.

A creator adds a vendor or a model the day it ships by dropping a JSON or TOML file into
``<config folder>/providers/`` (or importing one in Edit → Providers…). Each file becomes
a :class:`FileProviderInfo` next to the built-in providers, so the settings dialog, the
job queue, ``microdrama generate`` and ``microdrama providers`` treat it like any other.

A file with a mistake never stops the app: it is left out and reported as a
:class:`FileProblem` (see :mod:`providers.provider_checks`) that names the file, the line and the field.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from providers.provider_checks import FileProblem, ProviderFileError, schema_problems, semantic_problems
from providers.provider_source import SourceError, read_source
from providers.registry import Preset, PriceRule, ProviderInfo, SettingField

log = logging.getLogger(__name__)

APP_NAME = "microdrama-studio"  # the same folder as app.settings_store (providers/ may not import app/)
SETTINGS_DIR_ENV = "MICRODRAMA_SETTINGS_DIR"
SUFFIXES = (".json", ".toml")


def user_provider_dir() -> Path:
    """``<user config folder>/providers`` (``$MICRODRAMA_SETTINGS_DIR/providers`` when set)."""
    override = os.environ.get(SETTINGS_DIR_ENV)
    if override:
        return Path(override) / "providers"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "providers"


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
    problems = list(schema_problems(doc, label))
    if not problems:
        problems = list(semantic_problems(doc, label))
    name = doc.data.get("name")
    if not problems and taken and isinstance(name, str) and name in taken:
        problems.append(FileProblem(label, doc.line_of(("name",)), "name",
                                    f"the name {name!r} is already used by {taken[name]}; choose another"))
    if problems:
        raise ProviderFileError(problems)
    return _info(doc.data, str(path))


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
