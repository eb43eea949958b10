"""A create whose answer never arrived, at a vendor that cannot look tasks up: Retry asks before paying again."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.jobs.actions import shot_job
from app.jobs.job import JobState
from app.jobs.manager import job_manager
from tests.providers.servers.base import Reply
from tests.providers.servers.openai import API_KEY
from widgets.jobs.panel import JobsPanel

CREATE = "POST /v1/images/generations"


def _answer_dialog(qtbot, choose_pay: bool, seen: list) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append(box.text())
        box.grab().save(f"/tmp/paid_confirm_{len(seen)}.png")
        target = next(b for b in box.buttons() if (box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole) == choose_pay)
        target.click()

    QTimer.singleShot(50, answer)


def test_retry_of_a_maybe_billed_create_asks_before_paying_again(session, qtbot, openai_server, monkeypatch) -> None:
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    openai_server.fail_next(CREATE, Reply(body=b'{"created": 17, "data": [{"b64_js', declared_length=900))
    panel = JobsPanel(session)
    qtbot.addWidget(panel)
    manager = job_manager(session)
    episode = session.current_episode
    job = manager.add(shot_job(session, episode, next(episode.shots()), "still", "openai"))
    assert manager.wait(timeout=20)
    assert job.state is JobState.FAILED and job.billed_unknown
    assert "may have created and billed" in job.error and "Lin Mei" in job.error  # what, when, which prompt
    assert len(openai_server.received(CREATE)) == 1  # never resent on its own
    panel._items[job.id].setSelected(True)
    seen: list[str] = []
    _answer_dialog(qtbot, False, seen)
    panel.retry_button.click()
    assert seen and "billed" in seen[0]
    assert job.state is JobState.FAILED and len(openai_server.received(CREATE)) == 1
    _answer_dialog(qtbot, True, seen)
    panel.retry_button.click()
    assert manager.wait(timeout=20)
    assert job.state is JobState.SUCCEEDED and len(openai_server.received(CREATE)) == 2
