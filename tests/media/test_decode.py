"""Frame-exact decoding: every frame, in any order, from any thread, checked by the frame itself."""

from __future__ import annotations

import random
import subprocess
import threading
from fractions import Fraction

import cv2
import numpy as np
import pytest

from app.media.decode import FrameFetcher
from app.media.errors import MediaError
from app.media.synth import read_code
from tests.media.conftest import VFR_PTS


@pytest.fixture
def fetcher(tmp_path):
    f = FrameFetcher(tmp_path)
    yield f
    f.close()


def test_every_frame_exact_in_sequence_and_at_random(fetcher, hd_clip):
    seq = [read_code(fetcher.frame_at(hd_clip, Fraction(i, 30), (540, 960))) for i in range(60)]
    assert seq == list(range(60))
    fetcher.cache.clear()
    order = list(range(60))
    random.Random(3).shuffle(order)
    for i in order:
        frame = fetcher.frame_at(hd_clip, Fraction(i, 30), (540, 960))
        assert frame.shape == (960, 540, 3) and frame.dtype == np.uint8
        assert read_code(frame) == i


def test_frame_n_equals_opencv_sequential_decode(fetcher, hd_clip):
    cap = cv2.VideoCapture(str(hd_clip))
    reference = []
    while True:
        ok, bgr = cap.read()
        if not ok:
            break
        reference.append(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
    cap.release()
    assert len(reference) == 60
    for i in (0, 1, 23, 24, 25, 47, 59, 7):  # around keyframes (GOP 24) and backwards
        ours = fetcher.frame_at(hd_clip, Fraction(i, 30))
        assert ours.shape == (1920, 1080, 3)
        diff = np.abs(ours.astype(np.int16) - reference[i].astype(np.int16)).mean()
        assert diff < 2.0, (i, diff)  # same picture; only YUV->RGB rounding differs
        # and clearly not a neighbour
        other = reference[i + 1 if i < 59 else i - 1]
        assert np.abs(ours.astype(np.int16) - other.astype(np.int16)).mean() > 5 * diff + 1


def test_time_maps_to_the_frame_on_screen(fetcher, hd_clip):
    def code(t):
        return read_code(fetcher.frame_at(hd_clip, t, (180, 320)))
    assert code(Fraction(0)) == 0
    assert code(Fraction(10, 30) - Fraction(1, 1000)) == 9  # just before frame 10 shows
    assert code(Fraction(10, 30)) == 10
    assert code(Fraction(-1)) == 0  # before the start: first frame
    assert code(Fraction(100)) == 59  # past the end: last frame


@pytest.mark.parametrize("name", ["h264.mkv", "hevc.mp4", "vp9.webm", "prores.mov"])
def test_codec_variants_exact(fetcher, variants, name):
    order = [0, 29, 5, 14, 15, 13, 28, 1]
    got = [read_code(fetcher.frame_at(variants[name], Fraction(i, 30), (90, 160))) for i in order]
    assert got == order


def test_variable_frame_rate_uses_timestamps_not_counts(fetcher, vfr_clip):
    tb = Fraction(1, 30000)
    for i, pts in enumerate(VFR_PTS):
        assert read_code(fetcher.frame_at(vfr_clip, pts * tb)) == i
    # in a gap (frame 2 shows from 2000 until 4000 ticks) the earlier frame stays on screen
    assert read_code(fetcher.frame_at(vfr_clip, 3500 * tb)) == 2
    assert read_code(fetcher.frame_at(vfr_clip, Fraction(7, 30))) == 4  # 7000 ticks: frame at 5000


def test_rotation_applied_like_ffmpeg(fetcher, rotated_clip, tmp_path):
    ours = fetcher.frame_at(rotated_clip, Fraction(3, 30))
    assert ours.shape == (320, 180, 3)
    # ffmpeg's command line rotates by the display matrix: the independent judge
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(rotated_clip), "-vf", "select=eq(n\\,3)",
                          "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                         capture_output=True, check=True).stdout
    ref = np.frombuffer(raw, np.uint8).reshape(320, 180, 3)
    assert np.abs(ours.astype(np.int16) - ref.astype(np.int16)).mean() < 2.0
    scaled = fetcher.frame_at(rotated_clip, Fraction(3, 30), (90, 160))
    assert scaled.shape == (160, 90, 3)


def test_threads_share_one_fetcher_exactly(tmp_path, hd_clip, variants):
    fetcher = FrameFetcher(tmp_path, cache_bytes=8 * 1024 * 1024)  # small: forces real decoding
    errors: list[str] = []

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(25):
            path, n = (hd_clip, 60) if rng.random() < 0.5 else (variants["h264.mp4"], 30)
            i = rng.randrange(n)
            got = read_code(fetcher.frame_at(path, Fraction(i, 30), (180, 320)))
            if got != i:
                errors.append(f"{path.name} frame {i} gave {got}")

    threads = [threading.Thread(target=worker, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    fetcher.close()
    assert errors == []


def test_cache_stays_within_its_byte_budget(tmp_path, hd_clip):
    budget = 3 * 540 * 960 * 3 + 100
    fetcher = FrameFetcher(tmp_path, cache_bytes=budget)
    for i in range(10):
        fetcher.frame_at(hd_clip, Fraction(i, 30), (540, 960))
        assert fetcher.cache.nbytes <= budget
    assert len(fetcher.cache) <= 4
    frame = fetcher.frame_at(hd_clip, Fraction(9, 30), (540, 960))
    assert not frame.flags.writeable  # shared with other callers
    fetcher.close()


def test_stills(fetcher, stills):
    png = fetcher.frame_at(stills["png"], Fraction(0))
    assert png.shape == (400, 300, 3) and read_code(png) == 5
    assert read_code(fetcher.frame_at(stills["webp"], Fraction(3))) == 5
    assert read_code(fetcher.frame_at(stills["jpeg"], Fraction(0), (150, 200))) == 5
    upright = fetcher.frame_at(stills["jpeg_exif6"], Fraction(0))
    assert upright.shape == (400, 300, 3) and read_code(upright) == 5
    alpha = fetcher.frame_at(stills["png_alpha"], Fraction(0))
    assert alpha[:40, :40].max() == 0  # the transparent corner is black
    assert read_code(alpha) == 5
    assert read_code(fetcher.frame_at(stills["png_as_mp4"], Fraction(0))) == 5


def test_bad_sources_raise_media_errors(fetcher, bad_files, tmp_path):
    with pytest.raises(MediaError, match="missing"):
        fetcher.frame_at(tmp_path / "gone.mp4", Fraction(0))
    with pytest.raises(MediaError, match="too large"):
        fetcher.frame_at(bad_files["huge_png"], Fraction(0))
    for name in ("truncated", "garbage", "text"):
        with pytest.raises(MediaError):
            fetcher.frame_at(bad_files[name], Fraction(0))


def test_sequential_export_read_bypasses_the_cache(fetcher, hd_clip):
    codes = [read_code(fetcher.frame_at(hd_clip, Fraction(i, 30), (270, 480), cache=False)) for i in range(60)]
    assert codes == list(range(60))
    assert len(fetcher.cache) <= 1  # only the still/video kind marker, no frames


def test_odd_sized_clip_decodes_exactly_and_gets_an_even_proxy(tmp_path):
    from app.media.cachepaths import proxy_path
    from app.media.probe import probe_file
    from app.media.proxy import make_proxy
    from app.media.synth import write_counter_clip

    clip = write_counter_clip(tmp_path / "odd.mp4", 12, (181, 323), gop=6, pix_fmt="yuv444p",
                              options={"preset": "ultrafast"})
    probe = probe_file(clip)
    assert (probe["width"], probe["height"]) == (181, 323)
    (tmp_path / "cache").mkdir()
    fetcher = FrameFetcher(tmp_path)
    assert [read_code(fetcher.frame_at(clip, Fraction(i, 30))) for i in (11, 3, 7)] == [11, 3, 7]
    proxy = make_proxy(clip, proxy_path(tmp_path / "cache", clip))
    assert fetcher.proxy_for(clip) == proxy
    frame = fetcher.frame_at(clip, Fraction(5, 30), (180, 322), use_proxy=True)
    assert frame.shape == (322, 180, 3) and read_code(frame) == 5
    fetcher.close()
