"""The credits/provenance report of an episode, as Markdown (for people) or JSON (for machines)."""

from __future__ import annotations

import json
from typing import Any

import app
from app.bundle import now_iso
from app.model.serial import to_data
from app.provenance.ledger import Ledger

SOURCE_TITLES = {"generated": "AI-generated", "imported": "Imported files", "recorded": "Recorded in the booth",
                 "rendered": "Rendered by Microdrama Studio"}


def report_json(ledger: Ledger) -> str:
    series, episode = ledger.series, ledger.episode
    data: dict[str, Any] = {
        "series": series.title,
        "episode": {"number": episode.number, "title": episode.title, "id": episode.id},
        "generated_at": now_iso(),
        "made_with": f"Microdrama Studio {app.__version__}",
        "content_producer": series.settings.content_producer,
        "ai_generated_content": bool(ledger.ai_entries()),
        "ai_tools": [{"provider": p, "model": m} for p, m in ledger.ai_tools()],
        "cost": {"currency": series.settings.currency, "total": round(ledger.total_cost(), 4),
                 "by_provider": {k: round(v, 4) for k, v in ledger.cost_by_provider().items()}},
        "performers": ledger.performers(),
        "assets": [{"asset_id": e.asset.id, "file": e.asset.original_name, "kind": e.asset.kind.value,
                    "sha256": e.asset.sha256, "used_as": e.uses, "provenance": to_data(e.asset.provenance)}
                   for e in ledger.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(ledger: Ledger) -> str:
    series, episode = ledger.series, ledger.episode
    currency = series.settings.currency
    lines = [f"# Credits and provenance — {series.title}, episode {episode.number}"
             + (f": {episode.title}" if episode.title else ""), ""]
    lines.append(f"Made with Microdrama Studio {app.__version__}. Report generated {now_iso()}.")
    if series.settings.content_producer:
        lines.append(f"Content producer: {series.settings.content_producer}.")
    lines.append("")
    if ledger.ai_entries():
        lines += ["**This episode contains AI-generated content.**", "", "## AI tools", ""]
        for provider, model in ledger.ai_tools():
            lines.append(f"- {provider}" + (f" — model `{model}`" if model else ""))
        lines += ["", f"Total generation cost: {ledger.total_cost():.2f} {currency}"]
        for provider, cost in ledger.cost_by_provider().items():
            lines.append(f"- {provider}: {cost:.2f} {currency}")
        lines.append("")
    performers = ledger.performers()
    if performers:
        lines += ["## Voices (human performers)", ""]
        for performer, characters in performers.items():
            lines.append(f"- {performer} as {', '.join(characters)}")
        lines.append("")
    by_source: dict[str, list[Any]] = {}
    for entry in ledger.entries:
        by_source.setdefault(entry.asset.provenance.source, []).append(entry)
    for source, entries in by_source.items():
        lines += [f"## {SOURCE_TITLES.get(source, source.title())}", ""]
        if source == "generated":
            lines.append("| Asset | Used as | Provider / model | Prompt | Seed | Task | Created | Cost |")
            lines.append("|---|---|---|---|---|---|---|---|")
            for e in entries:
                p = e.asset.provenance
                lines.append(f"| {_md_escape(e.asset.original_name)} | {_md_escape('; '.join(e.uses))} | "
                             f"{p.provider} / {p.model} | {_md_escape(p.prompt)}"
                             + (f" (negative: {_md_escape(p.negative_prompt)})" if p.negative_prompt else "")
                             + f" | {p.seed if p.seed is not None else ''} | {p.task_id} | {p.created_at} | "
                             f"{p.cost:.2f} |")
        else:
            lines.append("| Asset | Used as | Origin | Author |")
            lines.append("|---|---|---|---|")
            for e in entries:
                p = e.asset.provenance
                origin = p.original_filename or p.notes or p.provider
                lines.append(f"| {_md_escape(e.asset.original_name)} | {_md_escape('; '.join(e.uses))} | "
                             f"{_md_escape(origin)} | {_md_escape(p.author)} |")
        lines.append("")
    return "\n".join(lines)
