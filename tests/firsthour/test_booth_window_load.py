"""Issue 18's booth gaps (32 ms every 65 ms, GUI session on PulseAudio at load ~6): an attempt to
reproduce them with the real main window, not only the recorder.

The Voice Booth of the real ``MainWindow`` (its preview, timeline and storyboard docks live and
painting) records a 440 Hz tone played into the private PulseAudio null sink, from that sink's
monitor, while CPU hogs run beside it (``MICRODRAMA_BOOTH_HOGS``, default 4: on the 2-core
machine that is a load of about 6 with the test itself). Every zero run inside the tone is audio
lost. Run it under Xvfb to get a real X window as in the report:
``xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb pytest tests/firsthour/test_booth_window_load.py``
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt

from app.audio.playback import BufferPlayer
from app.bundle import ProjectBundle
from tests.audio.conftest import audio_env, make_series, onset, tone, zero_runs  # noqa: F401
from tests.conftest import pulse_server  # noqa: F401

pytestmark = [
    pytest.mark.audio,
    # the reported gaps came from a real window session: this runs on a real X server (Xvfb), as the
    # docstring shows; under the offscreen platform a modal prompt of the full window can wait forever
    pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "xcb",
                       reason="needs a real X window: run under xvfb-run with QT_QPA_PLATFORM=xcb"),
]

SECONDS = float(os.environ.get("MICRODRAMA_BOOTH_SECONDS", "5"))


@pytest.fixture
def heavy_load():
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
            for _ in range(int(os.environ.get("MICRODRAMA_BOOTH_HOGS", "4")))]
    yield hogs
    for hog in hogs:
        hog.kill()
        hog.wait(5)


def test_a_take_in_the_real_window_under_heavy_load_has_no_gaps(qtbot, audio_env, heavy_load, tmp_path):  # noqa: F811
    from app.audio.booth import IDLE, RECORDING
    from widgets.booth.panel import BoothPanel
    from widgets.main_window import MainWindow
    from widgets.shell import i18n
    from widgets.shell.settings import app_settings

    app_settings().clear()
    i18n.install_language("zh_CN")
    root = ProjectBundle.create(tmp_path / "Booth.mdrama", make_series()).root
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.controller.open_path(root)
        dock = window.docks.docks["VoiceBoothDock"]
        dock.raise_()
        qtbot.waitUntil(lambda: dock.findChild(BoothPanel) is not None, timeout=10000)
        panel = dock.findChild(BoothPanel)
        panel.booth.prefs.count_in = 0
        qtbot.waitUntil(lambda: panel.record_button.isEnabled(), timeout=10000)
        player = BufferPlayer(tone(440, SECONDS + 1.5)[:, None], latency=0.25)
        player.start()
        time.sleep(0.3)
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.booth.state == RECORDING, timeout=10000)
        qtbot.waitUntil(lambda: panel.booth.elapsed > SECONDS, timeout=int(SECONDS * 1000) + 20000)
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.booth.state == IDLE, timeout=20000)
        player.stop()
        line = window.session.document.find(panel.line_id)
        take = line.takes[-1]
        path = window.session.bundle.root / take.path
        window.grab().save(str(tmp_path / "booth-window.png"))
    finally:
        i18n.install_language("en")
    audio, rate = sf.read(path, dtype="float32")
    audio = audio if audio.ndim == 1 else audio[:, 0]
    loud = np.nonzero(np.abs(audio) > 0.05)[0]
    start, end = onset(audio, 0.05), int(loud[-1])
    body = audio[start + 480:end - 480]
    runs = zero_runs(body)
    load = os.getloadavg()[0]
    print(f"take {len(audio) / rate:.2f} s, tone {len(body) / rate:.2f} s, load {load:.1f}, zero runs {runs[:10]}")
    assert len(body) > (SECONDS - 1.0) * rate
    assert runs == [], f"gaps under load {load:.1f}: {runs[:10]}"
    window.close()
