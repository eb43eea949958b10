"""DashScope Qwen-TTS and CosyVoice against a loopback server in DashScope's wire format."""

from __future__ import annotations

import pytest
import soundfile as sf

from providers import errors as E
from providers import registry
from providers.base import SpeechRequest
from providers.errors import ProviderError
from tests.providers.servers.dashscope_speech import API_KEY


def client(server, tmp_path, **settings):
    return registry.create("dashscope_speech", {"base_url": server.url, "api_key": API_KEY, **settings},
                           staging_dir=tmp_path / "staging")


def _duration(provider, handle, tmp_path) -> float:
    status = provider.poll(handle)
    return sf.info(str(provider.download(status.outputs[0], tmp_path / "out"))).duration


@pytest.mark.parametrize("inline", [False, True])
def test_qwen_tts_url_and_inline_answers(dashscope_speech_server, tmp_path, inline) -> None:
    dashscope_speech_server.inline = inline
    provider = client(dashscope_speech_server, tmp_path, speech_model="qwen3-tts-instruct-flash")
    handle = provider.submit(SpeechRequest(text="你终于来了。", voice="Serena", instructions="轻声地"))
    sent = dashscope_speech_server.received("POST /services/aigc/multimodal-generation/generation")[0].json()
    assert sent == {"model": "qwen3-tts-instruct-flash",
                    "input": {"text": "你终于来了。", "voice": "Serena", "language_type": "Auto",
                              "instructions": "轻声地"}}
    assert 0.45 < _duration(provider, handle, tmp_path) < 0.6
    if not inline:  # the OSS file is fetched without our key
        assert "Authorization" not in dashscope_speech_server.received("GET /files/")[0].headers


def test_cosyvoice_goes_to_the_speech_synthesizer_without_instructions(dashscope_speech_server, tmp_path) -> None:
    provider = client(dashscope_speech_server, tmp_path, speech_model="cosyvoice-v2", voice="longxiaochun_v2")
    handle = provider.submit(SpeechRequest(text="天亮了。", speed=1.2, instructions="calm"))
    sent = dashscope_speech_server.received("POST /services/audio/tts/SpeechSynthesizer")[0].json()
    assert sent["model"] == "cosyvoice-v2" and sent["input"]["voice"] == "longxiaochun_v2"
    assert sent["input"]["rate"] == 1.2 and sent["input"]["format"] == "mp3" and "instructions" not in sent["input"]
    assert _duration(provider, handle, tmp_path) > 0.4


def test_dashscope_errors_are_classified(dashscope_speech_server, tmp_path) -> None:
    provider = client(dashscope_speech_server, tmp_path)
    with pytest.raises(ProviderError) as policy:
        provider.submit(SpeechRequest(text="这句有违禁内容。"))
    assert policy.value.kind == E.CONTENT_POLICY and "DataInspectionFailed" in str(policy.value)
    wrong = registry.create("dashscope_speech", {"base_url": dashscope_speech_server.url, "api_key": "sk-wrong"})
    with pytest.raises(ProviderError) as auth:
        wrong.submit(SpeechRequest(text="hi"))
    assert auth.value.kind == E.AUTH and not auth.value.retryable
    with pytest.raises(ProviderError):
        wrong.check_connection()
    assert "key is accepted" in provider.check_connection()
    with pytest.raises(ProviderError) as voice:
        provider.submit(SpeechRequest(text="hi", voice="Nobody"))
    assert voice.value.kind == E.BAD_REQUEST


def test_cosyvoice_enrolment_list_delete_and_a_refusal(dashscope_speech_server, tmp_path) -> None:
    import numpy as np

    from providers.dashscope_enroll import CosyVoiceEnrolment, voice_prefix

    sample = tmp_path / "sample.wav"
    sf.write(str(sample), (0.2 * np.sin(np.arange(24000 * 12) / 24000 * 2 * np.pi * 180)).astype(np.float32), 24000)
    provider = client(dashscope_speech_server, tmp_path, clone_model="cosyvoice-v2")
    voice_id = provider.clone_voice(sample, "Lin Xia 2")
    assert voice_id.startswith("cosyvoice-v2-linxia2-") and voice_prefix("林夏") == "voice"
    upload = dashscope_speech_server.received("POST /oss-upload")[0]
    assert "Authorization" not in upload.headers  # the OSS form carries the signed policy, not our key
    enrol = CosyVoiceEnrolment(provider.http, provider.name)
    assert [v["voice_id"] for v in enrol.list("Lin Xia 2")] == [voice_id]
    enrol.delete(voice_id)
    assert enrol.list() == []
    dashscope_speech_server.refuse_clone = "DataInspectionFailed"
    with pytest.raises(ProviderError) as info:
        provider.clone_voice(sample, "refused")
    assert info.value.kind == E.CONTENT_POLICY and not dashscope_speech_server.voices
