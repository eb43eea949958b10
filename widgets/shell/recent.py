"""The recent-projects list, kept in QSettings, newest first.

Entries whose folder no longer holds a project are dropped when the list is
read, so the File ▸ Open Recent menu never offers a dead end.
"""

from __future__ import annotations

from pathlib import Path

from app.bundle import PROJECT_FILE
from widgets.shell.settings import app_settings

KEY = "recent/projects"
LIMIT = 10


class RecentProjects:
    def paths(self) -> list[Path]:
        raw = app_settings().value(KEY, []) or []
        if isinstance(raw, str):  # QSettings returns a bare string for a one-item list in INI files
            raw = [raw]
        if not isinstance(raw, list):
            raw = []
        kept = [Path(p) for p in raw if p and (Path(p) / PROJECT_FILE).is_file()]
        if len(kept) != len(raw):
            self._store(kept)
        return kept

    def add(self, path: Path) -> None:
        path = Path(path).absolute()
        items = [p for p in self.paths() if p != path]
        self._store([path, *items][:LIMIT])

    def remove(self, path: Path) -> None:
        path = Path(path).absolute()
        self._store([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._store([])

    @staticmethod
    def _store(paths: list[Path]) -> None:
        app_settings().setValue(KEY, [str(p) for p in paths])
