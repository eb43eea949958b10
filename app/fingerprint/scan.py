"""Check a folder of downloaded suspects against a season, rank them, list what could not be read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.fingerprint.index import SeasonIndex
from app.fingerprint.matcher import Match, match_print
from app.fingerprint.suspect import SuspectPrint, fingerprint_suspect

SKIP_SUFFIXES = {".txt", ".json", ".md", ".html", ".pdf", ".zip", ".srt", ".vtt", ".ass", ".jpg", ".jpeg", ".png",
                 ".webp", ".gif", ".part", ".crdownload", ".ds_store", ".ini"}


class ScanCancelled(Exception):
    """The user stopped the scan; the files checked so far are in ``partial``."""

    def __init__(self, partial: ScanResult) -> None:
        super().__init__("cancelled")
        self.partial = partial


@dataclass
class SuspectResult:
    path: Path
    print_: SuspectPrint
    matches: list[Match]

    @property
    def best_score(self) -> float:
        return max((m.score for m in self.matches), default=0.0)


@dataclass
class ScanResult:
    checked: list[SuspectResult] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # file, why

    def ranked(self) -> list[SuspectResult]:
        return sorted(self.checked, key=lambda r: (-r.best_score, r.path.name))

    @property
    def with_matches(self) -> list[SuspectResult]:
        return [r for r in self.ranked() if r.matches]


def suspect_files(target: Path) -> list[Path]:
    """A file itself, or the files of a folder (not recursive; hidden files, notes and images left out)."""
    if target.is_file():
        return [target]
    if not target.is_dir():
        raise UserError(QCoreApplication.translate("TheftCheck", "%1 does not exist.").replace("%1", str(target)))
    return sorted(p for p in target.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in SKIP_SUFFIXES)


def scan(files: list[Path], index: SeasonIndex, progress: Callable[[float, str], None] | None = None,
         cancelled: Callable[[], bool] | None = None) -> ScanResult:
    result = ScanResult()
    for k, path in enumerate(files):
        if cancelled and cancelled():
            raise ScanCancelled(result)
        if progress:
            progress(k / max(1, len(files)), path.name)
        try:
            def within(fraction: float, k: int = k, name: str = path.name) -> None:
                if progress:
                    progress((k + fraction) / max(1, len(files)), name)

            suspect = fingerprint_suspect(path, index, cancelled, within)
        except UserError as exc:
            result.skipped.append((path, str(exc)))
            continue
        except (OSError, MemoryError) as exc:
            result.skipped.append((path, f"{path.name}: {exc}"))
            continue
        if cancelled and cancelled():
            raise ScanCancelled(result)
        result.checked.append(SuspectResult(path, suspect, match_print(suspect, index)))
    if progress:
        progress(1.0, "")
    return result
