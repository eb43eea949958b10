"""Timeline edits on the model: each edit is exact, one undo step, and undoes to identical JSON."""

from __future__ import annotations

import pytest

from app.model import Clip, TrackKind
from app.model.schema import encode
from app.timeline.edits import EditRefused, TimelineEditor
from app.timeline.structure import TrackEditor
from tests.timeline.builders import picture_doc, still_asset


def spans(track) -> list[tuple[str, int, int, int]]:
    return [(c.id if len(c.id) < 4 else "new", c.start, c.end, c.source_in) for c in track.clips_sorted()]


def test_move_overwrites_like_premiere_and_undoes_exactly() -> None:
    doc, ep = picture_doc()
    before = encode(doc.series)
    ed = TimelineEditor(doc, ep)
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    # c2 (150..195) dropped at 70..115: trims c1's head? No: it lands inside c1 (60..150) and splits it
    assert ed.move_clips(["c2"], -80)
    assert spans(pic) == [("c0", 0, 60, 0), ("c1", 60, 70, 0), ("c2", 70, 115, 0), ("new", 115, 150, 55)]
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert encode(doc.series) == before
    doc.undo_stack.redo()
    assert spans(pic)[2] == ("c2", 70, 115, 0)


def test_move_across_tracks_checks_compatibility() -> None:
    doc, ep = picture_doc()
    ed = TimelineEditor(doc, ep)
    tracks = ep.timeline.tracks
    pic_index = tracks.index(ep.timeline.first_track(TrackKind.PICTURE))
    assert tracks[pic_index - 1].kind is TrackKind.OVERLAY
    ed.move_clips(["c0"], 10, track_delta=-1)
    assert doc.find("c0") in tracks[pic_index - 1].clips and doc.find("c0").start == 10
    with pytest.raises(EditRefused):
        ed.move_clips(["c1"], 0, track_delta=+1)  # picture clip onto the subtitles track


def test_trim_respects_neighbours_and_source_length_but_not_for_stills() -> None:
    doc, ep = picture_doc(lengths=(60, 90), source_seconds=4.0)  # 120 frames of source each
    ed = TimelineEditor(doc, ep)
    assert ed.trim("c1", "out", 10_000) == 150 + 30  # 120 frames of source from source_in 0
    assert ed.trim("c0", "out", 100) == 60  # blocked by c1 at 60
    assert ed.trim("c1", "in", 0) == 60  # blocked by c0
    assert ed.trim("c1", "in", 80) == 80 and doc.find("c1").source_in == 20
    assert ed.trim("c1", "in", 40) == 60  # cannot start before its source's first frame / c0
    still = still_asset("s")
    doc.series.media["s"] = still
    doc.find("c1").asset_id = "s"
    assert ed.trim("c1", "out", 5000) == 5000  # stills extend without limit


def test_trim_drag_merges_into_one_undo_step() -> None:
    doc, ep = picture_doc()
    ed = TimelineEditor(doc, ep)
    for f in range(190, 230, 3):
        ed.trim("c2", "out", f, merge_key="drag-7")
    assert doc.find("c2").end == 229
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.find("c2").end == 195


def test_ripple_trim_shifts_later_clips_on_all_unlocked_tracks() -> None:
    doc, ep = picture_doc()
    dia = ep.timeline.first_track(TrackKind.DIALOGUE)
    dia.clips.append(Clip(id="d1", start=170, duration=20, take_id=None, asset_id="v0"))
    doc._reindex()
    ed = TimelineEditor(doc, ep)
    assert ed.ripple_trim("c0", "out", 40) == 40
    assert [c.start for c in ep.timeline.first_track(TrackKind.PICTURE).clips_sorted()] == [0, 40, 130]
    assert doc.find("d1").start == 150
    # ripple the in-edge: the clip keeps its start, its source moves, later clips follow
    assert ed.ripple_trim("c1", "in", 50) == 50
    c1 = doc.find("c1")
    assert (c1.start, c1.duration, c1.source_in) == (40, 80, 10)
    assert doc.find("c2").start == 120 and doc.find("d1").start == 140


def test_ripple_is_limited_by_room_on_other_tracks() -> None:
    doc, ep = picture_doc()
    dia = ep.timeline.first_track(TrackKind.DIALOGUE)
    dia.clips += [Clip(id="d0", start=20, duration=30, asset_id="v0"), Clip(id="d1", start=60, duration=10, asset_id="v0")]
    doc._reindex()
    ed = TimelineEditor(doc, ep)
    # shortening c0 by 40 would pull d1 (60) over d0 (ends 50): only 10 frames of room
    assert ed.ripple_trim("c0", "out", 20) == 50
    assert doc.find("d1").start == 50 and doc.find("c1").start == 50


def test_roll_moves_the_cut_between_two_clips() -> None:
    doc, ep = picture_doc()
    ed = TimelineEditor(doc, ep)
    assert ed.roll_trim("c0", 75) == 75
    c0, c1 = doc.find("c0"), doc.find("c1")
    assert (c0.end, c1.start, c1.duration, c1.source_in) == (75, 75, 75, 15)
    # rolling left stops where c1's source begins (its source_in was 15)
    assert ed.roll_trim("c0", 20) == 60
    assert (c0.end, c1.start, c1.source_in) == (60, 60, 0)


def test_split_delete_ripple_delete_then_undo_all() -> None:
    doc, ep = picture_doc()
    before = encode(doc.series)
    ed = TimelineEditor(doc, ep)
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    (right,) = ed.split(100, ["c1"])
    assert spans(pic) == [("c0", 0, 60, 0), ("c1", 60, 100, 0), ("new", 100, 150, 40), ("c2", 150, 195, 0)]
    ed.ripple_delete(["c1"])
    assert spans(pic) == [("c0", 0, 60, 0), ("new", 60, 110, 40), ("c2", 110, 155, 0)]
    ed.delete([right])
    assert spans(pic) == [("c0", 0, 60, 0), ("c2", 110, 155, 0)]
    ep_tracks = TrackEditor(doc, ep)
    ep_tracks.toggle_marker(30)
    assert [m.frame for m in ep.timeline.markers] == [30]
    assert doc.undo_stack.count() == 4
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert encode(doc.series) == before


def test_copy_paste_overwrites_at_playhead_with_new_ids() -> None:
    doc, ep = picture_doc()
    ed = TimelineEditor(doc, ep)
    data = ed.copy(["c0"])
    ids = ed.paste(data, 170)
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    assert ids and ids[0] not in ("c0", "c1", "c2")
    assert spans(pic) == [("c0", 0, 60, 0), ("c1", 60, 150, 0), ("c2", 150, 170, 0), ("new", 170, 230, 0)]


def test_close_gap_and_locked_tracks() -> None:
    doc, ep = picture_doc()
    ed = TimelineEditor(doc, ep)
    ed.delete(["c1"])
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    assert ed.close_gap(pic.id, 100) == 90
    assert doc.find("c2").start == 60
    TrackEditor(doc, ep).set_flag(pic.id, "locked", True)
    with pytest.raises(EditRefused):
        ed.trim("c2", "out", 200)
    assert ed.delete(["c2"]) == 0
