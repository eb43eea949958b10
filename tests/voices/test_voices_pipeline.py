"""Generate Voices end to end on the demo project: offline engine, job queue, takes, dialogue track, undo."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile as sf

from app.jobs.job import JobState
from app.jobs.manager import job_manager
from app.model import Take, TrackKind
from app.model.script import TakeOrigin
from app.session import Session
from app.voices.batch import VoiceBatch
from app.voices.plan import Scope, lines_in, plan_voices
from tests.providers.servers.base import Reply
from tests.providers.servers.openai import API_KEY

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is in packaging/apt-packages.txt")


@pytest.fixture
def demo(demo_master, tmp_path) -> Path:
    return Path(shutil.copytree(demo_master, tmp_path / "Demo.mdrama"))


@pytest.fixture
def session(demo, qtbot):
    s = Session()
    s.open(demo)
    s.set_current_episode(s.series.episodes[0].id)
    yield s
    job_manager(s).shutdown()
    s.close()


def _dialogue(episode):
    return sorted((c for t in episode.timeline.tracks_of(TrackKind.DIALOGUE) for c in t.clips), key=lambda c: c.start)


def test_every_line_gets_a_take_on_the_track_and_undo_removes_them_in_one_step(session) -> None:
    episode = session.current_episode
    lines = [line for _s, line in episode.dialogue_lines()]
    assert lines and all(line.chosen_take() is None for line in lines) and not _dialogue(episode)
    depth = session.document.undo_stack.count()
    failures = VoiceBatch(session, episode, io.StringIO()).run()
    assert failures == []
    for _shot, line in episode.dialogue_lines():
        take = line.chosen_take()
        assert take is not None and take.origin is TakeOrigin.AI and take.name == "AI 1"
        path = session.bundle.resolve(take.path)
        info = sf.info(str(path))
        assert info.samplerate == 48000 and info.frames == take.samples and take.path.startswith("takes/")
        prov = session.series.media[f"take_{take.id}"].provenance
        assert prov.source == "generated" and prov.provider == "espeak" and prov.model == "espeak-ng"
        assert prov.prompt == line.text.strip() and prov.parameters["voice"] and prov.job_id
        assert prov.cost == 0.0
    clips = _dialogue(episode)
    assert [c.line_id for c in clips] == [line.id for line in lines]  # in script order, one per line
    assert all(a.start + a.duration <= b.start for a, b in zip(clips, clips[1:], strict=False))  # no overlap
    # one character, one voice, in every line
    voices = {}
    for _s, line in episode.dialogue_lines():
        voice = session.series.media[f"take_{line.chosen_take_id}"].provenance.parameters["voice"]
        assert voices.setdefault(line.character_name, voice) == voice
    assert len(set(voices.values())) == len(voices)  # and the cast's voices differ
    assert session.document.undo_stack.count() == depth + 1
    session.document.undo_stack.undo()
    assert not _dialogue(episode) and all(line.chosen_take() is None for line in lines)
    assert all(len(line.takes) == 1 for line in lines)  # the takes stay in the takes lists
    session.document.undo_stack.redo()
    assert len(_dialogue(episode)) == len(lines)
    # saved: the same on disk
    session.save()
    from app.bundle import ProjectBundle

    disk = ProjectBundle(session.bundle.root).load()
    assert all(line.chosen_take() is not None for _s, line in disk.episodes[0].dialogue_lines())


def test_a_recorded_chosen_take_is_never_replaced(session) -> None:
    episode = session.current_episode
    shot, line = next(iter(episode.dialogue_lines()))
    recorded = Take(path="takes/x/rec.wav", name="Take 1", samples=48000, origin=TakeOrigin.RECORDED)
    line.takes.append(recorded)
    line.chosen_take_id = recorded.id
    pairs = lines_in(episode, Scope.LINE, line.id)
    assert plan_voices(session.series, episode, pairs).jobs == []  # has a take: nothing to do
    plan = plan_voices(session.series, episode, pairs, regenerate=True)
    assert len(plan.jobs) == 1 and "choose" not in plan.jobs[0].target
    manager = job_manager(session)
    manager.add(plan.jobs[0])
    assert manager.wait(timeout=30)
    assert line.chosen_take_id == recorded.id and len(line.takes) == 2 and line.takes[1].is_ai


def test_scopes_pick_the_lines_of_a_shot_and_a_scene(session) -> None:
    episode = session.current_episode
    shot = next(s for s in episode.shots() if len(s.dialogue) == 2)
    assert [ln.id for _s, ln in lines_in(episode, Scope.SHOT, shot.id)] == [ln.id for ln in shot.dialogue]
    scene = next(sc for sc in episode.scenes if shot in sc.shots)
    in_scene = [ln.id for s in scene.shots for ln in s.dialogue]
    assert [ln.id for _s, ln in lines_in(episode, Scope.SCENE, scene.id)] == in_scene
    assert len(lines_in(episode, Scope.EPISODE)) == sum(len(s.dialogue) for s in episode.shots())


@pytest.fixture
def openai_env(openai_server, monkeypatch, tmp_path):
    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    return openai_server


def test_a_vendor_voice_gets_the_parenthetical_as_instructions_and_a_bad_answer_lands_nothing(
        session, openai_env) -> None:
    episode = session.current_episode
    character = session.series.characters[0]
    character.voice.provider, character.voice.voice_id, character.voice.note = "openai", "coral", "warm"
    shot, line = next((s, ln) for s, ln in episode.dialogue_lines() if ln.character_id == character.id)
    line.parenthetical = "(whispering)"
    manager = job_manager(session)
    # the vendor answers an HTML page with status 200: nothing is stored, nothing chosen
    openai_env.fail_next("POST /v1/audio/speech", Reply(body=b"<html><body>Gateway</body></html>",
                                                        content_type="text/html"))
    plan = plan_voices(session.series, episode, lines_in(episode, Scope.LINE, line.id))
    job = manager.add(plan.jobs[0])
    assert manager.wait(timeout=30)
    assert job.state is JobState.FAILED and "not audio" in job.error_original  # the plain sentence is job.error
    assert line.takes == [] and line.chosen_take_id is None
    plan = plan_voices(session.series, episode, lines_in(episode, Scope.LINE, line.id))
    job = manager.add(plan.jobs[0])
    assert manager.wait(timeout=30)
    assert job.state is JobState.SUCCEEDED, job.error
    sent = openai_env.received("POST /v1/audio/speech")[-1].json()
    assert sent["voice"] == "coral" and sent["instructions"] == "warm; whispering"
    assert sent["model"] == "gpt-4o-mini-tts" and sent["input"] == line.text.strip()
    take = line.chosen_take()
    assert take is not None and take.origin is TakeOrigin.AI and take.note == ""
    prov = session.series.media[f"take_{take.id}"].provenance
    assert prov.provider == "openai" and prov.parameters["instructions"] == "warm; whispering"
    assert prov.cost > 0 and sf.info(str(session.bundle.resolve(take.path))).samplerate == 48000


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "widgets.launch", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=240, env=env)


def test_cli_voices_then_info_counts_chosen_takes_by_kind(demo) -> None:
    proc = _cli("voices", str(demo), "--lines", "1-2")
    assert proc.returncode == 0, proc.stderr
    assert "2 of 7 line(s) have a chosen take" in proc.stderr and "Voices" in proc.stderr
    info = json.loads(_cli("info", str(demo)).stdout)
    assert info["episodes"][0]["chosen_takes"] == {"recorded": 0, "ai": 2, "converted": 0, "none": 5}
    proc = _cli("voices", str(demo), "--lines", "9")
    assert proc.returncode == 2 and proc.stderr.startswith("error: --lines") and "Traceback" not in proc.stderr
    proc = _cli("voices", str(demo), "--provider", "nonexistent")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_fit_shots_to_voices_lengthens_short_shots_in_one_undo_step(session) -> None:
    from app.timeline.warnings import TAKE_TOO_LONG, timeline_warnings
    from app.voices.fit import TAIL_FRAMES, fit_shots_to_voices

    episode = session.current_episode
    doc = session.document
    assert VoiceBatch(session, episode, io.StringIO()).run() == []
    # a storyboard that guessed too short: the first voiced shot's voice now runs past its end
    shot = next(s for s in episode.shots() if s.dialogue)
    picture = next(c for c in episode.timeline.first_track(TrackKind.PICTURE).clips if c.shot_id == shot.id)
    voice = next(c for c in _dialogue(episode) if c.shot_id == shot.id)
    cut = voice.end - picture.start - 20
    doc.edit(shot, "shorten", duration=cut)
    doc.edit(picture, "shorten", duration=cut)
    later = {c.id: c.start for t in episode.timeline.tracks for c in t.clips if c.start >= picture.start + 150}
    assert any(w.kind == TAKE_TOO_LONG for w in timeline_warnings(doc, episode))
    depth = doc.undo_stack.count()
    report = fit_shots_to_voices(doc, episode)
    assert report.shots >= 1 and doc.undo_stack.count() == depth + 1
    assert not any(w.kind == TAKE_TOO_LONG for w in timeline_warnings(doc, episode))
    assert shot.duration == cut + 20 + TAIL_FRAMES and picture.end == voice.end + TAIL_FRAMES
    pictures = episode.timeline.first_track(TrackKind.PICTURE).clips_sorted()
    assert all(a.end <= b.start for a, b in zip(pictures, pictures[1:], strict=False))
    assert all(c.start >= later[c.id] for t in episode.timeline.tracks for c in t.clips if c.id in later)
    doc.undo_stack.undo()
    assert shot.duration == cut and any(w.kind == TAKE_TOO_LONG for w in timeline_warnings(doc, episode))


def test_voice_jobs_survive_a_restart_and_land_when_the_project_is_reopened(demo, qtbot) -> None:
    session = Session()
    session.open(demo)
    episode = session.series.episodes[0]
    manager = job_manager(session)
    manager.pause("closing soon")
    plan = plan_voices(session.series, episode, lines_in(episode, Scope.EPISODE))
    for job in plan.jobs:
        manager.add(job)
    manager.shutdown()
    session.save()
    session.close()  # the app closes (saved) before any voice was made
    from app.bundle import ProjectBundle

    disk = ProjectBundle(demo).load()
    assert sorted(r.state for r in disk.jobs) == ["queued"] * 7
    assert all(r.target["slot"] == "take" for r in disk.jobs)
    proc = _cli("voices", str(demo))  # reopened headless: the queued jobs run, nothing is made twice
    assert proc.returncode == 0, proc.stderr
    assert "Collecting 7 earlier task(s)" in proc.stderr
    disk = ProjectBundle(demo).load()
    lines = [line for _s, line in disk.episodes[0].dialogue_lines()]
    assert all(len(line.takes) == 1 and line.chosen_take() is not None for line in lines)
    assert sorted(r.state for r in disk.jobs) == ["succeeded"] * 7
