"""Model edits through the document: every change undoes and redoes exactly."""

from __future__ import annotations

from app.document import ProjectDocument
from app.model import Clip, Episode, Scene, Series, Shot, TrackKind
from app.model.schema import decode, encode


def _doc() -> tuple[ProjectDocument, Episode]:
    series = Series(title="Test")
    episode = Episode(number=1)
    series.episodes.append(episode)
    return ProjectDocument(series), episode


def test_drag_of_many_moves_is_one_undo_step() -> None:
    doc, episode = _doc()
    scene = Scene(heading="INT. OFFICE - DAY")
    doc.append(episode, "scenes", scene, "Add scene")
    shot = Shot(code="E01-001", duration=90)
    doc.append(scene, "shots", shot, "Add shot")
    for frames in range(91, 120):
        doc.edit(shot, "Change duration", merge_key="drag-1", duration=frames)
    assert shot.duration == 119
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert shot.duration == 90
    doc.undo_stack.redo()
    assert shot.duration == 119


def test_insert_remove_move_round_trip_to_identical_json() -> None:
    doc, episode = _doc()
    start = encode(doc.series)
    picture = episode.timeline.first_track(TrackKind.PICTURE)
    music = episode.timeline.first_track(TrackKind.MUSIC)
    a, b = Clip(start=0, duration=30), Clip(start=30, duration=45)
    with doc.macro("Add clips"):
        doc.append(picture, "clips", a, "add a")
        doc.append(picture, "clips", b, "add b")
    doc.move(b, 0, "Move clip to music", owner=music, field="clips")
    assert b in music.clips and b not in picture.clips
    doc.remove(a, "Delete clip")
    assert doc.find(a.id) is None
    assert episode.timeline.duration == 75  # b: frames 30..75
    for _ in range(3):
        doc.undo_stack.undo()
    assert encode(doc.series) == start
    for _ in range(3):
        doc.undo_stack.redo()
    assert doc.find(b.id) is b and b in music.clips


def test_signals_name_the_changed_object(qtbot) -> None:
    doc, episode = _doc()
    with qtbot.waitSignal(doc.objectChanged) as blocker:
        doc.edit(episode, "Rename", title="Pilot")
    assert blocker.args == [episode.id, ["title"]]


def test_save_format_is_stable_and_round_trips() -> None:
    doc, episode = _doc()
    episode.scenes.append(Scene(heading="场景一", shots=[Shot(code="A", action="她转身离开")]))
    raw = encode(doc.series)
    assert "她转身离开" in raw.decode("utf-8")  # human-readable, not \u-escaped
    assert encode(decode(raw)) == raw


def test_replacing_a_subtree_keeps_ids_findable_and_undoes() -> None:
    from app.model import Timeline, Track

    doc, episode = _doc()
    old_track = episode.timeline.tracks[0]
    new_clip = Clip(duration=10)
    new_timeline = Timeline(tracks=[Track(clips=[new_clip])])
    doc.edit(episode, "Import timeline", timeline=new_timeline)
    assert doc.find(new_clip.id) == new_clip  # values are copied into the model, ids kept
    assert doc.find(old_track.id) is None
    doc.remove(doc.find(new_clip.id), "Delete clip")  # owner lookup works inside the swapped-in subtree
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.find(old_track.id) == old_track and doc.find(new_clip.id) is None
    assert doc.find(old_track.id) in episode.timeline.tracks
