"""Assemble from Storyboard leaves no black: short clips are held or their shots shortened,
and a take running past the episode's end lengthens the last shot."""

from __future__ import annotations

import pytest

from app.model import Clip, HoldMode, ShortClipPolicy, TrackKind
from app.timeline.assemble import assemble_from_storyboard
from app.timeline.edits import TimelineEditor
from app.timeline.hold import source_frame
from app.timeline.preflight import export_preflight
from app.timeline.warnings import PICTURE_GAP, WarningKind, timeline_warnings
from tests.timeline.test_assemble_snap import storyboard


@pytest.mark.parametrize("policy", [ShortClipPolicy.FREEZE, ShortClipPolicy.SLOW, ShortClipPolicy.LOOP])
def test_a_short_clip_is_held_for_its_whole_shot(policy: ShortClipPolicy) -> None:
    doc, ep = storyboard()
    doc.series.settings.short_clip = policy
    assemble_from_storyboard(doc, ep)
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    held = next(c for c in pic.clips if c.shot_id == "s3")
    assert (held.start, held.duration, held.hold) == (150, 90, policy.hold)
    assert not [w for w in timeline_warnings(doc, ep) if w.kind == PICTURE_GAP]


def test_shorten_shot_policy_cuts_the_shot_to_its_clip_in_one_undo_step() -> None:
    doc, ep = storyboard()
    doc.series.settings.short_clip = ShortClipPolicy.SHORTEN_SHOT
    report = assemble_from_storyboard(doc, ep)
    shot = doc.find("s3")
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    assert shot.duration == 60 and next(c for c in pic.clips if c.shot_id == "s3").duration == 60
    assert report.shortened == ["E01-003"]
    doc.undo_stack.undo()
    assert shot.duration == 90 and not pic.clips


def test_a_take_past_the_end_of_the_episode_lengthens_the_last_shot() -> None:
    doc, ep = storyboard()
    last = doc.find("s3")
    line = doc.find("l1")
    ep.scenes[0].shots[0].dialogue.remove(line)
    last.dialogue.append(line)  # a 60-frame take...
    doc.edit(last, "short", duration=30)  # ...in a 30-frame last shot
    report = assemble_from_storyboard(doc, ep)
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    dia = ep.timeline.first_track(TrackKind.DIALOGUE)
    take_end = max(c.end for c in dia.clips)
    end_clip = next(c for c in pic.clips if c.shot_id == "s3")
    assert end_clip.end == take_end == 150 + 60 and last.duration == 60
    assert report.extended == ["E01-003"]


def test_hold_modes_map_timeline_frames_to_source_frames() -> None:
    clip = Clip(start=100, duration=90, source_in=0)
    assert [source_frame(clip, f, 60) for f in (100, 159, 160, 189)] == [0, 59, 59, 59]
    clip.hold = HoldMode.LOOP
    assert [source_frame(clip, f, 60) for f in (100, 159, 160, 189)] == [0, 59, 0, 29]
    clip.hold = HoldMode.SLOW
    frames = [source_frame(clip, f, 60) for f in range(100, 190)]
    assert frames[0] == 0 and frames[-1] == 59 and frames == sorted(frames)
    assert len(set(frames)) == 60  # every source frame is shown, none skipped
    clip.duration = 50  # shorter than its source: every mode plays it straight
    assert [source_frame(clip, f, 60) for f in (100, 149)] == [0, 49]


def test_export_preflight_names_black_silence_and_subtitles_over_black_in_timecode() -> None:
    doc, ep = storyboard()
    assemble_from_storyboard(doc, ep)
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    TimelineEditor(doc, ep).delete([next(c.id for c in pic.clips if c.shot_id == "s2")])  # 90..150 black
    found = {(w.kind, w.start, w.end): w.message for w in export_preflight(doc, ep)}
    assert found[(WarningKind.PICTURE_GAP, 90, 150)] == (
        "Black frames: no picture at 00:00:03:00–00:00:05:00 (60 frames).")
    assert (WarningKind.SILENCE, 60, 240) in found  # one 2 s take and no music: silent after it
    assert (WarningKind.SUBTITLE_OVER_BLACK, 90, 135) in found  # shot 2 line: 45 frames of reading time on black
    assert not [k for k in found if k[0] is WarningKind.SILENCE and k[1] < 60]


def test_the_timeline_menu_chooses_the_short_clip_policy_undoably(qtbot, tmp_path) -> None:
    from app.demo import create_demo
    from app.session import Session
    from widgets.timeline.panel import TimelinePanel

    session = Session()
    session.open(create_demo(tmp_path / "Demo.mdrama").root)
    panel = TimelinePanel(session)
    qtbot.addWidget(panel)
    menu = panel.short_clip_menu
    assert menu.actions_by_policy[ShortClipPolicy.FREEZE].isChecked()  # the default
    menu.actions_by_policy[ShortClipPolicy.LOOP].trigger()
    assert session.series.settings.short_clip is ShortClipPolicy.LOOP
    panel.assemble()
    held = [c for c in session.current_episode.timeline.first_track(TrackKind.PICTURE).clips if c.shot_id]
    assert held and all(c.hold is HoldMode.LOOP for c in held)
    session.document.undo_stack.undo()
    session.document.undo_stack.undo()
    assert session.series.settings.short_clip is ShortClipPolicy.FREEZE
    menu.sync()
    assert menu.actions_by_policy[ShortClipPolicy.FREEZE].isChecked()
    session.close()
