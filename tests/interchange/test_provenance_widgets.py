"""The Provenance dock, the interchange menu actions and the theft check dialog, driven for real."""

from __future__ import annotations

import json
from pathlib import Path

import opentimelineio as otio
import pytest

from app.fingerprint.store import record_export
from app.fingerprint.synthetic import write_synthetic_episode
from app.jobs.manager import job_manager
from app.model import Provenance
from app.model.serial import to_data
from app.session import Session
from widgets.provenance.panel import ProvenancePanel
from widgets.provenance.theft_dialog import TheftCheckDialog

SHOTS = Path("/tmp/microdrama-screenshots")


@pytest.fixture
def session(small_project, qtbot):
    bundle, series, episode = small_project
    still = next(a for a in series.media.values() if a.kind.value == "image")
    still.provenance = Provenance(source="generated", provider="kling", model="kling-v2-1",
                                  prompt="雨夜，她站在豪宅门口", seed=7, task_id="t-123", cost=0.28)
    bundle.save(series)
    s = Session()
    s.open(bundle.root)
    yield s
    job_manager(s).shutdown()
    s.close()


def _wait_job(qtbot, session, job):
    qtbot.waitUntil(lambda: job.state.finished, timeout=30000)
    assert job.state.value == "succeeded", job.error


def test_panel_lists_assets_with_their_provenance(session, qtbot) -> None:
    panel = ProvenancePanel(session)
    qtbot.addWidget(panel)
    panel.resize(700, 420)
    assert panel.tree.topLevelItemCount() == 3
    kling = next(panel.tree.topLevelItem(i) for i in range(3) if "kling" in panel.tree.topLevelItem(i).text(2))
    panel.tree.setCurrentItem(kling)
    assert "雨夜，她站在豪宅门口" in panel.details.toPlainText()
    assert "t-123" in panel.details.toPlainText()
    assert "1 AI-generated" in panel.summary.text()
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / "provenance-panel.png"))


def test_menu_actions_export_credits_and_otio_round_trip_with_undo(session, qtbot, tmp_path) -> None:
    panel = ProvenancePanel(session)
    qtbot.addWidget(panel)
    names = {a.objectName() for actions in panel.menu_actions().values() for a in actions}
    assert {"action_export_otio", "action_import_otio", "action_export_subtitles", "action_export_credits",
            "action_theft_check"} <= names
    credits = tmp_path / "credits.json"
    _wait_job(qtbot, session, panel.actions_.export_credits(credits))
    assert json.loads(credits.read_text(encoding="utf-8"))["ai_tools"] == [{"model": "kling-v2-1", "provider": "kling"}]

    otio_file = tmp_path / "ep.otio"
    _wait_job(qtbot, session, panel.actions_.export_otio(otio_file))
    episode = session.current_episode
    before = to_data(episode.timeline)
    # edit the file as another editor would: shift the first picture clip by 5 frames
    tl = otio.adapters.read_from_file(str(otio_file))
    picture = next(t for t in tl.tracks if t.name == "Picture")
    picture.insert(0, otio.schema.Gap(source_range=otio.opentime.TimeRange(duration=otio.opentime.RationalTime(5, 30))))
    otio.adapters.write_to_file(tl, str(otio_file))
    _wait_job(qtbot, session, panel.actions_.import_otio(otio_file))
    shot1 = next(c for t in episode.timeline.tracks for c in t.clips if c.name == "Shot 1")
    assert shot1.start == 5
    session.document.undo_stack.undo()
    assert to_data(episode.timeline) == before


def test_theft_check_dialog_finds_the_copy_and_shows_both_frames(session, qtbot, tmp_path) -> None:
    episode = session.current_episode
    export = write_synthetic_episode(tmp_path / "published.mp4", seed=5, seconds=12)
    record_export(session.bundle, episode, export)
    import subprocess

    suspect = tmp_path / "reupload.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(export), "-vf", "hflip,scale=180:320",
                    "-c:v", "libx264", "-preset", "ultrafast", str(suspect)], check=True)
    dialog = TheftCheckDialog(session)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(suspect))
    job = dialog.start()
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() > 0, timeout=60000)
    assert job.state.value == "succeeded"
    row = dialog.results.topLevelItem(0)
    assert row.text(0).startswith("E01") and "mirrored" in row.text(4)
    qtbot.waitUntil(lambda: dialog.theirs.pixmap() is not None and not dialog.theirs.pixmap().isNull(),
                    timeout=30000)
    assert not dialog.ours.pixmap().isNull()
    dialog.grab().save(str(SHOTS / "theft-check.png"))


def test_theft_check_without_fingerprints_explains_what_to_do(session, qtbot) -> None:
    dialog = TheftCheckDialog(session)
    qtbot.addWidget(dialog)
    assert not dialog.check_button.isEnabled()
    assert "export an episode" in dialog.status.text()
