"""The compositor: what a viewer sees on each timeline frame, checked on real decoded pixels."""

from __future__ import annotations

import numpy as np
import pytest

from app.media.compositor import Compositor, MissingMediaError
from app.media.decode import FrameFetcher
from app.media.overlays import LabelLayer
from app.media.text_render import TextStyle, ink_height, render_text
from app.model import FitMode, HoldMode, KenBurns, Rect, TrackKind, Transition, TransitionKind
from tests.media.conftest_export import Project, export_media, project, read_index  # noqa: F401

pytestmark = pytest.mark.usefixtures("qapp")
SIZE = (180, 320)


def comp(p: Project, **kw) -> Compositor:
    kw.setdefault("labels", [])
    return Compositor(p.series, p.bundle, FrameFetcher(p.bundle.root), **kw)


def render(p: Project, frame: int, size=SIZE, preview=True, **kw) -> np.ndarray:
    return comp(p, **kw).render(p.episode, frame, size, preview=preview)


def test_trimmed_clip_shows_the_source_frame_its_in_point_maps_to(project, export_media):
    project.add(TrackKind.PICTURE, export_media.flash_clip, start=10, source_in=17, duration=40)
    c = comp(project)
    for f in (10, 11, 33, 49):
        frame = c.render(project.episode, f, (360, 640), preview=True)
        assert read_index(frame) == 17 + (f - 10)
    assert c.render(project.episode, 9, SIZE, preview=True).max() == 0  # before the clip: black
    assert c.render(project.episode, 50, SIZE, preview=True).max() == 0  # after it


def test_overlay_track_is_drawn_above_picture_and_hidden_when_muted(project, export_media):
    project.add(TrackKind.PICTURE, export_media.red_still, start=0, duration=30)
    project.add(TrackKind.OVERLAY, export_media.blue_still, start=5, duration=10)
    assert tuple(render(project, 7)[160, 90]) == (0, 0, 255)
    assert tuple(render(project, 2)[160, 90]) == (255, 0, 0)
    project.track(TrackKind.OVERLAY).muted = True
    assert tuple(render(project, 7)[160, 90]) == (255, 0, 0)
    project.track(TrackKind.OVERLAY).muted = False
    project.track(TrackKind.PICTURE).solo = True
    assert tuple(render(project, 7)[160, 90]) == (255, 0, 0)
    project.track(TrackKind.PICTURE).solo = False
    project.track(TrackKind.OVERLAY).clips[0].enabled = False
    assert tuple(render(project, 7)[160, 90]) == (255, 0, 0)


@pytest.mark.parametrize("fit", list(FitMode))
def test_fit_modes_place_a_landscape_source_on_the_vertical_canvas(project, export_media, fit):
    project.add(TrackKind.PICTURE, export_media.landscape_clip, start=0, duration=10, fit=fit)
    frame = render(project, 0).astype(int)
    green = (frame[..., 1] > 120) & (frame[..., 0] < 80)
    rows = green.any(axis=1)
    covered = rows.mean()
    if fit is FitMode.FIT:  # letterboxed: 180/320 * 180 wide -> ~101 of 320 rows, black bars above and below
        assert 0.28 < covered < 0.36 and frame[5, 90].max() < 10 and frame[315, 90].max() < 10
    else:  # fill crops the sides, stretch distorts: both cover the whole canvas
        assert covered == 1.0 and green.all(axis=0).all()


def test_ken_burns_moves_smoothly_from_the_start_to_the_end_rectangle(project, export_media):
    # pattern: red rises left->right, green top->bottom; the move pans from the left edge to the right edge
    kb = KenBurns(start=Rect(0.0, 0.25, 0.3, 0.5), end=Rect(0.7, 0.25, 0.3, 0.5))
    project.add(TrackKind.PICTURE, export_media.pattern_still, start=0, duration=60, ken_burns=kb)
    c = comp(project)
    reds = [float(c.render(project.episode, f, SIZE, preview=True)[..., 0].mean()) for f in range(60)]
    assert reds[0] < 60 and reds[-1] > 190  # starts at the dark-red left, ends at the bright-red right
    steps = np.diff(reds)
    assert (steps >= -0.01).all()  # never jumps back
    assert steps[:3].max() < steps[28:32].min()  # eases in: slow at the start, fastest in the middle
    assert steps[-3:].max() < steps[28:32].min()  # and eases out


def test_crossfade_and_dip_to_black_blend_the_outgoing_clip(project, export_media):
    project.add(TrackKind.PICTURE, export_media.red_still, start=0, duration=20)
    incoming = project.add(TrackKind.PICTURE, export_media.blue_still, start=20, duration=20,
                           transition_in=Transition(TransitionKind.CROSSFADE, 10))
    mid = render(project, 25)[160, 90].astype(int)  # halfway: (index + .5) / 10 = 0.55 blue
    assert abs(mid[0] - 0.45 * 255) < 3 and abs(mid[2] - 0.55 * 255) < 3
    assert tuple(render(project, 19)[160, 90]) == (255, 0, 0)
    assert tuple(render(project, 30)[160, 90]) == (0, 0, 255)
    incoming.transition_in = Transition(TransitionKind.DIP_TO_BLACK, 10)
    levels = [int(render(project, f)[160, 90].max()) for f in range(20, 30)]
    assert min(levels) < 30 and levels[0] > 200 and levels[-1] > 200
    assert render(project, 22)[160, 90][0] > 0 and render(project, 27)[160, 90][2] > 0  # red out, blue in


