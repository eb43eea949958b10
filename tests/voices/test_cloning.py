"""Voice cloning: sample checks before paying, MiniMax and ElevenLabs cloning on loopback servers,
the cloned voice landing on the character (undoable) and speaking a line."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from app.jobs.job import JobState
from app.jobs.manager import job_manager
from app.model import Character, DialogueLine, Episode, Scene, Series, Shot
from app.session import Session
from app.voices import samples
from app.voices.clone import can_clone, clone_job
from providers import registry
from tests.providers.servers.dashscope_speech import API_KEY as DS_KEY
from tests.providers.servers.elevenlabs import API_KEY as EL_KEY
from tests.providers.servers.minimax_speech import API_KEY as MM_KEY

RATE = 44100


def speechlike(seconds: float, amp: float = 0.3) -> np.ndarray:
    """A voiced-sounding signal with syllable-like bursts and pauses."""
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = (np.sin(2 * np.pi * 3 * t) > -0.3).astype(np.float32)
    return (amp * envelope * np.sin(2 * np.pi * 180 * t) * (1 + 0.3 * np.sin(2 * np.pi * 5 * t))).astype(np.float32)


def write(tmp_path, name, audio) -> object:
    path = tmp_path / name
    sf.write(path, audio, RATE)
    return path


@pytest.mark.parametrize("audio,match", [
    (speechlike(4.0), "at least 10 s"),
    (speechlike(20.0, amp=0.001), "almost silent"),
    (np.clip(speechlike(20.0, amp=3.0), -1, 1), "distorted"),
    (speechlike(301.0), "minutes long"),
])
def test_bad_samples_are_refused_before_upload(tmp_path, audio, match) -> None:
    with pytest.raises(samples.SampleRejected, match=match):
        samples.prepare(write(tmp_path, "s.wav", audio), tmp_path / "up.wav")
    assert not (tmp_path / "up.wav").exists()
    (tmp_path / "junk.wav").write_bytes(b"<html>nope</html>")
    with pytest.raises(samples.SampleRejected, match="not a readable audio file"):
        samples.prepare(tmp_path / "junk.wav", tmp_path / "up.wav")


def test_a_good_sample_becomes_a_small_upload(tmp_path) -> None:
    report = samples.prepare(write(tmp_path, "s.wav", speechlike(20.0)), tmp_path / "up.wav")
    info = sf.info(str(tmp_path / "up.wav"))
    assert abs(report.seconds - 20.0) < 0.05 and report.level_dbfs > -20 and report.clipped_fraction == 0
    assert info.samplerate == 24000 and info.channels == 1 and info.subtype == "PCM_16"


def test_providers_that_clone() -> None:
    assert can_clone("minimax_speech") and can_clone("elevenlabs") and can_clone("dashscope_speech")
    assert not can_clone("espeak") and not can_clone("openai") and not can_clone("nonexistent")


def test_minimax_clone_uploads_then_clones_and_refuses_a_duplicate(minimax_speech_server, tmp_path) -> None:
    provider = registry.create("minimax_speech", {"base_url": minimax_speech_server.url, "api_key": MM_KEY})
    samples.prepare(write(tmp_path, "s.wav", speechlike(15.0)), tmp_path / "up.wav")
    assert provider.clone_voice(tmp_path / "up.wav", "mdlinxia0001") == "mdlinxia0001"
    clone = minimax_speech_server.received("POST /v1/voice_clone")[0].json()
    assert clone["voice_id"] == "mdlinxia0001" and clone["file_id"]
    from providers.errors import ProviderError

    with pytest.raises(ProviderError, match="already taken"):
        provider.clone_voice(tmp_path / "up.wav", "mdlinxia0001")
    sf.write(tmp_path / "short.wav", speechlike(5.0), RATE)  # a sample the vendor itself refuses (2037)
    with pytest.raises(ProviderError, match="too short or too long"):
        provider.clone_voice(tmp_path / "short.wav", "mdlinxia0002")


@pytest.fixture
def session(tmp_path, qtbot, monkeypatch, minimax_speech_server, elevenlabs_server, dashscope_speech_server):
    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("MICRODRAMA_POLL_INTERVAL", "0.05")
    monkeypatch.setenv("MICRODRAMA_MINIMAX_SPEECH_BASE_URL", minimax_speech_server.url)
    monkeypatch.setenv("MICRODRAMA_MINIMAX_SPEECH_API_KEY", MM_KEY)
    monkeypatch.setenv("MICRODRAMA_ELEVENLABS_BASE_URL", elevenlabs_server.url)
    monkeypatch.setenv("MICRODRAMA_ELEVENLABS_API_KEY", EL_KEY)
    monkeypatch.setenv("MICRODRAMA_DASHSCOPE_SPEECH_BASE_URL", dashscope_speech_server.url)
    monkeypatch.setenv("MICRODRAMA_DASHSCOPE_SPEECH_API_KEY", DS_KEY)
    series = Series(title="Clone")
    lin = Character(name="林夏")
    series.characters.append(lin)
    episode = Episode(number=1, scenes=[Scene(shots=[Shot(code="E01-001", dialogue=[
        DialogueLine(character_id=lin.id, character_name=lin.name, text="这一次，结局我自己写。",
                     parenthetical="(smiling)")])])])
    series.episodes.append(episode)
    s = Session()
    s.create(tmp_path / "Clone.mdrama", series)
    s.set_current_episode(episode.id)
    yield s
    job_manager(s).shutdown()
    s.close()


@pytest.mark.parametrize("provider", ["minimax_speech", "elevenlabs", "dashscope_speech"])
def test_a_cloned_voice_lands_on_the_character_and_speaks_its_lines(session, tmp_path, provider, minimax_speech_server,
                                                                    elevenlabs_server, dashscope_speech_server) -> None:
    from app.voices.plan import Scope, lines_in, plan_voices

    character = session.series.characters[0]
    sample = write(tmp_path, "booth-take.wav", speechlike(20.0))
    manager = job_manager(session)
    job = clone_job(session, character, provider, sample)
    assert manager.wait(timeout=30) and job.state is JobState.SUCCEEDED, job.error
    voice = character.voice
    assert voice.provider == provider and voice.cloned and voice.voice_id
    episode = session.current_episode
    plan = plan_voices(session.series, episode, lines_in(episode, Scope.EPISODE))
    manager.add(plan.jobs[0])
    assert manager.wait(timeout=30) and plan.jobs[0].state is JobState.SUCCEEDED, plan.jobs[0].error
    take = episode.scenes[0].shots[0].dialogue[0].chosen_take()
    prov = session.series.media[f"take_{take.id}"].provenance
    assert prov.provider == provider and prov.parameters["voice"] == voice.voice_id
    if provider == "minimax_speech":
        sent = minimax_speech_server.received("POST /v1/t2a_v2")[0].json()["voice_setting"]
        assert sent["voice_id"] == voice.voice_id and sent["emotion"] == "happy"
    elif provider == "elevenlabs":
        assert elevenlabs_server.received(f"POST /v1/text-to-speech/{voice.voice_id}")
    else:  # CosyVoice: enrolled from DashScope's own temporary storage, spoken with its target model
        created = [r.json()["input"] for r in dashscope_speech_server.received("POST /services/audio/tts/customization")
                   if r.json()["input"]["action"] == "create_voice"]
        assert len(created) == 1 and created[0]["url"].startswith("oss://dashscope-instant/")
        assert created[0]["target_model"] == "cosyvoice-v3-plus" and created[0]["prefix"] == "voice"  # 林夏: no ASCII
        assert list(dashscope_speech_server.oss.values())[0][:4] == b"RIFF"  # the checked WAV was uploaded
        spoken = dashscope_speech_server.received("POST /services/audio/tts/SpeechSynthesizer")[0].json()
        assert spoken["model"] == "cosyvoice-v3-plus" and spoken["input"]["voice"] == voice.voice_id
    session.document.undo_stack.undo()  # undo the voice arrival
    session.document.undo_stack.undo()  # and the clone: the character's voice is as before
    assert session.series.characters[0].voice.voice_id == ""


def test_a_bad_sample_fails_the_job_with_a_clear_message_and_uploads_nothing(session, tmp_path,
                                                                             minimax_speech_server) -> None:
    character = session.series.characters[0]
    job = clone_job(session, character, "minimax_speech", write(tmp_path, "short.wav", speechlike(3.0)))
    assert job_manager(session).wait(timeout=30)
    assert job.state is JobState.FAILED and "at least 10 s" in job.error
    assert minimax_speech_server.received("POST /v1/files/upload") == []
    assert character.voice.voice_id == ""


def test_a_booth_take_converted_into_the_characters_voice_is_a_linked_take(session, tmp_path,
                                                                           elevenlabs_server) -> None:
    from app.audio.takes import choose_take, dialogue_clip
    from app.model import Take
    from app.model.script import TakeOrigin
    from app.voices.plan import convert_job

    character = session.series.characters[0]
    episode = session.current_episode
    shot = episode.scenes[0].shots[0]
    line = shot.dialogue[0]
    # a recording made in the booth by the solo creator (a real WAV in the bundle's takes/)
    rel = f"takes/{line.id}/rec1.wav"
    (session.bundle.root / rel).parent.mkdir(parents=True, exist_ok=True)
    performance = speechlike(3.0)
    sf.write(session.bundle.root / rel, performance, 48000, subtype="PCM_24")
    recorded = Take(id="rec1", path=rel, name="Take 1", samples=len(performance), picture_offset_samples=2400)
    session.document.append(line, "takes", recorded, "Record")
    choose_take(session, line, recorded)
    # without a speech-to-speech voice it says what to do
    from app.errors import UserError

    with pytest.raises(UserError, match="speech to speech"):
        convert_job(session.bundle.root, session.series, episode, shot, line, rel, "rec1")
    character.voice.provider, character.voice.voice_id = "elevenlabs", "cloned-voice-0001"
    job = job_manager(session).add(convert_job(session.bundle.root, session.series, episode, shot, line, rel, "rec1"))
    assert job_manager(session).wait(timeout=30) and job.state is JobState.SUCCEEDED, job.error
    sent = elevenlabs_server.received("POST /v1/speech-to-speech/cloned-voice-0001")[0]
    assert b'name="model_id"' in sent.body and b"eleven_multilingual_sts_v2" in sent.body
    converted = line.chosen_take()
    assert converted.origin is TakeOrigin.CONVERTED and converted.source_take_id == "rec1"
    assert converted.picture_offset_samples == 2400 and converted.name == "Take 1 (converted)"
    assert abs(converted.samples - len(performance)) < 0.1 * 48000  # same timing as the performance
    clip = dialogue_clip(episode, line.id)[1]
    assert clip.take_id == converted.id and clip.asset_id == f"take_{converted.id}"
    prov = session.series.media[f"take_{converted.id}"].provenance
    assert prov.reference_inputs == [rel] and prov.provider == "elevenlabs"
    assert [t.id for t in line.takes] == ["rec1", converted.id]  # the recording stays
