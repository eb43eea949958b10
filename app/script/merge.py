"""Folding a fresh breakdown into the episode the creator has been working on.

A shot is the creator's once they touched it: edited a field, generated or
imported a still or clip, recorded a take, or locked it. Such shots are kept as
they are. Untouched shots are replaced by the new breakdown, keeping their ids
(so timeline clips linked to them stay linked). Shots are recognised by the
beat they came from (``script_key``), or failing that by similar text in a
scene with the same heading. A kept shot whose beat left the script stays in
its scene, with a note saying so, rather than being thrown away.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from app.model import Scene, Shot

ORPHAN_NOTE = "No longer in the screenplay (kept because it has your edits or media)."


def is_protected(shot: Shot) -> bool:
    has_takes = any(line.takes for line in shot.dialogue)
    return shot.user_edited or shot.locked or bool(shot.stills or shot.clips) or has_takes


def _text(shot: Shot) -> str:
    return shot.action + "\n" + "\n".join(line.text for line in shot.dialogue)


@dataclass
class MergeReport:
    kept: list[str] = field(default_factory=list)  # shot ids kept as the creator left them
    updated: list[str] = field(default_factory=list)  # untouched shots refreshed from the script
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)  # kept, but their beat left the script


def merge_breakdown(old: list[Scene], new: list[Scene]) -> tuple[list[Scene], MergeReport]:
    """The merged scenes (new objects: ``old`` is left untouched, so the change can be undone)."""
    report = MergeReport()
    old = copy.deepcopy(old)
    old_shots = [(scene, shot) for scene in old for shot in scene.shots]
    by_key = {shot.script_key: (scene, shot) for scene, shot in old_shots if shot.script_key}
    used: set[str] = set()
    old_scene_by_heading = {scene.heading.strip().casefold(): scene for scene in old}

    merged: list[Scene] = []
    for new_scene in new:
        previous_scene = old_scene_by_heading.get(new_scene.heading.strip().casefold())
        scene = Scene(id=previous_scene.id if previous_scene else new_scene.id, number=new_scene.number,
                      heading=new_scene.heading, synopsis=previous_scene.synopsis if previous_scene else "",
                      location_id=new_scene.location_id)
        for new_shot in new_scene.shots:
            match = by_key.get(new_shot.script_key)
            if match is None or match[1].id in used:
                match = _similar(new_shot, previous_scene, used)
            if match is None:
                scene.shots.append(new_shot)
                report.added.append(new_shot.id)
                continue
            _, old_shot = match
            used.add(old_shot.id)
            if is_protected(old_shot):
                old_shot.code, old_shot.number = new_shot.code, new_shot.number
                old_shot.script_key = new_shot.script_key
                scene.shots.append(old_shot)
                report.kept.append(old_shot.id)
            else:
                new_shot.id = old_shot.id
                for new_line, old_line in zip(new_shot.dialogue, old_shot.dialogue, strict=False):
                    new_line.id = old_line.id  # keep booth progress and timeline links by line
                scene.shots.append(new_shot)
                report.updated.append(new_shot.id)
        merged.append(scene)

    # creator's shots whose beat is gone: keep them where they were
    for old_scene, shot in old_shots:
        if shot.id in used:
            continue
        if not is_protected(shot):
            report.removed.append(shot.id)
            continue
        if ORPHAN_NOTE not in shot.notes:
            shot.notes = (shot.notes + "\n" + ORPHAN_NOTE).strip()
        target = next((s for s in merged if s.id == old_scene.id), None)
        if target is None:
            target = Scene(id=old_scene.id, number=old_scene.number, heading=old_scene.heading,
                           synopsis=old_scene.synopsis, location_id=old_scene.location_id)
            merged.append(target)
        target.shots.append(shot)
        report.orphaned.append(shot.id)
    for number, scene in enumerate(merged, start=1):
        scene.number = number
    return merged, report


def _similar(new_shot: Shot, old_scene: Scene | None, used: set[str]) -> tuple[Scene, Shot] | None:
    if old_scene is None:
        return None
    best, best_ratio = None, 0.6
    for shot in old_scene.shots:
        if shot.id in used:
            continue
        ratio = SequenceMatcher(None, _text(shot), _text(new_shot)).ratio()
        if ratio > best_ratio:
            best, best_ratio = shot, ratio
    return (old_scene, best) if best else None