def test_cjk_subtitle_is_burned_in_inside_the_safe_area(project, export_media):
    project.add(TrackKind.PICTURE, export_media.blue_still, start=0, duration=30)
    project.add(TrackKind.SUBTITLES, None, start=5, duration=10, text="她终于回来了 She is back")
    size = (540, 960)
    c = comp(project)
    with_sub = c.render(project.episode, 6, size, preview=True).astype(int)
    without = c.render(project.episode, 20, size, preview=True).astype(int)
    changed = np.abs(with_sub - without).sum(axis=2) > 60
    ys, xs = np.nonzero(changed)
    assert changed.sum() > 2000  # real glyphs, not a blank
    x0, y0, x1, y1 = c.safe_area.box(*size)
    assert ys.max() <= y1 and ys.min() > 960 // 2 and xs.min() >= x0 - 10 and xs.max() <= x1 + 10
    assert (with_sub[changed] > 230).all(axis=1).sum() > 500  # white text fill
    # glyphs are distinct (no tofu boxes): two different Chinese lines render differently
    a = render_text("她终于回来了", TextStyle(), 400).rgba
    b = render_text("他已经走远了", TextStyle(), 400).rgba
    assert a.shape == b.shape and np.abs(a.astype(int) - b.astype(int)).mean() > 5


def test_long_subtitles_wrap_to_the_safe_width(qapp):
    style = TextStyle(pixel_size=40)
    one = render_text("短句", style, 300)
    long = render_text("这是一句非常非常长的中文字幕，必须在安全区域内自动换行显示出来", style, 300)
    assert long.width <= 300 and long.height > 2.5 * one.height


def test_title_card_and_label_layer(project, export_media):
    project.add(TrackKind.PICTURE, export_media.red_still, start=0, duration=120)
    project.add(TrackKind.OVERLAY, None, start=0, duration=30, text="第一集")
    label = LabelLayer("AI生成", start=0, end=60, corner="top-left", height_pct=5.5)
    c = comp(project, labels=[label])
    size = (540, 960)
    plain = Compositor(project.series, project.bundle, c.fetcher, labels=[]).render(project.episode, 40, size,
                                                                                    preview=True)
    titled = c.render(project.episode, 10, size, preview=True)
    diff = np.abs(titled.astype(int) - plain.astype(int)).sum(axis=2) > 60
    title_rows = np.nonzero(diff[200:600].any(axis=1))[0]
    assert len(title_rows) > 30  # the title card around 40% of the height
    corner = diff[:150, :270]
    ys = np.nonzero(corner.any(axis=1))[0]
    assert len(ys) and (ys.max() - ys.min()) >= 0.05 * 540  # label ink at least 5% of the short side
    assert ink_height("AI生成", TextStyle(pixel_size=40)) > 25
    late = c.render(project.episode, 70, size, preview=True)
    assert np.array_equal(late, plain)  # the label ends at frame 60


def test_missing_media_is_offline_in_preview_and_an_error_in_export(project, export_media):
    clip = project.add(TrackKind.PICTURE, export_media.red_still, start=0, duration=10, name="red.png")
    project.series.media[clip.asset_id].path = "media/zz/gone.png"
    frame = render(project, 3, (540, 960))
    assert frame[..., 0].mean() > frame[..., 1].mean() + 20  # red-striped offline card, not black
    with pytest.raises(MissingMediaError) as info:
        render(project, 3, preview=False)
    assert "gone.png" in str(info.value)


def test_preview_shows_the_projects_ai_label_by_default(project, export_media):
    project.add(TrackKind.PICTURE, export_media.blue_still, start=0, duration=300)
    default = Compositor(project.series, project.bundle, FrameFetcher(project.bundle.root))
    size = (540, 960)
    first, later = default.render(project.episode, 10, size, preview=True), default.render(project.episode, 200, size,
                                                                                             preview=True)
    assert np.abs(first[:120, :300].astype(int) - later[:120, :300]).sum() > 10000  # label for the first seconds
    project.series.settings.ai_label_enabled = False
    assert np.array_equal(default.render(project.episode, 10, size, preview=True), later)


@pytest.mark.parametrize(("hold", "expected"), [
    (HoldMode.FREEZE, {0: 101, 18: 119, 19: 119, 49: 119}),
    (HoldMode.LOOP, {0: 101, 18: 119, 19: 101, 45: 108}),
    (HoldMode.SLOW, {0: 101, 25: 110, 49: 119}),
])
def test_a_clip_longer_than_its_source_is_held_not_black(project, export_media, hold, expected):
    # 19 source frames (101..119) under a 50-frame clip: preview and export show the hold, never black
    project.add(TrackKind.PICTURE, export_media.flash_clip, start=10, source_in=101, duration=50, hold=hold)
    c = comp(project)
    for offset, index in expected.items():
        for preview in (True, False):
            frame = c.render(project.episode, 10 + offset, (360, 640), preview=preview)
            assert read_index(frame) == index, (hold, offset, preview)
