"""The MiniMax client: base_resp errors inside HTTP 200, query states, files/retrieve download."""

from __future__ import annotations

from pathlib import Path

import pytest

from providers import registry
from providers.base import FAILED, SUCCEEDED, TaskHandle, VideoRequest
from providers.errors import ProviderError
from providers.provider_files import load_file
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.media import mp4_bytes, png_bytes
from tests.providers.servers.minimax import API_KEY, base_resp_error

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "providers"


@pytest.fixture(params=["hand-written", "provider file"])
def client(request):
    """Every scenario runs against the hand-written client and against resources/providers/minimax_video.toml."""
    info = registry.get("minimax") if request.param == "hand-written" else load_file(SHIPPED / "minimax_video.toml")

    def make(server, tmp_path, **kw):
        return info.create({"base_url": server.url, "api_key": API_KEY, "timeout": 10, **kw}, staging_dir=tmp_path)
    return make


def test_first_and_last_frame_to_clip(client, minimax_server, tmp_path):
    frame = tmp_path / "f.png"
    frame.write_bytes(png_bytes())
    provider = client(minimax_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="a walk", first_frame=str(frame), last_frame=str(frame), duration=6))
    body = minimax_server.received("POST /v1/video_generation")[0].json()
    assert body["model"] == "MiniMax-Hailuo-02" and body["duration"] == 6 and body["resolution"] == "768P"
    assert body["first_frame_image"].startswith("data:image/png;base64,")
    assert body["prompt_optimizer"] is True and "last_frame_image" in body
    handle = TaskHandle.from_dict(handle.to_dict())
    first = provider.poll(handle)
    assert first.state == "queued" and first.vendor_status == "Preparing"
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and status.outputs[0].extra["width"] == 768
    assert minimax_server.received("GET /v1/files/retrieve")[0].query["file_id"]
    clip = provider.download(status.outputs[0], tmp_path / "out")
    assert clip.read_bytes() == mp4_bytes() and clip.name == "output_aigc.mp4"


@pytest.mark.parametrize("code,retryable,kind", [(1008, False, "quota"), (1002, True, "rate_limit"),
                                                  (1026, False, "content_policy"), (2013, False, "bad_request"),
                                                  (1004, False, "auth"), (1013, True, "server")])
def test_base_resp_errors_with_http_200_are_classified(client, minimax_server, tmp_path, code, retryable, kind):
    minimax_server.fail_next("POST /v1/video_generation", base_resp_error(code, "vendor says no"))
    with pytest.raises(ProviderError) as err:
        client(minimax_server, tmp_path).submit(VideoRequest(prompt="x"))
    assert (err.value.retryable, err.value.kind, err.value.vendor_code) == (retryable, kind, code)
    assert "vendor says no" in str(err.value)


def test_http_429_with_retry_after(client, minimax_server, tmp_path):
    from tests.providers.servers.base import json_reply
    minimax_server.fail_next("POST /v1/video_generation", json_reply(
        {"base_resp": {"status_code": 1002, "status_msg": "rate limit"}}, 429, headers={"Retry-After": "4"}))
    with pytest.raises(ProviderError) as err:
        client(minimax_server, tmp_path).submit(VideoRequest(prompt="x"))
    assert err.value.retryable and err.value.retry_after == 4.0


def test_failed_task_carries_the_vendor_message(client, minimax_server, tmp_path):
    minimax_server.next_outcome = "Fail"
    provider = client(minimax_server, tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    assert status.state == FAILED and "sensitive" in status.error


def test_wrong_key_is_auth_and_scrubbed(client, minimax_server, tmp_path):
    with pytest.raises(ProviderError) as err:
        client(minimax_server, tmp_path, api_key="mm-wrong-key-zzzzzzzz").submit(VideoRequest(prompt="x"))
    assert err.value.kind == "auth" and "mm-wrong-key-zzzzzzzz" not in str(err.value)


def test_check_connection(client, minimax_server, tmp_path):
    assert "accepted" in client(minimax_server, tmp_path).check_connection()
    with pytest.raises(ProviderError):
        client(minimax_server, tmp_path, api_key="bad-key-000000").check_connection()
