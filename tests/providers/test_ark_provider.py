"""The Ark client against a loopback Ark server: Seedance modes, roles and errors, Seedream images, cancel, find_task."""

from __future__ import annotations

import time

import pytest

from providers import registry
from providers.base import CANCELLED, FAILED, SUCCEEDED, ImageRequest, TaskHandle, VideoRequest
from providers.errors import ProviderError
from tests.providers.servers.ark import API_KEY, ark_error
from tests.providers.servers.base import Reply, json_reply
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.media import mp4_bytes, png_bytes


def client(server, tmp_path, **kw):
    return registry.create("ark", {"base_url": f"{server.url}/api/v3", "api_key": API_KEY, "timeout": 5, **kw},
                           staging_dir=tmp_path)


@pytest.fixture
def frame(tmp_path):
    path = tmp_path / "frame.png"
    path.write_bytes(png_bytes())
    return str(path)


def test_text_to_video_round_trip(ark_server, tmp_path):
    provider = client(ark_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="a courier runs in the rain", duration=5.4, aspect_ratio="9:16"))
    body = ark_server.received("POST /api/v3/contents/generations/tasks")[0].json()
    assert body["model"] == "doubao-seedance-1-0-pro-250528" and body["content"] == [
        {"type": "text", "text": "a courier runs in the rain"}]
    assert (body["duration"], body["ratio"], body["watermark"], body["resolution"]) == (5, "9:16", False, "720p")
    assert handle.task_id.startswith("cgt-")
    handle = TaskHandle.from_dict(handle.to_dict())
    status = poll_until_done(provider, handle)
    assert status.state == SUCCEEDED and status.outputs[0].url.endswith("X-Tos-Expires=86400")
    clip = provider.download(status.outputs[0], tmp_path / "out")
    assert clip.read_bytes() == mp4_bytes()


def test_first_and_last_frame_carry_roles(ark_server, tmp_path, frame):
    provider = client(ark_server, tmp_path)
    provider.submit(VideoRequest(prompt="turns", first_frame=frame, last_frame=frame, duration=5))
    content = ark_server.received("POST /api/v3/contents/generations/tasks")[0].json()["content"]
    assert [c.get("role") for c in content] == [None, "first_frame", "last_frame"]
    assert content[1]["image_url"]["url"].startswith("data:image/png;base64,")


def test_reference_images_and_frames_are_refused_before_paying(ark_server, tmp_path, frame):
    provider = client(ark_server, tmp_path, video_model="doubao-seedance-1-0-lite-i2v-250428")
    with pytest.raises(ProviderError, match="cannot be mixed") as err:
        provider.submit(VideoRequest(prompt="x", first_frame=frame, parameters={"reference_images": [frame]}))
    assert err.value.kind == "bad_request"
    assert ark_server.received("POST /api/v3/contents/generations/tasks") == []
    provider.submit(VideoRequest(prompt="<the hero> walks", parameters={"reference_images": [frame, frame]}))
    content = ark_server.received("POST /api/v3/contents/generations/tasks")[0].json()["content"]
    assert [c.get("role") for c in content[1:]] == ["reference_image", "reference_image"]


def test_the_vendor_refusal_of_mixed_modes_is_shown(ark_server, tmp_path):
    ark_server.fail_next("POST /api/v3/contents/generations/tasks",
                         ark_error(400, "InvalidParameter", "first/last frame content cannot be mixed with reference "
                                                            "media content"))
    with pytest.raises(ProviderError) as err:
        client(ark_server, tmp_path).submit(VideoRequest(prompt="x"))
    assert err.value.kind == "bad_request" and not err.value.retryable and "cannot be mixed" in str(err.value)


def test_byteplus_region_uses_its_own_model_names(ark_server, tmp_path):
    ark_server.models += ("seedance-1-0-pro-250528",)
    provider = client(ark_server, tmp_path, region="intl")
    provider.submit(VideoRequest(prompt="x", model="doubao-seedance-1-0-pro-250528"))
    assert ark_server.received("POST /api/v3/contents/generations/tasks")[0].json()["model"] == "seedance-1-0-pro-250528"


def test_seedance_2_sends_audio_and_no_seed(ark_server, tmp_path):
    provider = client(ark_server, tmp_path, video_model="doubao-seedance-2-0-260128")
    provider.submit(VideoRequest(prompt="x", seed=4, duration=3, parameters={"sound": "on"}))
    body = ark_server.received("POST /api/v3/contents/generations/tasks")[0].json()
    assert body["generate_audio"] is True and "seed" not in body and body["duration"] == 4  # 2.0 starts at 4 s


@pytest.mark.parametrize("status,code,kind,retryable", [
    (400, "InputTextSensitiveContentDetected", "content_policy", False),
    (400, "InputImageSensitiveContentDetected.PrivacyInformation", "content_policy", False),
    (429, "RateLimitExceeded.EndpointRPMExceeded", "rate_limit", True),
    (403, "AccountOverdueError", "quota", False),
    (401, "AuthenticationError", "auth", False),
    (400, "InvalidParameter", "bad_request", False),
    (500, "InternalServiceError", "server", True),
])
def test_errors_are_classified_with_the_vendors_reason(ark_server, tmp_path, status, code, kind, retryable):
    headers = {"Retry-After": "7"} if status == 429 else {}
    ark_server.fail_next("POST /api/v3/contents/generations/tasks",
                         ark_error(status, code, "The request failed because of the vendor's reason.", headers=headers))
    with pytest.raises(ProviderError) as err:
        client(ark_server, tmp_path).submit(VideoRequest(prompt="x"))
    assert (err.value.kind, err.value.retryable, err.value.vendor_code) == (kind, retryable, code)
    assert "the vendor's reason" in str(err.value)
    if status == 429:
        assert err.value.retry_after == 7.0


