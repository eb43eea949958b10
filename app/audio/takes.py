"""Takes in the project: adding recordings, choosing one for the dialogue track, deleting.

A take's file lives at ``takes/<line id>/<take id>.wav`` and is registered as a
``MediaAsset`` (kind audio, provenance "recorded", author = performer) with the
id ``take_<take id>``, so the mixer plays a dialogue clip through ``asset_id``
like any other audio. With clean-up on, the clip points at the processed
version's asset instead. Deleted takes move to ``takes/trash/`` and come back
with undo.

Placement: a clip plays its source sample ``source_in * spf + audio_offset_samples``
at timeline sample ``start * spf`` (spf = samples per frame); a take's
``picture_offset_samples`` (the take sample at which the shot's first frame was
shown, device latency compensated) therefore lands exactly on the shot's start.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import shutil
from pathlib import Path
from typing import Any

import soundfile as sf
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.audio import cleanup as take_cleanup
from app.bundle import BundleError, now_iso
from app.fsutil import sha256_file
from app.model import (
    Clip,
    DialogueLine,
    Episode,
    MediaAsset,
    MediaKind,
    Provenance,
    Shot,
    Take,
    TakeCleanup,
    Track,
    TrackKind,
)
from app.session import Session

TAKES = "takes"
TRASH = "takes/trash"
PROCESSED = "takes/processed"


def asset_id_for(take: Take) -> str:
    return f"take_{take.id}"


def take_path(line: DialogueLine, take_id: str) -> str:
    return f"{TAKES}/{line.id}/{take_id}.wav"


def trash_path(take: Take) -> str:
    rel = Path(take.path)
    return f"{TRASH}/{rel.parent.name}/{rel.name}"


def take_file(session: Session, take: Take) -> Path | None:
    """Absolute path of the take's file, or None when it is missing (deleted outside the app)."""
    if session.bundle is None or not take.path:
        return None
    try:
        path = session.bundle.resolve(take.path)
    except BundleError:
        return None
    return path if path.is_file() else None


def is_missing(session: Session, take: Take) -> bool:
    return take_file(session, take) is None


def audio_probe(path: Path) -> dict[str, Any]:
    info = sf.info(str(path))
    return {"kind": "audio", "width": 0, "height": 0, "fps": 0.0, "frames": 0,
            "duration": float(info.frames) / info.samplerate, "rotation": 0, "vfr": False,
            "video_codec": "", "has_audio": True, "audio_rate": int(info.samplerate),
            "audio_channels": int(info.channels), "audio_codec": f"pcm_{info.subtype.lower()}"}


def register_asset(session: Session, asset_id: str, rel: str, take: Take, note: str = "") -> MediaAsset:
    """Register (or refresh) the file at ``rel`` as an audio MediaAsset of ``take``."""
    assert session.bundle is not None
    path = session.bundle.resolve(rel)
    asset = MediaAsset(
        id=asset_id, sha256=sha256_file(path), path=rel, kind=MediaKind.AUDIO,
        original_name=take.name or path.name, size_bytes=path.stat().st_size, imported_at=now_iso(),
        probe=audio_probe(path),
        provenance=Provenance(source="recorded", author=take.performer, created_at=take.created_at,
                              original_filename=path.name, notes=note),
    )
    session.document.add_media_raw(asset)
    return asset


def performer_for(session: Session, line: DialogueLine) -> str:
    character = session.series.character(line.character_id) or session.series.character_named(line.character_name)
    return character.voice_actor if character and character.voice_actor else ""


def add_take(session: Session, line: DialogueLine, take: Take) -> Take:
    """Register a recorded take's file and add the take to its line (one undo step)."""
    if not take.name:
        take.name = f"Take {len(line.takes) + 1}"
    register_asset(session, asset_id_for(take), take.path, take)
    session.document.append(line, "takes", take, f"Record {take.name}")
    return take


