"""The user's music endpoint, the offline still-to-clip provider and hand-made file import."""

from __future__ import annotations

import os
import time

import av
import cv2
import numpy as np
import pytest

from providers import registry
from providers.base import FAILED, SUCCEEDED, CancelToken, ImageRequest, MusicRequest, VideoRequest
from providers.errors import ProviderCancelled, ProviderError
from providers.import_match import FolderWatcher, match_files, parse_code
from providers.motion import camera
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.music import TOKEN

# --- music endpoint --------------------------------------------------------------------------------

def music(server, tmp_path, **kw):
    return registry.create("music_endpoint", {"base_url": server.url + "/music", "api_key": TOKEN, "timeout": 10,
                                              **kw}, staging_dir=tmp_path)


def test_music_endpoint_contract_end_to_end(music_server, tmp_path):
    provider = music(music_server, tmp_path)
    handle = provider.submit(MusicRequest(prompt="rain on a tin roof", style="lofi piano", duration=30,
                                          instrumental=True, seed=9))
    assert music_server.received("POST /music")[0].json() == {"prompt": "rain on a tin roof", "style": "lofi piano",
                                                             "duration": 30.0, "instrumental": True, "seed": 9}
    first = provider.poll(handle)
    assert first.state == "running" and first.progress == 0.5
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and status.outputs[0].url.endswith("/music/files/" + handle.task_id + ".wav")
    path = provider.download(status.outputs[0], tmp_path / "out")
    assert path.suffix == ".wav"


def test_music_endpoint_failure_and_auth(music_server, tmp_path):
    music_server.next_outcome = "failed"
    provider = music(music_server, tmp_path)
    status = poll_until_done(provider, provider.submit(MusicRequest(prompt="x")))
    assert status.state == FAILED and "out of memory" in status.error
    with pytest.raises(ProviderError) as err:
        music(music_server, tmp_path, api_key="wrong-token-xxxxxxxx").submit(MusicRequest(prompt="x"))
    assert err.value.kind == "auth" and "missing or wrong token" in str(err.value)


def test_music_endpoint_cancel(music_server, tmp_path):
    music_server.polls_to_finish = 50
    provider = music(music_server, tmp_path)
    handle = provider.submit(MusicRequest(prompt="x"))
    provider.cancel(handle)
    assert provider.poll(handle).state == "cancelled"


def test_music_endpoint_is_labelled_as_the_users_own_service():
    info = registry.get("music_endpoint")
    assert info.user_service and "My music service" in info.label
    assert "Not a Suno product" in info.field("base_url").help


# --- motion ---------------------------------------------------------------------------------------

@pytest.fixture
def still(tmp_path):
    """A still with a bright marker left of centre, to see the camera move."""
    img = np.zeros((400, 300, 3), np.uint8)
    img[:, :] = (30, 60, 90)
    cv2.circle(img, (100, 200), 30, (255, 255, 255), -1)
    path = tmp_path / "still.png"
    cv2.imwrite(str(path), img)
    return path


def _frames(path):
    """Decoded frames and the stream's facts, read while the file is open (PyAV 18.1.1 refuses after)."""
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        assert stream.codec_context.name == "h264"
        frames = [f.to_ndarray(format="rgb24") for f in c.decode(stream)]
        return frames, (stream.width, stream.height, stream.average_rate)


def test_motion_renders_a_real_h264_clip_that_moves(still, tmp_path):
    provider = registry.create("motion", {"width": 120, "height": 208}, staging_dir=tmp_path / "stage")
    handle = provider.submit(VideoRequest(first_frame=str(still), duration=1.0, fps=24,
                                          parameters={"motion": "pan_right", "strength": 0.3}))
    status = provider.poll(handle)
    assert status.state == SUCCEEDED
    clip = provider.download(status.outputs[0], tmp_path / "out")
    frames, (width, height, rate) = _frames(clip)
    assert len(frames) == 24 and (width, height) == (120, 208)
    assert rate == 24

    def marker_x(frame):
        mask = frame.mean(axis=2) > 200
        return np.nonzero(mask)[1].mean()

    # panning right: the view travels right, so the marker drifts left across the frame
    assert marker_x(frames[0]) - marker_x(frames[-1]) > 10
    assert handle.endpoint["motion"] == "pan_right"
    assert list((tmp_path / "stage").iterdir()) == []  # moved out, no partial file left behind


