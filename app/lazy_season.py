"""Opening a split project with its episodes read on first use (``LazyEpisode``).

``open_split`` reads the manifest and the media index, and makes each episode from
its manifest line (id, number, title, summary) without reading its part file. A
manifest written before manifests carried summaries has episodes without them:
those are read at once, as before, and get a summary at the next save.

Checks that need the part (its checksum, JSON, schema, value ranges) run when the
part is read, with the same messages as before, naming the part file. Checks across
the season that the manifest answers (episode ids and numbers unique) run at open.
Object ids are checked unique within each episode as it is read, not across the
whole season (that needs every part; a duplicate could only come from editing the
files by hand).
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.model import Episode, MediaAsset, ProjectSettings, Series
from app.model.lazy_episode import EpisodeSummary, LazyEpisode, LazyState, summarize
from app.model.schema import ProjectFormatError
from app.model.serial import SchemaError, from_data
from app.model.validate import ValidationError, validate, validate_episode
from app.project_files import (
    EPISODE_FORMAT,
    EPISODES_DIR,
    MEDIA_FORMAT,
    PartMap,
    PartRef,
    _loads,
    _read_part,
    manifest_entries,
    manifest_series,
    not_project_error,
    schema_error,
)
from app.textfill import fill


def _safe_episode_file(rel: str) -> bool:
    """A part path that stays in the bundle's episodes/ folder (checked fully when it is read)."""
    return rel.startswith(EPISODES_DIR + "/") and "\\" not in rel and "\0" not in rel \
        and ".." not in rel.split("/")


def read_episode(root: Path, entry: dict[str, Any], source: str, index: int,
                 settings: ProjectSettings) -> Episode:
    """One episode's part: checksum, JSON, schema and values; a ProjectFormatError names the file."""
    ref, data = _read_part(root, entry, "id", EPISODE_FORMAT, source)
    where = f"series.episodes[{index}]"
    try:
        episode = from_data(Episode, data.get("episode"), where)
    except SchemaError as exc:
        raise schema_error(ref.file, exc) from exc
    try:
        validate_episode(episode, settings, where)
    except ValidationError as exc:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectValidation", "%1 holds a value no project can have: %2"), ref.file, exc)) from exc
    if episode.id != entry["id"]:
        raise schema_error(ref.file, f"{where}.id: {episode.id!r} != {entry['id']!r}")
    return episode


def _loader_of_part(root: Path, entry: dict[str, Any], source: str, index: int, settings: ProjectSettings,
                    part: PartRef) -> functools.partial[Episode]:
    """The loader of an episode whose part a save rewrote (same episode, new file and checksum)."""
    moved = dict(entry, file=part.file, sha256=part.sha256)
    return functools.partial(read_episode, root, moved, source, index, settings)


def open_split(root: Path, manifest: dict[str, Any], source: str) -> tuple[Series, PartMap]:
    """The series a split manifest describes, episodes unread where the manifest summarises them."""
    root = Path(root).absolute()
    head = manifest_series(manifest, source)
    parts = PartMap()
    media: dict[str, Any] = {}
    for entry in manifest_entries(manifest, "media", source):
        ref, data = _read_part(root, entry, "shard", MEDIA_FORMAT, source)
        parts.media[str(entry["shard"])] = ref
        shard_media = data.get("media")
        if isinstance(shard_media, dict):
            media.update(shard_media)
    try:
        series = from_data(Series, dict(head, episodes=[], media={}), "series")
        series.media = from_data(dict[str, MediaAsset], dict(sorted(media.items())), "series.media")
    except SchemaError as exc:
        raise schema_error(source, exc) from exc
    root_key = str(root)
    settings = dataclasses.replace(series.settings)  # a copy: a worker may read parts (app.unread_episodes)
    for index, entry in enumerate(manifest_entries(manifest, "episodes", source)):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) \
                or not isinstance(entry.get("id"), str):
            raise not_project_error(source)
        summary = EpisodeSummary.from_json(entry.get("summary"))
        number, title = entry.get("number"), entry.get("title")
        if summary is not None and type(number) is int and isinstance(title, str) \
                and _safe_episode_file(entry["file"]):
            ref = PartRef(entry["file"], str(entry.get("sha256") or ""))
            loader = functools.partial(read_episode, root, entry, source, index, settings)
            repoint = functools.partial(_loader_of_part, root, entry, source, index, settings)
            episode: Episode = LazyEpisode.unread(entry["id"], number, title,
                                                  LazyState(loader, ref, root_key, summary, repoint=repoint))
        else:  # a manifest from before summaries: read now (the next save adds them)
            ref, data = _read_part(root, entry, "id", EPISODE_FORMAT, source)
            try:
                episode = from_data(Episode, data.get("episode"), f"series.episodes[{index}]")
            except SchemaError as exc:
                raise schema_error(source, exc) from exc
            summary = summarize(episode)
        parts.episodes[entry["id"]] = ref
        parts.summaries[entry["id"]] = summary
        series.episodes.append(episode)
    try:
        validate(series)  # an unread episode's contents are checked when it is read
    except ValidationError as exc:
        raise ProjectFormatError(fill(QCoreApplication.translate(
            "ProjectValidation", "%1 holds a value no project can have: %2"), source, exc)) from exc
    return series, parts



def take_entries_of_part(root: Path, rel: str) -> list[tuple[str, str, str, str]]:
    """("take", id, path, name) of the takes (not deleted) in an episode part file, read as plain
    JSON without building the model: what the missing-media check needs of an episode nobody
    opened. A part that cannot be read gives none (reading the episode reports it)."""
    try:
        data = _loads((Path(root) / rel).read_bytes())
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    episode = data.get("episode") if isinstance(data, dict) else None
    out: list[tuple[str, str, str, str]] = []
    for scene in _items(episode, "scenes"):
        for shot in _items(scene, "shots"):
            for line in _items(shot, "dialogue"):
                for take in _items(line, "takes"):
                    path = take.get("path")
                    if isinstance(path, str) and path and not take.get("deleted"):
                        out.append(("take", str(take.get("id", "")), path, str(take.get("name", ""))))
    return out


def _items(obj: Any, key: str) -> list[dict[str, Any]]:
    value = obj.get(key) if isinstance(obj, dict) else None
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
