"""The booth panel driven like a user: Space records, the star chooses, the timeline follows, undo."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from app.audio import takes as take_ops
from app.audio.booth import IDLE, RECORDING
from app.model import TrackKind
from tests.audio.conftest import REPO, child_env

pytestmark = pytest.mark.audio


@pytest.fixture
def panel(qtbot, audio_env, session):
    from widgets.booth.panel import BoothPanel

    w = BoothPanel(session)
    qtbot.addWidget(w)
    w.resize(1200, 640)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.setFocus()
    w.booth.prefs.count_in = 0  # the count-in has its own test below
    return w


def dialogue_clips(session):
    ep = session.series.episodes[0]
    return [c for t in ep.timeline.tracks_of(TrackKind.DIALOGUE) for c in t.clips]


def test_space_records_a_take_star_puts_it_on_the_timeline_and_undo_removes_it(qtbot, panel, session):
    assert panel.booth.input is not None and panel.record_button.isEnabled()
    line_id = panel.line_id
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.booth.state == RECORDING, timeout=15000)
    assert "Stop" in panel.record_button.text()
    qtbot.waitUntil(lambda: panel.booth.elapsed > 0.8, timeout=15000)
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.booth.state == IDLE, timeout=15000)
    qtbot.waitUntil(lambda: panel.takes.tree.topLevelItemCount() == 1, timeout=15000)
    line = session.document.find(line_id)
    (take,) = line.takes
    assert take.samples > 0.8 * 48000 and (session.bundle.root / take.path).is_file()
    assert take.performer == "王小明"  # 林's voice actor
    # picture started with the recording: the take is aligned to the shot's start
    assert 0 <= take.picture_offset_samples < 0.5 * 48000

    item = panel.takes.tree.topLevelItem(0)
    rect = panel.takes.tree.visualItemRect(item)
    star_x = panel.takes.tree.header().sectionPosition(0) + 10
    qtbot.mouseClick(panel.takes.tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(star_x, rect.center().y()))
    assert line.chosen_take_id == take.id
    (clip,) = dialogue_clips(session)
    assert clip.take_id == take.id and clip.asset_id == take_ops.asset_id_for(take)
    qtbot.waitUntil(lambda: "1 / 3" in panel.progress.format(), timeout=15000)
    session.document.undo_stack.undo()
    assert dialogue_clips(session) == [] and line.chosen_take_id is None


def test_count_in_beeps_then_picture_the_take_is_aligned_after_the_beeps(qtbot, panel, session, cpu_hog):
    """On a loaded machine the count-in lasts exactly its beats: measured in the recorded signal."""
    panel.booth.prefs.count_in = 2
    started = []
    panel.booth.pictureStarted.connect(lambda: started.append(time.monotonic()))
    qtbot.keyClick(panel, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: panel.booth.state == RECORDING, timeout=15000)
    assert started and panel.picture.playing
    qtbot.wait(300)
    panel.toggle_recording()
    qtbot.waitUntil(lambda: panel.booth.state == IDLE, timeout=15000)
    line = session.document.find(panel.line_id)
    take = line.takes[-1]
    assert take.dropped_samples == 0
    # the beeps went to the output and came back through the monitor: they precede the picture start
    import soundfile as sf

    audio, rate = sf.read(session.bundle.root / take.path, dtype="float32")
    loud = np.nonzero(np.abs(audio) > 0.1)[0]
    where = (take.picture_offset_samples, loud[:1], loud[-1:])
    assert len(loud) and loud[-1] < take.picture_offset_samples + 0.01 * rate, where
    first_beep = loud[0]
    second_beep = loud[loud > first_beep + 0.5 * rate][0]
    # beat 1 to beat 2 is one beat, and the picture starts one beat after the last: 2 beats in all
    assert abs((second_beep - first_beep) / rate - 1.0) < 0.01, where
    assert abs((take.picture_offset_samples - second_beep) / rate - 1.0) < 0.01, where
    assert abs((take.picture_offset_samples - first_beep) / rate - 2.0) < 0.01, where


def test_missing_take_file_is_shown_missing_and_cannot_be_played(qtbot, panel, session):
    import soundfile as sf

    from app.model import Take

    line = session.document.find(panel.line_id)
    take = Take(samples=48000)
    take.path = take_ops.take_path(line, take.id)
    path = session.bundle.root / take.path
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, np.zeros(48000, np.float32), 48000, subtype="PCM_24")
    take_ops.add_take(session, line, take)
    path.unlink()
    panel.refresh()
    item = panel.takes.tree.topLevelItem(0)
    assert "missing" in item.text(4)
    panel.takes.tree.setCurrentItem(item)
    assert not panel.takes.play_button.isEnabled() and not panel.takes.star_button.isEnabled()


def test_character_filter_and_teleprompter(qtbot, panel):
    assert "你怎么还在这里" in panel.prompter.text.text() and panel.prompter.character.text() == "林"
    assert "惊讶" in panel.prompter.parenthetical.text() and "我在等你" in panel.prompter.next.text()
    index = panel.filter_combo.findData("林")
    panel.filter_combo.setCurrentIndex(index)
    panel.filter_combo.activated.emit(index)
    assert panel.lines.count() == 2 and "0 / 2" in panel.progress.format()
    panel.step(1)
    assert "天快黑了" in panel.prompter.text.text()


NO_DEVICE_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.session import Session
from tests.audio.conftest import make_series
s = Session(); s.create(sys.argv[1], make_series())
from widgets.booth.panel import BoothPanel
w = BoothPanel(s); w.show(); app.processEvents()
print(repr((w.booth.input is None, w.no_input.isVisible(), w.record_button.isEnabled(), w.no_input.text())))
w.toggle_recording()
print(repr(w.booth.state))
"""


