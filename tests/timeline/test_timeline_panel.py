"""The timeline panel driven like a user: mouse drags, trims, keys; undo returns the model to the start."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt

from app.model import TrackKind
from app.model.schema import encode
from app.session import Session
from tests.timeline.builders import picture_doc
from widgets.timeline.panel import TimelinePanel


@pytest.fixture
def panel(qtbot, project_dir):
    doc, ep = picture_doc(lengths=(60, 90, 45), source_seconds=10.0)
    session = Session()
    session.create(project_dir, doc.series)
    panel = TimelinePanel(session)
    panel.resize(1200, 420)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.view
    view.set_zoom(4.0)  # 4 px per frame
    view.set_scroll_x(0)
    view.snapping = False
    return panel


def ep_of(panel):
    return panel.session.current_episode


def clip_point(view, clip_id: str, where: float = 0.5) -> QPoint:
    clip = view.doc.find(clip_id)
    track = next(t for t in ep_of(view).timeline.tracks if clip in t.clips)
    row = view.geo.row_of(track.id)
    x = view.geo.x_of(clip.start + clip.duration * where)
    return QPoint(int(x), row.top + row.height // 2)


def drag(qtbot, view, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 6) -> None:
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, modifier, start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        qtbot.mouseMove(view, QPoint(int(p.x()), int(p.y())))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, modifier, end)


def test_drag_trim_split_ripple_delete_then_undo_everything(panel, qtbot) -> None:
    view = panel.view
    session = panel.session
    ids = lambda: [c.id for c in ep_of(panel).timeline.first_track(TrackKind.PICTURE).clips_sorted()]  # noqa: E731
    c2 = session.document.find("c2")
    start_json = encode(session.series)
    stack = session.document.undo_stack

    # 1. drag the last clip 40 frames (160 px) to the right: one undo step
    p = clip_point(view, "c2")
    drag(qtbot, view, p, p + QPoint(160, 0))
    assert (c2.start, c2.end) == (190, 235)
    assert stack.count() == 1

    # 2. trim its out edge 20 frames shorter by dragging the edge: live, merged into one step
    right_edge = QPoint(int(view.geo.x_of(c2.end)) - 2, clip_point(view, "c2").y())
    drag(qtbot, view, right_edge, right_edge - QPoint(80, 0), steps=10)
    assert c2.end == 215
    assert stack.count() == 2

    # 3. split the middle clip with S at the playhead
    session.set_playhead(100)
    view.setFocus()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=clip_point(view, "c1", 0.2))
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert len(ids()) == 4
    c1 = session.document.find("c1")
    assert (c1.start, c1.end) == (60, 100)
    assert stack.count() == 3

    # 4. select c0 and ripple delete it (Shift+Delete): everything closes up by 60 frames
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=clip_point(view, "c0"))
    assert view.selection == {"c0"}
    qtbot.keyClick(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert session.document.find("c0") is None
    assert c1.start == 0 and c2.start == 130
    assert stack.count() == 4

    # undo all four steps: the project JSON is byte-identical to the start
    for _ in range(4):
        stack.undo()
    assert encode(session.series) == start_json


def test_move_snaps_to_the_playhead_within_pixel_tolerance(panel, qtbot) -> None:
    view = panel.view
    view.snapping = True
    session = panel.session
    session.set_playhead(201)
    c2 = session.document.find("c2")  # 150..195
    p = clip_point(view, "c2")
    drag(qtbot, view, p, p + QPoint(4 * 50, 0))  # would start at 200: 1 frame = 4 px from the playhead (tolerance 8 px)
    assert c2.start == 201
    p = clip_point(view, "c2")
    drag(qtbot, view, p, p + QPoint(4 * 30, 0))  # 231: nothing within 8 px
    assert c2.start == 231


def test_rubber_band_select_and_delete_and_markers(panel, qtbot) -> None:
    view = panel.view
    session = panel.session
    row = view.geo.row_of(ep_of(panel).timeline.first_track(TrackKind.PICTURE).id)
    # rubber band from empty space above the picture track across c0 and c1
    drag(qtbot, view, QPoint(int(view.geo.x_of(10)), row.top - 10), QPoint(int(view.geo.x_of(100)), row.top + 10))
    assert view.selection == {"c0", "c1"}
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert session.document.find("c0") is None and session.document.find("c1") is None
    assert session.document.find("c2").start == 150  # plain delete leaves the gap

    session.set_playhead(42)
    qtbot.keyClick(view, Qt.Key.Key_N)
    markers = ep_of(panel).timeline.markers
    assert [m.frame for m in markers] == [42]
    qtbot.keyClick(view, Qt.Key.Key_N)  # N again on the same frame removes it
    assert markers == []
    qtbot.keyClick(view, Qt.Key.Key_N)
    # double-click the marker flag in the ruler and rename it
    flag = QPoint(int(view.geo.x_of(42)), view.geo.ruler_h - 8)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=flag)
    editor = view._editor
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Reveal")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert markers[0].name == "Reveal"


def test_track_header_buttons_resize_and_copy_paste(panel, qtbot) -> None:
    view = panel.view
    session = panel.session
    pic = ep_of(panel).timeline.first_track(TrackKind.PICTURE)
    from widgets.timeline.painter import header_button_rects

    row = view.geo.row_of(pic.id)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=header_button_rects(row, view.geo.header_w)["locked"].center())
    assert pic.locked
    session.document.undo_stack.undo()
    assert not pic.locked
    h0 = pic.height
    edge = QPoint(40, row.bottom - 2)
    drag(qtbot, view, edge, edge + QPoint(0, 30))
    assert pic.height == h0 + 30
    assert session.document.undo_stack.count() == 1  # the undone lock is gone; the resize is one step
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=clip_point(view, "c0"))
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    session.set_playhead(300)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = [c for c in pic.clips if c.start == 300]
    assert len(pasted) == 1 and pasted[0].duration == 60 and pasted[0].id != "c0"


def test_offline_media_is_drawn_red_on_the_clip(panel, qtbot) -> None:
    view = panel.view
    # the builder's assets name files that are not in the bundle: every clip is offline
    assert {w.kind for ws in view.warnings_by_clip.values() for w in ws} == {"media_offline"}
    img = view.grab().toImage()
    x, y = clip_point(view, "c1").x(), clip_point(view, "c1").y()
    patch = [img.pixelColor(x + dx, y + 8 + dy) for dx in range(-30, 30, 3) for dy in range(0, 8, 2)]
    red = sum(c.red() for c in patch) / len(patch)
    blue = sum(c.blue() for c in patch) / len(patch)
    assert red > blue + 40  # red hatching and "MEDIA OFFLINE"
    empty = img.pixelColor(int(view.geo.x_of(400)), y)
    assert empty.lightness() < 50


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent's only constructor
def test_dropping_storyboard_shots_inserts_linked_clips_end_to_end(panel, qtbot) -> None:
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from app.model import Scene, Shot
    from widgets.timeline.view import SHOT_MIME

    view = panel.view
    session = panel.session
    ep = ep_of(panel)
    shots = [Shot(code="E01-010", duration=40, chosen_still="v0"), Shot(code="E01-011", duration=50, chosen_clip="v1")]
    session.document.append(ep, "scenes", Scene(shots=shots), "Add scene")
    mime = QMimeData()
    mime.setData(SHOT_MIME, json.dumps([shots[0].id, shots[1].id]).encode())
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    row = view.geo.row_of(pic.id)
    pos = QPointF(view.geo.x_of(250), row.top + row.height / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # the only constructor PySide6 offers
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dropEvent(drop)
    placed = sorted((c for c in pic.clips if c.shot_id), key=lambda c: c.start)
    assert [(c.shot_id, c.start, c.duration) for c in placed] == [(shots[0].id, 250, 40), (shots[1].id, 290, 50)]
    assert view.selection == {c.id for c in placed}
    session.document.undo_stack.undo()  # the drop is one undo step
    assert not any(c.shot_id for c in pic.clips)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_files_imports_them_on_a_worker_then_places_them(panel, qtbot, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from app.jobs.manager import job_manager
    from app.media.synth import write_counter_clip

    view = panel.view
    session = panel.session
    pic = ep_of(panel).timeline.first_track(TrackKind.PICTURE)
    before = {c.id for c in pic.clips}
    clip_file = write_counter_clip(tmp_path / "from_kling.mp4", 45, size=(90, 160))
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 200)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(clip_file)), QUrl.fromLocalFile(str(broken))])
    row = view.geo.row_of(pic.id)
    drop = QDropEvent(QPointF(view.geo.x_of(300), row.top + row.height / 2), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dropEvent(drop)
    assert drop.isAccepted()
    jobs = [j for j in job_manager(session).jobs() if j.kind == "import"]
    assert len(jobs) == 1  # the copy and probe run on the queue, not in the drop handler

    qtbot.waitUntil(lambda: len(pic.clips) == len(before) + 1, timeout=20000)
    placed = next(c for c in pic.clips if c.id not in before)
    asset = session.document.media(placed.asset_id)
    assert (placed.start, placed.duration) == (300, 45)
    assert asset is not None and (session.bundle.root / asset.path).is_file()
    assert asset.provenance.original_filename == "from_kling.mp4"
    assert "broken.mp4" in view.toast  # the bad file is named, the good one still lands
    session.document.undo_stack.undo()  # placing is one undo step
    assert {c.id for c in pic.clips} == before
