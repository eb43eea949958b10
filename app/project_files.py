"""The split project file: series-level data in project.json, each episode and media shard in its own file.

Why split: a season of 100 episodes is ~25 MB of JSON; rewriting all of it after
editing one episode took seconds. Now a save writes the changed episodes, the
changed media shards and the small project.json, nothing else.

Layout (all paths relative to the bundle)::

    project.json                     the manifest: series-level data + the part files it uses
    episodes/<episode id>.<hash>.json   one episode (scenes, shots, takes, timeline)
    media-index/<shard>.<hash>.json     the media records whose id hashes to <shard> (00..ff)

Crash safety, without a journal: part files are named by their content hash and
never overwritten; a save writes (and fsyncs) every new part file first, then
replaces project.json in one atomic rename. project.json is the commit point: a
SIGKILL at any instant leaves either the old project.json (whose parts are all
still there) or the new one (whose parts were fsynced before it). Part files no
manifest names (project.json, project.json.bak, project.autosave.json) are removed
after a commit (:func:`collect_garbage`); a killed save only leaves such orphans.
Each manifest entry carries the part's sha256, so a damaged part is reported by
name instead of loading wrong data.

The manifest's ``schema_version`` is 2 (the series data inside is the version-1
model): an app that only knows the single-file format refuses it with its usual
"written by a newer Microdrama Studio" message instead of seeing an empty season.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.fsutil import atomic_write_bytes, fsync_dir
from app.model import Episode, Series
from app.model.lazy_episode import EpisodeSummary, LazyEpisode, summarize
from app.model.schema import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    SPLIT_LAYOUT,
    SPLIT_SCHEMA_VERSION,
    ProjectFormatError,
    dump,
)
from app.model.serial import to_data
from app.textfill import fill

LAYOUT = SPLIT_LAYOUT
EPISODES_DIR = "episodes"
MEDIA_DIR = "media-index"
EPISODE_FORMAT = "microdrama-studio/episode"
MEDIA_FORMAT = "microdrama-studio/media-shard"
MANIFEST_NAMES = ("project.json", "project.json.bak", "project.autosave.json")
ORPHAN_GRACE_S = 120.0  # an unreferenced part younger than this may belong to a save still running elsewhere

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; the stdlib reads the same data
    orjson = None  # type: ignore[assignment]


@functools.lru_cache(maxsize=1 << 16)
def shard_of(asset_id: str) -> str:
    """The media shard (two hex digits) an asset id belongs to: stable, spread evenly (cached:
    every save checks that each asset's shard has a part)."""
    return f"{zlib.crc32(asset_id.encode('utf-8')) & 0xFF:02x}"


@dataclass(frozen=True)
class PartRef:
    """One part file named in a manifest: its bundle-relative path and content hash."""

    file: str
    sha256: str


@dataclass
class PartMap:
    """The part files of one manifest: episode id -> part, media shard -> part."""

    episodes: dict[str, PartRef] = field(default_factory=dict)
    media: dict[str, PartRef] = field(default_factory=dict)
    # episode id -> the summary of the episode in its part (written into the manifest)
    summaries: dict[str, EpisodeSummary] = field(default_factory=dict)

    def files(self) -> set[str]:
        return {r.file for r in self.episodes.values()} | {r.file for r in self.media.values()}


@dataclass
class Dirty:
    """What changed since the parts in ``PartMap`` were written. ``everything`` after an open
    that replayed the journal, a recover, or a change this tracker could not place."""

    episodes: set[str] = field(default_factory=set)
    shards: set[str] = field(default_factory=set)
    everything: bool = False

    def merge(self, other: Dirty) -> None:
        self.episodes |= other.episodes
        self.shards |= other.shards
        self.everything = self.everything or other.everything


@dataclass
class SplitSnapshot:
    """Plain data of what a save must write, taken on the GUI thread (cheap: only dirty parts)."""

    series: dict[str, Any]  # series-level data, episodes and media left out
    episode_order: list[str]
    episodes: dict[str, Any]  # dirty episode id -> plain data
    shards: dict[str, dict[str, Any]]  # dirty shard -> {asset id: plain data}
    base: PartMap  # parts of clean episodes and shards, reused as they are
    # episode id -> (number, title, summary) for the manifest: what a season shows without reading parts
    headers: dict[str, tuple[int, str, EpisodeSummary]] = field(default_factory=dict)
    # episodes renamed (or renumbered) without being read: the writer reads the part and writes it
    # again with the new number and title (reading it on the GUI thread stalled a season's save)
    renamed: dict[str, tuple[Callable[[], Episode], int, str]] = field(default_factory=dict)


def _reusable_part(episode: Episode, base: PartMap, root: str, dirty: Dirty) -> PartRef | None:
    """The part an episode can be saved as without serialising it: an episode never read (so
    unchanged; a new title alone, kept in the manifest, still rewrites the part so that the
    two agree) or whose part is damaged (kept as it is, never overwritten by an empty one),
    when the part belongs to the bundle being written."""
    if not isinstance(episode, LazyEpisode):
        return None
    state = episode.lazy
    if state is None or (state.loaded and not state.damaged):
        return None
    if not state.damaged and episode.id in dirty.episodes:
        return None
    if state.root == root or base.episodes.get(episode.id) == state.part:
        return PartRef(state.part.file, state.part.sha256)
    return None


def take_snapshot(series: Series, base: PartMap, dirty: Dirty, root: Path | None = None) -> SplitSnapshot:
    """The data a save needs: series-level fields, and the episodes/shards that changed or have no part.

    An episode whose part was never read (``LazyEpisode``) is saved as that same part, so a
    save neither reads nor rewrites the episodes nobody opened (``root``: the bundle written to)."""
    shell = dataclasses.replace(series, episodes=[], media={})
    order = [e.id for e in series.episodes]
    base = PartMap(dict(base.episodes), dict(base.media), dict(base.summaries))
    root_key = str(Path(root).absolute()) if root is not None else ""
    episodes: dict[str, Any] = {}
    headers: dict[str, tuple[int, str, EpisodeSummary]] = {}
    renamed: dict[str, tuple[Callable[[], Episode], int, str]] = {}
    for e in series.episodes:
        reused = _reusable_part(e, base, root_key, dirty)
        state = e.lazy if isinstance(e, LazyEpisode) else None
        if reused is not None and state is not None:
            base.episodes[e.id] = reused
            headers[e.id] = (e.number, e.title, state.summary)
        elif state is not None and not state.loaded and state.repoint is not None and state.root == root_key:
            renamed[e.id] = (state.loader, e.number, e.title)  # unread, so only number or title changed
            headers[e.id] = (e.number, e.title, state.summary)
        elif dirty.everything or e.id in dirty.episodes or e.id not in base.episodes:
            episodes[e.id] = to_data(e)
            headers[e.id] = (e.number, e.title, summarize(e))
        else:
            summary = base.summaries.get(e.id)
            headers[e.id] = (e.number, e.title, summary if summary is not None else summarize(e))
    present = set(map(shard_of, series.media))
    wanted = present if dirty.everything else set(dirty.shards) | (present - set(base.media))
    shards: dict[str, dict[str, Any]] = {s: {} for s in wanted}
    if wanted:
        for asset_id, asset in series.media.items():
            shard = shard_of(asset_id)
            if shard in shards:
                shards[shard][asset_id] = to_data(asset)
    return SplitSnapshot(series=to_data(shell), episode_order=order, episodes=episodes, shards=shards,
                         base=base, headers=headers, renamed=renamed)


# ------------------------------------------------------------------ writing
_write_locks: dict[str, threading.Lock] = {}
_write_locks_guard = threading.Lock()


def write_lock(root: Path) -> threading.Lock:
    """One lock per bundle for every writer of parts and manifests (save, autosave, job fold, GC)."""
    with _write_locks_guard:
        return _write_locks.setdefault(str(Path(root).absolute()), threading.Lock())


def _write_part(root: Path, folder: str, stem: str, data: bytes) -> PartRef:
    digest = hashlib.sha256(data).hexdigest()
    rel = f"{folder}/{stem}.{digest[:16]}.json"
    path = root / rel
    if path.is_file() and path.stat().st_size == len(data):
        os.utime(path)  # content-addressed: same name, same bytes; keep it young for the GC
        return PartRef(rel, digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data, sync_dir=False)  # write_parts fsyncs each folder once
    return PartRef(rel, digest)


def write_parts(root: Path, snap: SplitSnapshot) -> tuple[bytes, PartMap]:
    """Write the snapshot's new part files (fsynced); returns the manifest bytes to commit and its parts.

    Nothing a reader sees changes until the caller writes the manifest."""
    root = Path(root)
    parts = PartMap()
    for ep_id in snap.episode_order:
        if ep_id in snap.renamed:
            load, number, title = snap.renamed[ep_id]
            try:
                built = load()
            except ProjectFormatError:
                if ep_id not in snap.base.episodes:
                    raise
                # a damaged part is kept as it is (never replaced by an empty episode); the manifest
                # holds the new title, and the user hears of the damage when the episode is opened
                parts.episodes[ep_id] = snap.base.episodes[ep_id]
            else:
                built.number, built.title = number, title
                doc = {"format": EPISODE_FORMAT, "episode": to_data(built)}
                parts.episodes[ep_id] = _write_part(root, EPISODES_DIR, _safe_stem(ep_id), dump(doc))
        elif ep_id in snap.episodes:
            doc = {"format": EPISODE_FORMAT, "episode": snap.episodes[ep_id]}
            parts.episodes[ep_id] = _write_part(root, EPISODES_DIR, _safe_stem(ep_id), dump(doc))
        else:
            parts.episodes[ep_id] = snap.base.episodes[ep_id]
        if ep_id in snap.headers:
            parts.summaries[ep_id] = snap.headers[ep_id][2]
    for shard in sorted(set(snap.base.media) | set(snap.shards)):
        if shard in snap.shards:
            if snap.shards[shard]:
                doc = {"format": MEDIA_FORMAT, "media": snap.shards[shard]}
                parts.media[shard] = _write_part(root, MEDIA_DIR, shard, dump(doc))
        else:
            parts.media[shard] = snap.base.media[shard]
    for folder in (EPISODES_DIR, MEDIA_DIR):
        if (root / folder).is_dir():
            fsync_dir(root / folder)
    manifest = {
        "format": FORMAT_NAME, "schema_version": SPLIT_SCHEMA_VERSION, "layout": LAYOUT,
        "data_schema_version": SCHEMA_VERSION, "series": snap.series,
        "episodes": [_episode_entry(i, r, snap.headers.get(i)) for i, r in parts.episodes.items()],
        "media": [{"shard": s, "file": r.file, "sha256": r.sha256} for s, r in sorted(parts.media.items())],
    }
    return dump(manifest), parts


def follow_renamed_parts(series: Series, snap: SplitSnapshot, parts: PartMap) -> None:
    """After a save (GUI thread): the episodes it renamed without reading are read from their new
    parts from now on (the old ones are collected once no manifest names them)."""
    for episode in series.episodes:
        state = episode.lazy if isinstance(episode, LazyEpisode) else None
        ref = parts.episodes.get(episode.id)
        if episode.id in snap.renamed and state is not None and not state.loaded and state.repoint and ref \
                and ref != state.part:
            state.loader, state.part = state.repoint(ref), ref


def _episode_entry(ep_id: str, ref: PartRef, header: tuple[int, str, EpisodeSummary] | None) -> dict[str, Any]:
    """A manifest's line for one episode: its part, and (for opening without reading it) its
    number, title and summary."""
    entry: dict[str, Any] = {"id": ep_id, "file": ref.file, "sha256": ref.sha256}
    if header is not None:
        entry.update(number=header[0], title=header[1], summary=header[2].to_json())
    return entry


def write_split(root: Path, manifest_path: Path, snap: SplitSnapshot) -> PartMap:
    """Parts first, then the manifest in one atomic rename (the commit point)."""
    data, parts = write_parts(root, snap)
    atomic_write_bytes(manifest_path, data)
    return parts


def _safe_stem(obj_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in obj_id)[:80] or "episode"


def full_snapshot(series: Series, root: Path | None = None) -> SplitSnapshot:
    """Everything (a new bundle, a migration); with ``root`` the bundle's own unread episodes keep their parts."""
    return take_snapshot(series, PartMap(), Dirty(everything=True), root)


# ------------------------------------------------------------------ reading
def is_split(doc: Any) -> bool:
    return isinstance(doc, dict) and doc.get("layout") == LAYOUT


def _loads(raw: bytes) -> Any:
    if orjson is not None:
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass  # the standard library says where it broke, in words
    return json.loads(raw.decode("utf-8"))


def not_project_error(source: str) -> ProjectFormatError:
    return ProjectFormatError(fill(QCoreApplication.translate(
        "ProjectFile", "%1 is not a Microdrama Studio project file."), source))


def schema_error(source: str, exc: Exception | str) -> ProjectFormatError:
    return ProjectFormatError(fill(QCoreApplication.translate(
        "ProjectFile", "%1 does not match the project schema: %2"), source, exc))


def manifest_series(manifest: dict[str, Any], source: str) -> dict[str, Any]:
    """The manifest's series-level data, once its data schema is known to be one this app reads."""
    if manifest.get("data_schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 was written by a newer Microdrama Studio (schema %2, this app reads up to %3). "
            "Update the app to open it; the file was left untouched."), source,
            manifest.get("data_schema_version"), SCHEMA_VERSION))
    series = manifest.get("series")
    if not isinstance(series, dict):
        raise not_project_error(source)
    return series


