"""The preview player: step frames and read back the pixels it shows; play with sound through PulseAudio."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.media.synth import read_code
from app.timeline.timecode import format_timecode
from tests.timeline.media_project import SOURCE_IN, make_media, open_project
from widgets.player.panel import PreviewPanel


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return make_media(tmp_path_factory.mktemp("player-media"))


@pytest.fixture
def player(qtbot, project_dir, media):
    session = open_project(project_dir, *media)
    panel = PreviewPanel(session)
    panel.canvas.show_platform = False
    panel.canvas.show_title_safe = False
    panel.resize(420, 820)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.stop()


def shown_code(panel) -> int:
    """The frame code visible on screen: grab the widget and read the picture area."""
    img = panel.canvas.grab().toImage().convertToFormat(panel.canvas.grab().toImage().Format.Format_RGB888)
    r = panel.canvas.frame_rect().toRect()
    img = img.copy(r)
    ptr = img.constBits()
    arr = np.frombuffer(ptr, np.uint8, img.bytesPerLine() * img.height()).reshape(img.height(), img.bytesPerLine())
    rgb = arr[:, : img.width() * 3].reshape(img.height(), img.width(), 3)
    return read_code(rgb)


def wait_frame(qtbot, panel, frame: int) -> None:
    qtbot.waitUntil(lambda: panel.settled and panel.shown_frame == frame, timeout=60000)


def test_stepping_shows_the_exact_frame_and_its_number(player, qtbot) -> None:
    session = player.session
    wait_frame(qtbot, player, 0)
    assert shown_code(player) == SOURCE_IN
    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_Right)
    wait_frame(qtbot, player, 1)
    assert shown_code(player) == SOURCE_IN + 1
    qtbot.keyClick(player, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # one second
    wait_frame(qtbot, player, 31)
    assert shown_code(player) == SOURCE_IN + 31
    assert player.timecode.text() == format_timecode(31, 30) == "00:00:01:01"
    assert "31" in player.frame_label.text()
    qtbot.keyClick(player, Qt.Key.Key_Left)
    wait_frame(qtbot, player, 30)
    assert shown_code(player) == SOURCE_IN + 30
    qtbot.keyClick(player, Qt.Key.Key_End)
    last = session.current_episode.timeline.duration - 1
    wait_frame(qtbot, player, last)
    assert shown_code(player) == SOURCE_IN + last
    # scrubbing the timeline playhead updates the picture live
    session.set_playhead(57)
    wait_frame(qtbot, player, 57)
    assert shown_code(player) == SOURCE_IN + 57
    # I/O mark a range on the timeline
    qtbot.keyClick(player, Qt.Key.Key_I)
    session.set_playhead(80)
    qtbot.keyClick(player, Qt.Key.Key_O)
    tl = session.current_episode.timeline
    assert (tl.in_point, tl.out_point) == (57, 81)


@pytest.mark.audio
def test_playback_plays_sound_and_picture_follows_the_audio_clock(player, qtbot, pulse_server) -> None:
    import sounddevice as sd

    sd._terminate()  # PortAudio re-scans devices: the test PulseAudio server is up now
    sd._initialize()
    rec: list[np.ndarray] = []
    stream = sd.InputStream(samplerate=48000, channels=1, dtype="float32", latency="low",
                            callback=lambda data, *_: rec.append(data.copy()))
    stream.start()
    try:
        session = player.session
        session.set_playhead(0)
        qtbot.keyClick(player, Qt.Key.Key_Space)
        assert player.playing
        qtbot.waitUntil(lambda: session.playhead >= 60, timeout=60000)  # generous: shared CI machines
        qtbot.keyClick(player, Qt.Key.Key_Space)
        assert not player.playing
    finally:
        stream.stop()
        stream.close()
    engine = player._engine
    assert engine.audio_error == ""
    frames = [f for f, _ in engine.history]
    assert frames == sorted(frames) and frames[-1] >= 60
    # every frame it showed, plus every frame it counted as dropped, is the whole run
    assert engine.shown + engine.dropped == frames[-1] + 1
    # picture follows sound: no frame went up before the audio clock reached it
    assert all(clock >= f for f, clock in engine.history)
    audio = np.concatenate(rec)[:, 0]
    assert np.abs(audio).max() > 0.1
    spectrum = np.abs(np.fft.rfft(audio * np.hanning(len(audio))))
    peak_hz = np.argmax(spectrum) * 48000 / len(audio)
    assert abs(peak_hz - 440) < 5
    wait_frame(qtbot, player, session.playhead)
    assert shown_code(player) == SOURCE_IN + session.playhead  # stopped on the exact frame it shows
