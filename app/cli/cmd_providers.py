"""``microdrama providers``: every provider (built-in and from files), and a connection test.

    microdrama providers [--json]     what each provider offers and which settings it reads
    microdrama providers test NAME    a cheap authenticated call with the saved settings and keys

The settings list names the environment variable that overrides each field
(``MICRODRAMA_<PROVIDER>_<FIELD>``), so a headless machine can be set up from it alone.
Provider files with mistakes are listed with the file, line and field to fix.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.errors import UserError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "providers", help="list the AI providers (built-in and from provider files), or test one",
        description="List every provider with its capabilities, models and settings (with the "
                    "MICRODRAMA_<PROVIDER>_<FIELD> variable that overrides each), and the mistakes found "
                    "in provider files. 'providers test NAME' checks the connection and key.")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    actions = parser.add_subparsers(dest="providers_action", metavar="ACTION")
    test = actions.add_parser("test", help="test the connection and key of one provider")
    test.add_argument("name", help="the provider's name, as listed by 'microdrama providers'")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "providers_action", None) == "test":
        return _test(args.name)
    report = providers_report()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(_text(report))
    return 0


def _models(info: Any) -> list[dict[str, Any]]:
    cards = getattr(info, "models", ())
    if cards:
        return [card.to_dict() for card in cards]
    models: list[dict[str, Any]] = []
    for f in info.fields:
        if f.capability and f.key.endswith("model"):
            for model_id in dict.fromkeys([*([f.default] if f.default else []), *f.choices]):
                models.append({"id": model_id, "capability": f.capability})
    return models


def providers_report() -> dict[str, Any]:
    from app.secrets import env_name
    from providers import provider_files, registry

    entries = []
    for info in registry.providers():
        source = getattr(info, "source", "")
        entries.append({
            "name": info.name, "label": info.label, "capabilities": list(info.capabilities),
            "source": source or "built-in", "description": info.description, "docs_url": info.docs_url,
            "models": _models(info),
            "settings": [{"key": f.key, "label": f.label, "kind": f.kind, "secret": f.secret, "required": f.required,
                          "default": None if f.secret else f.default, "choices": list(f.choices),
                          "capability": f.capability, "env": env_name(info.name, f.key)} for f in info.fields],
            "presets": [{"name": p.name, "label": p.label, "values": dict(p.values)} for p in info.presets],
        })
    catalog = provider_files.catalog()
    return {"providers": entries, "provider_folder": str(catalog.folder or provider_files.user_provider_dir()),
            "file_errors": [p.to_dict() | {"text": str(p)} for p in catalog.problems]}


def _text(report: dict[str, Any]) -> str:
    lines: list[str] = []
    for p in report["providers"]:
        origin = "built-in" if p["source"] == "built-in" else f"file {p['source']}"
        lines.append(f"{p['name']}  {p['label']}  [{', '.join(p['capabilities'])}]  ({origin})")
        by_cap: dict[str, list[str]] = {}
        for model in p["models"]:
            by_cap.setdefault(model["capability"], []).append(model["id"])
        for cap, ids in by_cap.items():
            lines.append(f"    {cap} models: {', '.join(ids)}")
        for s in p["settings"]:
            flags = "secret, " if s["secret"] and s["kind"] != "secret" else ""
            flags += "required, " if s["required"] else ""
            lines.append(f"    {s['key']:<18} {s['label']} ({flags}{s['kind']})  env {s['env']}")
    lines.append("")
    lines.append(f"Provider files are read from {report['provider_folder']}")
    if report["file_errors"]:
        lines.append(f"{len(report['file_errors'])} problem(s) in provider files (those files are not loaded):")
        lines.extend(f"    {e['text']}" for e in report["file_errors"])
    return "\n".join(lines)


def _test(name: str) -> int:
    from app.jobs.provider_config import make_provider, provider_info
    from providers.base import CancelToken
    from providers.errors import ProviderError

    info = provider_info(name)  # a UserError naming the known providers if there is no such one
    client = make_provider(name)
    check = getattr(client, "check_connection", None)
    if check is None:
        print(f"ok: {info.label} works offline; there is no connection to test.")
        return 0
    try:
        message = check(CancelToken())
    except ProviderError as exc:
        raise UserError(f"{info.label}: the connection test failed: {exc.message}") from None
    print(f"ok: {message}")
    return 0
