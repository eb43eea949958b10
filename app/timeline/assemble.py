"""Assemble (or refresh) an episode's timeline from its storyboard.

The picture, dialogue and subtitle tracks are laid out from the shot order, each
shot's chosen clip (or still) and each line's chosen take. Clips linked to the
storyboard (``shot_id`` on picture, ``line_id`` on dialogue and subtitles) are
created, updated or removed; every other clip is a manual edit and is never
deleted or changed: if the new layout lands on one, it moves to another track of
the same kind (created when needed) so nothing the user made is lost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from app.document import ProjectDocument
from app.model import (
    Clip,
    DialogueLine,
    Episode,
    FitMode,
    KenBurns,
    MediaKind,
    ShortClipPolicy,
    Shot,
    Track,
    TrackKind,
)
from app.timeline import query
from app.timeline.command import TimelineCommand
from app.timeline.edits import transaction
from app.timeline.structure import KIND_LABELS

LINE_GAP_FRAMES = 6  # breath between consecutive lines of one shot


@dataclass
class AssembleReport:
    created: int = 0
    updated: int = 0
    removed: int = 0
    relocated: list[str] = field(default_factory=list)  # names of manual clips moved aside
    shortened: list[str] = field(default_factory=list)  # shots cut to their clip's length
    extended: list[str] = field(default_factory=list)  # the last shot, lengthened to its last words

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed or self.relocated or self.shortened
                    or self.extended)


def subtitle_frames(text: str, fps: int) -> int:
    """Reading time for a line with no take: ~4 CJK chars or ~15 Latin chars per second, >= 1 s."""
    cjk = sum(1 for ch in text if ord(ch) > 0x2E80)
    latin = len(text) - cjk
    return max(fps, math.ceil((cjk / 4 + latin / 15) * fps))


class _Assembler:
    def __init__(self, doc: ProjectDocument, episode: Episode, cmd: TimelineCommand) -> None:
        self.doc, self.episode, self.cmd = doc, episode, cmd
        self.fps = doc.series.settings.fps
        self.policy = doc.series.settings.short_clip
        self.report = AssembleReport()

    def track(self, kind: TrackKind) -> Track:
        tl = self.episode.timeline
        found = tl.first_track(kind)
        if found is None:
            found = Track(kind=kind, name=KIND_LABELS[kind], height=36 if kind is TrackKind.SUBTITLES else 56)
            self.cmd.append(tl, "tracks", found)
        return found

    def sync(self, track: Track, wanted: dict[str, Clip], key: str) -> None:
        """Make the linked clips of ``track`` (by ``key`` field) equal ``wanted``; park colliding manual clips."""
        existing: dict[str, list[Clip]] = {}
        for c in list(track.clips):
            link = getattr(c, key)
            if link:
                existing.setdefault(link, []).append(c)
        for link, clips in existing.items():
            keep = wanted.get(link)
            for c in sorted(clips, key=lambda c: c.start)[1 if keep else 0:]:
                self.cmd.remove(c)
                self.report.removed += 1
        for link, new in wanted.items():
            old = sorted(existing.get(link, []), key=lambda c: c.start)
            if old:
                current = old[0]
                values = {k: getattr(new, k) for k in ("start", "duration", "asset_id", "take_id", "shot_id",
                                                       "line_id", "name", "text", "audio_offset_samples", "hold")}
                if current.asset_id == new.asset_id and current.take_id == new.take_id:
                    values.pop("name")  # a renamed clip keeps its name while its media is the same
                    src = query.source_length(self.doc, current, self.fps)
                    if src is None or current.source_in + new.duration <= src:
                        values["source_in"] = current.source_in  # keep the user's choice of range
                    else:
                        values["source_in"] = 0
                else:
                    values["source_in"] = 0
                if any(getattr(current, k) != v for k, v in values.items()):
                    self.cmd.set(current, **values)
                    self.report.updated += 1
            else:
                self.cmd.append(track, "clips", new)
                self.report.created += 1
        self.park_collisions(track, key)

    def park_collisions(self, track: Track, key: str) -> None:
        linked = [c for c in track.clips if getattr(c, key)]
        for manual in [c for c in track.clips if not getattr(c, key)]:
            if any(c.start < manual.end and c.end > manual.start for c in linked):
                self.cmd.move_to(manual, self.free_track(track, manual), "clips")
                self.report.relocated.append(manual.name or manual.text or "clip")

    def free_track(self, track: Track, clip: Clip) -> Track:
        tracks = self.episode.timeline.tracks
        for t in tracks:
            if t is not track and t.kind is track.kind and not t.locked and not query.overlapping(t, clip.start, clip.end):
                return t
        names = {t.name for t in tracks}
        n = 2
        while f"{track.name} {n}" in names:
            n += 1
        extra = Track(kind=track.kind, name=f"{track.name} {n}", height=track.height)
        self.cmd.insert(self.episode.timeline, "tracks", tracks.index(track) + 1, extra)
        return extra

    # ---------------------------------------------------------------- layout
    def picture_clip(self, shot: Shot, start: int, length: int) -> Clip:
        """The shot's picture over ``length`` frames: a clip shorter than that is held (no black)."""
        asset_id = shot.chosen_clip or shot.chosen_still
        asset = self.doc.media(asset_id)
        clip = Clip(asset_id=asset_id, start=start, duration=max(1, length), shot_id=shot.id,
                    name=shot.code or f"Shot {shot.number}", fit=FitMode.FILL)
        if asset is not None and asset.kind is MediaKind.IMAGE and not shot.chosen_clip:
            clip.ken_burns = KenBurns()
        hold = self.policy.hold
        if hold is not None:
            clip.hold = hold
        return clip

    def shot_length(self, shot: Shot) -> int:
        """Frames the shot lasts on the timeline: its duration, or its clip's length when the
        project shortens shots to their clips (the shot itself is shortened too, in this step)."""
        length = max(1, shot.duration)
        if self.policy is ShortClipPolicy.SHORTEN_SHOT and shot.chosen_clip:
            src = query.asset_frames_of(self.doc, shot.chosen_clip, self.fps)
            if src is not None and src < length:
                length = max(1, src)
                self.cmd.set(shot, duration=length)
                self.report.shortened.append(shot.code or str(shot.number))
        return length

    def line_name(self, line: DialogueLine) -> str:
        character = self.doc.series.character(line.character_id)
        who = line.character_name or (character.name if character else "")
        text = line.text if len(line.text) <= 40 else line.text[:39] + "…"
        return f"{who}: {text}" if who else text

    def run(self) -> AssembleReport:
        picture = self.track(TrackKind.PICTURE)
        dialogue = self.track(TrackKind.DIALOGUE)
        subtitles = self.track(TrackKind.SUBTITLES)
        pic: dict[str, Clip] = {}
        dia: dict[str, Clip] = {}
        sub: dict[str, Clip] = {}
        pos = 0
        last: tuple[Shot, int] | None = None  # the last shot and where it starts
        for shot in self.episode.shots():
            length = self.shot_length(shot)
            if shot.chosen_clip or shot.chosen_still:
                pic[shot.id] = self.picture_clip(shot, pos, length)
            elif shot.title_text.strip():
                pic[shot.id] = Clip(start=pos, duration=length, shot_id=shot.id, text=shot.title_text.strip(),
                                    name=shot.code or f"Shot {shot.number}")
            last = (shot, pos)
            t = pos
            for line in shot.dialogue:
                take = line.chosen_take()
                if take is not None:
                    dur = query.take_frames(take, self.fps)
                    dia[line.id] = Clip(take_id=take.id, line_id=line.id, shot_id=shot.id, start=t, duration=dur,
                                        name=self.line_name(line), audio_offset_samples=take.picture_offset_samples)
                else:
                    dur = subtitle_frames(line.text, self.fps)
                if line.text.strip():
                    sub[line.id] = Clip(line_id=line.id, shot_id=shot.id, start=t, duration=dur,
                                        text=line.text.strip(), name=self.line_name(line))
                t += dur + LINE_GAP_FRAMES
            pos += length
        self.extend_last_shot(last, pos, dia, sub, pic)
        self.sync(picture, pic, "shot_id")
        self.sync(dialogue, dia, "line_id")
        self.sync(subtitles, sub, "line_id")
        return self.report


    def extend_last_shot(self, last: tuple[Shot, int] | None, end: int, *lanes: dict[str, Clip]) -> None:
        """A take or subtitle running past the episode's end lengthens the last shot to cover it,
        so the final words are never spoken over black."""
        if last is None:
            return
        shot, start = last
        over = max((c.end for lane in lanes[:2] for c in lane.values() if c.shot_id == shot.id), default=end)
        if over <= end:
            return
        length = over - start
        self.cmd.set(shot, duration=length)
        picture = lanes[2].get(shot.id)
        if picture is not None:
            picture.duration = length
        self.report.extended.append(shot.code or str(shot.number))


def assemble_from_storyboard(doc: ProjectDocument, episode: Episode) -> AssembleReport:
    """Build or refresh the episode's picture/dialogue/subtitle tracks; one undo step."""
    with transaction(doc, QCoreApplication.translate("TimelineAssemble", "Assemble from storyboard")) as cmd:
        return _Assembler(doc, episode, cmd).run()
