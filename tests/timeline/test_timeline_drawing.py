"""What the timeline's drawing caches must never change: the picture.

Scrolling reuses clip pixmaps (sprites) and the track headers' pixmap; zooming
paints clips in batches and stretches waveform tiles from a nearby zoom until
the gesture pauses. These tests compare cached drawings with fresh ones
and check that a model change shows up in the cached parts.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from app.model import TrackKind
from tests.timeline.media_project import make_media, open_project
from widgets.timeline.panel import TimelinePanel


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return make_media(tmp_path_factory.mktemp("drawing-media"))


@pytest.fixture
def view(qtbot, project_dir, media):
    session = open_project(project_dir, *media)
    panel = TimelinePanel(session)
    panel.resize(1200, 420)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    v = panel.view
    v.set_zoom(6.0)
    v.set_scroll_x(0)
    for _ in range(3):  # thumbnails and peaks arrive from the worker pool
        v.repaint()
        v.media_cache.wait_idle(20000)
        qtbot.wait(20)
    return v


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())[
        :, : image.width() * 4].copy()


def fresh(view) -> np.ndarray:
    view.grab()  # the zoom has settled
    view.painter.sprites_enabled = False  # every clip drawn from scratch
    try:
        return pixels(view.grab().toImage())
    finally:
        view.painter.sprites_enabled = True


def cached(view) -> np.ndarray:
    view.grab()
    assert view.painter.use_sprites
    return pixels(view.grab().toImage())


def test_sprites_draw_exactly_what_direct_painting_draws(view) -> None:
    direct = fresh(view)
    from_sprites = cached(view)
    assert len(view.sprites) >= 2  # the picture clip and the music clip were cached
    assert np.array_equal(direct, from_sprites)
    # thumbnails were drawn (not placeholders): the picture row is far from flat
    pic = view.geo.row_of(view.episode.timeline.first_track(TrackKind.PICTURE).id)
    band = direct[pic.top + 20: pic.bottom - 4, view.geo.header_w * 4: 600 * 4]
    assert band.std() > 20


def test_cached_drawings_follow_the_model(view, qtbot) -> None:
    session = view.session
    pic_track = view.episode.timeline.first_track(TrackKind.PICTURE)
    clip = pic_track.clips[0]
    before = cached(view)
    session.document.edit(clip, "Rename", name="Confrontation")  # the name strip is in the sprite
    after_rename = cached(view)
    row = view.geo.row_of(pic_track.id)
    strip = slice(row.top + 2, row.top + 17)
    assert not np.array_equal(before[strip], after_rename[strip])
    assert np.array_equal(after_rename, fresh(view))

    session.document.edit(pic_track, "Mute", muted=True)  # header buttons and clip colours change
    muted = cached(view)
    header = (slice(row.top, row.bottom), slice(0, view.geo.header_w * 4))
    assert not np.array_equal(after_rename[header], muted[header])
    assert np.array_equal(muted, fresh(view))

    view.selection = {clip.id}  # selection is drawn over the sprite
    selected = cached(view)
    assert not np.array_equal(muted, selected)
    assert np.array_equal(selected, fresh(view))


def test_a_zoom_gesture_draws_waveforms_from_nearby_tiles_then_settles_exactly(view, qtbot) -> None:
    exact_before = fresh(view)
    view.zoom_by(1.15)
    zooming = pixels(view.grab().toImage())  # the first frame at a new zoom
    assert view.painter.zooming and view.painter.approximate
    assert view.settle_timer.isActive()  # an exact repaint is on its way
    view.zoom_by(1 / 1.15)
    view.grab()
    qtbot.waitUntil(lambda: not view.settle_timer.isActive(), timeout=15000)
    settled = pixels(view.grab().toImage())
    assert not view.painter.approximate
    assert np.array_equal(settled, exact_before)  # back at the first zoom, drawn exactly
    assert not np.array_equal(zooming, exact_before)
