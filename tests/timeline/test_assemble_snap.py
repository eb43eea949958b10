"""Assemble from storyboard, warnings, snapping and timecode."""

from __future__ import annotations

from app.document import ProjectDocument
from app.model import Clip, DialogueLine, Episode, HoldMode, Marker, Scene, Series, Shot, Take, TrackKind
from app.timeline.assemble import assemble_from_storyboard
from app.timeline.edits import TimelineEditor
from app.timeline.snapping import snap_frames, snap_targets
from app.timeline.timecode import format_timecode, parse_timecode
from app.timeline.warnings import MEDIA_OFFLINE, PICTURE_GAP, TAKE_TOO_LONG, timeline_warnings
from tests.timeline.builders import still_asset, video_asset


def storyboard() -> tuple[ProjectDocument, Episode]:
    series = Series(title="T")
    ep = Episode(number=1)
    series.episodes.append(ep)
    for a in (video_asset("va", 5.0), still_asset("sb"), video_asset("vc", 2.0)):
        series.media[a.id] = a
    take = Take(id="tk1", path="takes/tk1.wav", samples=48000 * 2)  # 2 s = 60 frames
    line = DialogueLine(id="l1", character_name="林晚", text="你终于来了。", takes=[take], chosen_take_id="tk1")
    ep.scenes.append(Scene(shots=[
        Shot(id="s1", code="E01-001", duration=90, chosen_clip="va", dialogue=[line]),
        Shot(id="s2", code="E01-002", duration=60, chosen_still="sb",
             dialogue=[DialogueLine(id="l2", character_name="陈默", text="我一直都在。")]),
        Shot(id="s3", code="E01-003", duration=90, chosen_clip="vc"),
    ]))
    return ProjectDocument(series), ep


def test_assemble_builds_tracks_from_shot_order_and_refresh_keeps_manual_clips() -> None:
    doc, ep = storyboard()
    report = assemble_from_storyboard(doc, ep)
    tl = ep.timeline
    pic = tl.first_track(TrackKind.PICTURE)
    assert [(c.shot_id, c.start, c.duration) for c in pic.clips_sorted()] == [
        ("s1", 0, 90), ("s2", 90, 60), ("s3", 150, 90)]  # s3's 2 s clip is held to fill its 3 s shot
    assert next(c for c in pic.clips if c.shot_id == "s3").hold is HoldMode.FREEZE
    dia = tl.first_track(TrackKind.DIALOGUE)
    assert [(c.take_id, c.start, c.duration) for c in dia.clips] == [("tk1", 0, 60)]
    subs = tl.first_track(TrackKind.SUBTITLES)
    assert [(c.text, c.start) for c in subs.clips_sorted()] == [("你终于来了。", 0), ("我一直都在。", 90)]
    assert report.created == 6 and doc.undo_stack.count() == 1

    # manual edits: an unlinked clip on picture where shot 2 will grow, and a trimmed source range
    manual = Clip(id="m1", asset_id="sb", start=200, duration=30, name="Insert")
    pic.clips.append(manual)
    doc._reindex()
    shot1 = doc.find("s1")
    first = next(c for c in pic.clips if c.shot_id == "s1")
    first.source_in = 12
    doc.edit(doc.find("s2"), "longer", duration=120)
    report = assemble_from_storyboard(doc, ep)
    assert next(c for c in pic.clips if c.shot_id == "s2").duration == 120
    assert first.source_in == 12 and first.start == 0 and shot1.duration == 90
    # the manual clip collided with the new layout: moved to a second picture track, untouched
    assert manual not in pic.clips and doc.find("m1") is manual
    assert (manual.start, manual.duration) == (200, 30)
    assert report.relocated == ["Insert"]
    doc.undo_stack.undo()
    assert manual in pic.clips


def test_warnings_take_too_long_gap_and_offline() -> None:
    doc, ep = storyboard()
    assemble_from_storyboard(doc, ep)
    doc.edit(doc.find("s1"), "short", duration=45)
    assemble_from_storyboard(doc, ep)
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    ed = TimelineEditor(doc, ep)
    ed.delete([next(c.id for c in pic.clips if c.shot_id == "s2")])
    del doc.series.media["vc"]
    warnings = timeline_warnings(doc, ep, media_exists=lambda p: p != "takes/tk1.wav")
    kinds = {(w.kind, w.clip_id and doc.find(w.clip_id).shot_id) for w in warnings}
    assert (TAKE_TOO_LONG, "s1") in kinds  # 60-frame take under a 45-frame shot
    assert (PICTURE_GAP, "s3") in kinds  # shot 2 deleted: gap before shot 3
    assert (MEDIA_OFFLINE, "s3") in kinds and (MEDIA_OFFLINE, "s1") in kinds  # asset gone / take file gone
    gap = next(w for w in warnings if w.kind == PICTURE_GAP)
    assert (gap.start, gap.end) == (45, 105)


def test_snapping_is_pixel_tolerant_and_picks_the_nearest_target() -> None:
    targets = [0, 100, 160]
    assert snap_frames([95, 130], targets, px_per_frame=2.0, tolerance_px=12).delta == 5
    assert snap_frames([95, 130], targets, px_per_frame=1.0, tolerance_px=4).target is None
    assert snap_frames([157], targets, px_per_frame=1.0, tolerance_px=8).target == 160
    doc, ep = storyboard()
    assemble_from_storyboard(doc, ep)
    ep.timeline.markers.append(Marker(frame=77))
    pts = snap_targets(ep.timeline, playhead=33)
    assert {0, 33, 77, 90, 150, 240} <= set(pts)  # the last shot ends at 150 + 90 (its clip is held)


def test_timecode_round_trip() -> None:
    assert format_timecode(30 * 3723 + 7, 30) == "01:02:03:07"
    assert parse_timecode("01:02:03:07", 30) == 30 * 3723 + 7
    assert parse_timecode("2:05", 30) == 65 and parse_timecode("42", 30) == 42
