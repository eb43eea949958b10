"""The Export Episode dialog: a real export with progress, and a cancel that leaves nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.demo import create_demo
from app.session import Session
from widgets.export.dialog import ExportDialog

SHOTS = Path("/tmp/microdrama-screenshots")


@pytest.fixture
def session(tmp_path, qtbot):
    bundle = create_demo(tmp_path / "Demo.mdrama")
    s = Session()
    s.open(bundle.root)
    yield s
    s.close()


def test_export_from_the_dialog_with_progress(session, qtbot, tmp_path) -> None:
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.preset.setCurrentIndex(dialog.preset.findData("draft"))
    out = tmp_path / "ep1.mp4"
    dialog.path.setText(str(out))
    dialog.label_text.setText("AI-generated")
    seen = []
    job = dialog.start()
    session.services.jobs.jobChanged.connect(lambda job_id: job_id == job.id and seen.append(dialog.progress.value()))
    assert not dialog.close_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.export_result is not None or "failed" in dialog.status.text().lower(), timeout=240000)
    assert dialog.export_result is not None, dialog.status.text()
    assert seen and dialog.progress.value() == 1000  # progress went through the job queue
    assert job.state.value == "succeeded" and dialog.export_result is job.result
    info = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-of", "json", str(out)],
                                     capture_output=True, text=True, check=True).stdout)
    assert (info["streams"][0]["width"], info["streams"][0]["height"]) == (720, 1280)
    assert session.series.settings.ai_label_text == "AI-generated"  # remembered, undoable
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "export-dialog.png"))


def test_cancel_leaves_nothing(session, qtbot, tmp_path) -> None:
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    out = tmp_path / "cancelled.mp4"
    dialog.path.setText(str(out))
    job = dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=240000)
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=30000)
    assert "cancelled" in dialog.status.text()
    assert job.result is None and job.state.value == "cancelled"
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".cancelled")]


def test_dialog_warns_about_black_frames_before_the_export_starts(session, qtbot) -> None:
    from app.model import TrackKind
    from app.timeline.edits import TimelineEditor

    ep = session.current_episode
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.warnings.isHidden() and dialog.export_button.text() == "Export"  # the demo has no black
    dialog.close()
    pic = ep.timeline.first_track(TrackKind.PICTURE)
    second = sorted(pic.clips, key=lambda c: c.start)[1]
    TimelineEditor(session.document, ep).delete([second.id])
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warnings.isVisible() and "Black frames" in dialog.warnings.text()
    assert dialog.export_button.text() == "Export Anyway"
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "export-dialog-warnings.png"))