def test_no_input_device_explains_and_the_panel_still_works(tmp_path, pulse_server):
    env = child_env({})
    for key in [k for k in env if k.startswith("PULSE")]:
        del env[key]
    env.update(XDG_RUNTIME_DIR=str(tmp_path), HOME=str(tmp_path), PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", NO_DEVICE_SCRIPT, str(tmp_path / "P.mdrama")], env=env, cwd=REPO,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    first, second = out.stdout.strip().splitlines()[-2:]
    no_input, shown, enabled, text = eval(first)  # noqa: S307 - our own repr output
    assert no_input and shown and not enabled and "No microphone" in text
    assert second == repr("idle")


def test_cleanup_checkbox_processes_off_the_gui_thread_and_the_clip_plays_the_processed_audio(qtbot, panel, session):
    import soundfile as sf

    from app.fsutil import sha256_file
    from app.model import Take

    line = session.document.find(panel.line_id)
    take = Take(samples=48000)
    take.path = take_ops.take_path(line, take.id)
    path = session.bundle.root / take.path
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, 0.02 * np.sin(np.arange(48000) / 7).astype(np.float32), 48000, subtype="PCM_24")
    take_ops.add_take(session, line, take)
    take_ops.choose_take(session, line, take)
    before = sha256_file(path)
    qtbot.waitUntil(lambda: panel.takes.tree.topLevelItemCount() == 1, timeout=15000)
    panel.takes.tree.setCurrentItem(panel.takes.tree.topLevelItem(0))
    panel.takes.normalize_box.setChecked(True)
    qtbot.waitUntil(lambda: take.cleanup.normalize, timeout=10000)
    (clip,) = dialogue_clips(session)
    assert clip.asset_id != take_ops.asset_id_for(take)
    processed = session.bundle.root / session.series.media[clip.asset_id].path
    assert processed.is_file() and sha256_file(path) == before
    # the list is redrawn from the model's change signal: wait for it, as a user's eye would
    qtbot.waitUntil(lambda: "cleaned" in panel.takes.tree.topLevelItem(0).text(4), timeout=15000)
