"""Lip sync end to end: ``microdrama lipsync`` (a real subprocess, the job queue) against loopback
fal and Kling; the new clip version lands chosen with provenance; no face and too long are refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from app.bundle import ProjectBundle
from app.jobs.landing import basic_probe
from app.media.synth import sine, write_counter_clip
from app.model import DialogueLine, MediaKind, Provenance, Take
from app.session import Session
from tests.jobs.conftest import make_series
from tests.providers.servers.fal import API_KEY as FAL_KEY
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """A 3 s 576x1024 H.264 clip, a 70 s one (too long for Kling) and a 1.5 s 48 kHz take."""
    root = tmp_path_factory.mktemp("lipsync-app")
    clip = write_counter_clip(root / "clip.mp4", 30, size=(576, 1024), fps=10)
    long_clip = write_counter_clip(root / "long.mp4", 71, size=(576, 1024), fps=1, gop=10)
    wav = root / "take.wav"
    soundfile.write(str(wav), sine(330, 1.5, channels=1).astype(np.float32).reshape(-1), 48000)
    return {"clip": clip, "long": long_clip, "wav": wav}


def _project(tmp_path: Path, clip: Path, take_wav: Path, *, kling_video_id: str = "") -> Path:
    """Rain City whose first shot has a chosen clip and one line with a chosen take."""
    session = Session()
    session.create(tmp_path / "Sync.mdrama", make_series())
    root = session.bundle.root
    session.close()
    bundle = ProjectBundle(root)
    series = bundle.load()
    prov = Provenance(source="generated", provider="kling" if kling_video_id else "import",
                      parameters={"video_id": kling_video_id} if kling_video_id else {})
    asset = bundle.import_file(clip, prov)
    asset.probe = basic_probe(bundle.resolve(asset.path), MediaKind.VIDEO)
    series.media[asset.id] = asset
    shot = next(iter(series.episodes[0].shots()))
    shot.clips, shot.chosen_clip = [asset.id], asset.id
    (root / "takes").mkdir(exist_ok=True)
    (root / "takes" / "l1.wav").write_bytes(take_wav.read_bytes())
    take = Take(path="takes/l1.wav", samples=72000)
    shot.dialogue.append(DialogueLine(character_name="Lin Mei", text="Wait for me!", takes=[take],
                                      chosen_take_id=take.id))
    bundle.save(series)
    return root


def _run(root: Path, tmp_path: Path, env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    full = dict(os.environ, MICRODRAMA_SETTINGS_DIR=str(tmp_path / "settings"), MICRODRAMA_POLL_INTERVAL="0.05",
                **env)
    return subprocess.run([sys.executable, "-m", "widgets.launch", "lipsync", str(root), "--episode", "1", *extra],
                          cwd=REPO, env=full, capture_output=True, text=True, timeout=120)


def test_fal_lip_sync_lands_a_new_chosen_clip_version(fal_server, media, tmp_path):
    root = _project(tmp_path, media["clip"], media["wav"])
    before = ProjectBundle(root).load()
    old_clip = next(iter(before.episodes[0].shots())).chosen_clip
    result = _run(root, tmp_path, {"MICRODRAMA_FAL_LIPSYNC_BASE_URL": fal_server.url,
                                   "MICRODRAMA_FAL_API_KEY": FAL_KEY}, "--provider", "fal_lipsync")
    assert result.returncode == 0, result.stderr
    sent = fal_server.received("POST /fal-ai/sync-lipsync")
    assert len(sent) == 1  # one shot has a clip and a take; the others are left alone
    wav_b64 = sent[0].json()["audio_url"].split(",", 1)[1]
    import base64
    import io

    mixed, rate = soundfile.read(io.BytesIO(base64.b64decode(wav_b64)))
    assert rate == 48000 and abs(len(mixed) / rate - 3.0) < 0.05  # as long as the clip
    assert np.abs(mixed[: int(1.4 * rate)]).max() > 0.3 and np.abs(mixed[int(1.6 * rate):]).max() < 0.01
    series = ProjectBundle(root).load()
    shot = next(iter(series.episodes[0].shots()))
    assert len(shot.clips) == 2, result.stderr
    assert shot.chosen_clip == shot.clips[1] != old_clip
    new = series.media[shot.chosen_clip]
    assert new.kind is MediaKind.VIDEO and new.provenance.provider == "fal_lipsync"
    assert new.provenance.model == "fal-ai/sync-lipsync"


def test_kling_lip_sync_by_video_id_through_the_cli(kling_server, media, tmp_path):
    root = _project(tmp_path, media["clip"], media["wav"], kling_video_id="kling-vid-7")
    result = _run(root, tmp_path, {"MICRODRAMA_KLING_LIPSYNC_BASE_URL": kling_server.url,
                                   "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
                                   "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY}, "--provider", "kling_lipsync")
    assert result.returncode == 0, result.stderr
    assert kling_server.received("POST /v1/videos/identify-face")[0].json() == {"video_id": "kling-vid-7"}
    assert len(kling_server.received("POST /v1/videos/advanced-lip-sync")) == 1
    shot = next(iter(ProjectBundle(root).load().episodes[0].shots()))
    assert len(shot.clips) == 2 and shot.chosen_clip == shot.clips[1]


def test_kling_no_face_is_one_clear_line_and_the_clip_stays(kling_server, media, tmp_path):
    kling_server.faces = 0
    root = _project(tmp_path, media["clip"], media["wav"], kling_video_id="kling-vid-8")
    result = _run(root, tmp_path, {"MICRODRAMA_KLING_LIPSYNC_BASE_URL": kling_server.url,
                                   "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
                                   "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY}, "--provider", "kling_lipsync")
    assert result.returncode == 1 and "no face" in result.stderr and "Traceback" not in result.stderr
    assert not kling_server.received("POST /v1/videos/advanced-lip-sync")
    shot = next(iter(ProjectBundle(root).load().episodes[0].shots()))
    assert len(shot.clips) == 1


def test_too_long_clip_is_refused_before_any_request(kling_server, media, tmp_path):
    root = _project(tmp_path, media["long"], media["wav"], kling_video_id="kling-vid-9")
    result = _run(root, tmp_path, {"MICRODRAMA_KLING_LIPSYNC_BASE_URL": kling_server.url,
                                   "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
                                   "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY}, "--provider", "kling_lipsync")
    assert result.returncode == 1 and "at most 60 s" in result.stderr
    assert not kling_server.received("POST /v1")


def test_storyboard_lip_sync_shot_through_the_job_queue(fal_server, media, tmp_path, qtbot, monkeypatch):
    from app.jobs.manager import job_manager
    from widgets.storyboard.panel import StoryboardPanel

    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("MICRODRAMA_POLL_INTERVAL", "0.05")
    monkeypatch.setenv("MICRODRAMA_FAL_LIPSYNC_BASE_URL", fal_server.url)
    monkeypatch.setenv("MICRODRAMA_FAL_API_KEY", FAL_KEY)
    root = _project(tmp_path, media["clip"], media["wav"])
    session = Session()
    session.open(root)
    try:
        session.set_current_episode(session.series.episodes[0].id)
        panel = StoryboardPanel(session)
        qtbot.addWidget(panel)
        names = [a.objectName() for a in panel.menu_actions()["Generate"]]
        assert "action_lipsync_shot" in names and "action_lipsync_episode" in names
        shots = list(session.current_episode.shots())
        session.select_shot(shots[1].id)  # no clip, no take: a plain message, nothing sent
        assert panel.voice_actions.lipsync(episode_wide=False, confirm=False) == []
        assert "needs a chosen clip and a chosen take" in panel.message.text()
        session.select_shot(shots[0].id)
        jobs = panel.voice_actions.lipsync(episode_wide=False, confirm=False)
        assert len(jobs) == 1 and "1" in panel.message.text()
        assert job_manager(session).wait(timeout=60)
        assert len(shots[0].clips) == 2 and shots[0].chosen_clip == shots[0].clips[1]
        assert session.series.media[shots[0].chosen_clip].provenance.provider == "fal_lipsync"
        assert len(fal_server.received("POST /fal-ai/sync-lipsync")) == 1
    finally:
        job_manager(session).shutdown()
        session.close()


def test_a_clip_kling_made_is_lip_synced_by_its_kling_video_id(kling_server, media, tmp_path):
    """``microdrama generate`` with Kling keeps the video's id in the clip's provenance; lip sync sends it."""
    root = _project(tmp_path, media["clip"], media["wav"])
    series = ProjectBundle(root).load()
    shot = next(iter(series.episodes[0].shots()))
    shot.clips, shot.chosen_clip = [], None  # Kling makes the clip
    ProjectBundle(root).save(series)
    made_by_kling = write_counter_clip(tmp_path / "kling.mp4", 30, size=(576, 1024), fps=10, code_base=500)
    kling_server.result_bytes = made_by_kling.read_bytes()  # not the imported clip's bytes: a new asset
    from tests.providers.servers.media import png_bytes

    kling_server.image_bytes = png_bytes(576, 1024)
    env = {"MICRODRAMA_KLING_BASE_URL": kling_server.url, "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
           "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY, "MICRODRAMA_KLING_LIPSYNC_BASE_URL": kling_server.url}
    full = dict(os.environ, MICRODRAMA_SETTINGS_DIR=str(tmp_path / "settings"), MICRODRAMA_POLL_INTERVAL="0.05", **env)
    made = subprocess.run([sys.executable, "-m", "widgets.launch", "generate", str(root), "--episode", "1",
                           "--shots", "1", "--image-provider", "kling", "--video-provider", "kling"],
                          cwd=REPO, env=full, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr + made.stdout
    after = ProjectBundle(root).load()
    assert next(iter(after.episodes[0].shots())).chosen_clip, made.stderr
    clip = after.media[next(iter(after.episodes[0].shots())).chosen_clip]
    video_id = clip.provenance.parameters["video_id"]
    assert video_id
    result = _run(root, tmp_path, env, "--provider", "kling_lipsync")
    assert result.returncode == 0, result.stderr
    assert kling_server.received("POST /v1/videos/identify-face")[0].json() == {"video_id": video_id}
