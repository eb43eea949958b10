"""The project bundle on disk: ``Name.mdrama/`` with project.json and media folders.

Layout::

    project.json       the series-level data and the list of part files (``app.project_files``)
    episodes/          one file per episode, named by content hash (``app.project_files``)
    media-index/       the media records, in 256 shards named by content hash
    project.json.bak   the previous good save (its part files are kept while it names them)
    project.autosave.json  the minute-by-minute autosave (only while there are unsaved edits)
    backups/           the single-file project.json of an older version, kept when it was split
    .lock              who has the project open (app.project_lock)
    media/ab/<sha256>.<ext>   imported and generated files, stored once by content
    takes/             voice recordings
    cache/             thumbnails, waveforms, proxies: always safe to delete
    renders/           exports

All asset paths in project.json are relative to the bundle root and are checked
never to leave it.
"""

from __future__ import annotations

import datetime as _dt
import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.fsutil import atomic_write_bytes, fsync_dir, make_temp, sha256_file
from app.model import MediaAsset, MediaKind, Provenance, Series
from app.model.lazy_episode import LazyEpisode
from app.model.schema import ProjectFormatError, decode_doc, parse
from app.project_files import (
    PartMap,
    SplitSnapshot,
    collect_garbage,
    full_snapshot,
    is_split,
    write_lock,
    write_parts,
)
from app.textfill import fill

BUNDLE_SUFFIX = ".mdrama"
PROJECT_FILE = "project.json"
BACKUP_FILE = "project.json.bak"
AUTOSAVE_FILE = "project.autosave.json"
BACKUPS_FOLDER = "backups"  # single-file project.json files of older versions, kept when split
SUBFOLDERS = ("media", "takes", "cache", "renders")