def manifest_entries(manifest: dict[str, Any], kind: str, source: str) -> list[Any]:
    """The manifest's list of ``kind`` ("episodes" or "media") part entries."""
    entries = manifest.get(kind)
    if not isinstance(entries, list):
        raise schema_error(source, fill(QCoreApplication.translate(
            "ProjectFile", "%1 must be a list of part files"), kind))
    return entries


def assemble(root: Path, manifest: dict[str, Any], source: str) -> tuple[dict[str, Any], PartMap]:
    """The single-file document (schema 1) a split manifest describes, and its parts.

    Every failure is a ProjectFormatError naming the part file and what to do."""
    root = Path(root)
    series = manifest_series(manifest, source)
    parts = PartMap()
    episodes: list[Any] = []
    media: dict[str, Any] = {}
    for kind, key, fmt in (("episodes", "id", EPISODE_FORMAT), ("media", "shard", MEDIA_FORMAT)):
        for entry in manifest_entries(manifest, kind, source):
            ref, data = _read_part(root, entry, key, fmt, source)
            name = str(entry[key])
            if kind == "episodes":
                parts.episodes[name] = ref
                episodes.append(data.get("episode"))
            else:
                parts.media[name] = ref
                shard_media = data.get("media")
                if isinstance(shard_media, dict):
                    media.update(shard_media)
    series = dict(series, episodes=episodes, media=dict(sorted(media.items())))  # the single file's order
    return {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, "series": series}, parts