# ----------------------------------------------------------------- placement
def samples_per_frame(session: Session) -> int:
    return session.series.settings.sample_rate // max(1, session.series.settings.fps)


def shot_start(episode: Episode, shot: Shot) -> int:
    """Timeline frame where ``shot`` starts: its picture clip, else the sum of earlier shot lengths."""
    for track in episode.timeline.tracks_of(TrackKind.PICTURE):
        for clip in track.clips_sorted():
            if clip.shot_id == shot.id:
                return clip.start
    start = 0
    for other in episode.shots():
        if other.id == shot.id:
            return start
        start += other.duration
    return start


def placement(take: Take, anchor: int, spf: int) -> tuple[int, int, int, int]:
    """(start, source_in, audio_offset_samples, duration) putting the take's picture sample at ``anchor``."""
    p = take.picture_offset_samples
    skip_frames = max(0, -(p // spf)) if p < 0 else 0
    s = skip_frames * spf + p
    remaining = max(1, take.samples - s)
    return anchor + skip_frames, s // spf, s % spf, max(1, -(-remaining // spf))


def dialogue_clip(episode: Episode, line_id: str) -> tuple[Track, Clip] | None:
    for track in episode.timeline.tracks_of(TrackKind.DIALOGUE):
        for clip in track.clips:
            if clip.line_id == line_id:
                return track, clip
    return None


def find_line(session: Session, line_id: str) -> tuple[Episode, Shot, DialogueLine] | None:
    """(episode, shot, line) from the document's id index: walking the season would read every
    episode before the line's (episodes are read on first use, ``app.model.lazy_episode``)."""
    doc = session.document
    line = doc.find(line_id)
    owner = doc.owner_of(line_id)
    episode = doc.find(doc.episode_of(line_id) or None)
    if isinstance(line, DialogueLine) and owner is not None and isinstance(owner[0], Shot) \
            and isinstance(episode, Episode):
        return episode, owner[0], line
    return None


def clip_asset_id(session: Session, take: Take) -> str:
    """The asset a dialogue clip of ``take`` plays: the processed file when clean-up is on."""
    if take_cleanup.is_active(take.cleanup):
        return ensure_processed(session, take)
    return asset_id_for(take)


def choose_take(session: Session, line: DialogueLine, take: Take | None) -> None:
    """Star ``take`` (None = none) and put it on the dialogue track at its shot, as one undo step.

    An existing clip of the line is swapped in place: same clip, gain and fades,
    and the same nudge the user gave the previous take relative to its shot.
    """
    doc = session.document
    found = find_line(session, line.id)
    if found is None:
        return
    episode, shot, _ = found
    spf = samples_per_frame(session)
    existing = dialogue_clip(episode, line.id)
    label = (QCoreApplication.translate("AudioTakes", "Choose {take}").format(take=take.name) if take
             else QCoreApplication.translate("AudioTakes", "Unchoose take"))
    with doc.macro(label):
        doc.edit(line, label, chosen_take_id=take.id if take else None)
        if take is None:
            if existing:
                doc.remove(existing[1], label)
            return
        anchor = shot_start(episode, shot)
        if existing:
            old_clip = existing[1]
            old_take = next((t for t in line.takes if t.id == old_clip.take_id), None)
            if old_take is not None:
                auto_start = placement(old_take, anchor, spf)[0]
                anchor += old_clip.start - auto_start
        start, source_in, offset, duration = placement(take, anchor, spf)
        fields: dict[str, Any] = dict(asset_id=clip_asset_id(session, take), start=start, source_in=source_in,
                      audio_offset_samples=offset, duration=duration, take_id=take.id,
                      line_id=line.id, shot_id=shot.id, name=f"{line.character_name}: {take.name}")
        if existing:
            doc.edit(existing[1], label, **fields)
        else:
            track = episode.timeline.first_track(TrackKind.DIALOGUE)
            if track is None:
                track = Track(kind=TrackKind.DIALOGUE, name="Dialogue")
                doc.append(episode.timeline, "tracks", track, label)
            doc.append(track, "clips", Clip(**fields), label)


# -------------------------------------------------------------------- cleanup
def processed_rel(take: Take) -> str:
    return f"{PROCESSED}/{take.id}-{take_cleanup.settings_key(take.cleanup)}.wav"


def ensure_processed(session: Session, take: Take) -> str:
    """Render the take's processed file for its clean-up settings if needed; returns its asset id."""
    assert session.bundle is not None
    rel = processed_rel(take)
    asset_id = f"{asset_id_for(take)}_{take_cleanup.settings_key(take.cleanup)}"
    target = session.bundle.root / rel
    if not target.is_file():
        source = take_file(session, take)
        if source is None:
            return asset_id_for(take)
        take_cleanup.render(source, target, take.cleanup)
    if session.document.media(asset_id) is None:
        register_asset(session, asset_id, rel, take, note=f"clean-up of take {take.id}")
    return asset_id


def render_processed_file(bundle_root: Path, take: Take, cleanup: TakeCleanup) -> None:
    """Render the processed file for ``cleanup`` without touching the document (worker threads).

    ``set_cleanup`` afterwards finds it ready and only registers it.
    """
    probe = dataclasses.replace(take, cleanup=cleanup)
    target = Path(bundle_root) / processed_rel(probe)
    source = Path(bundle_root) / take.path
    if take_cleanup.is_active(cleanup) and not target.is_file() and source.is_file():
        take_cleanup.render(source, target, cleanup)


def set_cleanup(session: Session, line: DialogueLine, take: Take, cleanup: TakeCleanup) -> None:
    """Change a take's clean-up (one undo step); a clip of the take switches to the processed audio."""
    doc = session.document
    with doc.macro(QCoreApplication.translate("AudioTakes", "Take clean-up")):
        doc.edit(take, QCoreApplication.translate("AudioTakes", "Take clean-up"), cleanup=copy.deepcopy(cleanup))
        found = find_line(session, line.id)
        if found:
            existing = dialogue_clip(found[0], line.id)
            if existing and existing[1].take_id == take.id:
                doc.edit(existing[1], QCoreApplication.translate("AudioTakes", "Take clean-up"), asset_id=clip_asset_id(session, take))


# --------------------------------------------------------------------- delete
class TrashTakeCommand(QUndoCommand):
    """Move a take's file into ``takes/trash/`` and mark it deleted; undo moves it back."""

    def __init__(self, session: Session, take_id: str, text: str) -> None:
        super().__init__(text)
        self._session = session
        self.take_id = take_id

    def _move(self, deleted: bool) -> None:
        session = self._session
        doc = session.document
        take = doc.find(self.take_id)
        bundle = session.bundle
        if take is None or bundle is None:
            return
        src_rel, dst_rel = (take.path, trash_path(take)) if deleted else (trash_path(take), take.path)
        src, dst = bundle.root / src_rel, bundle.root / dst_rel
        if src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(os.fspath(src), os.fspath(dst))
        doc.set_fields_raw(self.take_id, {"deleted": deleted})
        asset = doc.media(asset_id_for(take))
        if asset is not None:
            doc.add_media_raw(dataclasses.replace(asset, path=dst_rel))

    def redo(self) -> None:
        self._move(True)

    def undo(self) -> None:
        self._move(False)


def delete_take(session: Session, line: DialogueLine, take: Take) -> None:
    """Delete a take (undoable): its file goes to the bundle's trash, its clip leaves the timeline."""
    doc = session.document
    label = QCoreApplication.translate("AudioTakes", "Delete {take}").format(take=take.name)
    with doc.macro(label):
        if line.chosen_take_id == take.id:
            choose_take(session, line, None)
        doc.push(TrashTakeCommand(session, take.id, label))


def visible_takes(line: DialogueLine) -> list[Take]:
    return [t for t in line.takes if not t.deleted]
