"""Importing media: a user drops files on the project; good ones land with derived files, bad ones never do."""

from __future__ import annotations

import shutil
import time
from fractions import Fraction

import pytest

from app.media.cachepaths import proxy_path, thumbs_dir, waveform_path
from app.media.errors import MediaError
from app.media.importer import import_media
from app.media.services import media_services
from app.media.synth import read_code
from app.model import MediaKind, Provenance, Series
from app.session import Session


@pytest.fixture
def session(qtbot, project_dir):
    s = Session()
    s.create(project_dir, Series(title="Test"))
    yield s
    s.close()


def _wait_derived(qtbot, services, timeout=120_000):
    qtbot.waitUntil(lambda: not services.runner.pending(), timeout=timeout)
    services.wait(10_000)
    qtbot.wait(50)  # deliver the queued finished signals


def test_import_clip_makes_proxy_thumbnails_waveform_and_preview_uses_proxy(qtbot, session, hd_clip):
    services = media_services(session)
    ready: list[tuple[str, str]] = []
    services.derivedReady.connect(lambda a, w: ready.append((a, w)))
    asset = import_media(session, hd_clip)
    assert session.series.media[asset.id] is asset
    stored = session.bundle.resolve(asset.path)
    assert stored.is_file() and stored.suffix == ".mp4" and stored.read_bytes() == hd_clip.read_bytes()
    assert asset.kind is MediaKind.VIDEO and asset.probe["frames"] == 60
    assert asset.provenance.original_filename == "hd.mp4"
    _wait_derived(qtbot, services)
    assert sorted(w for a, w in ready if a == asset.id) == ["proxy", "thumbnails", "waveform"]
    cache = session.bundle.root / "cache"
    proxy = proxy_path(cache, stored)
    assert proxy.is_file()
    assert waveform_path(cache, stored).is_file()
    assert len(list(thumbs_dir(cache, stored).glob("*.jpg"))) == 3  # frames 0, 30, 59

    fetcher = services.fetcher
    fetcher.cache.clear()
    preview = fetcher.frame_at(stored, Fraction(41, 30), (540, 960), use_proxy=True)
    export = fetcher.frame_at(stored, Fraction(41, 30), (540, 960), use_proxy=False)
    assert read_code(preview) == read_code(export) == 41
    keys = {k[1] for k in fetcher.cache._items if k[0] == "frame"}
    assert keys == {str(proxy), str(stored)}  # preview read the proxy, export the source

    thumb = services.thumbnail(asset, 1.2)
    assert thumb is not None and thumb.shape == (160, 90, 3) and read_code(thumb) == 30
    peaks = services.waveform_peaks(asset, 1600)
    assert peaks.shape[1] == 2 and abs(len(peaks) - 60) <= 1  # 2 s at 48 kHz / 1600
    assert 0.4 < peaks[10, 1] <= 0.55 and -0.55 <= peaks[10, 0] < -0.4  # the 0.5 sine
    fine = services.waveform_peaks(asset, 16)
    assert abs(len(fine) - 6000) <= 64


def test_cache_folder_is_safe_to_delete(qtbot, session, variants):
    services = media_services(session)
    asset = import_media(session, variants["h264.mp4"])
    _wait_derived(qtbot, services)
    stored = session.bundle.resolve(asset.path)
    shutil.rmtree(session.bundle.root / "cache")
    services.fetcher.cache.clear()
    # preview falls back to the source, exactly
    assert read_code(services.frame(asset, Fraction(17, 30), (90, 160), preview=True)) == 17
    assert services.thumbnail(asset, 0) is None  # gone, and being rebuilt
    _wait_derived(qtbot, services)
    services.schedule(asset)
    _wait_derived(qtbot, services)
    assert services.thumbnail(asset, 0) is not None
    assert proxy_path(session.bundle.root / "cache", stored).is_file()


def test_wrong_extension_is_stored_by_content(qtbot, session, stills):
    asset = import_media(session, stills["png_as_mp4"])
    assert asset.kind is MediaKind.IMAGE
    assert asset.path.endswith(".png")
    assert asset.original_name == "really_png.mp4"
    assert read_code(media_services(session).frame(asset, Fraction(0))) == 5


def test_same_content_twice_is_one_asset(session, audio_files):
    a = import_media(session, audio_files[".flac"], Provenance(source="generated", provider="suno"))
    b = import_media(session, audio_files[".flac"])
    assert a is b and len(session.series.media) == 1
    assert a.provenance.provider == "suno"
    assert a.kind is MediaKind.AUDIO and a.probe["audio_rate"] == 44100


@pytest.mark.parametrize("name", ["truncated", "truncated_faststart", "garbage", "empty", "zero_wav",
                                  "huge_png", "text"])
def test_bad_files_are_refused_and_nothing_is_copied(session, bad_files, name):
    with pytest.raises(MediaError):
        import_media(session, bad_files[name])
    assert session.series.media == {}
    assert not any(p.is_file() for p in (session.bundle.root / "media").rglob("*"))


def test_import_needs_an_open_project(qtbot, hd_clip):
    from app.errors import UserError
    with pytest.raises(UserError, match="Open or create a project"):
        import_media(Session(), hd_clip)


def test_services_follow_the_open_project(qtbot, session, tmp_path):
    first = media_services(session)
    assert media_services(session) is first
    session.create(tmp_path / "Other.mdrama", Series(title="Other"))
    second = media_services(session)
    assert second is not first and second.root == session.bundle.root
    assert first._closed


def test_background_work_is_cancellable(qtbot, session):
    from app.media.background import BackgroundRunner

    runner = BackgroundRunner()
    started = []

    def slow(token, progress):
        started.append(1)
        for i in range(500):
            token.check()
            progress(i / 500)
            time.sleep(0.01)
        return "done"

    assert runner.submit("slow", slow)
    assert not runner.submit("slow", slow)  # already queued
    qtbot.waitUntil(lambda: bool(started), timeout=15000)
    with qtbot.waitSignal(runner.cancelled, timeout=15000) as blocker:
        t0 = time.monotonic()
        runner.cancel("slow")
    assert blocker.args == ["slow"]
    assert time.monotonic() - t0 < 1.0
    assert runner.pending() == []


def test_cancelled_proxy_leaves_no_file(tmp_path, hd_clip):
    from app.media.background import Cancelled, CancelToken
    from app.media.proxy import make_proxy

    token = CancelToken()
    seen = []

    def progress(f):
        seen.append(f)
        if len(seen) == 5:
            token.cancel()

    with pytest.raises(Cancelled):
        make_proxy(hd_clip, tmp_path / "p.mp4", token, progress)
    assert list(tmp_path.iterdir()) == []