def _resolved_folder(folder: Path) -> Path:
    """``folder.resolve()``, cached while the folder stays the same one (same inode and type)."""
    try:
        st = os.lstat(folder)
    except OSError:
        return folder.resolve()
    return _resolve_cached(folder, st.st_ino, st.st_mode)


@functools.lru_cache(maxsize=64)
def _resolve_cached(folder: Path, _ino: int, _mode: int) -> Path:
    return folder.resolve()


def _inside(root: Path, rel: str) -> Path | None:
    """The file ``rel`` names if it stays inside ``root`` (None if not). A plain name in a part
    folder, not a symlink, needs one lstat (the folder is resolved once); anything else is
    resolved in full (opening a season reads ~360 parts: resolving each took 0.1-0.2 s)."""
    folder, _, name = rel.partition("/")
    plain = folder in (EPISODES_DIR, MEDIA_DIR) and name and "/" not in name and "\\" not in name \
        and name not in (".", "..") and "\0" not in name
    if plain:
        base = _resolved_folder(Path(root) / folder)
        real_root = _resolved_folder(Path(root))
        candidate = base / name
        if base.parent == real_root and not candidate.is_symlink():
            return candidate
    path = (Path(root) / rel).resolve()
    return path if Path(root).resolve() in path.parents else None


