"""Recording through real PulseAudio devices: loopback alignment, rates, crashes, devices, disks."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from app.audio.playback import BufferPlayer
from app.audio.recorder import Recorder, sidecar_path
from tests.audio.conftest import RATE, child_env, onset, run_child, silence, tone

pytestmark = pytest.mark.audio

# the played sequence: onsets (s) of a 440 Hz and an 880 Hz tone after playback starts
SEQUENCE = np.concatenate([silence(0.3), tone(440, 0.2), silence(0.3), tone(880, 0.2), silence(0.2)])
ONSETS = (0.3, 0.8)


def record_while_playing(path: Path, rate: int | None = None):
    """Record while SEQUENCE plays; returns the result and where each tone should be in the take."""
    rec = Recorder(path, rate=rate)
    rec.start()
    assert rec.capture.wait_flowing(5)
    time.sleep(0.1)
    player = BufferPlayer(SEQUENCE[:, None], latency=0.25)  # 50 ms underran on a loaded machine
    player.start()
    assert player.wait(5)
    rec.mark_picture(player.dac_time_of(0))  # "the picture started with the first played sample"
    time.sleep(0.15)
    # where the take should hold each tone: its speaker time, mapped through the capture clock
    expected = [rec.capture.sample_at(player.dac_time_of(int(t * RATE))) for t in ONSETS]
    result = rec.stop()
    player.stop()
    return result, expected


def test_loopback_take_holds_the_tones_at_the_right_place_and_level(audio_env, tmp_path):
    result, expected = record_while_playing(tmp_path / "take.wav")
    audio, rate = sf.read(tmp_path / "take.wav", dtype="float32")
    assert rate == RATE and sf.info(str(tmp_path / "take.wav")).subtype == "PCM_24"
    assert result.samples == len(audio) and result.stop_reason == "stopped"
    assert result.flagged == (result.dropped_samples > 0 or result.overflows > 0)
    assert not sidecar_path(tmp_path / "take.wav").exists()
    p = result.picture_offset_samples
    assert p is not None and p > 0.05 * RATE  # recording started before the picture
    first = onset(audio)
    second = onset(audio, start=first + int(0.3 * RATE))
    # after latency compensation each tone sits where the devices' clocks say it was heard, within 5 ms
    assert abs(first - expected[0]) < 0.005 * RATE
    assert abs(second - expected[1]) < 0.005 * RATE
    # and, on a machine that kept up, at its place relative to the picture start
    assert abs((second - first) / RATE - (ONSETS[1] - ONSETS[0])) < 0.2
    seg = audio[first + 2400:first + 7200]
    level_db = 20 * np.log10(np.sqrt(np.mean(seg ** 2)))
    assert abs(level_db - 20 * np.log10(0.25 / np.sqrt(2))) < 1.5
    spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
    assert abs(np.argmax(spectrum) * RATE / len(seg) - 440) < 15


def test_device_without_48k_is_recorded_at_its_rate_and_resampled(audio_env, tmp_path):
    # PulseAudio accepts any rate, so the device's 44.1 kHz is requested the way the
    # recorder does for a device that refuses 48 kHz
    result, _ = record_while_playing(tmp_path / "take.wav", rate=44100)
    audio, rate = sf.read(tmp_path / "take.wav", dtype="float32")
    assert result.device_rate == 44100 and rate == RATE == result.sample_rate
    assert result.samples == len(audio)
    # pitch intact at 48 kHz: played at 44.1 kHz but read as 48 kHz would be 8.8 % sharp (479/958 Hz)
    first = onset(audio)
    second = onset(audio, start=first + int(0.3 * RATE))
    for start, freq in ((first, 440), (second, 880)):
        seg = audio[start + 1200:start + 8400]
        spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
        measured = np.argmax(spectrum) * RATE / len(seg)
        assert abs(measured - freq) < 15, (freq, measured, first, second)


def test_take_survives_killing_the_recording_process(audio_env, session):
    from app.audio.booth import booth_controller

    episode = session.series.episodes[0]
    shot, line = next(episode.dialogue_lines())
    path = session.bundle.root / "takes" / line.id / "crashtake.wav"
    meta = {"take_id": "crashtake", "line_id": line.id, "name": "Take 1", "performer": "王小明"}
    proc = run_child([str(path), "30", "--meta", json.dumps(meta)], child_env(audio_env))
    started = float(proc.stdout.readline().split()[1])
    time.sleep(2.5)
    proc.send_signal(signal.SIGKILL)
    killed_at = time.monotonic()
    proc.wait(10)
    assert sidecar_path(path).exists()

    root = session.bundle.root
    session.close()
    messages = []
    ctl = booth_controller(session)
    ctl.message.connect(messages.append)
    session.open(root)
    line = session.document.find(line.id)
    take = next(t for t in line.takes if t.id == "crashtake")
    assert take.recovered and take.performer == "王小明"
    audio, rate = sf.read(path, dtype="float32")
    assert rate == RATE and len(audio) == take.samples
    assert take.samples >= (killed_at - started - 1.0) * RATE  # at most the last second lost
    assert not sidecar_path(path).exists()
    assert any("Recovered 1 take" in m for m in messages)
    assert session.series.media["take_crashtake"].provenance.source == "recorded"
    # the recovery was saved: reopening does not need the sidecar any more
    session.close()
    session.open(root)
    assert any(t.id == "crashtake" for t in session.document.find(line.id).takes)


def test_full_disk_stops_and_keeps_what_was_written(audio_env, tmp_path):
    path = tmp_path / "full.wav"
    limit = 44 + 3 * RATE  # room for one second
    proc = run_child([str(path), "10", "--fsize", str(limit)], child_env(audio_env))
    out, err = proc.communicate(timeout=30)
    result = json.loads(out.strip().splitlines()[-1])
    assert result["stop_reason"] == "sink_error", err
    assert "free some disk space" in result["message"]
    audio, rate = sf.read(path, dtype="float32")
    assert rate == RATE and len(audio) == result["samples"]
    assert RATE - 2000 <= len(audio) <= RATE


def test_device_disappearing_mid_take_stops_cleanly_with_the_audio_so_far(audio_env, tmp_path):
    runtime = tmp_path / "rt"
    runtime.mkdir(mode=0o700)
    env = child_env(audio_env)
    env.update(PULSE_RUNTIME_PATH=str(runtime / "pulse"), PULSE_STATE_PATH=str(runtime / "state"),
               XDG_RUNTIME_DIR=str(runtime))
    server = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "-n",
         "--load=module-native-protocol-unix", "--load=module-null-sink sink_name=gone",
         "--load=module-always-sink"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    feeder = None
    try:
        deadline = time.monotonic() + 15
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
            assert time.monotonic() < deadline and server.poll() is None, "private PulseAudio did not start"
            time.sleep(0.1)
        subprocess.run(["pactl", "set-default-source", "gone.monitor"], env=env, check=True)
        feeder = subprocess.Popen(["pacat", "--playback", "--latency-msec=10", "/dev/zero"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        path = tmp_path / "gone.wav"
        proc = run_child([str(path), "8"], env)
        started = float(proc.stdout.readline().split()[1])
        time.sleep(1.5)
        server.kill()  # the device vanishes
        lost_at = time.monotonic()
        out, err = proc.communicate(timeout=40)
    finally:
        for p in (feeder, server):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait(5)
    result = json.loads(out.strip().splitlines()[-1])
    assert result["stop_reason"] == "device_lost", err
    assert "kept" in result["message"]
    audio, rate = sf.read(path, dtype="float32")
    assert len(audio) == result["samples"]
    assert abs(len(audio) / RATE - (lost_at - started)) < 0.6
    assert not sidecar_path(path).exists()
    shutil.rmtree(runtime, ignore_errors=True)


def test_devices_cli_prints_inputs_and_outputs_as_json(audio_env):
    env = child_env(audio_env)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    import sys

    out = subprocess.run([sys.executable, "-m", "widgets.launch", "devices"], env=env, capture_output=True,
                         text=True, cwd=env["PYTHONPATH"], timeout=30)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["inputs"] and report["outputs"]
    default = next(d for d in report["inputs"] if d["is_default_input"])
    assert default["name"] == report["default_input"]
    assert {"index", "name", "input_channels", "default_samplerate"} <= set(default)
    # no sound server: empty lists, still valid JSON and success
    bare = {k: v for k, v in env.items() if not k.startswith("PULSE")}
    bare["XDG_RUNTIME_DIR"] = str(Path(env["XDG_RUNTIME_DIR"]) / "nothing-here")
    bare["HOME"] = bare["XDG_RUNTIME_DIR"]
    out = subprocess.run([sys.executable, "-m", "widgets.launch", "devices", "--compact"], env=bare,
                         capture_output=True, text=True, cwd=env["PYTHONPATH"], timeout=30)
    assert out.returncode == 0 and json.loads(out.stdout)["inputs"] == []
    os.environ.get("PATH")
