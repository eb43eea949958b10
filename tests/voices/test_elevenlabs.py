"""ElevenLabs text to speech against a loopback server in its wire format (xi-api-key, detail errors)."""

from __future__ import annotations

import pytest
import soundfile as sf

from providers import errors as E
from providers import registry
from providers.base import SpeechRequest
from providers.errors import ProviderError
from tests.providers.servers.elevenlabs import API_KEY


def client(server, tmp_path, **settings):
    return registry.create("elevenlabs", {"base_url": server.url, "api_key": API_KEY, **settings},
                           staging_dir=tmp_path / "staging")


def _take(provider, handle, tmp_path):
    status = provider.poll(handle)
    return sf.info(str(provider.download(status.outputs[0], tmp_path / "out")))


@pytest.mark.parametrize("output_format", ["mp3_44100_128", "pcm_24000"])
def test_mp3_and_pcm_answers_become_48k_takes(elevenlabs_server, tmp_path, output_format) -> None:
    provider = client(elevenlabs_server, tmp_path, output_format=output_format)
    handle = provider.submit(SpeechRequest(text="Everyone has a price.", voice="cloned-voice-0001", speed=1.1,
                                           instructions="coldly"))
    sent = elevenlabs_server.received("POST /v1/text-to-speech/cloned-voice-0001")[0]
    assert sent.headers["xi-api-key"] == API_KEY and "Authorization" not in sent.headers
    assert sent.query["output_format"] == output_format
    body = sent.json()
    assert body["text"] == "Everyone has a price." and body["model_id"] == "eleven_multilingual_v2"
    assert body["voice_settings"]["speed"] == 1.1
    info = _take(provider, handle, tmp_path)
    assert info.samplerate == 48000 and 0.45 < info.duration < 0.6
    assert handle.task_id == "req-1" and handle.endpoint["voice"] == "cloned-voice-0001"


def test_v3_gets_the_parenthetical_as_an_audio_tag(elevenlabs_server, tmp_path) -> None:
    provider = client(elevenlabs_server, tmp_path)
    provider.submit(SpeechRequest(text="I know.", model="eleven_v3", instructions="whispers"))
    assert elevenlabs_server.received("POST /v1/text-to-speech/")[0].json()["text"] == "[whispers] I know."


def test_detail_errors_are_classified(elevenlabs_server, tmp_path) -> None:
    provider = client(elevenlabs_server, tmp_path)
    with pytest.raises(ProviderError) as missing:
        provider.submit(SpeechRequest(text="hi", voice="nobody"))
    assert missing.value.kind == E.BAD_REQUEST and "voice_not_found" in str(missing.value)
    elevenlabs_server.quota_left = 1
    with pytest.raises(ProviderError) as quota:
        provider.submit(SpeechRequest(text="hello"))
    assert quota.value.kind == E.QUOTA and not quota.value.retryable
    wrong = registry.create("elevenlabs", {"base_url": elevenlabs_server.url, "api_key": "el-wrong"})
    with pytest.raises(ProviderError) as auth:
        wrong.submit(SpeechRequest(text="hi"))
    assert auth.value.kind == E.AUTH and "el-wrong" not in str(auth.value)
    from tests.providers.servers.elevenlabs import detail

    elevenlabs_server.fail_next("POST /v1/text-to-speech", detail(429, "too_many_concurrent_requests", "busy"))
    elevenlabs_server.quota_left = 10**6
    with pytest.raises(ProviderError) as busy:
        provider.submit(SpeechRequest(text="hi"))
    assert busy.value.kind == E.RATE_LIMIT and busy.value.retryable
    assert "Connected to ElevenLabs: 2 voice(s)" in provider.check_connection()