def _read_part(root: Path, entry: Any, key: str, fmt: str, source: str) -> tuple[PartRef, dict[str, Any]]:
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not isinstance(entry.get(key), str):
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 is not a Microdrama Studio project file."), source))
    rel = entry["file"]
    path = _inside(root, rel)
    if path is None or not rel.startswith((EPISODES_DIR + "/", MEDIA_DIR + "/")):
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 names a part file outside the project (%2); it is damaged."), source, rel))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 is missing or unreadable (%2); it is part of %3. Restore the folder from a "
            "copy, or open project.json.bak."), rel, exc.strerror or exc, source)) from exc
    digest = hashlib.sha256(raw).hexdigest()
    if entry.get("sha256") and entry["sha256"] != digest:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 is damaged (its content does not match the checksum in %2). Restore it from a "
            "copy, or open project.json.bak."), rel, source))
    try:
        data = _loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 is not valid JSON (%2); restore it or open project.json.bak."), rel, exc)) from exc
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectFile", "%1 is not a part of a Microdrama Studio project."), rel))
    return PartRef(rel, digest), data


def manifest_parts(path: Path) -> set[str] | None:
    """Part files a manifest names (None when it is not a readable split manifest)."""
    try:
        doc = _loads(path.read_bytes())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not is_split(doc):
        return set()
    out: set[str] = set()
    for kind in ("episodes", "media"):
        for entry in doc.get(kind) or []:
            if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                out.add(entry["file"])
    return out


