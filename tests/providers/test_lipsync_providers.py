"""Lip sync against loopback Kling (identify-face + advanced-lip-sync) and fal (sync-lipsync queue)."""

from __future__ import annotations

import base64

import numpy as np
import pytest
import soundfile

from app.media.synth import sine, write_counter_clip
from providers import errors as E
from providers import registry
from providers.base import SUCCEEDED, TaskHandle
from providers.errors import ProviderError
from providers.lipsync import LipSyncRequest
from providers.lipsync_kling import NoFaceError
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.fal import API_KEY as FAL_KEY
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from tests.providers.servers.media import mp4_bytes


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """A 3 s 576x1024 H.264 clip, a 70 s one (too long for Kling) and a 3 s WAV take."""
    root = tmp_path_factory.mktemp("lipsync-media")
    clip = write_counter_clip(root / "clip.mp4", 30, size=(576, 1024), fps=10)
    long_clip = write_counter_clip(root / "long.mp4", 71, size=(576, 1024), fps=1, gop=10)
    wav = root / "take.wav"
    soundfile.write(str(wav), sine(220, 3.0).astype(np.float32), 48000)
    return {"clip": clip, "long": long_clip, "wav": wav}


def kling(server, tmp_path):
    return registry.create("kling_lipsync", {"base_url": server.url, "access_key": ACCESS_KEY,
                                             "secret_key": SECRET_KEY, "timeout": 10}, staging_dir=tmp_path)


def test_kling_identifies_the_face_then_lip_syncs_it(kling_server, media, tmp_path):
    provider = kling(kling_server, tmp_path)
    link = kling_server.add_file("clip.mp4", media["clip"].read_bytes(), "video/mp4")
    request = LipSyncRequest(video=str(media["clip"]), audio=str(media["wav"]), audio_offset_ms=500,
                             parameters={"video_url": link}, client_ref="ref-1")
    handle = TaskHandle.from_dict(provider.submit(request).to_dict())
    identify = kling_server.received("POST /v1/videos/identify-face")[0].json()
    assert identify == {"video_url": link}
    sent = kling_server.received("POST /v1/videos/advanced-lip-sync")[0].json()
    choice = sent["face_choose"][0]
    assert choice["face_id"] == "0" and choice["sound_insert_time"] == 500
    assert choice["sound_end_time"] == 3000 and base64.b64decode(choice["sound_file"]) == media["wav"].read_bytes()
    assert sent["external_task_id"] == "ref-1"
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED
    assert all(r.path.startswith("/v1/videos/advanced-lip-sync/") for r in kling_server.received("GET /v1/videos"))
    assert provider.download(status.outputs[0], tmp_path / "out").read_bytes() == mp4_bytes()
    found = provider.find_task(request, "ref-1", 0.0)
    assert found is not None and found.task_id == handle.task_id


def test_kling_no_face_is_a_clear_message_and_nothing_is_paid(kling_server, media, tmp_path):
    kling_server.faces = 0
    provider = kling(kling_server, tmp_path)
    with pytest.raises(NoFaceError, match="no face"):
        provider.submit(LipSyncRequest(video=str(media["clip"]), audio=str(media["wav"]),
                                       parameters={"video_id": "kling-video-1"}))
    assert kling_server.received("POST /v1/videos/identify-face")[0].json() == {"video_id": "kling-video-1"}
    assert not kling_server.received("POST /v1/videos/advanced-lip-sync")


def test_kling_refuses_a_too_long_clip_before_any_request(kling_server, media, tmp_path):
    provider = kling(kling_server, tmp_path)
    with pytest.raises(ProviderError, match="at most 60 s") as info:
        provider.submit(LipSyncRequest(video=str(media["long"]), audio=str(media["wav"]),
                                       parameters={"video_id": "v"}))
    assert info.value.kind == E.BAD_REQUEST and not kling_server.received("POST /v1")


def test_fal_sync_lipsync_through_the_queue(fal_server, media, tmp_path):
    provider = registry.create("fal_lipsync", {"base_url": fal_server.url, "api_key": FAL_KEY, "timeout": 10},
                               staging_dir=tmp_path)
    handle = provider.submit(LipSyncRequest(video=str(media["clip"]), audio=str(media["wav"])))
    inp = fal_server.received("POST /fal-ai/sync-lipsync")[0].json()
    assert inp["video_url"].startswith("data:video/mp4;base64,") and inp["audio_url"].startswith("data:audio/")
    assert inp["sync_mode"] == "cut_off"
    status = poll_until_done(provider, TaskHandle.from_dict(handle.to_dict()))
    assert status.state == SUCCEEDED and status.outputs[0].media_type == "video"
    assert provider.download(status.outputs[0], tmp_path / "out").read_bytes() == mp4_bytes()


def test_kling_legacy_single_call_and_its_10_s_limit(kling_server, media, tmp_path):
    provider = registry.create("kling_lipsync", {"base_url": kling_server.url, "access_key": ACCESS_KEY,
                                                 "secret_key": SECRET_KEY, "flow": "legacy", "timeout": 10},
                               staging_dir=tmp_path)
    # 576 px is under the legacy call's 720 px: refused before anything is sent
    with pytest.raises(ProviderError, match="720-1920 px"):
        provider.submit(LipSyncRequest(video=str(media["clip"]), audio=str(media["wav"]),
                                       parameters={"video_id": "v"}))
    assert not kling_server.received("POST /v1")
    handle = provider.submit(LipSyncRequest(video=f"{kling_server.url}/clip.mp4", audio=str(media["wav"])))
    sent = kling_server.received("POST /v1/videos/lip-sync")[0].json()["input"]
    assert sent["mode"] == "audio2video" and sent["video_url"] == f"{kling_server.url}/clip.mp4"
    assert base64.b64decode(sent["audio_file"]) == media["wav"].read_bytes()
    status = poll_until_done(provider, TaskHandle.from_dict(handle.to_dict()))
    assert status.state == SUCCEEDED
    assert all(r.path.startswith("/v1/videos/lip-sync/") for r in kling_server.received("GET /v1/videos"))


def test_a_lip_sync_request_comes_back_from_a_job_record_in_a_fresh_process():
    """A restart rebuilds the request before anything imported providers.lipsync."""
    import subprocess
    import sys

    code = ("from providers.base import request_from_dict; r = request_from_dict({'capability': 'lipsync', "
            "'video': 'a.mp4', 'audio': 'b.wav', 'audio_parts': [{'path': 't.wav', 'at_ms': 250}]}); "
            "print(type(r).__name__, r.audio_parts[0]['at_ms'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["LipSyncRequest", "250"], out.stderr
