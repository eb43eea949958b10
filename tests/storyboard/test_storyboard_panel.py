"""The Storyboard dock driven for real: cards from the demo, inspector edits, versions,
generation through a local OpenAI-compatible server and the offline motion provider, reorder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.demo import create_demo
from app.jobs.manager import job_manager
from app.model.schema import encode
from app.session import Session
from tests.providers.servers.fixtures import openai_server  # noqa: F401
from tests.providers.servers.openai import API_KEY
from widgets.storyboard.card import cover, picture_size
from widgets.storyboard.panel import StoryboardPanel

SHOTS = Path("/tmp/microdrama-screenshots")


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory):
    return create_demo(tmp_path_factory.mktemp("demo") / "Demo.mdrama").root


@pytest.fixture
def session(demo_copy, tmp_path, qtbot):
    import shutil

    root = tmp_path / "Demo.mdrama"
    shutil.copytree(demo_copy, root)
    s = Session()
    s.open(root)
    yield s
    job_manager(s).shutdown()
    s.close()


@pytest.fixture
def panel(session, qtbot):
    widget = StoryboardPanel(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def test_cards_show_every_shot_and_the_inspector_follows_selection(panel, session, qtbot) -> None:
    shots = list(session.current_episode.shots())
    assert panel.board.count() == len(shots) > 3
    panel.board.setCurrentRow(2)
    assert panel.inspector.shot_id == shots[2].id
    assert session.selected_shot_id == shots[2].id
    assert panel.inspector.stills.count() == len(shots[2].stills)
    qtbot.waitUntil(lambda: panel.thumbs.pixmap(shots[0].chosen_still) is not None, timeout=30000)
    panel.board.viewport().update()
    from PySide6.QtWidgets import QApplication

    from widgets.shell.theme import apply_theme

    apply_theme(QApplication.instance(), "zh_CN")
    SHOTS.mkdir(exist_ok=True)
    qtbot.wait(200)
    panel.grab().save(str(SHOTS / "storyboard.png"))


def test_editing_a_field_marks_the_shot_as_the_creators_and_undoes(panel, session) -> None:
    shot = list(session.current_episode.shots())[1]
    panel.board.setCurrentRow(1)
    edit = panel.inspector.texts["image_prompt"]
    edit.setPlainText("A rain-soaked rooftop at night, neon reflections")
    edit.focusLost.emit()
    assert shot.image_prompt == "A rain-soaked rooftop at night, neon reflections" and shot.user_edited
    session.document.undo_stack.undo()
    assert shot.image_prompt != "A rain-soaked rooftop at night, neon reflections" and not shot.user_edited


def test_filters_by_character_and_scene(panel, session) -> None:
    first = session.series.characters[0]
    panel.character_filter.setCurrentIndex(panel.character_filter.findData(first.id))
    expected = [s for s in session.current_episode.shots()
                if first.id in s.character_ids or any(d.character_id == first.id for d in s.dialogue)]
    assert panel.board.count() == len(expected)
    panel.character_filter.setCurrentIndex(0)
    scene = session.current_episode.scenes[0]
    panel.scene_filter.setCurrentIndex(panel.scene_filter.findData(scene.id))
    assert panel.board.count() == len(scene.shots)


def test_reorder_across_scenes_is_one_undo_step(panel, session) -> None:
    episode = session.current_episode
    before = encode(session.series)
    first_scene, second_scene = episode.scenes[0], episode.scenes[1]
    moving = first_scene.shots[0]
    target_row = len(first_scene.shots) + 1  # before the second card of the second scene
    anchor = second_scene.shots[1]
    panel.move_shots([moving.id], target_row)
    assert [s.id for s in second_scene.shots].index(moving.id) == [s.id for s in second_scene.shots].index(anchor.id) - 1
    assert [s.number for s in second_scene.shots] == list(range(1, len(second_scene.shots) + 1))
    session.document.undo_stack.undo()
    assert encode(session.series) == before


def test_generate_candidates_then_a_clip_then_send_to_timeline(panel, session, qtbot, openai_server,  # noqa: F811
                                                               monkeypatch) -> None:
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("MICRODRAMA_POLL_INTERVAL", "0.05")
    panel.image_provider.setCurrentIndex(panel.image_provider.findData("openai"))
    panel.video_provider.setCurrentIndex(panel.video_provider.findData("motion"))
    shot = list(session.current_episode.shots())[0]
    before = list(shot.stills)
    jobs = panel.generate_for_shot(shot.id, "still", 2)
    assert len(jobs) == 2
    qtbot.waitUntil(lambda: all(j.state.finished for j in jobs), timeout=60000)
    assert all(j.state.value == "succeeded" for j in jobs), [j.error for j in jobs]
    # the test server answers the same PNG twice: identical bytes are one version, stored once
    assert len(shot.stills) == len(before) + 1
    new = shot.stills[-1]
    assert session.series.media[new].provenance.provider == "openai"
    panel.board.setCurrentRow(0)
    panel.inspector.choose("chosen_still", new)
    assert shot.chosen_still == new
    clip_jobs = panel.generate_for_shot(shot.id, "clip", 1)
    qtbot.waitUntil(lambda: clip_jobs[0].state.finished, timeout=120000)
    assert clip_jobs[0].state.value == "succeeded", clip_jobs[0].error
    assert shot.chosen_clip and session.series.media[shot.chosen_clip].kind.value == "video"
    panel.send_to_timeline()
    picture = session.current_episode.timeline.first_track(__import__("app.model", fromlist=["TrackKind"]).TrackKind.PICTURE)
    assert any(c.asset_id == shot.chosen_clip for c in picture.clips)


def test_files_named_after_shots_land_on_their_shots(panel, session, qtbot, tmp_path) -> None:
    import cv2
    import numpy as np

    shots = list(session.current_episode.shots())
    made_elsewhere = []
    for shot, colour in ((shots[0], 40), (shots[3], 200)):
        path = tmp_path / f"{shot.code}_midjourney_v2.png"
        cv2.imwrite(str(path), np.full((1920, 1080, 3), colour, np.uint8))
        made_elsewhere.append(path)
    stray = tmp_path / "holiday.png"
    cv2.imwrite(str(stray), np.zeros((64, 64, 3), np.uint8))
    before = [list(s.stills) for s in shots]
    job = panel.import_files(made_elsewhere + [stray])
    qtbot.waitUntil(lambda: job.state.finished, timeout=60000)
    assert job.state.value == "succeeded", job.error
    assert len(shots[0].stills) == len(before[0]) + 1 and shots[0].chosen_still == shots[0].stills[-1]
    assert len(shots[3].stills) == len(before[3]) + 1
    assert session.series.media[shots[3].chosen_still].provenance.original_filename.startswith(shots[3].code)
    assert "holiday.png" in panel.message.text()
    session.document.undo_stack.undo()  # one step for the whole import
    assert [list(s.stills) for s in shots] == before


def test_continuity_takes_the_last_frame_of_the_previous_clip(panel, session, qtbot, tmp_path) -> None:
    import av
    import numpy as np

    shots = list(session.current_episode.shots())
    clip_file = tmp_path / f"{shots[0].code}_kling.mp4"
    with av.open(str(clip_file), "w") as out:
        stream = out.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 270, 480, "yuv420p"
        for i in range(30):
            value = 250 if i == 29 else 20  # the last frame is the bright one
            for packet in stream.encode(av.VideoFrame.from_ndarray(np.full((480, 270, 3), value, np.uint8), "rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    job = panel.import_files([clip_file])
    qtbot.waitUntil(lambda: job.state.finished, timeout=60000)
    assert shots[0].chosen_clip
    panel.board.setCurrentRow(1)
    job = panel.inspector.continue_from_previous()
    qtbot.waitUntil(lambda: job.state.finished, timeout=60000)
    assert job.state.value == "succeeded", job.error
    still = session.series.media[shots[1].chosen_still]
    import cv2

    image = cv2.imread(str(session.bundle.resolve(still.path)))
    assert image.shape[:2] == (480, 270) and image.mean() > 200
    assert still.provenance.reference_inputs == [shots[0].chosen_clip]


def test_inspector_import_runs_on_the_queue_and_chooses_the_new_version(panel, session, qtbot, tmp_path) -> None:
    from app.media.synth import write_counter_clip

    shots = list(session.current_episode.shots())
    panel.board.setCurrentRow(3)
    shot = shots[3]
    versions_before = list(shot.clips)
    panel.inspector.import_file(write_counter_clip(tmp_path / "E01-004_kling.mp4", 30, size=(90, 160)))
    job = next(j for j in job_manager(session).jobs() if j.kind == "import")
    qtbot.waitUntil(lambda: job.state.finished, timeout=30000)
    assert shot.chosen_clip and shot.chosen_clip not in versions_before
    assert shot.clips == [*versions_before, shot.chosen_clip]
    asset = session.series.media[shot.chosen_clip]
    assert asset.provenance.source == "imported" and asset.provenance.original_filename == "E01-004_kling.mp4"
    session.document.undo_stack.undo()
    assert shot.clips == versions_before


def test_camera_terms_are_shown_in_chinese_and_stored_in_english(session, qtbot) -> None:
    from widgets.shell.i18n import install_language

    install_language("zh_CN")
    try:
        widget = StoryboardPanel(session)
        qtbot.addWidget(widget)
        widget.show()
        shot = list(session.current_episode.shots())[0]
        session.document.edit(shot, "size", shot_size="close-up")
        widget.board.setCurrentRow(0)
        inspector = widget.inspector
        inspector.show_shot(shot.id)
        assert inspector.shot_size.currentText() == "特写"
        inspector.shot_size.setCurrentIndex(inspector.shot_size.findText("远景"))
        assert shot.shot_size == "wide"  # prompts keep the model's vocabulary
        inspector.movement.setEditText("慢慢摇过去")  # a term typed by hand is kept as typed
        assert shot.camera_movement == "慢慢摇过去"
    finally:
        install_language("en")


def rgb(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine()).copy()


def test_thumbnails_arrive_fitted_to_the_cards_and_are_drawn_unscaled(panel, qtbot) -> None:
    """The thumbnail is scaled (to cover the card's 9:16 frame) on the worker that reads it; a picture
    of another size (the board was resized, or list mode) is scaled once when painted and kept."""
    still = next(shot.chosen_still for shot in panel.session.current_episode.shots() if shot.chosen_still)
    frame = picture_size(panel.delegate.card_size)
    assert panel.thumbs.fit_size == frame
    qtbot.waitUntil(lambda: panel.thumbs.pixmap(still) is not None, timeout=30000)
    pixmap = panel.thumbs.pixmap(still)
    assert pixmap.size() == frame  # scaled on the worker
    assert panel.delegate._fit(pixmap, frame) is pixmap  # painted as it is, nothing kept

    # the board gets narrower: the cards shrink, the picture already read is scaled once and kept
    panel.resize(700, 760)
    qtbot.waitUntil(lambda: picture_size(panel.delegate.card_size) != frame, timeout=10000)
    smaller = picture_size(panel.delegate.card_size)
    assert panel.thumbs.fit_size == smaller  # pictures read from now on come at the new size
    fitted = panel.delegate._fit(pixmap, smaller)
    assert fitted.size() == smaller
    assert panel.delegate._fit(pixmap, smaller) is fitted
    # what the worker would have made from the same picture, up to the rounding of a second scale
    redone = cover(pixmap.toImage(), smaller)
    assert np.abs(rgb(fitted.toImage()).astype(int) - rgb(redone).astype(int)).mean() < 1.0

    panel.delegate.list_mode = True
    assert panel.thumbs.fit_size is None  # list rows scale their small pictures when painted


def test_a_cards_words_are_laid_out_once_and_drawn_as_they_would_be_directly(panel, qtbot) -> None:
    """The board repaints its cards often; each card's words (code, dialogue, pills) are drawn once
    onto a picture in the card's colour and blitted after that, looking as the direct drawing does."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    from widgets.storyboard.card import SHOT_ROLE
    from widgets.storyboard.card_text import draw_words

    board = panel.board
    words = panel.delegate._words
    board.viewport().repaint()
    shown = len(words)
    assert shown >= 3  # one picture per card on screen
    board.viewport().repaint()
    assert len(words) == shown  # a repaint lays nothing out again

    info = dict(board.item(0).data(SHOT_ROLE))
    area, background = QRect(0, 0, 160, 150), QColor("#1f222b")

    def drawn(cached: bool) -> np.ndarray:
        image = QImage(area.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(background)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(board.font())
        if cached:
            words.draw(p, area, info, background)
        else:
            draw_words(p, area, info)
        p.end()
        return rgb(image)

    assert np.array_equal(drawn(True), drawn(False))
    count = len(words)
    info["summary"] = info["summary"] + " (edited)"
    drawn(True)
    assert len(words) == count + 1  # other words: another picture
