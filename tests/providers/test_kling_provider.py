"""The Kling client against a local server that checks the JWT and speaks Kling's task envelope."""

from __future__ import annotations

import base64
import time

import cv2
import numpy as np
import pytest

from providers import registry
from providers.base import FAILED, SUCCEEDED, ImageRequest, TaskHandle, VideoRequest
from providers.errors import ProviderError
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY, kling_error
from tests.providers.servers.media import NOT_MEDIA, mp4_bytes, png_bytes


def client(server, tmp_path, **overrides):
    settings = {"base_url": server.url, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "timeout": 10.0,
                **overrides}
    return registry.create("kling", settings, staging_dir=tmp_path / "staging")


@pytest.fixture
def still(tmp_path):
    path = tmp_path / "still.png"
    img = np.full((640, 360, 3), 90, np.uint8)
    cv2.imwrite(str(path), img)
    return path


def test_image_to_video_with_end_frame_runs_to_a_checked_clip(kling_server, tmp_path, still):
    provider = client(kling_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="she turns", negative_prompt="blur", first_frame=str(still),
                                          last_frame=str(still), duration=5, parameters={"cfg_scale": 0.5}))
    body = kling_server.received("POST /v1/videos/image2video")[0].json()
    assert body["model_name"] == "kling-v1-6" and body["duration"] == "5" and body["mode"] == "std"
    assert not body["image"].startswith("data:") and base64.b64decode(body["image"]) == still.read_bytes()
    assert body["image_tail"] == body["image"] and body["cfg_scale"] == 0.5
    assert "aspect_ratio" not in body and body["negative_prompt"] == "blur"
    # the handle survives a restart as JSON
    handle = TaskHandle.from_dict(handle.to_dict())
    assert provider.poll(handle).state == "queued"
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and status.vendor_status == "succeed"
    clip = provider.download(status.outputs[0], tmp_path / "out")
    assert clip.suffix == ".mp4" and clip.read_bytes() == mp4_bytes()


def test_text_to_video_sends_aspect_and_string_duration(kling_server, tmp_path):
    provider = client(kling_server, tmp_path, mode="pro")
    handle = provider.submit(VideoRequest(prompt="rain on neon", duration=10, aspect_ratio="9:16",
                                          model="kling-v2-master"))
    body = kling_server.received("POST /v1/videos/text2video")[0].json()
    assert body["duration"] == "10" and body["aspect_ratio"] == "9:16" and body["mode"] == "pro"
    assert body["model_name"] == "kling-v2-master"
    assert handle.endpoint["kind"] == "text2video"
    assert poll_until_done(provider, handle).state == SUCCEEDED


def test_jwt_claims_are_verified_server_side(kling_server, tmp_path):
    provider = client(kling_server, tmp_path)
    provider.submit(VideoRequest(prompt="x"))
    claims = kling_server.tokens[-1]
    now = time.time()
    assert claims["iss"] == ACCESS_KEY
    assert 1790 <= claims["exp"] - now <= 1801 and now - 10 <= claims["nbf"] <= now - 4


def test_token_is_renewed_before_it_expires(kling_server, tmp_path):
    provider = client(kling_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="x"))
    provider.poll(handle)
    assert len(set(kling_server.raw_tokens)) == 1  # reused while fresh (29 minutes left)
    # Less life left than the renewal margin: the next call must mint a new token first.
    provider.renew_margin = provider.token_ttl + 60
    provider.token_ttl = 1700.0
    provider.poll(handle)
    assert len(set(kling_server.raw_tokens)) == 2  # renewed, and the server accepted it
    assert kling_server.tokens[-1]["exp"] < kling_server.tokens[0]["exp"]


def test_wrong_secret_is_an_auth_error_without_secrets_in_it(kling_server, tmp_path):
    provider = client(kling_server, tmp_path, secret_key="SK-wrong-secret-987654321-abcdefghijk")
    with pytest.raises(ProviderError) as err:
        provider.submit(VideoRequest(prompt="x"))
    assert err.value.vendor_code == 1002 and err.value.kind == "auth" and not err.value.retryable
    assert "SK-wrong-secret-987654321-abcdefghijk" not in str(err.value) and ACCESS_KEY not in str(err.value)


def test_missing_keys_say_where_to_enter_them(kling_server, tmp_path):
    with pytest.raises(ProviderError, match="access key, secret key not set") as err:
        registry.create("kling", {"base_url": kling_server.url}).submit(VideoRequest(prompt="x"))
    assert err.value.kind == "config"


