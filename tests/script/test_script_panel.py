"""The Script dock driven for real: typing, undo, breakdown, files, AI writing streamed from a local server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.bundle import ProjectBundle
from app.jobs.manager import job_manager
from tests.project_helpers import one_episode_series, opened_session
from tests.providers.servers.fixtures import openai_server  # noqa: F401
from tests.providers.servers.openai import API_KEY
from widgets.script.bible_dialog import BibleDialog
from widgets.script.panel import ScriptPanel

SHOTS = Path("/tmp/microdrama-screenshots")
SCRIPT = "1. 内景 总裁办公室 - 日\n\n落地窗前，顾霆深背对着门。\n\n林晓（低声）：你找我？\n顾霆深：签了它。\n"


@pytest.fixture
def session(tmp_path, qtbot):
    with opened_session(ProjectBundle.create(tmp_path / "S.mdrama", one_episode_series()).root) as s:
        yield s


@pytest.fixture
def panel(session, qtbot):
    widget = ScriptPanel(session)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def test_typing_reaches_the_model_as_one_undo_step(panel, session, qtbot) -> None:
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "INT. HOUSE - DAY")
    qtbot.waitUntil(lambda: session.current_episode.script == "INT. HOUSE - DAY", timeout=15000)
    count = session.document.undo_stack.count()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.editor, "BOB")
    qtbot.waitUntil(lambda: session.current_episode.script.endswith("BOB"), timeout=15000)
    assert session.document.undo_stack.count() == count  # same burst: merged
    session.document.undo_stack.undo()
    assert session.current_episode.script == ""
    assert panel.editor.toPlainText() == ""


def test_breakdown_fills_the_board_and_outline_lists_scenes(panel, session, qtbot) -> None:
    panel.editor.setPlainText(SCRIPT)
    panel.break_down(use_ai=False)
    episode = session.current_episode
    assert episode.script == SCRIPT
    assert [len(s.shots) for s in episode.scenes] == [2]
    assert panel.outline.topLevelItemCount() == 1
    assert "1 scenes" in panel.status.text() or "Broken down" in panel.status.text()
    SHOTS.mkdir(exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from widgets.shell.theme import apply_theme

    apply_theme(QApplication.instance(), "zh_CN")  # look at it as the editor shows it
    panel.grab().save(str(SHOTS / "script-panel.png"))


def test_import_and_export_fountain(panel, session, tmp_path) -> None:
    source = tmp_path / "in.fountain"
    source.write_text(SCRIPT, encoding="utf-8")
    panel.import_file(source)
    assert session.current_episode.script == SCRIPT and session.current_episode.scenes
    out = tmp_path / "out.fountain"
    panel.export_file(out)
    assert out.read_text(encoding="utf-8") == SCRIPT


def test_ai_writing_streams_into_the_editor_and_is_one_undo_step(panel, session, qtbot, openai_server,  # noqa: F811
                                                                 monkeypatch) -> None:
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("MICRODRAMA_TEXT_PROVIDER", "openai")
    openai_server.reply_pieces = ["EXT. ROOFTOP - NIGHT\n\n", "LIN\n", "I never said yes.\n"]
    panel.editor.setPlainText(SCRIPT)
    panel.commit()
    before = session.current_episode.script
    panel.write_episode()
    qtbot.waitUntil(lambda: panel._stream_job is None, timeout=20000)
    assert "Done" in panel.status.text(), panel.status.text()
    assert session.current_episode.script == SCRIPT + "\n\nEXT. ROOFTOP - NIGHT\n\nLIN\nI never said yes.\n"
    session.document.undo_stack.undo()
    assert session.current_episode.script == before


def test_stopping_keeps_what_was_written(panel, session, qtbot, openai_server, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("MICRODRAMA_TEXT_PROVIDER", "openai")
    openai_server.reply_pieces = [f"Line {i}.\n" for i in range(200)]
    openai_server.chunk_delay = 0.05
    panel.write_episode()
    qtbot.waitUntil(lambda: "Line 3." in panel.editor.toPlainText(), timeout=20000)
    panel.stop_writing()
    qtbot.waitUntil(lambda: panel._stream_job is None, timeout=20000)
    script = session.current_episode.script
    assert "Line 3." in script and "Line 199." not in script
    assert "Stopped" in panel.status.text()


def test_rewrite_replaces_the_selection(panel, session, qtbot, openai_server, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("MICRODRAMA_TEXT_PROVIDER", "openai")
    openai_server.reply_pieces = ["林晓撕碎了合同。"]
    panel.editor.setPlainText(SCRIPT)
    cursor = panel.editor.document().find("落地窗前，顾霆深背对着门。")
    panel.editor.setTextCursor(cursor)
    panel.rewrite_selection("hook")
    qtbot.waitUntil(lambda: panel._stream_job is None, timeout=20000)
    assert "林晓撕碎了合同。" in session.current_episode.script
    assert "落地窗前" not in session.current_episode.script


def test_bible_dialog_applies_as_one_undo_step(session, qtbot) -> None:
    dialog = BibleDialog(session)
    qtbot.addWidget(dialog)
    dialog.premise.setPlainText("A contract marriage turns real.")
    dialog._new_character()
    dialog.cast.item(0, 0).setText("林晓")
    dialog.cast.item(0, 2).setText("Chen Yu")
    dialog.accept()
    series = session.series
    assert series.bible.premise == "A contract marriage turns real."
    assert [(c.name, c.voice_actor) for c in series.characters] == [("林晓", "Chen Yu")]
    session.document.undo_stack.undo()
    assert series.bible.premise == "" and series.characters == []


def test_bible_reference_images_import_on_the_queue_and_ok_waits_for_them(session, qtbot, tmp_path) -> None:
    import cv2
    import numpy as np

    picture = tmp_path / "lin_xia_front.png"
    cv2.imwrite(str(picture), np.full((64, 48, 3), 200, np.uint8))
    dialog = BibleDialog(session)
    qtbot.addWidget(dialog)
    dialog._new_character()
    dialog.cast.item(0, 0).setText("林晓")
    dialog.add_reference_files(0, [picture])
    assert not dialog.ok_button.isEnabled()  # the copy is on the job queue
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=20000)
    assert dialog.cast.item(0, 4).text() == "1"
    dialog.accept()
    (character,) = session.series.characters
    (ref,) = character.reference_images
    asset = session.series.media[ref]
    assert asset.provenance.notes == "character reference" and (session.bundle.root / asset.path).is_file()


def test_ai_writing_retries_a_rate_limit_and_the_success_clears_it(panel, session, qtbot, openai_server,  # noqa: F811
                                                                   monkeypatch) -> None:
    from tests.providers.servers.openai import openai_error

    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("MICRODRAMA_TEXT_PROVIDER", "openai")
    openai_server.reply_pieces = ["LIN\n", "Again.\n"]
    openai_server.fail_next("POST /v1/chat/completions", openai_error(
        429, "Rate limit reached for gpt-4o-mini. Please try again in 1s.", "requests", "rate_limit_exceeded",
        headers={"Retry-After": "1"}))
    panel.write_episode()
    qtbot.waitUntil(lambda: panel._stream_job is None, timeout=30000)
    assert "Done" in panel.status.text(), panel.status.text()
    assert session.current_episode.script.endswith("LIN\nAgain.\n")
    job = [j for j in job_manager(session).jobs() if j.kind == "write"][-1]
    assert job.attempts == 2 and job.error == ""


def test_an_unusable_shot_list_is_asked_for_again_then_the_rule_based_breakdown_is_offered(
        panel, session, qtbot, openai_server, monkeypatch) -> None:  # noqa: F811
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("MICRODRAMA_TEXT_PROVIDER", "openai")
    openai_server.reply_pieces = ["Sure! Here are the shots: first a wide shot, then a close-up."]
    asked: list[str] = []

    def answer_yes() -> None:  # the real question box appears: read it and click Yes
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(50, answer_yes)

    QTimer.singleShot(50, answer_yes)
    panel.editor.setPlainText(SCRIPT)
    panel.commit()
    panel.break_down()
    qtbot.waitUntil(lambda: panel._breakdown_job is None, timeout=30000)
    chats = [r for r in openai_server.requests if r.path.endswith("/chat/completions")]
    assert len(chats) == 2  # asked once more, with what was wrong
    assert "could not be used" in chats[1].json()["messages"][-1]["content"]
    assert asked and "without AI" in asked[0]
    shots = list(session.current_episode.shots())
    assert shots and "Breaking down" not in panel.status.text()  # the rule-based breakdown landed
    assert "Broken down" in panel.status.text()
