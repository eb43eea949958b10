"""A cast of three voices, generated and lip-synced against the loopback vendors, headless and in the GUI.

Lin speaks with a vendor voice (MiniMax), Mei with a voice cloned from a sample (DashScope
CosyVoice enrolment), Zhou is performed by the creator in the booth and converted into his
voice (ElevenLabs speech to speech). Every shot's clip was made elsewhere, so Kling lip sync
gets it through fal.ai's file storage. The headless run is SIGKILLed mid lip sync and run
again: nothing is paid twice. The credits report names where every voice and clip came from.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from app.bundle import ProjectBundle
from app.jobs.job import JobState
from app.jobs.journal import load_with_journal
from app.jobs.landing import basic_probe
from app.jobs.manager import job_manager
from app.media.synth import write_counter_clip
from app.model import Character, DialogueLine, Episode, MediaKind, Provenance, Scene, Series, Shot, Take
from app.model.script import TakeOrigin
from app.provenance.ledger import build_ledger
from app.provenance.report import report_json
from app.session import Session
from tests.providers.servers.dashscope_speech import API_KEY as DS_KEY
from tests.providers.servers.elevenlabs import API_KEY as EL_KEY
from tests.providers.servers.fal import API_KEY as FAL_KEY
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from tests.providers.servers.minimax_speech import API_KEY as MM_KEY

REPO = Path(__file__).resolve().parents[2]
RATE = 48000


def speechlike(seconds: float, amp: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = (np.sin(2 * np.pi * 3 * t) > -0.3).astype(np.float32)
    return (amp * envelope * np.sin(2 * np.pi * 180 * t) * (1 + 0.3 * np.sin(2 * np.pi * 5 * t))).astype(np.float32)


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    root = tmp_path_factory.mktemp("cast")
    clip = write_counter_clip(root / "shot.mp4", 30, size=(576, 1024), fps=10)
    sample = root / "mei-sample.wav"
    sf.write(str(sample), speechlike(15.0), RATE)
    return {"clip": clip, "sample": sample}


@pytest.fixture
def env(tmp_path, monkeypatch, minimax_speech_server, dashscope_speech_server, elevenlabs_server, kling_server,
        fal_server) -> dict[str, str]:
    values = {"MICRODRAMA_SETTINGS_DIR": str(tmp_path / "settings"), "MICRODRAMA_POLL_INTERVAL": "0.05",
              "MICRODRAMA_MINIMAX_SPEECH_BASE_URL": minimax_speech_server.url,
              "MICRODRAMA_MINIMAX_SPEECH_API_KEY": MM_KEY,
              "MICRODRAMA_DASHSCOPE_SPEECH_BASE_URL": dashscope_speech_server.url,
              "MICRODRAMA_DASHSCOPE_SPEECH_API_KEY": DS_KEY,
              "MICRODRAMA_ELEVENLABS_BASE_URL": elevenlabs_server.url, "MICRODRAMA_ELEVENLABS_API_KEY": EL_KEY,
              "MICRODRAMA_KLING_LIPSYNC_BASE_URL": kling_server.url, "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
              "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY, "MICRODRAMA_FAL_API_KEY": FAL_KEY,
              "MICRODRAMA_KLING_LIPSYNC_HOST_URL": fal_server.url}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def _cast(tmp_path: Path, media: dict) -> Session:
    """Three characters, one shot each with an imported clip and one line; Mei cloned, Zhou converted."""
    lin = Character(name="Lin")
    lin.voice.provider, lin.voice.voice_id = "minimax_speech", "female-shaonv"
    mei = Character(name="Mei")
    zhou = Character(name="Zhou")
    zhou.voice.provider, zhou.voice.voice_id = "elevenlabs", "cloned-voice-0001"
    series = Series(title="Cast", characters=[lin, mei, zhou])
    shots = [Shot(code=f"E01-00{i + 1}", number=i + 1, duration=90, character_ids=[c.id], dialogue=[
        DialogueLine(character_id=c.id, character_name=c.name, text=text)])
        for i, (c, text) in enumerate([(lin, "Wait for me at the gate."), (mei, "这一次，结局我自己写。"),
                                       (zhou, "You were never supposed to come back.")])]
    episode = Episode(number=1, scenes=[Scene(number=1, shots=shots)])
    series.episodes.append(episode)
    session = Session()
    session.create(tmp_path / "Cast.mdrama", series)
    session.set_current_episode(episode.id)
    for shot in session.current_episode.shots():
        asset = session.bundle.import_file(media["clip"], Provenance(source="imported"))
        asset.probe = basic_probe(session.bundle.resolve(asset.path), MediaKind.VIDEO)
        session.series.media[asset.id] = asset
        shot.clips, shot.chosen_clip = [asset.id], asset.id
    return session


def _clone_and_convert(session: Session, media: dict) -> None:
    """What the Bible's Clone button and the booth's Convert do (the same app functions)."""
    from app.audio.takes import choose_take
    from app.voices.clone import clone_job
    from app.voices.plan import convert_job

    manager = job_manager(session)
    mei = session.series.characters[1]
    job = clone_job(session, mei, "dashscope_speech", media["sample"])
    assert manager.wait(timeout=60) and job.state is JobState.SUCCEEDED, job.error
    episode = session.current_episode
    shot = list(episode.shots())[2]
    line = shot.dialogue[0]
    rel = f"takes/{line.id}/rec1.wav"
    (session.bundle.root / rel).parent.mkdir(parents=True, exist_ok=True)
    performance = speechlike(2.5)
    sf.write(session.bundle.root / rel, performance, RATE, subtype="PCM_24")
    recorded = Take(id="rec1", path=rel, name="Take 1", samples=len(performance))
    session.document.append(line, "takes", recorded, "Record")
    choose_take(session, line, recorded)
    job = manager.add(convert_job(session.bundle.root, session.series, episode, shot, line, rel, "rec1"))
    assert manager.wait(timeout=60) and job.state is JobState.SUCCEEDED, job.error


def _check_credits(series: Series, servers: dict) -> None:
    episode = series.episodes[0]
    report = json.loads(report_json(build_ledger(series, episode)))
    by_provider: dict[str, list[dict]] = {}
    for asset in report["assets"]:
        by_provider.setdefault(asset["provenance"].get("provider") or "", []).append(asset)
    takes = {p: a for p, a in by_provider.items() if any(x["kind"] == "audio" for x in a)}
    assert {"minimax_speech", "dashscope_speech", "elevenlabs"} <= set(takes)
    mei_voice = series.characters[1].voice.voice_id
    assert mei_voice.startswith("cosyvoice-v3-plus-mei-")
    assert by_provider["dashscope_speech"][0]["provenance"]["parameters"]["voice"] == mei_voice
    converted = by_provider["elevenlabs"][0]["provenance"]
    assert converted["reference_inputs"] and converted["reference_inputs"][0].endswith("rec1.wav")
    synced = [a for a in by_provider.get("kling_lipsync", []) if a["kind"] == "video"]
    # the loopback answers the same bytes for each shot: one content-addressed asset, used by all three
    assert sum(1 for a in synced for u in a["used_as"] if u.endswith(" clip")) == 3
    for shot in episode.shots():
        assert len(shot.clips) == 2 and series.media[shot.chosen_clip].provenance.provider == "kling_lipsync"
    origins = sorted(line.chosen_take().origin.value for _s, line in episode.dialogue_lines())
    assert origins == sorted([TakeOrigin.AI.value, TakeOrigin.AI.value, TakeOrigin.CONVERTED.value])


def _cli(command: str, root: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "widgets.launch", command, str(root), "--episode", "1",
                             *(["--provider", "kling_lipsync"] if command == "lipsync" else [])],
                            cwd=REPO, env=dict(os.environ, **env), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_headless_cast_is_voiced_and_lip_synced_and_a_killed_run_pays_nothing_twice(  # noqa: PLR0913
        tmp_path, media, env, qtbot, kling_server, fal_server, minimax_speech_server) -> None:
    session = _cast(tmp_path, media)
    _clone_and_convert(session, media)
    root = session.bundle.root
    job_manager(session).shutdown()
    session.save()
    session.close()

    voices = _cli("voices", root, env)
    _out, err = voices.communicate(timeout=120)
    assert voices.returncode == 0, err
    assert "3 of 3 line(s) have a chosen take" in err
    assert len(minimax_speech_server.received("POST /v1/t2a_v2")) == 1  # Zhou's converted take stays chosen

    kling_server.polls_to_finish = 10**6
    run = _cli("lipsync", root, env)
    deadline = time.monotonic() + 90
    while True:  # a quiet moment: every paid task is recorded; then the lid closes
        records = [r for r in load_with_journal(ProjectBundle(root)).jobs if r.target.get("lipsync")]
        posted = len(kling_server.received("POST /v1/videos/advanced-lip-sync"))
        remote = [r for r in records if r.state == "remote" and r.task_id]
        waiting = [r for r in records if r.state == "queued" and not r.task_id]
        if remote and posted == len(remote) and len(remote) + len(waiting) == 3:  # 2 at once: Kling's limit
            break
        assert run.poll() is None, run.communicate()
        assert time.monotonic() < deadline, "the lip-sync tasks were never recorded"
        time.sleep(0.1)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=10)

    kling_server.polls_to_finish = 0
    again = _cli("lipsync", root, env)
    _out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert "earlier task" in err
    assert len(kling_server.received("POST /v1/videos/advanced-lip-sync")) == 3  # nothing paid twice
    assert len(fal_server.uploaded) == 3  # each clip hosted once, before its paid call
    _check_credits(ProjectBundle(root).load(), {})


def test_gui_cast_is_voiced_and_lip_synced_through_the_storyboard(tmp_path, media, env, qtbot, kling_server,
                                                                 dashscope_speech_server) -> None:
    from app.voices.plan import Scope
    from widgets.storyboard.panel import StoryboardPanel

    session = _cast(tmp_path, media)
    try:
        _clone_and_convert(session, media)
        panel = StoryboardPanel(session)
        qtbot.addWidget(panel)
        manager = job_manager(session)
        jobs = panel.voice_actions.generate(Scope.EPISODE, confirm=False)
        assert len(jobs) == 2 and manager.wait(timeout=60)
        assert all(j.state is JobState.SUCCEEDED for j in jobs), [j.error for j in jobs]
        spoken = dashscope_speech_server.received("POST /services/audio/tts/SpeechSynthesizer")
        assert spoken[0].json()["model"] == "cosyvoice-v3-plus"  # the cloned voice speaks with its model
        jobs = panel.voice_actions.lipsync(episode_wide=True, confirm=False)
        assert len(jobs) == 3 and manager.wait(timeout=90)
        assert all(j.state is JobState.SUCCEEDED for j in jobs), [j.error for j in jobs]
        assert len(kling_server.received("POST /v1/videos/advanced-lip-sync")) == 3
        _check_credits(session.series, {})
    finally:
        job_manager(session).shutdown()
        session.close()
