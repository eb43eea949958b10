"""A voice take arrives: onto its line, and onto the dialogue track when the line had none.

Like every generation, the take itself is a *fact*: its file and asset are registered and
it joins the line's takes without an undo step (a paid result is never hidden by undo).
Choosing it and placing its clip on the dialogue track is an *edit*: one undoable command
per arrival, and the arrivals of one "Generate Voices" batch merge into a single undo step
("undo" takes the whole batch off the track; the takes stay in the takes lists). A line
whose chosen take the user recorded is never switched to an AI take, and a failure lands
nothing, so nothing chosen is ever replaced by a failure.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.commands import InsertItemCommand, SetFieldsCommand
from app.model import Clip, DialogueLine, MediaAsset, Series, Take, Track, TrackKind
from app.model.script import TakeOrigin

if TYPE_CHECKING:
    from app.document import ProjectDocument
    from app.jobs.manager import JobManager

VOICES_ARRIVED_ID = 1310


class VoicesArrivedCommand(QUndoCommand):
    """Choose arrived takes and place their clips; arrivals of one batch merge into one step."""

    def __init__(self, batch: str, steps: list[QUndoCommand], text: str) -> None:
        super().__init__(text)
        self.batch = batch
        self.steps = steps

    def redo(self) -> None:
        for step in self.steps:
            step.redo()

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return VOICES_ARRIVED_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, VoicesArrivedCommand) or other.batch != self.batch or not self.batch:
            return False
        self.steps.extend(other.steps)
        return True


def _find_line(series: Series, line_id: str) -> tuple[Any, Any, DialogueLine] | None:
    for episode in series.episodes:
        for shot, line in episode.dialogue_lines():
            if line.id == line_id:
                return episode, shot, line
    return None


def _locate_line(doc: ProjectDocument, line_id: str) -> tuple[Any, Any, DialogueLine] | None:
    """(episode, shot, line) of ``line_id`` from the document's index: a take arriving costs the
    same in a season as in one episode (``_find_line`` walks every episode; it serves the file on disk)."""
    line = doc.find(line_id)
    owner = doc.owner_of(line_id)
    episode = doc.find(doc.episode_of(line_id) or None)
    if not isinstance(line, DialogueLine) or owner is None or episode is None:
        return None
    return episode, owner[0], line


def make_take(asset: MediaAsset, line: DialogueLine, scratch: bool, source_take_id: str = "") -> Take:
    """The Take of an arrived voice; a converted one keeps its source's placement against picture."""
    prov = asset.provenance
    rate = int(asset.probe.get("audio_rate") or 48000)
    samples = int(round(float(asset.probe.get("duration") or 0.0) * rate))
    source = next((t for t in line.takes if t.id == source_take_id), None) if source_take_id else None
    if source is not None:
        label = QCoreApplication.translate("Voices", "{name} (converted)").format(name=source.name)
        return Take(id=asset.id.removeprefix("take_"), path=asset.path, name=label, created_at=prov.created_at,
                    sample_rate=rate, samples=samples, origin=TakeOrigin.CONVERTED, source_take_id=source.id,
                    picture_offset_samples=source.picture_offset_samples, performer=source.performer)
    label = QCoreApplication.translate("Voices", "AI {n}").format(n=len(line.takes) + 1)
    # The takes list marks AI and scratch takes itself (in the UI's language), so the note stays the
    # user's; no performer either: the credits list people, the voice is in the asset's provenance.
    return Take(id=asset.id.removeprefix("take_"), path=asset.path, name=label, created_at=prov.created_at,
                sample_rate=rate, samples=samples, origin=TakeOrigin.AI)


def line_starts(series: Series, episode: Any, shot: Any, chosen: dict[str, Take]) -> dict[str, int]:
    """Timeline frame each line of ``shot`` starts at, laid out as "Assemble" does: one after
    the other with a breath between, a line with no take holding its subtitle's reading time.
    ``chosen`` overrides lines' chosen takes (a take about to be chosen)."""
    from app.audio.takes import shot_start
    from app.timeline.assemble import LINE_GAP_FRAMES, subtitle_frames
    from app.timeline.query import take_frames

    fps = series.settings.fps
    t = shot_start(episode, shot)
    starts = {}
    for line in shot.dialogue:
        starts[line.id] = t
        take = chosen.get(line.id) or line.chosen_take()
        t += (take_frames(take, fps) if take is not None else subtitle_frames(line.text, fps)) + LINE_GAP_FRAMES
    return starts


def _clip_fields(series: Series, shot: Any, line: DialogueLine, take: Take, anchor: int) -> dict[str, Any]:
    from app.audio.takes import placement

    spf = series.settings.sample_rate // max(1, series.settings.fps)
    start, source_in, offset, duration = placement(take, anchor, spf)
    return dict(asset_id=f"take_{take.id}", start=start, source_in=source_in, audio_offset_samples=offset,
                duration=duration, take_id=take.id, line_id=line.id, shot_id=shot.id,
                name=f"{line.character_name}: {take.name}")