def test_html_error_page_and_timeout(ark_server, tmp_path):
    ark_server.fail_next("POST /api/v3/contents/generations/tasks",
                         Reply(status=502, body=b"<html><title>502 Bad Gateway</title></html>", content_type="text/html"))
    with pytest.raises(ProviderError) as err:
        client(ark_server, tmp_path).submit(VideoRequest(prompt="x"))
    assert err.value.kind == "server" and "502 Bad Gateway" in str(err.value) and "<html>" not in str(err.value)
    ark_server.fail_next("GET /api/v3/contents/generations/tasks/", json_reply({}, delay=1.5))
    slow = client(ark_server, tmp_path, timeout=0.5)
    with pytest.raises(ProviderError) as err:
        slow.poll(TaskHandle(provider="ark", capability="video", task_id="cgt-x"))
    assert err.value.kind == "timeout" and err.value.retryable


def test_failed_task_shows_the_vendor_reason(ark_server, tmp_path):
    ark_server.next_outcome = "failed"
    provider = client(ark_server, tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    assert status.state == FAILED and "OutputVideoSensitiveContentDetected" in status.error
    assert "sensitive information" in status.error


def test_expired_task_and_expired_result_url(ark_server, tmp_path):
    ark_server.next_outcome = "expired"
    provider = client(ark_server, tmp_path)
    status = poll_until_done(provider, provider.submit(VideoRequest(prompt="x")))
    assert status.state == FAILED and "expire" in status.error
    ark_server.next_outcome = "succeeded"
    done = poll_until_done(provider, provider.submit(VideoRequest(prompt="y")))
    ark_server.expire_files = True
    with pytest.raises(ProviderError) as err:
        provider.download(done.outputs[0], tmp_path / "late")
    assert not err.value.retryable and not list((tmp_path / "late").glob("*.mp4"))


def test_cancel_a_queued_task(ark_server, tmp_path):
    provider = client(ark_server, tmp_path)
    handle = provider.submit(VideoRequest(prompt="x"))
    provider.cancel(handle)
    assert ark_server.received("DELETE /api/v3/contents/generations/tasks/")
    assert provider.poll(handle).state == CANCELLED


def test_find_task_through_the_task_list(ark_server, tmp_path):
    provider = client(ark_server, tmp_path)
    request = VideoRequest(prompt="lost answer", duration=5, aspect_ratio="9:16")
    before = time.time()
    handle = provider.submit(request)
    found = provider.find_task(request, "ref-1", before)
    assert found is not None and found.task_id == handle.task_id
    assert ark_server.received("GET /api/v3/contents/generations/tasks")[-1].query["filter.model"] == \
        "doubao-seedance-1-0-pro-250528"
    assert provider.find_task(request, "ref-1", time.time() + 3600) is None
    provider.submit(request)
    with pytest.raises(ProviderError, match="several tasks"):
        provider.find_task(request, "ref-1", before)


def test_seedream_image_url_and_b64(ark_server, tmp_path, frame):
    provider = client(ark_server, tmp_path)
    handle = provider.submit(ImageRequest(prompt="a poster", aspect_ratio="9:16", reference_images=[frame]))
    body = ark_server.received("POST /api/v3/images/generations")[0].json()
    assert body["watermark"] is False and body["size"] == "1440x2560" and body["image"].startswith("data:image/png")
    status = provider.poll(handle)
    assert status.state == SUCCEEDED
    assert provider.download(status.outputs[0], tmp_path / "img").read_bytes() == png_bytes()
    b64 = client(ark_server, tmp_path, response_format="b64_json").submit(ImageRequest(prompt="x"))
    assert b64.output_refs()[0].path


def test_wrong_key_is_auth_and_scrubbed(ark_server, tmp_path):
    with pytest.raises(ProviderError) as err:
        client(ark_server, tmp_path, api_key="ark-wrong-key-zzzzzzzzzz").check_connection()
    assert err.value.kind == "auth" and "ark-wrong-key-zzzzzzzzzz" not in str(err.value)
    assert "accepted" in client(ark_server, tmp_path).check_connection()


def test_what_the_model_card_forbids_is_refused_before_paying(ark_server, tmp_path, frame):
    provider = client(ark_server, tmp_path, video_model="doubao-seedance-1-0-lite-t2v-250428")
    with pytest.raises(ProviderError, match="takes no start frame") as err:
        provider.submit(VideoRequest(prompt="x", first_frame=frame))
    assert err.value.kind == "bad_request" and not err.value.retryable
    assert ark_server.received("POST /api/v3/contents/generations/tasks") == []


def test_seedance_2_scene_in_one_call_describes_each_shot_in_order(ark_server, tmp_path):
    provider = client(ark_server, tmp_path, video_model="doubao-seedance-2-0-260128")
    shots = [{"prompt": "wide: the market", "duration": 2}, {"prompt": "close: her face", "duration": 3}]
    provider.submit(VideoRequest(prompt="", duration=5, parameters={"multi_prompt": shots}))
    body = ark_server.received("POST /api/v3/contents/generations/tasks")[0].json()
    assert body["content"][0]["text"] == "Shot 1 (2s): wide: the market Shot 2 (3s): close: her face"
    assert body["duration"] == 5 and "multi_prompt" not in body
