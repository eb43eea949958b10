"""The project bundle on disk: ``Name.mdrama/`` with project.json and media folders.

Layout::

    project.json       the series (schema-versioned JSON)
    project.json.bak   the previous good save
    media/ab/<sha256>.<ext>   imported and generated files, stored once by content
    takes/             voice recordings
    cache/             thumbnails, waveforms, proxies: always safe to delete
    renders/           exports

All asset paths in project.json are relative to the bundle root and are checked
never to leave it.
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
from pathlib import Path

from app.errors import UserError
from app.fsutil import atomic_write_bytes, fsync_dir, sha256_file
from app.model import MediaAsset, MediaKind, Provenance, Series
from app.model.schema import ProjectFormatError, decode, encode

BUNDLE_SUFFIX = ".mdrama"
PROJECT_FILE = "project.json"
BACKUP_FILE = "project.json.bak"
SUBFOLDERS = ("media", "takes", "cache", "renders")

VIDEO_EXTS = {".mp4", ".mov", ".mkv", ".webm", ".m4v", ".avi"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"}
AUDIO_EXTS = {".wav", ".flac", ".mp3", ".aac", ".m4a", ".ogg", ".opus"}


class BundleError(UserError):
    """A problem with the bundle a user can act on; the message says what to do."""


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def kind_for_extension(path: Path) -> MediaKind | None:
    ext = path.suffix.lower()
    if ext in VIDEO_EXTS:
        return MediaKind.VIDEO
    if ext in IMAGE_EXTS:
        return MediaKind.IMAGE
    if ext in AUDIO_EXTS:
        return MediaKind.AUDIO
    return None


class ProjectBundle:
    """A bundle folder. Knows paths and file I/O; the series itself lives in a ProjectDocument."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).absolute()

    # --------------------------------------------------------------- creation
    @classmethod
    def create(cls, root: Path, series: Series) -> ProjectBundle:
        root = Path(root)
        if root.suffix != BUNDLE_SUFFIX:
            root = root.with_name(root.name + BUNDLE_SUFFIX)
        if (root / PROJECT_FILE).exists():
            raise BundleError(f"{root} already holds a project; choose another name or open it.")
        try:
            root.mkdir(parents=True, exist_ok=True)
            for sub in SUBFOLDERS:
                (root / sub).mkdir(exist_ok=True)
        except OSError as exc:
            raise BundleError(f"Cannot create the project folder {root}: {exc.strerror}.") from exc
        bundle = cls(root)
        if not series.created_at:
            series.created_at = now_iso()
        bundle.save(series)
        return bundle

    # ------------------------------------------------------------------ paths
    @property
    def project_file(self) -> Path:
        return self.root / PROJECT_FILE

    @property
    def backup_file(self) -> Path:
        return self.root / BACKUP_FILE

    @property
    def name(self) -> str:
        return self.root.name.removesuffix(BUNDLE_SUFFIX)

    def resolve(self, relative: str) -> Path:
        """Absolute path of a bundle-relative asset path; refuses paths that leave the bundle."""
        if not relative or os.path.isabs(relative) or relative.startswith(("/", "\\")):
            raise BundleError(f"Asset path {relative!r} is not relative to the project bundle.")
        path = (self.root / relative).resolve()
        root = self.root.resolve()
        if path != root and root not in path.parents:
            raise BundleError(f"Asset path {relative!r} points outside the project bundle; it was ignored.")
        return path

    def relative(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()

    def folder(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    # -------------------------------------------------------------- load/save
    def load(self) -> Series:
        if not self.root.is_dir():
            raise BundleError(f"{self.root} is not a project folder (it does not exist).")
        try:
            raw = self.project_file.read_bytes()
        except FileNotFoundError as exc:
            raise BundleError(f"{self.root} has no {PROJECT_FILE}; it is not a Microdrama Studio project.") from exc
        except OSError as exc:
            raise BundleError(f"Cannot read {self.project_file}: {exc.strerror}.") from exc
        try:
            return decode(raw, str(self.project_file))
        except ProjectFormatError as exc:
            raise BundleError(str(exc)) from exc

    def save(self, series: Series) -> None:
        """Atomically replace project.json; the previous good file becomes project.json.bak."""
        data = encode(series)
        try:
            if self.project_file.exists():
                # hard-link-free copy keeps the old bytes even if the new write fails later
                atomic_write_bytes(self.backup_file, self.project_file.read_bytes())
            atomic_write_bytes(self.project_file, data)
        except OSError as exc:
            raise BundleError(
                f"Could not save {self.project_file}: {exc.strerror or exc}. "
                "The previous version on disk is intact; free some space or choose another folder."
            ) from exc

    # ------------------------------------------------------------------ media
    def import_file(self, source: Path, provenance: Provenance | None = None,
                    kind: MediaKind | None = None) -> MediaAsset:
        """Copy a file into media/ under its content hash; returns a new (unregistered) asset.

        The same content imported twice lands in the same file. Probing is the media
        engine's job (``app.media``); this only stores bytes.
        """
        source = Path(source)
        if not source.is_file():
            raise BundleError(f"{source} does not exist or is not a file.")
        kind = kind or kind_for_extension(source)
        if kind is None:
            raise BundleError(f"{source.name}: unsupported file type {source.suffix or '(none)'}.")
        digest = sha256_file(source)
        rel = f"media/{digest[:2]}/{digest}{source.suffix.lower()}"
        target = self.root / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".part")
            try:
                shutil.copyfile(source, tmp)
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
                fsync_dir(target.parent)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise BundleError(f"Could not copy {source.name} into the project: {exc.strerror or exc}.") from exc
        prov = provenance or Provenance(source="imported")
        if not prov.original_filename:
            prov.original_filename = source.name
        return MediaAsset(
            id=digest[:16], sha256=digest, path=rel, kind=kind, original_name=source.name,
            size_bytes=target.stat().st_size, imported_at=now_iso(), provenance=prov,
        )

    def missing_media(self, series: Series) -> list[MediaAsset]:
        missing = []
        for asset in series.media.values():
            try:
                ok = self.resolve(asset.path).is_file()
            except BundleError:
                ok = False
            if not ok:
                missing.append(asset)
        return missing
