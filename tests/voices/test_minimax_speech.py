"""MiniMax T2A v2 against a loopback server in MiniMax's wire format (hex and url answers, base_resp errors)."""

from __future__ import annotations

import pytest
import soundfile as sf

from providers import errors as E
from providers import registry
from providers.base import SpeechRequest
from providers.errors import ProviderError
from providers.minimax_speech import emotion_for
from tests.providers.servers.base import json_reply
from tests.providers.servers.minimax_speech import API_KEY


def client(server, tmp_path, **settings):
    return registry.create("minimax_speech", {"base_url": server.url, "api_key": API_KEY, **settings},
                           staging_dir=tmp_path / "staging")


def _take(provider, handle, tmp_path):
    status = provider.poll(handle)
    assert status.state == "succeeded"
    return sf.info(str(provider.download(status.outputs[0], tmp_path / "out")))


@pytest.mark.parametrize("output_format", ["hex", "url"])
def test_hex_and_url_answers_become_48k_takes(minimax_speech_server, tmp_path, output_format) -> None:
    provider = client(minimax_speech_server, tmp_path, output_format=output_format)
    handle = provider.submit(SpeechRequest(text="你好，我是林夏。", voice="female-shaonv", speed=1.1,
                                           instructions="crying softly", parameters={"pitch": 3}))
    body = minimax_speech_server.received("POST /v1/t2a_v2")[0].json()
    assert minimax_speech_server.received("POST /v1/t2a_v2")[0].headers["Authorization"] == f"Bearer {API_KEY}"
    assert body["voice_setting"] == {"voice_id": "female-shaonv", "speed": 1.1, "vol": 1.0, "pitch": 3,
                                     "emotion": "sad"}
    assert body["model"] == "speech-02-hd" and body["stream"] is False and body["output_format"] == output_format
    assert handle.cost_units == pytest.approx(8 / 1000) and handle.endpoint["emotion"] == "sad"
    info = _take(provider, handle, tmp_path)
    assert info.samplerate == 48000 and 0.5 < info.duration < 0.8
    if output_format == "url":  # the CDN file is fetched without our key
        fetched = minimax_speech_server.received("GET /files/")[0]
        assert "Authorization" not in fetched.headers


def test_emotions_come_from_the_parenthetical_in_either_language() -> None:
    assert emotion_for("angrily") == "angry" and emotion_for("（生气地）") == "angry"
    assert emotion_for("laughing") == "happy" and emotion_for("害怕") == "fearful"
    assert emotion_for("quietly, to herself") == ""


def test_base_resp_errors_are_classified(minimax_speech_server, tmp_path) -> None:
    provider = client(minimax_speech_server, tmp_path)
    with pytest.raises(ProviderError) as bad:
        provider.submit(SpeechRequest(text="这里有炸弹"))
    assert bad.value.kind == E.CONTENT_POLICY and not bad.value.retryable and "1026" in str(bad.value)
    wrong = registry.create("minimax_speech", {"base_url": minimax_speech_server.url, "api_key": "mm-wrong"},
                            staging_dir=tmp_path)
    with pytest.raises(ProviderError) as auth:
        wrong.submit(SpeechRequest(text="hi"))
    assert auth.value.kind == E.AUTH and "mm-wrong" not in str(auth.value)
    minimax_speech_server.fail_next("POST /v1/t2a_v2", json_reply(
        {"base_resp": {"status_code": 1002, "status_msg": "rate limit"}}))
    with pytest.raises(ProviderError) as limited:
        provider.submit(SpeechRequest(text="hi"))
    assert limited.value.kind == E.RATE_LIMIT and limited.value.retryable
    minimax_speech_server.fail_next("POST /v1/t2a_v2", json_reply(
        {"data": {"audio": (b"\x00" * 4000).hex(), "status": 2}, "extra_info": {"audio_format": "mp3"},
         "base_resp": {"status_code": 0, "status_msg": "success"}}))
    with pytest.raises(ProviderError, match="unusable") as silent:
        provider.submit(SpeechRequest(text="hi"))
    assert silent.value.kind == E.INVALID_RESPONSE
    assert not list((tmp_path / "staging").glob("*.wav"))  # nothing staged from a refused answer


def test_a_text_over_the_limit_is_split_and_joined(minimax_speech_server, tmp_path) -> None:
    provider = client(minimax_speech_server, tmp_path)
    handle = provider.submit(SpeechRequest(text="一句台词说完了。" * 1500))  # 12,000 characters
    sent = [r.json()["text"] for r in minimax_speech_server.received("POST /v1/t2a_v2")]
    assert len(sent) == 2 and all(len(t) < 10000 for t in sent) and "".join(sent) == "一句台词说完了。" * 1500
    assert len(handle.endpoint["trace_ids"]) == 2
    assert _take(provider, handle, tmp_path).duration > 1.1
