"""Cutting a real multi-shot clip at its cuts (and at the asked lengths when the picture has none)."""

from __future__ import annotations

import av
import pytest

from app.storyboard.scene_cuts import cut_clip, plan_cuts
from tests.storyboard.multishot_media import multishot_mp4


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    path = tmp_path_factory.mktemp("ms") / "scene.mp4"
    path.write_bytes(multishot_mp4())
    return path


def _frames(path) -> tuple[int, bool]:
    with av.open(str(path)) as c:
        return sum(1 for _ in c.decode(video=0)), bool(c.streams.audio)


def test_cuts_are_found_in_the_picture_even_when_the_asked_lengths_differ(clip):
    plan = plan_cuts(clip, [1.2, 1.6, 1.7])  # the model did not keep to the asked lengths exactly
    assert plan.detected
    assert plan.boundaries == pytest.approx([1.0, 3.0], abs=0.05)


def test_pieces_are_frame_exact_with_sound(clip, tmp_path):
    plan = plan_cuts(clip, [1, 2, 1.5])
    pieces = cut_clip(clip, plan, tmp_path)
    counts = [_frames(p) for p in pieces]
    assert [c[0] for c in counts] == [24, 48, 36]
    assert all(has_audio for _, has_audio in counts)


def test_no_clear_cut_falls_back_to_the_asked_lengths(tmp_path):
    path = tmp_path / "one.mp4"
    path.write_bytes(multishot_mp4((3.0,), sound=False))  # one continuous shot
    plan = plan_cuts(path, [1, 2])
    assert not plan.detected and plan.boundaries == pytest.approx([1.0], abs=0.05)
    assert [_frames(p)[0] for p in cut_clip(path, plan, tmp_path / "out")] == [24, 48]
