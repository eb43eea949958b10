"""The Replicate client: official-model and pinned-version predictions, Prefer: wait, poll, cancel, errors."""

from __future__ import annotations

import pytest

from providers import registry
from providers.base import CANCELLED, FAILED, SUCCEEDED, ImageRequest, MusicRequest, TaskHandle, VideoRequest
from providers.errors import ProviderError
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.media import png_bytes
from tests.providers.servers.replicate import API_TOKEN, detail


def client(server, tmp_path, **kw):
    return registry.create("replicate", {"base_url": server.url + "/v1", "api_key": API_TOKEN, "timeout": 10, **kw},
                           staging_dir=tmp_path)


def test_image_prediction_runs_to_checked_files(replicate_server, tmp_path):
    provider = client(replicate_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="a lighthouse", n=2, seed=5, aspect_ratio="9:16"))
    sent = replicate_server.received("POST /v1/models/black-forest-labs/flux-schnell/predictions")[0]
    assert sent.json()["input"] == {"prompt": "a lighthouse", "seed": 5, "aspect_ratio": "9:16", "num_outputs": 2,
                                    "output_format": "png"}
    assert "Prefer" not in sent.headers
    handle = TaskHandle.from_dict(handle.to_dict())
    running = provider.poll(handle)
    assert running.state == "running" and running.progress == pytest.approx(0.42)
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and len(status.outputs) == 2
    assert provider.download(status.outputs[1], tmp_path / "out").read_bytes() == png_bytes()


def test_pinned_version_and_prefer_wait(replicate_server, tmp_path):
    provider = client(replicate_server, tmp_path, wait=30, video_model="kwaivgi/kling-v2.1:abc123")
    frame = tmp_path / "f.png"
    frame.write_bytes(png_bytes())
    handle = provider.submit(VideoRequest(prompt="turn", first_frame=str(frame), duration=5))
    sent = replicate_server.received("POST /v1/predictions")[0]
    assert sent.headers["Prefer"] == "wait=30" and sent.json()["version"] == "abc123"
    assert sent.json()["input"]["start_image"].startswith("data:image/png;base64,")
    assert sent.json()["input"]["duration"] == 5
    status = provider.poll(handle)
    assert status.state == SUCCEEDED and status.outputs[0].media_type == "video"


def test_music_prediction(replicate_server, tmp_path):
    provider = client(replicate_server, tmp_path)
    handle = provider.submit(MusicRequest(prompt="rainy night piano", style="lofi", duration=8))
    inp = replicate_server.received("POST /v1/models/meta/musicgen/predictions")[0].json()["input"]
    assert inp["duration"] == 8 and "lofi" in inp["prompt"] and "instrumental" in inp["prompt"]
    out = provider.download(poll_until_done(provider, handle).outputs[0], tmp_path / "out")
    assert out.suffix == ".wav"


def test_cancel_reaches_the_cancel_url(replicate_server, tmp_path):
    provider = client(replicate_server, tmp_path)
    replicate_server.polls_to_finish = 100
    handle = provider.submit(ImageRequest(prompt="x"))
    provider.cancel(handle)
    assert replicate_server.received(f"POST /v1/predictions/{handle.task_id}/cancel")
    assert provider.poll(handle).state == CANCELLED


def test_failed_prediction_keeps_the_vendor_error(replicate_server, tmp_path):
    replicate_server.next_outcome = "failed"
    provider = client(replicate_server, tmp_path)
    status = poll_until_done(provider, provider.submit(ImageRequest(prompt="x")))
    assert status.state == FAILED and "NSFW" in status.vendor_message and "NSFW" in status.error


def test_throttled_429_honours_retry_after(replicate_server, tmp_path):
    replicate_server.fail_next("POST /v1/models", detail(
        429, "Request was throttled. Expected available in 1 second.", headers={"Retry-After": "1"}))
    with pytest.raises(ProviderError) as err:
        client(replicate_server, tmp_path).submit(ImageRequest(prompt="x"))
    assert err.value.retryable and err.value.retry_after == 1.0 and "throttled" in str(err.value)


def test_insufficient_credit_and_validation_are_final(replicate_server, tmp_path):
    replicate_server.fail_next("POST /v1/models", detail(402, "You have insufficient credit to run this model.",
                                                         "Insufficient credit"))
    with pytest.raises(ProviderError) as err:
        client(replicate_server, tmp_path).submit(ImageRequest(prompt="x"))
    assert not err.value.retryable and err.value.kind == "quota"
    with pytest.raises(ProviderError) as err:
        client(replicate_server, tmp_path).submit(ImageRequest(prompt=""))
    assert not err.value.retryable and err.value.http_status == 422 and "prompt is required" in str(err.value)


def test_500_and_timeouts_are_retryable(replicate_server, tmp_path):
    from tests.providers.servers.base import Reply
    provider = client(replicate_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="x"))
    replicate_server.fail_next("GET /v1/predictions", detail(500, "Internal Server Error"))
    with pytest.raises(ProviderError) as err:
        provider.poll(handle)
    assert err.value.retryable and err.value.http_status == 500
    provider.http.timeout = (10.0, 0.4)
    replicate_server.fail_next("GET /v1/predictions", Reply(delay=1.5, json_body={}))
    with pytest.raises(ProviderError) as err:
        provider.poll(handle)
    assert err.value.retryable and err.value.kind == "timeout"


def test_a_tampered_handle_never_sends_the_token_elsewhere(replicate_server, tmp_path):
    provider = client(replicate_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="x"))
    handle.endpoint["get"] = "http://127.0.0.1:9/steal"
    assert provider.poll(handle).state in ("running", "succeeded")  # used the configured host instead


def test_check_connection(replicate_server, tmp_path):
    assert "tester" in client(replicate_server, tmp_path).check_connection()


def test_large_input_images_go_through_the_files_api(replicate_server, tmp_path):
    import cv2
    import numpy as np

    big = tmp_path / "big.png"
    cv2.imwrite(str(big), np.random.default_rng(0).integers(0, 255, (600, 400, 3), dtype=np.uint8))
    assert big.stat().st_size > 256 * 1024
    provider = client(replicate_server, tmp_path)
    provider.submit(VideoRequest(prompt="turn", first_frame=str(big)))
    (fid, data), = replicate_server.files_uploaded.items()
    assert data == big.read_bytes()
    sent = replicate_server.received("POST /v1/models/kwaivgi/kling-v2.1/predictions")[0].json()
    assert sent["input"]["start_image"] == f"{replicate_server.url}/v1/files/{fid}"
