"""Where a finished generation goes: checked, stored in the bundle, attached to its target.

Decision (documented for the storyboard and timeline): a result that arrives is
a *fact*, not an edit. It is registered as media and appended to the target
shot's ``stills``/``clips`` versions without an undo step (undoing "a paid
result arrived" would only hide it), and becomes the chosen version when the
shot had none, or when the job asked for it (``target["choose"]``: an explicit
regenerate). Picking another version afterwards is an ordinary undoable edit.
A music bed lands on the episode's first music track when that track is empty.

The same change list is applied to the open document (with its signals) and,
replayed from the job journal (``app.jobs.journal``), to the project on disk.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.bundle import ProjectBundle, kind_for_extension
from app.errors import UserError
from app.model import Clip, MediaAsset, MediaKind, Provenance, Series, TrackKind

if TYPE_CHECKING:
    from app.document import ProjectDocument

log = logging.getLogger(__name__)

# ProjectBundle.import_file stages identical content under one ".part" name; two
# workers storing the same bytes at once (it happens: a vendor returning a cached
# image) must not race on it.
_import_lock = threading.Lock()

# Finds a model object by id: ``ProjectDocument.find`` (its index) for the open project,
# ``SeriesIndex(series).find`` for a plain Series (the file on disk, a journal replay).
Lookup = Callable[[str | None], Any | None]

MEDIA_TYPES = {"image": MediaKind.IMAGE, "video": MediaKind.VIDEO, "audio": MediaKind.AUDIO}


class ResultRejected(UserError):
    """A downloaded result is not usable media; it was not added to the project."""


# ----------------------------------------------------------------- checking
def media_kind(path: Path, hint: str = "") -> MediaKind:
    kind = MEDIA_TYPES.get(hint) or kind_for_extension(path)
    if kind is None:
        raise ResultRejected(QCoreApplication.translate("JobsLanding", "The provider returned {name}, which is not an image, video or audio file.").format(name=path.name))
    return kind


def basic_probe(path: Path, kind: MediaKind) -> dict[str, Any]:
    """Decode enough of ``path`` to be sure it is ``kind`` media; returns a probe dict.

    Raises ResultRejected when the file does not decode, so a broken download
    never enters the bundle.
    """
    probe: dict[str, Any] = {"kind": kind.value, "width": 0, "height": 0, "fps": 0.0, "frames": 0,
                             "duration": 0.0, "rotation": 0, "vfr": False, "video_codec": "",
                             "has_audio": False, "audio_rate": 0, "audio_channels": 0, "audio_codec": ""}
    if kind is MediaKind.IMAGE:
        from PySide6.QtGui import QImageReader

        reader = QImageReader(str(path))
        size = reader.size()
        if not reader.canRead() or size.width() <= 0:
            raise ResultRejected(QCoreApplication.translate("JobsLanding", "{name} is not a readable image; the download was discarded.").format(name=path.name))
        probe.update(width=size.width(), height=size.height(), frames=1)
        return probe
    import av

    try:
        with av.open(str(path)) as container:
            video = next(iter(container.streams.video), None)
            audio = next(iter(container.streams.audio), None)
            if kind is MediaKind.VIDEO and video is None:
                raise ResultRejected(QCoreApplication.translate("JobsLanding", "{name} has no video stream; the download was discarded.").format(name=path.name))
            if kind is MediaKind.AUDIO and audio is None:
                raise ResultRejected(QCoreApplication.translate("JobsLanding", "{name} has no audio stream; the download was discarded.").format(name=path.name))
            duration = float(container.duration / 1_000_000) if container.duration else 0.0
            if video is not None:
                fps = float(video.average_rate or video.guessed_rate or 0)
                frame = next(container.decode(video), None)
                if frame is None:
                    raise ResultRejected(QCoreApplication.translate("JobsLanding", "{name} holds no decodable picture; the download was discarded.").format(name=path.name))
                frames = video.frames or (round(duration * fps) if fps else 0)
                probe.update(width=frame.width, height=frame.height, fps=fps, frames=int(frames),
                             video_codec=video.codec_context.name)
            if audio is not None:
                probe.update(has_audio=True, audio_rate=int(audio.rate or 0),
                             audio_channels=int(audio.channels or 0), audio_codec=audio.codec_context.name)
            probe["duration"] = duration
    except ResultRejected:
        raise
    except Exception as exc:  # av raises many error types for broken files
        raise ResultRejected(QCoreApplication.translate("JobsLanding", "{name} does not decode as {value} ({__name__}); the download was discarded.").format(name=path.name, value=kind.value, __name__=type(exc).__name__)) from None
    return probe


def store_result(bundle: ProjectBundle, path: Path, provenance: Provenance, hint: str = "") -> MediaAsset:
    """Check ``path`` and copy it into the bundle (worker thread). The asset is not yet registered."""
    kind = media_kind(path, hint)
    probe = basic_probe(path, kind)
    try:
        from app.media.probe import probe_file  # the media engine's full probe, when present

        probe = probe_file(path) or probe
    except ImportError:
        pass
    except Exception as exc:  # a probe failure must not lose a paid result that decoded above
        log.warning("full probe of %s failed: %s", path, exc)
    with _import_lock:
        asset = bundle.import_file(path, provenance=provenance, kind=kind)
    asset.probe = probe
    return asset


# ---------------------------------------------------------------- attaching
@dataclass
class Change:
    """One model change: set ``values`` on object ``obj_id``, or insert ``item`` into ``owner_id.field``."""

    obj_id: str
    values: dict[str, Any] | None = None
    field: str = ""
    item: Any = None


def attach_changes(series: Series, target: dict[str, Any], asset: MediaAsset, fps: int = 30,
                   find: Lookup | None = None) -> list[Change]:
    """The changes that put ``asset`` where ``target`` says (empty if the target is gone).

    ``find`` looks the target up by id; the open project passes its document's index, so a
    landing costs the same in a 100-episode season as in one episode (walking the season for
    each of a batch's results stalled the GUI thread for seconds).
    """
    find = find or SeriesIndex(series).find
    slot = target.get("slot", "")
    choose = bool(target.get("choose"))
    if slot in ("still", "clip"):
        shot = find(target.get("shot_id"))
        if shot is None:
            return []
        versions, chosen = ("stills", "chosen_still") if slot == "still" else ("clips", "chosen_clip")
        current = list(getattr(shot, versions))
        values: dict[str, Any] = {}
        if asset.id not in current:
            values[versions] = current + [asset.id]
        if choose or not getattr(shot, chosen):
            values[chosen] = asset.id
        return [Change(shot.id, values)] if values else []
    if slot == "music":
        episode = find(target.get("episode_id"))
        if episode is None:
            return []
        track = episode.timeline.first_track(TrackKind.MUSIC)
        if track is None or track.clips:
            return []
        length = episode.timeline.duration or int(round(float(asset.probe.get("duration") or 0) * fps))
        source_frames = int(round(float(asset.probe.get("duration") or 0) * fps))
        if source_frames:
            length = min(length, source_frames)
        if length <= 0:
            return []
        clip = Clip(asset_id=asset.id, start=0, duration=length, name=asset.original_name or "Music",
                    fade_out=min(length, fps))
        return [Change(track.id, field="clips", item=clip)]
    return []


def apply_to_document(doc: ProjectDocument, changes: list[Change]) -> None:
    for change in changes:
        if change.values is not None:
            if doc.find(change.obj_id) is not None:
                doc.set_fields_raw(change.obj_id, copy.deepcopy(change.values))
        elif doc.find(change.obj_id) is not None:
            owner = doc.find(change.obj_id)
            doc.insert_raw(change.obj_id, change.field, len(getattr(owner, change.field)),
                           copy.deepcopy(change.item))


def apply_to_series(series: Series, changes: list[Change], find: Lookup | None = None) -> None:
    """Apply ``changes`` to a plain Series (pass one ``SeriesIndex`` when applying many)."""
    find = find or SeriesIndex(series).find
    for change in changes:
        obj = find(change.obj_id)
        if obj is None:
            continue
        if change.values is not None:
            for name, value in change.values.items():
                setattr(obj, name, copy.deepcopy(value))
        else:
            items = getattr(obj, change.field)
            if not any(getattr(i, "id", None) == change.item.id for i in items):
                items.append(copy.deepcopy(change.item))


class SeriesIndex:
    """The model objects of a plain ``Series`` by id, indexed once on first use.

    Replaying a journal of N landed results looks up N targets: one walk of the season, not N.
    The index stays valid while it is used because landing only sets fields and appends items
    (the objects it finds are never replaced or removed).
    """

    def __init__(self, series: Series) -> None:
        self._series = series
        self._ids: dict[str, Any] | None = None

    def find(self, obj_id: str | None) -> Any | None:
        if not obj_id:
            return None
        if self._ids is None:
            self._ids = _index(self._series)
        return self._ids.get(obj_id)


def _index(root: Any) -> dict[str, Any]:
    """Every model object under ``root`` (media records excepted) by id."""
    ids: dict[str, Any] = {}
    stack = [root]
    while stack:
        obj = stack.pop()
        obj_id = getattr(obj, "id", None)
        if isinstance(obj_id, str):
            ids.setdefault(obj_id, obj)
        if isinstance(obj, MediaAsset) or not dataclasses.is_dataclass(obj):
            continue
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, list):
                stack.extend(v for v in value if dataclasses.is_dataclass(v))
            elif dataclasses.is_dataclass(value) and not isinstance(value, type):
                stack.append(value)
    return ids