VIDEO_EXTS = {".mp4", ".mov", ".mkv", ".webm", ".m4v", ".avi"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"}
AUDIO_EXTS = {".wav", ".flac", ".mp3", ".aac", ".m4a", ".ogg", ".opus"}


class BundleError(UserError):
    """A problem with the bundle a user can act on; the message says what to do."""


@dataclass
class BackupState:
    exists: bool
    usable: bool
    modified: float = 0.0  # POSIX time of project.json.bak
    problem: str = ""


class ProjectFileError(BundleError):
    """project.json is damaged, missing or from a newer app.

    ``backup`` tells whether project.json.bak loads; if it does, the GUI offers
    "Open backup" (``Session.open(path, use_backup=True)``), the CLI suggests
    ``--use-backup``. The damaged file is never modified by opening.
    """

    def __init__(self, path: Path, problem: str, backup: BackupState | None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.backup = backup
        text = problem
        if backup is not None and backup.usable:
            when = _dt.datetime.fromtimestamp(backup.modified).strftime("%Y-%m-%d %H:%M")
            text += " " + fill(QCoreApplication.translate(
                "ProjectFile", "A good backup from %1 exists (%2): open it instead (the editor offers this; "
                "`microdrama info --use-backup` reads it; or copy it over %3). The damaged %4 is kept."),
                when, BACKUP_FILE, PROJECT_FILE, path.name)
        elif backup is not None and backup.exists:
            text += " " + fill(QCoreApplication.translate(
                "ProjectFile", "The backup %1 is damaged too; recover the autosave if one is offered."), BACKUP_FILE)
        super().__init__(text)


@dataclass
class MediaProblem:
    """An asset or take whose file cannot be used; ``reason`` is "missing" or "outside"."""

    kind: str  # "asset" or "take"
    obj_id: str
    path: str
    reason: str
    name: str = ""


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
        self._known_good: tuple[int, int, int] | None = None  # stat of the project.json we read or wrote
        self.parts = PartMap()  # part files of the project.json last read or written
        self.single_file = False  # the project.json last read is the older single-file format

    # --------------------------------------------------------------- creation
    @classmethod
    def create(cls, root: Path, series: Series) -> ProjectBundle:
        root = Path(root)
        if root.suffix != BUNDLE_SUFFIX:
            root = root.with_name(root.name + BUNDLE_SUFFIX)
        if (root / PROJECT_FILE).exists():
            raise BundleError(QCoreApplication.translate("Errors", "{folder} already holds a project; choose another name or open it.").format(folder=root))
        try:
            root.mkdir(parents=True, exist_ok=True)
            for sub in SUBFOLDERS:
                (root / sub).mkdir(exist_ok=True)
        except OSError as exc:
            raise BundleError(QCoreApplication.translate("Errors", "Cannot create the project folder {folder}: {reason}.").format(
                folder=root, reason=exc.strerror)) from exc
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
        if not relative or os.path.isabs(relative) or relative.startswith(("/", "\\")) or "\0" in relative:
            raise BundleError(QCoreApplication.translate("Errors", "Asset path {path!r} is not relative to the project bundle.").format(
                path=relative))
        path = (self.root / relative).resolve()
        root = self.root.resolve()
        if path != root and root not in path.parents:
            raise BundleError(QCoreApplication.translate("Errors", "Asset path {path!r} points outside the project bundle; it was ignored.").format(
                path=relative))
        return path

    def relative(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()

    def folder(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    # -------------------------------------------------------------- load/save
    @property
    def autosave_file(self) -> Path:
        return self.root / AUTOSAVE_FILE

    def load(self, use_backup: bool = False) -> Series:
        """Read project.json (or project.json.bak with ``use_backup``).

        Raises ``ProjectFileError`` when the file is damaged, saying whether the
        backup is usable, and plain ``BundleError`` when there is no project.
        """
        if not self.root.is_dir():
            raise BundleError(QCoreApplication.translate("Errors", "{folder} is not a project folder (it does not exist).").format(folder=self.root))
        path = self.backup_file if use_backup else self.project_file
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            if use_backup:
                raise BundleError(QCoreApplication.translate("Errors", "{folder} has no backup ({file}) to open.").format(
                    folder=self.root, file=BACKUP_FILE)) from exc
            if self.backup_file.is_file():
                raise ProjectFileError(path, fill(QCoreApplication.translate("ProjectFile", "%1 is missing."), path),
                                       self._backup_state()) from exc
            raise BundleError(QCoreApplication.translate("Errors", "{folder} has no {file}; it is not a Microdrama Studio project.").format(
                folder=self.root, file=PROJECT_FILE)) from exc
        except OSError as exc:
            raise BundleError(QCoreApplication.translate("Errors", "Cannot read {path}: {reason}. Check the folder's permissions.").format(
                path=path, reason=exc.strerror)) from exc
        try:
            series, parts, single = self.decode_file(raw, path)
            problem = read_first_episode(series)
            if problem:
                raise ProjectFormatError(problem)
        except ProjectFormatError as exc:
            raise ProjectFileError(path, str(exc), None if use_backup else self._backup_state()) from exc
        self.parts, self.single_file = parts, single
        if not use_backup:
            self._remember_good()
        return series

    def decode_file(self, raw: bytes, path: Path) -> tuple[Series, PartMap, bool]:
        """A project file's series (a split manifest is assembled from its parts), its parts,
        and whether it is the older single-file format."""
        doc = parse(raw, str(path))
        if is_split(doc):
            from app.lazy_season import open_split

            series, parts = open_split(self.root, doc, str(path))  # episodes are read on first use
            return series, parts, False
        return decode_doc(doc, str(path)), PartMap(), True

    def _stat_key(self) -> tuple[int, int, int] | None:
        try:
            st = self.project_file.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _remember_good(self) -> None:
        self._known_good = self._stat_key()

    def _backup_state(self) -> BackupState:
        """Whether project.json.bak loads, and when it was written."""
        try:
            raw = self.backup_file.read_bytes()
            mtime = self.backup_file.stat().st_mtime
        except OSError:
            return BackupState(exists=False, usable=False)
        try:
            self.decode_file(raw, self.backup_file)
        except ProjectFormatError as exc:
            return BackupState(exists=True, usable=False, modified=mtime, problem=str(exc))
        return BackupState(exists=True, usable=True, modified=mtime)

    def project_file_is_good(self) -> bool:
        """True when project.json loads as a project.

        Free when the file is the one this bundle last read or wrote (same
        inode, size and mtime); otherwise it is fully decoded.
        """
        key = self._stat_key()
        if key is None:
            return False
        if key == self._known_good:
            return True
        try:
            self.decode_file(self.project_file.read_bytes(), self.project_file)
        except (OSError, ProjectFormatError):
            return False
        return True

    def save(self, series: Series) -> None:
        """Write the whole series (unchanged parts are not rewritten: they are named by content)."""
        self.save_snapshot(full_snapshot(series))

    def save_snapshot(self, snap: SplitSnapshot, *, rotate: bool = True) -> PartMap:
        """Commit a snapshot: new part files, then project.json; the previous one becomes project.json.bak.

        Runs on any thread (the editor saves on a worker). Order matters for crash
        safety: the part files are fsynced before project.json names them, and the old
        project.json is hard-linked to the backup name (no bytes copied, so this works
        on a full disk) before the new one is renamed over it. At every instant the disk
        holds a complete old or new project. A damaged project.json is never rotated over
        a good backup; it is moved aside as ``project.json.damaged-<time>``. The first
        save of an older single-file project keeps it in ``backups/`` (the migration).
        ``rotate=False`` (the job-journal fold) leaves project.json.bak as it is.
        """
        target = self.project_file
        with write_lock(self.root):
            try:
                data, parts = write_parts(self.root, snap)
                if target.exists():
                    if self.project_file_is_good():
                        self._keep_single_file_original()
                        if rotate:
                            self._rotate_backup()
                    else:
                        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                        os.replace(target, self.root / f"{PROJECT_FILE}.damaged-{stamp}")
                atomic_write_bytes(target, data)
            except OSError as exc:
                raise BundleError(save_failure_message(target, exc)) from exc
            self._remember_good()
            self.parts, self.single_file = parts, False
            try:
                collect_garbage(self.root)
            except OSError:
                pass  # orphans are harmless; the next save tries again
        return parts

    def _keep_single_file_original(self) -> None:
        """Before project.json is first written split, keep the single-file original in backups/."""
        if self._stat_key() == self._known_good:
            single = self.single_file
        else:
            try:
                single = not is_split(parse(self.project_file.read_bytes(), str(self.project_file)))
            except (OSError, ProjectFormatError):
                return
        if not single:
            return
        folder = self.root / BACKUPS_FOLDER
        folder.mkdir(exist_ok=True)
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        keep = folder / f"project.single-file-{stamp}.json"
        if keep.exists():
            return
        try:
            os.link(self.project_file, keep)
        except OSError:
            atomic_write_bytes(keep, self.project_file.read_bytes())
        fsync_dir(folder)

    def _rotate_backup(self) -> None:
        tmp = self.root / f".{BACKUP_FILE}.{os.getpid()}.tmp"
        tmp.unlink(missing_ok=True)
        try:
            os.link(self.project_file, tmp)
        except OSError:
            # file systems without hard links: copy the bytes (durably) instead
            atomic_write_bytes(self.backup_file, self.project_file.read_bytes())
            return
        os.replace(tmp, self.backup_file)
        fsync_dir(self.root)

    def clean_stale_temp_files(self) -> None:
        """Remove temp files an interrupted save left behind (only call while holding the lock),
        and the temp files of exports to ``renders/`` that were killed (``app.export_leftovers``)."""
        for tmp in self.root.glob(".*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass
        from app.export_leftovers import clean_abandoned_exports

        clean_abandoned_exports(self.root / "renders")

    # ------------------------------------------------------------- checking
    def media_problems(self, series: Series) -> list[MediaProblem]:
        """Assets and takes whose files are missing or whose paths would leave the bundle.

        A path leaving the bundle (``../``, absolute, or a symlink pointing out)
        is never resolved anywhere: ``resolve`` refuses it, so such an asset is
        treated as missing and nothing outside the project is ever read.
        """
        problems: list[MediaProblem] = []

        def check(kind: str, obj_id: str, rel: str, name: str) -> None:
            try:
                ok = self.resolve(rel).is_file()
            except BundleError:
                problems.append(MediaProblem(kind, obj_id, rel, "outside", name))
                return
            if not ok:
                problems.append(MediaProblem(kind, obj_id, rel, "missing", name))

        for asset in series.media.values():
            check("asset", asset.id, asset.path, asset.original_name)
        from app.lazy_season import take_entries_of_part

        for episode in series.episodes:
            if isinstance(episode, LazyEpisode) and episode.lazy is not None and not episode.loaded:
                # never opened: its takes come from the part file as plain data (no model built)
                for kind, obj_id, rel, name in take_entries_of_part(Path(episode.lazy.root), episode.lazy.part.file):
                    check(kind, obj_id, rel, name)
                continue
            for _shot, line in episode.dialogue_lines():
                for take in line.takes:
                    if take.path and not take.deleted:
                        check("take", take.id, take.path, take.name)
        return problems

    # ------------------------------------------------------------------ media
    def import_file(self, source: Path, provenance: Provenance | None = None,
                    kind: MediaKind | None = None) -> MediaAsset:
        """Copy a file into media/ under its content hash; returns a new (unregistered) asset.

        The same content imported twice lands in the same file. Probing is the media
        engine's job (``app.media``); this only stores bytes.
        """
        source = Path(source)
        if not source.is_file():
            raise BundleError(QCoreApplication.translate("Errors", "{path} does not exist or is not a file.").format(path=source))
        kind = kind or kind_for_extension(source)
        if kind is None:
            raise BundleError(QCoreApplication.translate("Errors", "{name}: unsupported file type {suffix}.").format(
                name=source.name, suffix=source.suffix or "(none)"))
        digest = sha256_file(source)
        rel = f"media/{digest[:2]}/{digest}{source.suffix.lower()}"
        target = self.root / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # a unique temporary name: two workers storing the same bytes must not share one
            fd, tmp_name = make_temp(target.parent, f".{target.name}.", ".part")
            os.close(fd)
            tmp = Path(tmp_name)
            try:
                shutil.copyfile(source, tmp)
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
                fsync_dir(target.parent)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise BundleError(QCoreApplication.translate("Errors", "Could not copy {name} into the project: {reason}.").format(
                    name=source.name, reason=exc.strerror or exc)) from exc
        prov = provenance or Provenance(source="imported")
        if not prov.original_filename:
            prov.original_filename = source.name
        return MediaAsset(
            id=digest[:16], sha256=digest, path=rel, kind=kind, original_name=source.name,
            size_bytes=target.stat().st_size, imported_at=now_iso(), provenance=prov,
        )

    def missing_media(self, series: Series) -> list[MediaAsset]:
        """Assets that cannot be used: file missing or path leaving the bundle."""
        bad = {p.obj_id for p in self.media_problems(series) if p.kind == "asset"}
        return [a for a in series.media.values() if a.id in bad]


def read_first_episode(series: Series) -> str:
    """Read the episode an editor shows first (the others are read on first use); why it cannot
    be read, or "". A damaged first episode fails the open, so the backup is offered at once."""
    first = series.episodes[0] if series.episodes else None
    if isinstance(first, LazyEpisode):
        first.materialise()
        return first.damaged
    return ""


def save_failure_message(path: Path, exc: OSError) -> str:
    """What went wrong writing ``path`` and what the user can do, by errno."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        advice = QCoreApplication.translate(
            "Errors", "The disk is full (or the file size limit was reached): free some space and save again")
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        advice = QCoreApplication.translate(
            "Errors", "The folder is read-only: make it writable, or use File > Save As to save a copy somewhere else")
    else:
        advice = QCoreApplication.translate("Errors", "Check the disk and save again, or save a copy somewhere else")
    return QCoreApplication.translate(
        "Errors", "Could not save {path}: {reason}. Your work is still open and unsaved; the last saved "
        "version on disk is intact. {advice}.").format(path=path, reason=reason, advice=advice)


def copy_bundle(source: ProjectBundle, target_root: Path, series: Series) -> ProjectBundle:
    """Create a new bundle at ``target_root`` holding ``series`` and the files it uses.

    Media and takes are copied (cache and renders are not: they can be rebuilt).
    Refuses a target that already holds a project. On failure the partial
    target is left for inspection and the source is untouched.
    """
    target_root = Path(target_root)
    if target_root.suffix != BUNDLE_SUFFIX:
        target_root = target_root.with_name(target_root.name + BUNDLE_SUFFIX)
    if (target_root / PROJECT_FILE).exists():
        raise BundleError(QCoreApplication.translate("Errors", "{folder} already holds a project; choose another name.").format(folder=target_root))
    try:
        target_root.mkdir(parents=True, exist_ok=True)
        for sub in SUBFOLDERS:
            (target_root / sub).mkdir(exist_ok=True)
        target = ProjectBundle(target_root)
        rels = [a.path for a in series.media.values()]
        rels += [t.path for e in series.episodes for _s, line in e.dialogue_lines() for t in line.takes if t.path]
        for rel in rels:
            try:
                src = source.resolve(rel)
                dst = target.resolve(rel)
            except BundleError:
                continue  # paths leaving the bundle are never followed
            if src.is_file() and not dst.exists():
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dst)
    except OSError as exc:
        raise BundleError(save_failure_message(target_root, exc)) from exc
    target.save(series)
    return target
