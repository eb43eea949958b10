"""The Storyboard's "Generate Scene as One Multi-shot Clip" against a loopback Kling server."""

from __future__ import annotations

import pytest

from app.jobs.job import JobState
from app.jobs.manager import job_manager
from app.session import Session
from app.settings_store import settings_store
from tests.jobs.conftest import make_series
from tests.providers.servers.fixtures import kling_server  # noqa: F401
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from tests.storyboard.multishot_media import multishot_mp4
from widgets.storyboard.panel import StoryboardPanel


@pytest.fixture
def panel(tmp_path, qtbot, kling_server, monkeypatch):  # noqa: F811
    monkeypatch.setenv("MICRODRAMA_KLING_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("MICRODRAMA_KLING_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("MICRODRAMA_KLING_BASE_URL", kling_server.url)
    monkeypatch.setenv("MICRODRAMA_POLL_INTERVAL", "0.05")
    settings_store().set("defaults", "video", "kling")
    session = Session()
    session.create(tmp_path / "Scene.mdrama", make_series())
    widget = StoryboardPanel(session)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    job_manager(session).shutdown()
    session.close()
    settings_store().set_provider_settings("kling", {})
    settings_store().set("defaults", "video", None)


def test_the_scene_clip_lands_as_one_piece_per_shot(panel, kling_server, qtbot) -> None:  # noqa: F811
    kling_server.result_bytes = multishot_mp4((2.0, 2.0, 2.0), sound=False)
    panel.board.setCurrentRow(0)
    picker = panel.inspector.clip_model
    picker.model.setCurrentIndex(picker.model.findData("kling-v2-5-turbo"))
    assert panel.act_multishot.generate(confirm=False) is None  # refused: that model makes one shot per call
    assert "one shot per call" in panel.message.text()
    picker.model.setCurrentIndex(picker.model.findData("kling-v3"))
    job = panel.act_multishot.generate(confirm=False)
    assert job is not None
    qtbot.waitUntil(lambda: job.state.finished, timeout=60000)
    assert job.state is JobState.SUCCEEDED, job.error
    shots = list(panel.session.current_episode.shots())
    assert all(s.chosen_clip for s in shots)
    assert len({s.chosen_clip for s in shots}) == 3
    assert len(kling_server.received("POST /v1/videos/text2video")) == 1
