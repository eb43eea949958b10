"""Export Season through the job queue: one episode at a time, pause/resume, a summary with failures."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.bundle import ProjectBundle
from app.jobs.job import JobState
from app.media.probe import probe_file
from app.model import Clip, Episode, Series, TrackKind
from app.season.state import render_name
from widgets.season.export import SeasonExportDialog


@pytest.fixture
def short_season(tmp_path: Path) -> Path:
    """Three episodes: two of half a second on a real still, and an empty one (which cannot export)."""
    still = tmp_path / "still.png"
    image = np.zeros((1280, 720, 3), np.uint8)
    image[:, :, 1] = np.linspace(0, 255, 720, dtype=np.uint8)[None, :]
    cv2.imwrite(str(still), image)
    series = Series(title="Short Season")
    bundle = ProjectBundle.create(tmp_path / "Short.mdrama", series)
    asset = bundle.import_file(still)
    asset.probe = probe_file(bundle.resolve(asset.path))
    series.media[asset.id] = asset
    for number in (1, 2, 3):
        episode = Episode(number=number, title=f"Part {number}")
        if number < 3:
            episode.timeline.first_track(TrackKind.PICTURE).clips.append(Clip(asset_id=asset.id, start=0, duration=15))
        series.episodes.append(episode)
    bundle.save(series)
    return bundle.root


def test_export_season_runs_one_episode_at_a_time_pauses_and_sums_up(window, qtbot, short_season: Path) -> None:
    assert window.controller.open_path(short_season)
    window.findChild(type(window.menus.season)).export_action.trigger()
    dialog = window.findChild(SeasonExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.episodes.count() == 3
    dialog.preset.setCurrentIndex(dialog.preset.findData("draft"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert len(dialog.jobs) == 3 and dialog.running
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)  # the first may run; the rest wait
    assert dialog.pause_button.text() == "Resume"
    first, second, third = dialog.jobs
    qtbot.waitUntil(lambda: first.state.finished or first.state is JobState.QUEUED, timeout=60000)
    qtbot.wait(300)
    assert second.state is JobState.QUEUED and third.state is JobState.QUEUED  # held by the pause
    assert sum(j.state.active for j in dialog.jobs) <= 1  # never two exports at once
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=120000)

    bundle = window.session.bundle
    episodes = window.session.series.episodes
    written = [bundle.root / "renders" / render_name(bundle.name, e) for e in episodes[:2]]
    for path in written:
        probe = probe_file(path)
        assert probe["kind"] == "video" and probe["width"] == 720 and probe["duration"] > 0.4
    assert first.state is second.state is JobState.SUCCEEDED and third.state is JobState.FAILED
    text = dialog.summary.toPlainText()
    assert dialog.summary.isVisible() and all(str(p) in text for p in written)
    assert "Ep 3" in text and "nothing on its timeline" in text
    assert dialog.status.text() == "Done: 2 written, 1 failed, 0 cancelled."
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_cancel_stops_the_season_export_and_says_so(window, qtbot, short_season: Path) -> None:
    assert window.controller.open_path(short_season)
    dialog = window.menus.season.show_export()
    qtbot.mouseClick(dialog.pause_button if dialog.pause_button.isEnabled() else dialog.start_button,
                     Qt.MouseButton.LeftButton)
    assert dialog.running
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    cancelled = [j for j in dialog.jobs if j.state is JobState.CANCELLED]
    assert len(cancelled) >= 2  # whatever had not finished when Cancel was pressed
    assert f"{len(cancelled)} cancelled" in dialog.status.text()
    assert not window.session.document.undo_stack.count()  # exporting never edits the project
