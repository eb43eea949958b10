"""The short report written inside a draft: which app and versions it is for, where to put it, what was left out.

It is Markdown so it reads well in any text editor; the app ignores the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.interchange.draft_targets import TARGETS
from app.model import Episode, Series

if TYPE_CHECKING:
    from app.interchange.draft_export import DraftOptions


translate = QCoreApplication.translate


def report_text(
    series: Series, episode: Episode, options: DraftOptions, final: Path, problems: list[str]
) -> str:
    target = TARGETS[options.app]
    lines = [
        f"# {final.name}",
        "",
        translate(
            "DraftExport", "Exported by Microdrama Studio from “{series}”, episode {n} “{title}”."
        ).format(series=series.title, n=episode.number, title=episode.title),
        "",
        translate("DraftExport", "## For {app} {versions}").format(
            app=target.label, versions=target.versions
        ),
        "",
        translate(
            "DraftExport",
            "Put this whole folder in the app's draft folder, then restart the app (or leave and re-enter the "
            "home screen); the draft appears in the draft list.",
        ),
        "",
        translate("DraftExport", "- Windows: `{path}`").format(path=target.windows_folder),
        translate("DraftExport", "- macOS: `{path}`").format(path=target.macos_folder),
        "",
        translate(
            "DraftExport", "If you moved the draft folder in the app's settings, use that folder instead."
        ),
        "",
    ]
    if options.collect:
        lines += [
            translate(
                "DraftExport",
                "Media were copied into `materials/`. If the app shows media as missing on another computer, "
                "use its relink command and pick this folder's `materials/` folder.",
            ),
            "",
        ]
    else:
        lines += [
            translate(
                "DraftExport",
                "Media are linked from the project folder; the draft opens only on a computer that has the "
                "project at the same place. Export with “collect files” to take it elsewhere.",
            ),
            "",
        ]
    lines += [translate("DraftExport", "## Not carried over"), ""]
    lines += (
        [f"- {p}" for p in problems]
        if problems
        else [translate("DraftExport", "Everything was carried over.")]
    )
    return "\n".join(lines) + "\n"


def write_report(
    path: Path, series: Series, episode: Episode, options: DraftOptions, final: Path, problems: list[str]
) -> Path:
    # The draft folder is still the hidden temporary one; it is renamed into place whole.
    path.write_text(report_text(series, episode, options, final, problems), encoding="utf-8")
    return path