@pytest.mark.parametrize("status,code,retryable,kind", [
    (429, 1102, False, "quota"),          # resource pack exhausted: never retried
    (429, 1101, False, "quota"),          # arrears
    (429, 1302, True, "rate_limit"),
    (429, 1303, True, "rate_limit"),
    (400, 1301, False, "content_policy"),
    (400, 1201, False, "bad_request"),
    (500, 5000, True, "server"),
    (503, 5001, True, "server"),
    (401, 1004, True, "auth"),            # expired token: a fresh one fixes it
])
def test_error_codes_are_classified(kling_server, tmp_path, status, code, retryable, kind):
    kling_server.fail_next("POST /v1/videos/text2video", kling_error(status, code, "vendor words here",
                                                                    headers={"Retry-After": "3"}))
    with pytest.raises(ProviderError) as err:
        client(kling_server, tmp_path).submit(VideoRequest(prompt="x"))
    e = err.value
    assert (e.retryable, e.kind, e.vendor_code, e.http_status) == (retryable, kind, code, status)
    assert "vendor words here" in e.message
    assert e.retry_after == (3.0 if retryable else None)


def test_error_code_inside_a_200_envelope_is_raised(kling_server, tmp_path):
    kling_server.fail_next("POST /v1/videos/text2video", kling_error(200, 1102, "resource pack exhausted"))
    with pytest.raises(ProviderError) as err:
        client(kling_server, tmp_path).submit(VideoRequest(prompt="x"))
    assert err.value.kind == "quota" and not err.value.retryable


def test_failed_task_reports_kling_reason(kling_server, tmp_path):
    kling_server.next_outcome = "failed"
    provider = client(kling_server, tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    assert status.state == FAILED and "risk control" in status.error and status.vendor_status == "failed"


def test_timeout_and_malformed_json_on_poll_are_retryable(kling_server, tmp_path):
    provider = client(kling_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="x"))
    provider.http.timeout = (10.0, 0.4)
    kling_server.fail_next("GET /v1/videos/text2video/", kling_error(200, 0, "x", delay=1.5))
    with pytest.raises(ProviderError) as err:
        provider.poll(handle)
    assert err.value.retryable and err.value.kind == "timeout"
    provider.http.timeout = (10.0, 10.0)
    from tests.providers.servers.base import Reply
    kling_server.fail_next("GET /v1/videos/text2video/", Reply(body=b'{"code": 0, "data": {', ))
    with pytest.raises(ProviderError) as err:
        provider.poll(handle)
    assert err.value.retryable and err.value.kind == "invalid_response"


def test_truncated_download_is_retryable_and_leaves_nothing(kling_server, tmp_path):
    data = mp4_bytes()
    kling_server.result_bytes = data[: len(data) // 2]
    kling_server.result_declared_length = len(data)
    provider = client(kling_server, tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    with pytest.raises(ProviderError) as err:
        provider.download(status.outputs[0], tmp_path / "out")
    assert err.value.retryable and ("truncated" in err.value.message or "broke off" in err.value.message)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("content_type", ["text/html", "video/mp4"])
def test_download_that_is_not_media_is_refused(kling_server, tmp_path, content_type):
    kling_server.result_bytes = NOT_MEDIA
    kling_server.result_content_type = content_type
    provider = client(kling_server, tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    with pytest.raises(ProviderError) as err:
        provider.download(status.outputs[0], tmp_path / "out")
    assert not err.value.retryable and err.value.kind == "download"
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_download_over_the_size_cap_is_refused(kling_server, tmp_path):
    from providers.download import download_checked

    provider = client(kling_server, tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    with pytest.raises(ProviderError, match="limit"):
        download_checked(provider.http.session, status.outputs[0], tmp_path / "out", provider="kling",
                         max_bytes=1000)


def test_image_generation_with_reference(kling_server, tmp_path, still):
    provider = client(kling_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="hero portrait", negative_prompt="text", n=2,
                                          reference_images=[str(still)]))
    body = kling_server.received("POST /v1/images/generations")[0].json()
    assert body["n"] == 2 and body["aspect_ratio"] == "9:16" and body["image_reference"] == "subject"
    assert "negative_prompt" not in body and body["model_name"] == "kling-v2"
    status = poll_until_done(provider, handle)
    assert [o.index for o in status.outputs] == [0, 1]
    assert provider.download(status.outputs[1], tmp_path / "out").read_bytes() == png_bytes()


def test_too_small_first_frame_is_refused_before_paying(kling_server, tmp_path):
    small = tmp_path / "small.png"
    small.write_bytes(png_bytes())  # 96x160
    with pytest.raises(ProviderError, match="300 px"):
        client(kling_server, tmp_path).submit(VideoRequest(prompt="x", first_frame=str(small)))
    assert kling_server.received("POST") == []


def test_check_connection(kling_server, tmp_path):
    assert "accepted" in client(kling_server, tmp_path).check_connection()


def test_a_tampered_handle_never_sends_the_token_elsewhere(kling_server, tmp_path):
    provider = client(kling_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="x"))
    handle.endpoint["path"] = "http://127.0.0.1:9/steal"
    assert provider.poll(handle).state in ("queued", "running")  # polled Kling's own route instead
