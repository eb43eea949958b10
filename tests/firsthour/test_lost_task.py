"""A persisted task the vendor no longer has: said plainly, "Generate Again" with its cost, old handle retired."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.bundle import ProjectBundle
from app.jobs.actions import shot_job
from app.jobs.job import JobState
from app.jobs.journal import load_with_journal
from app.jobs.manager import job_manager
from app.session import Session
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from widgets.jobs.panel import JobsPanel

CREATE = "POST /v1/images/generations"


@pytest.fixture
def kling_env(kling_server, monkeypatch):
    monkeypatch.setenv("MICRODRAMA_KLING_BASE_URL", kling_server.url)
    monkeypatch.setenv("MICRODRAMA_KLING_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("MICRODRAMA_KLING_SECRET_KEY", SECRET_KEY)
    return kling_server


def _answer_box(qtbot, button: str, seen: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(30, answer)
            return
        seen.append(box.text() + "\n" + "\n".join(b.text() for b in box.buttons()))
        target = box.findChild(object, "generateAgain") if button == "again" else \
            box.button(QMessageBox.StandardButton.Cancel)
        target.click()

    QTimer.singleShot(30, answer)


def test_a_task_the_vendor_lost_offers_generate_again_with_its_cost(project, qtbot, kling_env) -> None:
    server = kling_env
    server.polls_to_finish = 10**6  # the vendor keeps it "processing" until the app closes
    first = Session()
    first.open(project)
    manager = job_manager(first)
    episode = first.current_episode
    job = manager.add(shot_job(first, episode, next(episode.shots()), "still", "kling"))
    qtbot.waitUntil(lambda: job.handle is not None, timeout=15000)
    old_task = job.handle.task_id
    manager.shutdown()
    first.close()  # the task stays in the journal, to be collected on the next open

    with server.lock:
        server.tasks.clear()  # the vendor has forgotten it (expired, deleted)
    server.polls_to_finish = 0
    created = len(server.received(CREATE))
    assert created == 1
    session = Session()
    session.open(project)
    try:
        panel = JobsPanel(session)
        qtbot.addWidget(panel)
        panel.show()
        manager = job_manager(session)
        manager.resume_persisted()
        lost = manager.job(job.id)
        qtbot.waitUntil(lambda: lost.state is JobState.FAILED, timeout=15000)
        assert lost.task_lost
        assert "no longer has this task" in lost.error and "Generate Again" in lost.error and "≈$" in lost.error
        polls = len(server.received("GET /v1/images/generations/"))
        assert len(server.received(CREATE)) == created  # nothing was sent again by itself
        panel._items[lost.id].setSelected(True)
        assert panel.retry_button.text() == "Generate Again…"

        seen: list[str] = []
        _answer_box(qtbot, "cancel", seen)
        panel.retry_button.click()
        assert seen and "no longer has the task" in seen[0] and "Generate Again (≈$0.01)" in seen[0]
        assert lost.state is JobState.FAILED and len(server.received(CREATE)) == created

        _answer_box(qtbot, "again", seen)
        panel.retry_button.click()
        qtbot.waitUntil(lambda: lost.state is JobState.SUCCEEDED, timeout=20000)
        assert len(server.received(CREATE)) == created + 1  # one new, paid task; the dead one was not polled again
        assert len(server.received("GET /v1/images/generations/")) - polls >= 1
        assert lost.handle.task_id != old_task
        assert [h["task_id"] for h in lost.retired_handles] == [old_task]
        assert lost.cost == pytest.approx(lost.estimated_cost)
        manager.shutdown()
    finally:
        session.close()
    record = next(r for r in load_with_journal(ProjectBundle(project)).jobs if r.id == job.id)
    assert record.state == "succeeded" and record.task_id != old_task
    assert [h["task_id"] for h in record.request["retired_handles"]] == [old_task]
    assert record.request["task_lost"] is False
