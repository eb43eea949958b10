"""The voice GUI driven for real: Series Bible voice page, Storyboard Generate Voices, takes list marks, Preview."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from app.jobs.manager import job_manager
from app.model.script import TakeOrigin
from app.session import Session

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is in packaging/apt-packages.txt")


@pytest.fixture
def session(demo_master, tmp_path, qtbot):
    root = Path(shutil.copytree(demo_master, tmp_path / "Demo.mdrama"))
    s = Session()
    s.open(root)
    s.set_current_episode(s.series.episodes[0].id)
    yield s
    job_manager(s).shutdown()
    s.close()


def test_the_bible_voice_page_sets_a_characters_voice_in_one_undo_step(session, qtbot) -> None:
    from widgets.script.bible_dialog import BibleDialog

    dialog = BibleDialog(session)
    qtbot.addWidget(dialog)
    dialog.findChild(QTabWidget).setCurrentWidget(dialog.voices)
    page = dialog.voices
    assert page.list.count() == 3 and page.scratch_note.isVisibleTo(page)
    ethan = next(i for i in range(page.list.count()) if page.list.item(i).text() == "ETHAN")
    page.list.setCurrentRow(ethan)
    page.provider.setCurrentIndex(page.provider.findData("openai"))
    assert not page.scratch_note.isVisibleTo(page) and page.voice.findText("coral") >= 0
    page.voice.setCurrentText("coral")
    page.speed.setValue(1.2)
    qtbot.keyClicks(page.note, "cold, amused")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    character = session.series.character_named("ETHAN")
    voice = character.voice
    assert (voice.provider, voice.voice_id, voice.speed, voice.note) == ("openai", "coral", 1.2, "cold, amused")
    session.document.undo_stack.undo()
    assert session.series.character_named("ETHAN").voice.provider == ""


def test_storyboard_generates_voices_for_the_selected_shot_and_the_takes_list_marks_them(session, qtbot) -> None:
    from widgets.booth.takes_list import COL_STATUS, TakesList
    from widgets.storyboard.panel import StoryboardPanel

    panel = StoryboardPanel(session)
    qtbot.addWidget(panel)
    episode = session.current_episode
    shot = next(s for s in episode.shots() if len(s.dialogue) == 2)
    session.select_shot(shot.id)
    names = [a.objectName() for a in panel.menu_actions()["Generate"]]
    assert "action_voices_episode" in names and "action_fit_shots_to_voices" in names
    panel.voice_actions.act_shot.trigger()
    assert "2" in panel.message.text()
    assert job_manager(session).wait(timeout=60)
    assert all(line.chosen_take() is not None and line.chosen_take().origin is TakeOrigin.AI for line in shot.dialogue)
    others = [ln for s in episode.shots() if s.id != shot.id for ln in s.dialogue]
    assert all(ln.chosen_take() is None for ln in others)  # only the selected shot
    panel.voice_actions.act_shot.trigger()
    assert panel.message.text().startswith("Every line here already has a voice")
    takes = TakesList(session)
    qtbot.addWidget(takes)
    takes.set_line(shot.dialogue[0])
    item = takes.tree.topLevelItem(0)
    assert item.text(COL_STATUS) == "AI, scratch voice" and item.text(0) == "★"


def test_preview_speaks_through_the_queue_and_plays(session, qtbot, pulse_server, monkeypatch) -> None:
    from app.audio import devices
    from widgets.voices.voice_page import VoicePage

    for key, value in pulse_server.items():
        monkeypatch.setenv(key, value)
    devices.refresh()
    characters = session.series.characters
    media_before = set(session.series.media)
    page = VoicePage(session, lambda: characters)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Speaking…"
    qtbot.waitUntil(lambda: page.status.text() != "Speaking…", timeout=30000)
    assert page.status.text().startswith("Playing"), page.status.text()
    assert len(page.last_preview) > 48000 * 0.8  # a whole sentence, at 48 kHz
    assert page._player.wait(15)
    assert set(session.series.media) == media_before  # nothing stored: previews are not takes
    assert not any(line.takes for _s, line in session.current_episode.dialogue_lines())
