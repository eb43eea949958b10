"""The Jobs panel and the Providers dialog, driven like a user would."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLineEdit

from app import secrets
from app.jobs.job import FunctionJob, JobState
from app.jobs.manager import job_manager
from app.settings_store import settings_store
from tests.providers.servers.openai import API_KEY
from widgets.jobs.panel import JobsPanel
from widgets.settings.providers_dialog import ProvidersDialog


def _group_counts(panel):
    return {key: item.childCount() for key, item in panel._groups.items()}


def test_jobs_panel_lists_jobs_by_state_and_cancels(session, qtbot) -> None:
    panel = JobsPanel(session)
    qtbot.addWidget(panel)
    manager = job_manager(session)
    manager.set_limit("local", 1)
    gate = threading.Event()
    running = manager.add(FunctionJob("Make proxies", lambda ctx: ctx.token.sleep(30)))
    queued = manager.add(FunctionJob("Thumbnails", lambda ctx: gate.wait(5)))
    failed = manager.add(FunctionJob("Broken import", lambda ctx: 1 / 0, resource="other"))
    qtbot.waitUntil(lambda: failed.state is JobState.FAILED and running.state is JobState.RUNNING)
    assert _group_counts(panel) == {"running": 1, "queued": 1, "failed": 1, "finished": 0}
    failed_item = panel._items[failed.id]
    assert "ZeroDivisionError" in failed_item.text(5)
    panel._items[running.id].setSelected(True)
    assert panel.cancel_button.isEnabled() and not panel.retry_button.isEnabled()
    panel.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: queued.state is JobState.SUCCEEDED, timeout=15000)
    assert running.state is JobState.CANCELLED
    assert _group_counts(panel)["finished"] == 2
    panel.clear_button.click()
    assert _group_counts(panel) == {"running": 0, "queued": 0, "failed": 1, "finished": 0}
    actions = panel.menu_actions()
    assert [a.text() for a in actions["Edit"]] == ["Providers…"]
    assert "Missing Stills for This Episode" in [a.text() for a in actions["Generate"]]


def test_generate_menu_queues_what_is_missing(session, qtbot, openai_server, monkeypatch) -> None:
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    settings_store().set("defaults", "image", "openai")
    panel = JobsPanel(session)
    qtbot.addWidget(panel)
    assert panel.generate_missing("still") == 3
    manager = job_manager(session)
    assert manager.wait(timeout=20)
    assert all(s.chosen_still for s in session.current_episode.shots())
    assert panel.generate_missing("still") == 0  # nothing missing any more
    assert _group_counts(panel)["finished"] == 3


def test_budget_header_and_paused_banner(session, qtbot) -> None:
    panel = JobsPanel(session)
    qtbot.addWidget(panel)
    episode = session.current_episode
    assert "no budget set" in panel.budget_label.text()
    session.document.edit(episode, "Set budget", budget=5.0)
    assert "of $5.00 budget" in panel.budget_label.text()
    manager = job_manager(session)
    manager.pause("Queue paused: test reason.")
    assert not panel.banner.isHidden() and panel.banner_text.text() == "Queue paused: test reason."
    panel.resume_button.click()
    assert panel.banner.isHidden()


def test_providers_dialog_saves_settings_and_keys_apart(qtbot, memory_keyring) -> None:
    dialog = ProvidersDialog(select="kling")
    qtbot.addWidget(dialog)
    page = dialog.page("kling")
    key_edit = page.editors["secret_key"]
    assert isinstance(key_edit, QLineEdit) and key_edit.echoMode() == QLineEdit.EchoMode.Password
    page.preset.setCurrentIndex(2)
    page._apply_preset(2)
    assert page.editors["base_url"].text() == "https://api-beijing.klingai.com"
    page.editors["access_key"].setText("ak-typed-123456")
    page.editors["access_key"].textEdited.emit("ak-typed-123456")
    page.limit.setValue(3)
    dialog.accept()
    stored = settings_store().provider_settings("kling")
    assert stored["base_url"] == "https://api-beijing.klingai.com"
    assert "access_key" not in stored and "ak-typed-123456" not in settings_store().path.read_text()
    assert memory_keyring.store[(secrets.SERVICE, "kling.access_key")] == "ak-typed-123456"
    assert settings_store().concurrency_limits()["kling"] == 3


@pytest.mark.parametrize("good", [True, False])
def test_test_connection_runs_on_a_worker_and_shows_the_answer(qtbot, openai_server, good) -> None:
    dialog = ProvidersDialog(select="openai")
    qtbot.addWidget(dialog)
    page = dialog.page("openai")
    page.editors["base_url"].setText(f"{openai_server.url}/v1")
    page.editors["api_key"].setText(API_KEY if good else "sk-not-the-right-key-123456")
    page.test_button.click()
    assert not page.test_button.isEnabled()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10000)
    text = page.test_result.text()
    assert text.startswith("✓" if good else "✗"), text
    assert "sk-not-the-right-key-123456" not in text
    if not good:
        assert "refused the API key" in text  # plain words; the vendor's own behind "Show original"
        assert "Incorrect API key" in page.test_original.text.toPlainText()
        assert "sk-not-the-right-key-123456" not in page.test_original.text.toPlainText()


def test_music_without_a_provider_explains_in_ui_words_and_opens_providers_at_music(session, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from providers import registry

    panel = JobsPanel(session)
    qtbot.addWidget(panel)
    seen: dict[str, object] = {}

    def handle_modals() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and "box" not in seen:
            seen["box"] = modal.text()
            setup = next(b for b in modal.buttons() if b.text() == "Set Up Providers…")
            setup.click()
        elif isinstance(modal, ProvidersDialog):
            seen["page"] = modal.list.currentItem().data(0x0100)
            modal.reject()
            return
        QTimer.singleShot(50, handle_modals)

    QTimer.singleShot(50, handle_modals)
    assert panel.generate_missing("music") == 0
    text = str(seen["box"])
    assert "music" in text and "--" not in text and "MICRODRAMA_" not in text  # the UI's words, no CLI flags
    music_providers = {p.name for p in registry.for_capability("music")}
    assert seen["page"] in music_providers


def test_a_batch_queued_at_once_is_one_signal_and_every_row(session, qtbot) -> None:
    """add_many (the storyboard's Generate for many shots) tells the dock once, and the dock lists them all."""
    panel = JobsPanel(session)
    qtbot.addWidget(panel)
    manager = job_manager(session)
    manager.set_limit("local", 1)
    gate = threading.Event()
    seen: list[list[str]] = []
    single: list[str] = []
    manager.jobsAdded.connect(seen.append)
    manager.jobAdded.connect(single.append)
    jobs = manager.add_many([FunctionJob(f"Batch {i}", lambda ctx: gate.wait(5)) for i in range(12)])
    assert seen == [[job.id for job in jobs]] and single == []
    assert set(panel._items) >= {job.id for job in jobs}
    counts = _group_counts(panel)
    assert counts["running"] + counts["queued"] == 12 and counts["running"] == 1  # one scheduling pass, limit kept
    gate.set()
    assert manager.wait(timeout=20)
    assert all(job.state is JobState.SUCCEEDED for job in jobs)
