"""Audio test fixtures: real PulseAudio devices (a null sink and its monitor) and a small project.

A null sink only renders audio in small chunks while something plays to it, so
its monitor (our input) would deliver audio in bursts seconds apart. A silent
``pacat`` stream keeps the sink rendering in real time, as a real microphone
would deliver audio.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from app.model import Character, DialogueLine, Episode, Scene, Series, Shot

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CHILD = HERE / "record_child.py"
RATE = 48000


@pytest.fixture(scope="session")
def audio_env(pulse_server):
    """PulseAudio running, kept rendering in real time, and PortAudio rescanned to see it."""
    feeder = subprocess.Popen(
        ["pacat", "--playback", "--latency-msec=10", "--format=s16le", "--rate=48000", "--channels=2",
         "/dev/zero"], env=pulse_server, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    from app.audio import devices
    from app.audio.capture import InputCapture
    from app.audio.playback import BufferPlayer

    devices.refresh()
    assert devices.input_devices(), "PortAudio does not see the PulseAudio test server"
    # The first stream a process opens on PulseAudio reports timestamps up to ~250 ms off;
    # in the app the booth's meter stream is that first stream. Do the same here.
    warm = InputCapture(None)
    warm.start()
    warm.wait_flowing(5)
    player = BufferPlayer(np.zeros((2400, 1), np.float32))
    player.start()
    player.wait(5)
    player.stop()
    warm.stop()
    yield pulse_server
    feeder.terminate()
    feeder.wait(5)


def tone(freq: float, seconds: float, amp: float = 0.25, rate: int = RATE) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def silence(seconds: float, rate: int = RATE) -> np.ndarray:
    return np.zeros(int(seconds * rate), np.float32)


def onset(x: np.ndarray, threshold: float = 0.05, start: int = 0) -> int:
    hits = np.nonzero(np.abs(x[start:]) > threshold)[0]
    assert len(hits), "no tone found in the recording"
    return start + int(hits[0])


def make_series() -> Series:
    """One episode, two shots, three lines (two by 林, in Chinese)."""
    lin = Character(name="林", voice_actor="王小明")
    chen = Character(name="陈")
    shots = [
        Shot(code="1A", number=1, duration=90, action="林推门进来",
             dialogue=[DialogueLine(character_id=lin.id, character_name="林", text="你怎么还在这里？",
                                    parenthetical="惊讶"),
                       DialogueLine(character_id=chen.id, character_name="陈", text="我在等你。")]),
        Shot(code="1B", number=2, duration=120, action="陈站起来",
             dialogue=[DialogueLine(character_id=lin.id, character_name="林", text="我们走吧，天快黑了。")]),
    ]
    episode = Episode(number=1, title="第一集", scenes=[Scene(number=1, heading="内景 咖啡馆 夜", shots=shots)])
    return Series(title="测试剧", characters=[lin, chen], episodes=[episode])


@pytest.fixture
def session(qapp, tmp_path):
    from app.session import Session

    s = Session()
    s.create(tmp_path / "Booth.mdrama", make_series())
    yield s
    if s.services.has_booth:
        s.services.booth.shutdown()
    s.close()


def run_child(args: list[str], env: dict[str, str], timeout: float = 30, **kw) -> subprocess.Popen:
    child_env = dict(env)
    child_env["PYTHONPATH"] = str(REPO)
    return subprocess.Popen([sys.executable, str(CHILD), *args], env=child_env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def child_env(base: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update(base)
    return env


@pytest.fixture
def cpu_hog():
    """Two busy processes beside the test (on the 2-core machine that is a load of 2 on top of ours),
    as the export that was running when takes came back with gaps."""
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    yield hogs
    for hog in hogs:
        hog.kill()
        hog.wait(5)


def zero_runs(x: np.ndarray, min_len: int = 48) -> list[tuple[int, int]]:
    """(start, length) of each run of exact zeros at least ``min_len`` samples long (inserted silence)."""
    z = np.concatenate([[0], (x == 0).astype(np.int8), [0]])
    edges = np.diff(z)
    starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    return [(int(s), int(e - s)) for s, e in zip(starts, ends, strict=True) if e - s >= min_len]