def _followers(episode: Any, shot: Any, line: DialogueLine, starts: dict[str, int]) -> list[tuple[Clip, int]]:
    """Clips of later AI-voiced lines of the shot that must move to stay after this line."""
    from app.audio.takes import dialogue_clip

    out = []
    after = False
    for other in shot.dialogue:
        if other.id == line.id:
            after = True
            continue
        take = other.chosen_take()
        found = dialogue_clip(episode, other.id) if after and take is not None and take.is_ai else None
        if found is not None and found[1].take_id == take.id and found[1].start != starts[other.id]:
            out.append((found[1], starts[other.id]))
    return out


def should_choose(line: DialogueLine, target: dict[str, Any]) -> bool:
    chosen = line.chosen_take()
    if chosen is None:
        return True
    if target.get("source_take_id") and chosen.id == target["source_take_id"]:
        return True  # the converted performance replaces the recording it was made from
    return bool(target.get("choose")) and chosen.is_ai


def land_take(manager: JobManager, job: Any, result: list[MediaAsset]) -> Callable[[Series], None]:
    """Register the take, add it to its line, and (if the line needs it) choose and place it."""
    doc: ProjectDocument = manager.session.document
    series = manager.series
    target = dict(job.target)
    arrivals: list[tuple[MediaAsset, Take]] = []
    found = _locate_line(doc, str(target.get("line_id")))
    job.cost = round(sum(a.provenance.cost for a in result), 6)
    for asset in result:
        doc.add_media_raw(asset)
        if found is None:  # the line was deleted meanwhile: keep the paid file as media only
            continue
        episode, shot, line = found
        take = make_take(asset, line, bool(target.get("scratch")), str(target.get("source_take_id") or ""))
        doc.insert_raw(line.id, "takes", len(line.takes), take)
        arrivals.append((asset, take))
        if should_choose(line, target):
            steps = _choose_steps(doc, series, episode, shot, line, take)
            text = QCoreApplication.translate("Voices", "Generate Voices")
            doc.push(VoicesArrivedCommand(str(target.get("batch") or ""), steps, text))
    if getattr(job, "record", None) is not None:
        job.record.result_assets = [a.id for a in result]

    def apply(disk: Series) -> None:  # the same arrival, against the file on disk
        for asset in result:
            disk.media.setdefault(asset.id, copy.deepcopy(asset))
        where = _find_line(disk, str(target.get("line_id")))
        if where is None:
            return
        episode, shot, line = where
        for _asset, take in arrivals:
            if any(t.id == take.id for t in line.takes):
                continue
            choose = should_choose(line, target)
            line.takes.append(copy.deepcopy(take))
            if choose:
                place_on_series(disk, episode, shot, line, take)

    return apply


def _choose_steps(doc: ProjectDocument, series: Series, episode: Any, shot: Any, line: DialogueLine,
                  take: Take) -> list[QUndoCommand]:
    from app.audio.takes import dialogue_clip

    text = "Generate Voices"
    steps: list[QUndoCommand] = [SetFieldsCommand(doc, line.id, {"chosen_take_id": take.id}, text)]
    starts = line_starts(series, episode, shot, {line.id: take})
    fields = _clip_fields(series, shot, line, take, starts[line.id])
    existing = dialogue_clip(episode, line.id)
    if existing is not None:
        steps.append(SetFieldsCommand(doc, existing[1].id, fields, text))
    else:
        track = episode.timeline.first_track(TrackKind.DIALOGUE)
        if track is None:
            track = Track(kind=TrackKind.DIALOGUE, name="Dialogue")
            steps.append(InsertItemCommand(doc, episode.timeline.id, "tracks", len(episode.timeline.tracks),
                                           track, text))
        steps.append(InsertItemCommand(doc, track.id, "clips", len(track.clips), Clip(**fields), text))
    for clip, start in _followers(episode, shot, line, starts):
        steps.append(SetFieldsCommand(doc, clip.id, {"start": start}, text))
    return steps


def place_on_series(series: Series, episode: Any, shot: Any, line: DialogueLine, take: Take) -> None:
    """Choose ``take`` and place its clip, on a plain Series (the file on disk, the demo)."""
    from app.audio.takes import dialogue_clip

    starts = line_starts(series, episode, shot, {line.id: take})
    line.chosen_take_id = take.id
    fields = _clip_fields(series, shot, line, take, starts[line.id])
    existing = dialogue_clip(episode, line.id)
    if existing is not None:
        for name, value in fields.items():
            setattr(existing[1], name, value)
    else:
        track = episode.timeline.first_track(TrackKind.DIALOGUE)
        if track is None:
            track = Track(kind=TrackKind.DIALOGUE, name="Dialogue")
            episode.timeline.tracks.append(track)
        track.clips.append(Clip(**fields))
    for clip, start in _followers(episode, shot, line, starts):
        clip.start = start
