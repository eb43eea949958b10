"""The DashScope client against a loopback server: Wan t2v/i2v/kf2v bodies, async header, statuses, errors, cancel."""

from __future__ import annotations

import pytest

from providers import registry
from providers.base import CANCELLED, FAILED, SUCCEEDED, ImageRequest, TaskHandle, VideoRequest
from providers.errors import ProviderError
from tests.providers.servers.base import Reply
from tests.providers.servers.dashscope import API_KEY, ds_error
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.media import mp4_bytes, png_bytes


def client(server, tmp_path, **kw):
    return registry.create("dashscope", {"base_url": f"{server.url}/api/v1", "api_key": API_KEY, "timeout": 5, **kw},
                           staging_dir=tmp_path)


@pytest.fixture
def frame(tmp_path):
    path = tmp_path / "frame.png"
    path.write_bytes(png_bytes())
    return str(path)


def test_text_to_video_uses_size_and_the_async_header(dashscope_server, tmp_path):
    provider = client(dashscope_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="rain on a window", duration=5, aspect_ratio="9:16"))
    req = dashscope_server.received("POST /api/v1/services/aigc/video-generation/video-synthesis")[0]
    body = req.json()
    assert req.headers["X-DashScope-Async"] == "enable"
    assert body["model"] == "wan2.6-t2v" and body["parameters"]["size"] == "720*1280"
    assert body["parameters"]["duration"] == 5 and body["parameters"]["watermark"] is False
    status = poll_until_done(provider, TaskHandle.from_dict(handle.to_dict()))
    assert status.state == SUCCEEDED
    assert provider.download(status.outputs[0], tmp_path / "out").read_bytes() == mp4_bytes()


def test_image_to_video_uses_img_url_and_resolution_tier(dashscope_server, tmp_path, frame):
    provider = client(dashscope_server, tmp_path, resolution="1080P")
    provider.submit(VideoRequest(prompt="she turns", first_frame=frame, duration=7, parameters={"sound": "off"}))
    body = dashscope_server.received("POST /api/v1/services/aigc/video-generation/video-synthesis")[0].json()
    assert body["model"] == "wan2.6-i2v-flash" and body["input"]["img_url"].startswith("data:image/png;base64,")
    assert body["parameters"]["resolution"] == "1080P" and body["parameters"]["duration"] == 7
    assert body["parameters"]["audio"] is False and "size" not in body["parameters"]


def test_first_and_last_frame_go_to_the_kf2v_endpoint(dashscope_server, tmp_path, frame):
    provider = client(dashscope_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="door opens", first_frame=frame, last_frame=frame))
    body = dashscope_server.received("POST /api/v1/services/aigc/image2video/video-synthesis")[0].json()
    assert body["model"] == "wan2.2-kf2v-flash" and body["input"]["first_frame_url"] and body["input"]["last_frame_url"]
    assert poll_until_done(provider, handle).state == SUCCEEDED


def test_qwen_image_async(dashscope_server, tmp_path):
    provider = client(dashscope_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="poster", aspect_ratio="9:16", n=2))
    body = dashscope_server.received("POST /api/v1/services/aigc/text2image/image-synthesis")[0].json()
    assert body["model"] == "qwen-image" and body["parameters"]["size"] == "928*1664" and body["parameters"]["n"] == 2
    status = poll_until_done(provider, handle)
    assert len(status.outputs) == 2
    assert provider.download(status.outputs[1], tmp_path / "img").read_bytes() == png_bytes()


@pytest.mark.parametrize("status,code,kind,retryable", [
    (400, "DataInspectionFailed", "content_policy", False),
    (429, "Throttling.RateQuota", "rate_limit", True),
    (400, "Arrearage", "quota", False),
    (401, "InvalidApiKey", "auth", False),
    (400, "InvalidParameter", "bad_request", False),
    (500, "InternalError", "server", True),
])
def test_errors_are_classified_with_the_vendors_reason(dashscope_server, tmp_path, status, code, kind, retryable):
    headers = {"Retry-After": "3"} if status == 429 else {}
    dashscope_server.fail_next("POST /api/v1/services/", ds_error(status, code, "vendor reason here", headers=headers))
    with pytest.raises(ProviderError) as err:
        client(dashscope_server, tmp_path).submit(VideoRequest(prompt="x"))
    assert (err.value.kind, err.value.retryable, err.value.vendor_code) == (kind, retryable, code)
    assert "vendor reason here" in str(err.value)
    if status == 429:
        assert err.value.retry_after == 3.0


def test_failed_task_and_unknown_task(dashscope_server, tmp_path):
    dashscope_server.next_outcome = "FAILED"
    provider = client(dashscope_server, tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    assert status.state == FAILED and "DataInspectionFailed" in status.error and "inappropriate" in status.error
    gone = provider.poll(TaskHandle(provider="dashscope", capability="video", task_id="forgotten"))
    assert gone.state == FAILED and "24 hours" in gone.error


def test_cancel_pending_task(dashscope_server, tmp_path):
    provider = client(dashscope_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="x"))
    provider.cancel(handle)
    assert provider.poll(handle).state == CANCELLED
    provider.cancel(handle)  # no longer pending: the vendor refuses, the client stays quiet


def test_html_page_and_expired_result_url(dashscope_server, tmp_path):
    dashscope_server.fail_next("POST /api/v1/services/", Reply(status=503, body=b"<html><title>503 Service "
                                                              b"Temporarily Unavailable</title></html>",
                                                              content_type="text/html"))
    provider = client(dashscope_server, tmp_path)
    with pytest.raises(ProviderError) as err:
        provider.submit(VideoRequest(prompt="x"))
    assert err.value.retryable and "503 Service Temporarily Unavailable" in str(err.value)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    dashscope_server.fail_next("GET /files/", Reply(status=404, body=b"<Error><Code>NoSuchKey</Code></Error>",
                                                     content_type="application/xml"))
    with pytest.raises(ProviderError) as err:
        provider.download(status.outputs[0], tmp_path / "late")
    assert "expired" in str(err.value) and not err.value.retryable


def test_check_connection(dashscope_server, tmp_path):
    assert "accepted" in client(dashscope_server, tmp_path).check_connection()
    with pytest.raises(ProviderError) as err:
        client(dashscope_server, tmp_path, api_key="sk-wrongwrongwrong123").check_connection()
    assert err.value.kind == "auth" and "sk-wrongwrongwrong123" not in str(err.value)
