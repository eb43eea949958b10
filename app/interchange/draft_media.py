"""The media a draft points at: found in the bundle, checked, copied ("collect files") or linked.

A draft names each material by an absolute path. With *collect*, every file is
copied into the draft's ``materials/`` folder, so the whole draft moves as one
folder; otherwise the draft points into the project bundle. Materials are read
from where the file is now (pyJianYingDraft probes them with MediaInfo) and then
given the path they will have once the draft is renamed into place.
"""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bundle import BundleError, ProjectBundle
from app.errors import UserError
from app.model import Clip, Episode, MediaKind, Series

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


translate = QCoreApplication.translate


def safe_name(name: str) -> str:
    """A file or folder name valid on Windows, macOS and Linux (Chinese kept)."""
    return _UNSAFE.sub("_", name).strip(" .")[:120]


@dataclass(frozen=True)
class MediaSource:
    key: str  # asset id or take id
    path: Path  # the file in the bundle
    name: str  # what the user calls it
    kind: MediaKind


def _take_path(episode: Episode, take_id: str) -> tuple[str, str] | None:
    for _, line in episode.dialogue_lines():
        for take in line.takes:
            if take.id == take_id:
                return take.path, Path(take.path).name  # takes' files are named per line; "Take 2" is not
    return None


def _source(series: Series, episode: Episode, bundle: ProjectBundle, clip: Clip) -> MediaSource | str | None:
    """The clip's file, a name of missing media (str), or None for text clips."""
    if clip.asset_id is not None:
        asset = series.media.get(clip.asset_id)
        if asset is None:
            return clip.name or clip.asset_id
        label = asset.original_name or Path(asset.path).name
        try:
            path = bundle.resolve(asset.path)
        except BundleError:
            return label
        return MediaSource(asset.id, path, label, asset.kind) if path.is_file() else label
    if clip.take_id:
        found = _take_path(episode, clip.take_id)
        if found is None or not found[0]:
            return clip.name or clip.take_id
        try:
            path = bundle.resolve(found[0])
        except BundleError:
            return found[1]
        return MediaSource(clip.take_id, path, found[1], MediaKind.AUDIO) if path.is_file() else found[1]
    return None


def collect_sources(series: Series, episode: Episode, bundle: ProjectBundle) -> dict[str, MediaSource]:
    """Every file the episode's enabled clips play, by clip id; raises UserError naming offline media."""
    found: dict[str, MediaSource] = {}
    missing: list[str] = []
    for track in episode.timeline.tracks:
        for clip in track.clips:
            if not clip.enabled:
                continue
            source = _source(series, episode, bundle, clip)
            if isinstance(source, str):
                if source not in missing:
                    missing.append(source)
            elif source is not None:
                found[clip.id] = source
    if missing:
        shown = ", ".join(missing[:5]) + (
            translate("DraftExport", " and {n} more").format(n=len(missing) - 5) if len(missing) > 5 else ""
        )
        raise UserError(
            translate(
                "DraftExport",
                "{n} media file(s) are offline: {files}. Relink or regenerate them (Media > Missing "
                "media), then export again.",
            ).format(n=len(missing), files=shown)
        )
    return found


class DraftMedia:
    """Copies or links the episode's files and hands out one draft material per file."""

    def __init__(
        self, sources: dict[str, MediaSource], draft_dir: Path, final_dir: Path, collect: bool
    ) -> None:
        self.sources = sources
        self.draft_dir = draft_dir
        self.final_dir = final_dir
        self.collect = collect
        self.copied_files = 0
        self.problems: list[str] = []
        self._local: dict[str, Path] = {}  # key -> file as it is now (copy in the temp draft, or bundle file)
        self._final: dict[str, Path] = {}  # key -> path the draft will name
        self._materials: dict[str, Any] = {}

    def prepare(self, progress: Callable[[float, str], None], check_cancel: Callable[[], None]) -> None:
        unique = {s.key: s for s in self.sources.values()}
        total = sum(s.path.stat().st_size for s in unique.values()) or 1
        done = 0
        used: set[str] = set()
        for source in unique.values():
            check_cancel()
            if not self.collect:
                self._local[source.key] = self._final[source.key] = source.path
                continue
            folder = {MediaKind.VIDEO: "video", MediaKind.IMAGE: "image", MediaKind.AUDIO: "audio"}[
                source.kind
            ]
            stem = safe_name(Path(source.name).stem)[:60] or source.key[:8]  # Windows paths stay short
            suffix = source.path.suffix or Path(source.name).suffix
            name, n = f"{stem}{suffix}", 2
            while f"{folder}/{name}".lower() in used:
                name, n = f"{stem}-{n}{suffix}", n + 1
            used.add(f"{folder}/{name}".lower())
            relative = Path("materials") / folder / name
            target = self.draft_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            progress(done / total, translate("DraftExport", "Copying {file}").format(file=source.name))
            shutil.copyfile(source.path, target)
            done += source.path.stat().st_size
            self.copied_files += 1
            self._local[source.key] = target
            self._final[source.key] = self.final_dir / relative
        progress(1.0, "")

    def source_for(self, clip: Clip) -> MediaSource | None:
        return self.sources.get(clip.id)

    def _material(self, source: MediaSource, make: Callable[[str, str], Any]) -> Any:
        material = self._materials.get(source.key)
        if material is None:
            try:
                material = make(str(self._local[source.key]), source.name)
            except (ValueError, KeyError, IndexError) as exc:
                raise UserError(
                    translate(
                        "DraftExport",
                        "Could not read {file} as media ({why}); it may be damaged. Replace it and "
                        "export again.",
                    ).format(file=source.name, why=exc)
                ) from exc
            material.path = str(self._final[source.key])
            if hasattr(material, "local_material_id") and not material.local_material_id:
                # Jianying 5.9+ locates local media by this id and the path; the library leaves it empty.
                material.local_material_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"microdrama:{source.key}"))
            self._materials[source.key] = material
        return material

    def video_material(self, source: MediaSource) -> Any:
        import pyJianYingDraft as jy

        return self._material(source, lambda path, name: jy.VideoMaterial(path, material_name=name))

    def audio_material(self, source: MediaSource) -> Any:
        import pyJianYingDraft as jy

        return self._material(source, lambda path, name: jy.AudioMaterial(path, material_name=name))
