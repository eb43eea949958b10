"""A line longer than a vendor's input limit is split at sentence ends and joined into one take."""

from __future__ import annotations

import soundfile as sf

from providers import registry
from providers.base import SpeechRequest
from tests.providers.servers.openai import API_KEY


def test_a_long_line_is_spoken_in_pieces_and_joined_into_one_48k_take(openai_server, tmp_path) -> None:
    provider = registry.create("openai", {"base_url": f"{openai_server.url}/v1", "api_key": API_KEY},
                               staging_dir=tmp_path)
    sentence = "这是一句很长的台词，用来测试分段朗读。"  # 19 characters
    text = sentence * 300  # 5700 characters: over the 4096 limit
    handle = provider.submit(SpeechRequest(text=text, voice="nova", instructions="calm"))
    sent = [r.json() for r in openai_server.received("POST /v1/audio/speech")]
    assert len(sent) == 2 and all(len(b["input"]) <= 4096 for b in sent)
    assert "".join(b["input"] for b in sent) == text  # nothing lost or repeated
    assert all(b["input"].endswith("。") for b in sent)  # cut at a sentence end
    assert all(b["instructions"] == "calm" and b["voice"] == "nova" for b in sent)
    info = sf.info(handle.outputs[0]["path"])
    # the loopback answers 0.5 s of tone per call: two pieces joined with a 12 ms crossfade
    assert info.samplerate == 48000 and abs(info.duration - (1.0 - 0.012)) < 0.01


def test_an_empty_line_is_skipped_with_a_message_and_nothing_is_sent(openai_server) -> None:
    from app.model import Character, DialogueLine, Episode, Scene, Series, Shot
    from app.voices.plan import Scope, lines_in, plan_voices

    lin = Character(name="Lin")
    series = Series(characters=[lin])
    episode = Episode(number=1, scenes=[Scene(shots=[Shot(code="E01-001", dialogue=[
        DialogueLine(character_id=lin.id, character_name="Lin", text="   "),
        DialogueLine(character_id=lin.id, character_name="Lin", text="Run!")])])])
    series.episodes.append(episode)
    plan = plan_voices(series, episode, lines_in(episode, Scope.EPISODE), provider="openai")
    assert len(plan.jobs) == 1 and any("no words to speak" in note for note in plan.skipped)
    assert openai_server.received("POST /v1/audio/speech") == []