def test_motion_zoom_in_eases_from_rest():
    z0, _, _ = camera("zoom_in", 0.0, 0.2)
    z1, _, _ = camera("zoom_in", 0.05, 0.2)
    zmid, _, _ = camera("zoom_in", 0.5, 0.2)
    zend, _, _ = camera("zoom_in", 1.0, 0.2)
    assert z0 == 1.0 and zend == pytest.approx(1.2) and zmid == pytest.approx(1.1)
    assert z1 - z0 < (zmid - z0) / 10  # starts slowly


def test_motion_cancel_stops_and_leaves_no_file(still, tmp_path):
    provider = registry.create("motion", {"width": 320, "height": 568}, staging_dir=tmp_path / "stage")
    cancel = CancelToken()
    calls = []
    provider.progress = lambda f, _t: (calls.append(f), cancel.cancel() if len(calls) == 3 else None)
    with pytest.raises(ProviderCancelled):
        provider.submit(VideoRequest(first_frame=str(still), duration=5), cancel)
    assert len(calls) == 3
    assert list((tmp_path / "stage").iterdir()) == []


def test_motion_needs_a_still_and_refuses_end_frames(still, tmp_path):
    provider = registry.create("motion", {}, staging_dir=tmp_path)
    with pytest.raises(ProviderError, match="needs a still"):
        provider.submit(VideoRequest(prompt="no still"))
    with pytest.raises(ProviderError, match="end frame"):
        provider.submit(VideoRequest(first_frame=str(still), last_frame=str(still)))
    with pytest.raises(ProviderError):
        provider.submit(ImageRequest(prompt="x"))


# --- import matching ------------------------------------------------------------------------------

SHOTS = {"s1": "E01S02-03", "s2": "E01S02-04", "s3": "E01-005", "s4": "E02_001"}


def test_parse_code_reads_the_usual_namings():
    assert [(k.episode, k.scene, k.shot) for k in parse_code("mj_E01S02-03_v2")] == [(1, 2, 3)]
    assert [(k.episode, k.scene, k.shot) for k in parse_code("kling_E01_003_abc")] == [(1, None, 3)]
    assert [(k.episode, k.scene, k.shot) for k in parse_code("EP01-SC02-SH03")] == [(1, 2, 3)]
    assert parse_code("IMG_E1234") == [] and parse_code("Song_e3b0c4") == []


def test_match_files_to_shots():
    files = ["E01S02-03_mj_upscaled.png", "kling_E01S02-04 (1).mp4", "E01_005.webp", "e02-001.MP4",
             "E01 theme suno.mp3", "random.png", "E09S01-01.png", "notes.txt", "E01S02-03.png.crdownload"]
    matches, unmatched = match_files(files, SHOTS)
    got = {m.filename: (m.shot_id, m.kind) for m in matches}
    assert got == {"E01S02-03_mj_upscaled.png": ("s1", "image"), "kling_E01S02-04 (1).mp4": ("s2", "video"),
                   "E01_005.webp": ("s3", "image"), "e02-001.MP4": ("s4", "video"),
                   "E01 theme suno.mp3": ("", "audio")}
    music = next(m for m in matches if m.kind == "audio")
    assert music.episode == 1 and not music.matched
    assert unmatched == ["random.png", "E09S01-01.png"]


def test_ambiguous_match_lists_candidates():
    matches, _ = match_files(["E01_003.png"], {"a": "E01S01-03", "b": "E01S02-03"})
    assert matches[0].ambiguous and set(matches[0].candidates) == {"a", "b"}


def test_folder_watcher_waits_until_a_download_settles(tmp_path):
    watcher = FolderWatcher(tmp_path, settle_seconds=0.5)
    (tmp_path / "E01S02-03.png.crdownload").write_bytes(b"partial")
    target = tmp_path / "E01S02-03.png"
    target.write_bytes(b"abc")
    t0 = time.monotonic()
    assert watcher.scan(now=t0) == []             # just appeared
    target.write_bytes(b"abcdef")                  # still growing
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert watcher.scan(now=t0 + 0.6) == []        # changed: wait again
    assert watcher.scan(now=t0 + 1.2) == [target]  # settled
    assert watcher.scan(now=t0 + 5) == []          # reported once


def test_import_provider_scans_its_watched_folder(tmp_path):
    (tmp_path / "E01S02-04.mp4").write_bytes(b"x" * 10)
    provider = registry.create("import", {"watch_folder": str(tmp_path)})
    provider.watcher.settle_seconds = 0
    matches, unmatched = provider.scan(SHOTS)
    assert [m.shot_id for m in matches] == ["s2"] and unmatched == []
    assert "Watching" in provider.check_connection()
