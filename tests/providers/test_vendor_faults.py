"""Every fault, against every vendor's server: what the job queue relies on to retry or give up.

Per vendor: a 500 and a 429 with Retry-After on submit, a poll that times out, a poll
answered with malformed JSON, a truncated download and a download that is not media.
Vendor-specific error bodies are tested in each vendor's own test file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

from providers import registry
from providers.base import ImageRequest, MusicRequest, VideoRequest
from providers.errors import ProviderError
from tests.providers.servers import fal, kling, minimax, music, replicate
from tests.providers.servers.base import Reply
from tests.providers.servers.drive import poll_until_done
from tests.providers.servers.media import NOT_MEDIA, mp4_bytes, png_bytes, wav_bytes


@dataclass
class Vendor:
    fixture: str
    provider: str
    settings: dict
    request: object
    submit_route: str
    poll_route: str
    path: str = ""

    def client(self, server, tmp_path: Path, **overrides):
        settings = {"base_url": server.url + self.path, "timeout": 10.0, **self.settings, **overrides}
        return registry.create(self.provider, settings, staging_dir=tmp_path / "staging")


VENDORS = [
    Vendor("kling_server", "kling", {"access_key": kling.ACCESS_KEY, "secret_key": kling.SECRET_KEY},
           VideoRequest(prompt="x"), "POST /v1/videos/text2video", "GET /v1/videos/text2video/"),
    Vendor("minimax_server", "minimax", {"api_key": minimax.API_KEY}, VideoRequest(prompt="x"),
           "POST /v1/video_generation", "GET /v1/query/video_generation"),
    Vendor("replicate_server", "replicate", {"api_key": replicate.API_TOKEN}, ImageRequest(prompt="x"),
           "POST /v1/models", "GET /v1/predictions", "/v1"),
    Vendor("fal_server", "fal", {"api_key": fal.API_KEY}, ImageRequest(prompt="x"), "POST /fal-ai",
           "GET /fal-ai/flux/requests"),
    Vendor("comfyui_server", "comfyui", {}, ImageRequest(prompt="x"), "POST /prompt", "GET /history"),
    Vendor("music_server", "music_endpoint", {"api_key": music.TOKEN}, MusicRequest(prompt="x"),
           "POST /music", "GET /music/", "/music"),
]
IDS = [v.provider for v in VENDORS]


def media_for(output) -> tuple[bytes, str]:
    return {"video": (mp4_bytes(), "video/mp4"), "audio": (wav_bytes(), "audio/wav")}.get(
        output.media_type, (png_bytes(), "image/png"))


@pytest.mark.parametrize("vendor", VENDORS, ids=IDS)
def test_server_error_on_submit_is_retryable(vendor, request, tmp_path):
    server = request.getfixturevalue(vendor.fixture)
    server.fail_next(vendor.submit_route, Reply(status=500, body=b"Internal Server Error", content_type="text/plain"))
    with pytest.raises(ProviderError) as err:
        vendor.client(server, tmp_path).submit(vendor.request)
    assert err.value.retryable and err.value.http_status == 500


@pytest.mark.parametrize("vendor", VENDORS, ids=IDS)
def test_rate_limit_on_submit_honours_retry_after(vendor, request, tmp_path):
    server = request.getfixturevalue(vendor.fixture)
    server.fail_next(vendor.submit_route, Reply(status=429, json_body={"error": "Too Many Requests"},
                                                headers={"Retry-After": "17"}))
    with pytest.raises(ProviderError) as err:
        vendor.client(server, tmp_path).submit(vendor.request)
    assert err.value.retryable and err.value.retry_after == 17.0 and err.value.http_status == 429


@pytest.mark.parametrize("vendor", VENDORS, ids=IDS)
def test_poll_timeout_and_malformed_json_are_retryable(vendor, request, tmp_path):
    server = request.getfixturevalue(vendor.fixture)
    provider = vendor.client(server, tmp_path)
    handle = provider.submit(vendor.request)
    server.fail_next(vendor.poll_route, Reply(delay=1.5, json_body={}))
    provider.http.timeout = (10.0, 0.4)  # only this call is short of patience
    with pytest.raises(ProviderError) as err:
        provider.poll(handle)
    provider.http.timeout = (10.0, 10.0)
    assert err.value.retryable and err.value.kind == "timeout"
    server.fail_next(vendor.poll_route, Reply(body=b'{"status": "RUNN', content_type="application/json"))
    with pytest.raises(ProviderError) as err:
        provider.poll(handle)
    assert err.value.retryable and err.value.kind == "invalid_response"
    # and the task is still there afterwards
    assert poll_until_done(provider, handle).state == "succeeded"


@pytest.mark.parametrize("vendor", VENDORS, ids=IDS)
def test_truncated_and_non_media_downloads_are_refused(vendor, request, tmp_path):
    server = request.getfixturevalue(vendor.fixture)
    provider = vendor.client(server, tmp_path)
    status = poll_until_done(provider, provider.submit(vendor.request))
    output = status.outputs[0]
    route = f"GET {urlparse(output.url).path}"
    data, ctype = media_for(output)
    server.fail_next(route, Reply(body=data[: len(data) // 3], content_type=ctype, declared_length=len(data)))
    with pytest.raises(ProviderError) as err:
        provider.download(output, tmp_path / "out")
    assert err.value.retryable and err.value.kind in ("connection", "download")
    server.fail_next(route, Reply(body=NOT_MEDIA, content_type=ctype))  # lies about its type
    with pytest.raises(ProviderError) as err:
        provider.download(output, tmp_path / "out")
    assert not err.value.retryable and "not usable media" in str(err.value)
    leftovers = list((tmp_path / "out").iterdir()) if (tmp_path / "out").exists() else []
    assert leftovers == []
    # the real file still downloads afterwards
    path = provider.download(output, tmp_path / "out")
    assert path.suffix == {"video": ".mp4", "audio": ".wav"}.get(output.media_type, ".png")
    assert path.stat().st_size > 1000 and [p.name for p in (tmp_path / "out").iterdir()] == [path.name]