def collect_garbage(root: Path, keep: Iterable[str] = ()) -> int:
    """Remove part files no manifest names (orphans of killed saves, parts of older saves).

    Call with :func:`write_lock` held. A manifest that cannot be read keeps everything
    (better an orphan than a lost episode). Returns how many files were removed."""
    root = Path(root)
    referenced = set(keep)
    for name in MANIFEST_NAMES:
        path = root / name
        if not path.exists():
            continue
        files = manifest_parts(path)
        if files is None:
            return 0
        referenced |= files
    removed = 0
    now = time.time()
    for folder in (EPISODES_DIR, MEDIA_DIR):
        base = root / folder
        if not base.is_dir():
            continue
        for path in base.iterdir():
            rel = f"{folder}/{path.name}"
            if rel in referenced:
                continue
            try:
                if now - path.stat().st_mtime < ORPHAN_GRACE_S and not path.name.endswith(".tmp"):
                    continue
                path.unlink()
                removed += 1
            except OSError:
                continue
    return removed


__all__ = ["Dirty", "Episode", "PartMap", "PartRef", "SplitSnapshot", "assemble", "collect_garbage",
           "follow_renamed_parts", "full_snapshot", "is_split", "shard_of", "take_snapshot", "write_lock", "write_parts", "write_split"]
