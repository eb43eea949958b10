"""The fal.ai queue client: Key auth, subpath dropped from status/result URLs, cancel, failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from providers import registry
from providers.base import FAILED, SUCCEEDED, ImageRequest, TaskHandle, VideoRequest
from providers.errors import ProviderError
from providers.provider_files import load_file
from tests.providers.servers.base import json_reply
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.fal import API_KEY
from tests.providers.servers.media import mp4_bytes, png_bytes

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "providers"


@pytest.fixture(params=["hand-written", "provider file"])
def client(request):
    """Every scenario runs against the hand-written client and against resources/providers/fal_queue.json."""
    info = registry.get("fal") if request.param == "hand-written" else load_file(SHIPPED / "fal_queue.json")

    def make(server, tmp_path, **kw):
        return info.create({"base_url": server.url, "api_key": API_KEY, "timeout": 10, **kw}, staging_dir=tmp_path)
    return make


def test_image_with_subpath_runs_through_the_queue(client, fal_server, tmp_path):
    provider = client(fal_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="lighthouse", n=2, seed=1, aspect_ratio="9:16"))
    sent = fal_server.received("POST /fal-ai/flux/schnell")[0]
    assert sent.headers["Authorization"] == f"Key {API_KEY}"
    assert sent.json() == {"prompt": "lighthouse", "seed": 1, "image_size": "portrait_16_9", "num_images": 2}
    handle = TaskHandle.from_dict(handle.to_dict())
    first = provider.poll(handle)
    assert first.state == "queued" and first.queue_position == 1
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and len(status.outputs) == 2
    assert all("/fal-ai/flux/requests/" in r.path for r in fal_server.received("GET /fal-ai"))
    assert provider.download(status.outputs[0], tmp_path / "out").read_bytes() == png_bytes()


def test_image_to_video_with_tail_frame(client, fal_server, tmp_path):
    frame = tmp_path / "f.png"
    frame.write_bytes(png_bytes())
    provider = client(fal_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="turn", first_frame=str(frame), last_frame=str(frame), duration=10))
    inp = fal_server.received("POST /fal-ai/kling-video")[0].json()
    assert inp["duration"] == "10" and inp["image_url"].startswith("data:image/png")
    assert "tail_image_url" in inp and "aspect_ratio" not in inp
    clip = provider.download(poll_until_done(provider, handle).outputs[0], tmp_path / "out")
    assert clip.read_bytes() == mp4_bytes()


def test_text_to_video_uses_the_text_model(client, fal_server, tmp_path):
    provider = client(fal_server, tmp_path)
    provider.submit(VideoRequest(prompt="rain", aspect_ratio="9:16"))
    assert fal_server.received("POST /fal-ai/kling-video/v2.1/master/text-to-video")[0].json()["aspect_ratio"] == "9:16"


def test_cancel_uses_put_on_the_cancel_url(client, fal_server, tmp_path):
    fal_server.polls_to_finish = 100
    provider = client(fal_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="x"))
    provider.cancel(handle)
    assert fal_server.received(f"PUT /fal-ai/flux/requests/{handle.task_id}/cancel")
    assert provider.poll(handle).state == FAILED


def test_completed_with_error_and_422_result_are_failures_with_text(client, fal_server, tmp_path):
    provider = client(fal_server, tmp_path)
    fal_server.next_outcome = "error"
    status = poll_until_done(provider, provider.submit(ImageRequest(prompt="x")))
    assert status.state == FAILED and "Internal error" in status.error
    fal_server.next_outcome = "validation"
    status = poll_until_done(provider, provider.submit(ImageRequest(prompt="x")))
    assert status.state == FAILED and "Image could not be loaded" in status.error


def test_errors_are_classified(client, fal_server, tmp_path):
    provider = client(fal_server, tmp_path)
    fal_server.fail_next("POST /fal-ai", json_reply({"detail": "User is locked. Reason: Exhausted balance."}, 403))
    with pytest.raises(ProviderError) as err:
        provider.submit(ImageRequest(prompt="x"))
    assert err.value.kind == "quota" and not err.value.retryable
    fal_server.fail_next("POST /fal-ai", json_reply({"detail": "Too many requests"}, 429, headers={"Retry-After": "2"}))
    with pytest.raises(ProviderError) as err:
        provider.submit(ImageRequest(prompt="x"))
    assert err.value.retryable and err.value.retry_after == 2.0
    with pytest.raises(ProviderError) as err:
        client(fal_server, tmp_path, api_key="fal-wrong:zzzzzzzzzzzz").submit(ImageRequest(prompt="x"))
    assert err.value.kind == "auth" and "zzzzzzzzzzzz" not in str(err.value)


def test_check_connection(client, fal_server, tmp_path):
    assert "accepted" in client(fal_server, tmp_path).check_connection()
