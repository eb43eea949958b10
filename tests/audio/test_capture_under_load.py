"""Recording on a busy machine: with two CPU hogs and a GIL-hungry thread beside it, a take loses nothing.

The tone is played through the private PulseAudio null sink and recorded back
from its monitor, so every sample of the take can be checked: a zero run inside
the tone would be audio lost (filled with silence) somewhere between the sound
server and the file.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
import soundfile as sf

from app.audio.capture import RECORD_LATENCY
from app.audio.playback import BufferPlayer
from app.audio.recorder import Recorder, RecordingResult, dropped_audio_notice
from tests.audio.conftest import RATE, onset, tone, zero_runs

pytestmark = pytest.mark.audio


def busy_python(stop: threading.Event) -> None:
    """A GUI thread that never rests: pure-Python work that holds the GIL most of the time."""
    while not stop.is_set():
        sum(i * i for i in range(20000))


def test_short_take_on_a_loaded_machine_loses_no_samples(audio_env, cpu_hog, tmp_path):
    stop = threading.Event()
    gui = threading.Thread(target=busy_python, args=(stop,), daemon=True)
    gui.start()
    try:
        rec = Recorder(tmp_path / "take.wav", rate=RATE)
        rec.start()
        assert rec.capture.wait_flowing(5)
        assert rec.capture.input_latency >= RECORD_LATENCY * 0.9  # the recording buffer, not "low"
        player = BufferPlayer(tone(440, 3.0)[:, None], latency=0.25)
        player.start()
        assert player.wait(10)
        time.sleep(0.5)
        result = rec.stop()
        player.stop()
    finally:
        stop.set()
        gui.join(5)
    assert (result.dropped_samples, result.gaps, result.overflows, result.queue_dropped_samples) == (0, 0, 0, 0)
    assert not result.flagged and dropped_audio_notice(result) == ""
    audio, rate = sf.read(result.path, dtype="float32")
    loud = np.nonzero(np.abs(audio) > 0.05)[0]
    start, end = onset(audio, 0.05), int(loud[-1])
    assert end - start > 2.5 * rate, (start, end)  # the player may lose a little of its very start
    body = audio[start + 480:end - 480]
    # the 440 Hz tone crosses zero often but never holds exact zero for 1 ms: any such run is a gap
    assert zero_runs(body) == []
    assert np.abs(body).max() > 0.2


def test_notice_names_each_kind_of_loss_separately(qapp):
    base = dict(path=__file__, samples=RATE * 5, device_rate=RATE)
    server = RecordingResult(**base, dropped_samples=RATE // 2, gap_samples=RATE // 2, gaps=8)
    text = dropped_audio_notice(server)
    assert "500 ms" in text and "8 gaps" in text and "sound server" in text and "overflow" not in text
    flagged = RecordingResult(**base, overflows=3)
    text = dropped_audio_notice(flagged)
    assert "3 overflows" in text and "sound server" not in text
    writer = RecordingResult(**base, dropped_samples=RATE, queue_dropped_samples=RATE)
    assert "1000 ms" in dropped_audio_notice(writer) and "written" in dropped_audio_notice(writer)


def test_notice_is_chinese_in_the_chinese_ui(qapp):
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(Path(__file__).resolve().parents[2] / "resources/i18n/booth_zh_CN.qm"))
    qapp.installTranslator(translator)
    try:
        result = RecordingResult(path=__file__, samples=RATE, dropped_samples=RATE // 10, gap_samples=RATE // 10,
                                 gaps=2)
        text = dropped_audio_notice(result)
    finally:
        qapp.removeTranslator(translator)
    assert "100 毫秒" in text and "2 处断档" in text and "sound" not in text
