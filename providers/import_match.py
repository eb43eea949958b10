"""Import of files made by hand in tools without an API (Midjourney, Kling's web app, Suno's
web app): a shot code in the file name says which shot the file belongs to.

Creators name downloads like ``E01S02-03_mj_v2.png``, ``kling_E01_003.mp4`` or
``E01-004 (1).webp``. :func:`parse_code` reads such codes as (episode, scene, shot);
:func:`match_files` is a pure function from file names and the project's shot codes to
matches; :class:`FolderWatcher` scans a watched folder for new, completely written files.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from providers.media_kinds import media_kind_of_extension

# E01S02-03 / E1_S2_3 / EP01-SC02-SH03 / E01_003 / E01-001 / e01s02sh03
_CODE = re.compile(
    r"(?<![A-Za-z0-9])"
    r"EP?(?P<ep>\d{1,3})"
    r"(?:[ _\-.]*SC?(?P<sc>\d{1,3}))?"
    r"(?:(?:[ _\-.]+(?:SH(?:OT)?)?|SH(?:OT)?)[ _\-.]*(?P<sh>\d{1,4}))?"
    r"(?![0-9A-Za-z])",  # a whole token: "e3b0c4" in a hash is not episode 3
    re.IGNORECASE,
)
PARTIAL_SUFFIXES = (".part", ".crdownload", ".download", ".tmp", ".partial", ".opdownload")
MEDIA_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".mp4", ".mov", ".webm", ".m4v", ".mp3", ".wav", ".flac",
                  ".ogg", ".m4a", ".aac", ".opus")


@dataclass(frozen=True)
class ShotKey:
    episode: int
    scene: int | None
    shot: int | None  # None: the code names only the episode (e.g. "E01 theme.mp3")


def parse_code(text: str) -> list[ShotKey]:
    """Every shot code found in ``text`` (a file name or a shot code), in order."""
    keys = []
    for m in _CODE.finditer(text):
        if m.group("sc") is not None and m.group("sh") is None:
            # "E01S02" alone: read it as episode 1, shot 2 only if no scene follows (E01S02 = scene 2?)
            # Ambiguous: treat "S" as scene when a shot follows, otherwise as a shot number.
            keys.append(ShotKey(int(m.group("ep")), None, int(m.group("sc"))))
            continue
        keys.append(ShotKey(int(m.group("ep")), int(m.group("sc")) if m.group("sc") is not None else None,
                            int(m.group("sh")) if m.group("sh") is not None else None))
    return keys


@dataclass
class Match:
    """One file and where it goes. ``shot_id`` empty with ``episode`` set: an episode-level file
    (music); ``candidates`` lists every shot id that fits when the match is ambiguous."""

    filename: str
    kind: str  # image | video | audio
    shot_id: str = ""
    shot_code: str = ""
    episode: int | None = None
    candidates: list[str] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return bool(self.shot_id)

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def match_files(filenames: Iterable[str], shots: Mapping[str, str]) -> tuple[list[Match], list[str]]:
    """Match file names to shots.

    ``shots`` maps shot id -> shot code (the project's codes, e.g. "E01S02-03" or "E01-003").
    Returns (matches, unmatched file names). Exact (episode, scene, shot) equality wins; a
    file without a scene matches the single shot with that episode and shot number; audio
    with only an episode code becomes an episode-level match. Non-media names are ignored.
    """
    index: dict[ShotKey, list[tuple[str, str]]] = {}
    for shot_id, code in shots.items():
        for key in parse_code(code)[:1]:
            index.setdefault(key, []).append((shot_id, code))
    matches: list[Match] = []
    unmatched: list[str] = []
    for filename in filenames:
        name = Path(filename).name
        kind = media_kind_of_extension(Path(name).suffix)
        if name.lower().endswith(".gif"):
            kind = "video"
        if not kind or name.startswith(".") or name.lower().endswith(PARTIAL_SUFFIXES):
            continue
        found = _lookup(Path(name).stem, index)
        if found is None:
            unmatched.append(filename)
            continue
        key, hits = found
        if hits:
            matches.append(Match(filename, kind, shot_id=hits[0][0], shot_code=hits[0][1], episode=key.episode,
                                 candidates=[h[0] for h in hits]))
        elif key.shot is None and kind == "audio":
            matches.append(Match(filename, kind, episode=key.episode))
        else:
            unmatched.append(filename)
    return matches, unmatched


def _lookup(stem: str, index: dict[ShotKey, list[tuple[str, str]]]) -> tuple[ShotKey, list[tuple[str, str]]] | None:
    keys = parse_code(stem)
    if not keys:
        return None
    for key in keys:
        if key in index:
            return key, index[key]
        if key.shot is not None and key.scene is None:
            loose = [hit for k, hits in index.items() if k.episode == key.episode and k.shot == key.shot
                     for hit in hits]
            if loose:
                return key, loose
        if key.shot is not None and key.scene is not None:
            # The project numbers shots per episode without scenes: E01S02-03 cannot be guessed; skip.
            continue
    return keys[0], []


class FolderWatcher:
    """Finds new media files in a watched folder, once each, after they are completely written.

    Call :meth:`scan` from a timer (off the GUI thread); a file is reported when its size
    and modification time have stayed the same for ``settle_seconds`` (browsers write
    downloads in pieces) and it is not a partial-download file.
    """

    def __init__(self, folder: Path, *, settle_seconds: float = 1.0, recursive: bool = False) -> None:
        self.folder = Path(folder)
        self.settle_seconds = settle_seconds
        self.recursive = recursive
        self._seen: set[tuple[str, int, int]] = set()
        self._pending: dict[str, tuple[int, int, float]] = {}

    def mark_seen(self, paths: Iterable[Path]) -> None:
        """Remember files already imported (e.g. from a previous session) so they are not offered again."""
        for p in paths:
            try:
                st = Path(p).stat()
            except OSError:
                continue
            self._seen.add((str(Path(p).resolve()), st.st_size, int(st.st_mtime_ns)))

    def scan(self, now: float | None = None) -> list[Path]:
        """New complete media files since the last scan."""
        now = time.monotonic() if now is None else now
        if not self.folder.is_dir():
            return []
        entries = self.folder.rglob("*") if self.recursive else self.folder.iterdir()
        ready: list[Path] = []
        for path in sorted(entries):
            name = path.name.lower()
            if name.startswith(".") or name.endswith(PARTIAL_SUFFIXES) or not name.endswith(MEDIA_SUFFIXES):
                continue
            try:
                st = os.stat(path)
            except OSError:
                continue
            if not path.is_file() or st.st_size == 0:
                continue
            ident = (str(path.resolve()), st.st_size, int(st.st_mtime_ns))
            if ident in self._seen:
                continue
            key = str(path)
            previous = self._pending.get(key)
            if previous is None or previous[:2] != (st.st_size, int(st.st_mtime_ns)):
                self._pending[key] = (st.st_size, int(st.st_mtime_ns), now)
                if self.settle_seconds > 0:
                    continue
            elif now - previous[2] < self.settle_seconds:
                continue
            self._pending.pop(key, None)
            self._seen.add(ident)
            ready.append(path)
        return ready


class ImportProvider:
    """The registry entry for hand-made files: no generation, only matching and scanning."""

    def __init__(self, settings: Mapping[str, Any], *, name: str = "import", staging_dir: Path | None = None) -> None:
        self.name = name
        self.settings = dict(settings)
        self.label = "Import"
        folder = str(self.settings.get("watch_folder") or "")
        self.watcher = FolderWatcher(Path(folder)) if folder else None

    def match(self, filenames: Iterable[str], shots: Mapping[str, str]) -> tuple[list[Match], list[str]]:
        return match_files(filenames, shots)

    def scan(self, shots: Mapping[str, str]) -> tuple[list[Match], list[str]]:
        """New files in the watched folder, matched to ``shots`` (full paths in the matches)."""
        if self.watcher is None:
            return [], []
        return match_files([str(p) for p in self.watcher.scan()], shots)

    def check_connection(self, cancel: object = None) -> str:
        if self.watcher is None:
            return "No watched folder set: drop files on the storyboard instead"
        if not self.watcher.folder.is_dir():
            raise FileNotFoundError(f"the watched folder {self.watcher.folder} does not exist")
        return f"Watching {self.watcher.folder}"
