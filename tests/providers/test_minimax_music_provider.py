"""MiniMax music against a loopback MiniMax server: instrumental beds as URL or hex, errors in base_resp."""

from __future__ import annotations

import pytest

from providers import registry
from providers.base import SUCCEEDED, MusicRequest
from providers.errors import ProviderError
from tests.providers.servers.minimax import API_KEY, base_resp_error


def client(server, tmp_path, **kw):
    return registry.create("minimax_music", {"base_url": server.url, "api_key": API_KEY, "timeout": 5, **kw},
                           staging_dir=tmp_path / "staging")


def test_instrumental_bed_as_url(minimax_music_server, tmp_path):
    provider = client(minimax_music_server, tmp_path)
    handle = provider.submit(MusicRequest(prompt="tense strings", style="thriller", duration=60))
    body = minimax_music_server.received("POST /v1/music_generation")[0].json()
    assert body["model"] == "music-2.6" and body["is_instrumental"] is True and "lyrics" not in body
    assert body["prompt"] == "tense strings, thriller" and body["output_format"] == "url"
    status = provider.poll(handle)
    assert status.state == SUCCEEDED
    track = provider.download(status.outputs[0], tmp_path / "out")
    assert track.read_bytes() == minimax_music_server.audio


def test_hex_answer_and_older_model_placeholder(minimax_music_server, tmp_path):
    provider = client(minimax_music_server, tmp_path, output_format="hex", music_model="music-1.5")
    handle = provider.submit(MusicRequest(prompt="soft piano"))
    assert minimax_music_server.received("POST /v1/music_generation")[0].json()["lyrics"] == "[Instrumental]"
    track = provider.download(handle.output_refs()[0], tmp_path / "out")
    assert track.read_bytes() == minimax_music_server.audio


@pytest.mark.parametrize("code,kind,retryable", [(1008, "quota", False), (1002, "rate_limit", True),
                                                  (1026, "content_policy", False)])
def test_errors(minimax_music_server, tmp_path, code, kind, retryable):
    minimax_music_server.fail_next("POST /v1/music_generation", base_resp_error(code, "the vendor's words"))
    with pytest.raises(ProviderError) as err:
        client(minimax_music_server, tmp_path).submit(MusicRequest(prompt="x"))
    assert (err.value.kind, err.value.retryable) == (kind, retryable) and "the vendor's words" in str(err.value)
