"""Import a media file into the open project: validate, copy into the bundle, probe, register.

The file is judged by its content: a PNG named ``.mp4`` is imported as a PNG (and
stored with the right extension). Before anything is copied the file must probe
cleanly and decode (first video frame, a stretch of audio, the whole still), so a
broken download never lands in the project. Thumbnails, waveform and proxy are
then made in the background by ``session.services.media`` (it reacts to ``mediaChanged``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.media.audio_io import iter_audio
from app.media.decode import FrameFetcher
from app.media.errors import MediaError
from app.media.probe import probe_file
from app.media.stills import load_still
from app.model import MediaAsset, MediaKind, Provenance

_IMAGE_EXT = {"png": ".png", "jpeg": ".jpg", "webp": ".webp", "gif": ".gif", "bmp": ".bmp", "tiff": ".tif"}
_AUDIO_EXT = {"wav": ".wav", "flac": ".flac", "mp3": ".mp3", "aac": ".aac", "ogg": ".ogg"}
_OK_EXTS = {
    "image": {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff"},
    "video": {".mp4", ".mov", ".mkv", ".webm", ".m4v", ".avi"},
    "audio": {".wav", ".flac", ".mp3", ".aac", ".m4a", ".ogg", ".opus"},
}


def proper_extension(probe: dict) -> str:
    """The extension a file with this probe should carry."""
    kind = probe.get("kind")
    container = str(probe.get("container", ""))
    if kind == "image":
        return _IMAGE_EXT.get(str(probe.get("image_format", "")), ".png")
    if kind == "video":
        if "matroska" in container:
            return ".webm" if probe.get("video_codec") in ("vp8", "vp9", "av1") else ".mkv"
        if container == "avi":
            return ".avi"
        return ".mov" if probe.get("video_codec") == "prores" else ".mp4"
    first = container.split(",")[0]
    if first in _AUDIO_EXT:
        return _AUDIO_EXT[first]
    if first == "mov":
        return ".m4a"
    return ".ogg" if "ogg" in container else ".wav"


def validate_decodes(path: Path, probe: dict) -> None:
    """Decode enough of ``path`` to know it is usable; raises MediaError otherwise."""
    kind = probe["kind"]
    if kind == "image":
        load_still(path)
        return
    if kind == "video":
        with tempfile.TemporaryDirectory() as tmp:
            fetcher = FrameFetcher(Path(tmp), cache_bytes=64 * 1024 * 1024)
            try:
                fetcher.frame_at(path, Fraction(0), (64, 64))
                last = fetcher.index_of(path)
                fetcher.frame_at(path, last.time_of(last.frames - 1), (64, 64))
            finally:
                fetcher.close()
    if kind == "audio" or probe.get("has_audio"):
        got = 0
        for block in iter_audio(path, 48000, 2):
            got += len(block)
            if got >= 24000:
                break
        if kind == "audio" and got == 0:
            raise MediaError(QCoreApplication.translate("MediaImporter", "{name} contains no audio samples (zero length).").format(name=path.name))


def import_media(session, path: Path, provenance: Provenance | None = None) -> MediaAsset:
    """Import ``path`` into ``session``'s project and return its (registered) asset.

    Importing the same content twice returns the asset already in the project.
    Raises UserError (MediaError) with a clear message for files that cannot be used.
    GUI code with big files should use ``store_media`` on a worker and ``register_media`` after.
    """
    return register_media(session, store_media(session, path, provenance))


def store_media(session, path: Path, provenance: Provenance | None = None) -> MediaAsset:
    """The slow half of an import (probe, test decode, copy into the bundle); safe on a worker.

    The project model is not touched: hand the asset to ``register_media`` on the GUI thread.
    """
    bundle = session.bundle
    if bundle is None:
        raise UserError(QCoreApplication.translate("Errors", "Open or create a project before importing media."))
    path = Path(path)
    probe = probe_file(path)
    validate_decodes(path, probe)
    kind = MediaKind(probe["kind"])
    prov = provenance or Provenance(source="imported")
    if not prov.original_filename:
        prov.original_filename = path.name
    ext = path.suffix.lower()
    if ext not in _OK_EXTS[probe["kind"]]:
        asset = _import_renamed(bundle, path, path.stem + proper_extension(probe), prov, kind)
    else:
        asset = bundle.import_file(path, provenance=prov, kind=kind)
    asset.original_name = path.name
    asset.probe = probe
    return asset


def register_media(session, asset: MediaAsset) -> MediaAsset:
    """Add a stored asset to the project (GUI thread), or return the one already there."""
    existing = session.document.media(asset.id)
    if existing is not None and existing.probe:
        return existing
    session.document.add_media_raw(asset)
    return asset


def _import_renamed(bundle, path: Path, name: str, prov: Provenance, kind: MediaKind) -> MediaAsset:
    """Import under a corrected name (so the stored file's extension matches its content)."""
    with tempfile.TemporaryDirectory(dir=bundle.folder("cache")) as tmp:
        link = Path(tmp) / name
        try:
            os.link(path, link)
        except OSError:
            shutil.copyfile(path, link)
        return bundle.import_file(link, provenance=prov, kind=kind)
