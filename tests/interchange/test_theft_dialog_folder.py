"""The theft check dialog checks a folder as one queue job: ranks, skips unreadable files, cancels,
and saves an evidence pack for the selected match."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.fingerprint.store import record_export
from app.fingerprint.synthetic import write_synthetic_episode
from app.jobs.manager import job_manager
from app.model import Provenance
from app.session import Session
from widgets.provenance.theft_dialog import TheftCheckDialog

SHOTS = Path("/tmp/microdrama-screenshots")


@pytest.fixture
def session(small_project, qtbot):
    bundle, series, episode = small_project
    still = next(a for a in series.media.values() if a.kind.value == "image")
    still.provenance = Provenance(source="generated", provider="kling", model="kling-v2-1",
                                  prompt="雨夜", seed=7, task_id="t-123", created_at="2026-11-30T10:00:00Z")
    bundle.save(series)
    s = Session()
    s.open(bundle.root)
    yield s
    job_manager(s).shutdown()
    s.close()


@pytest.fixture
def downloads(session, tmp_path):
    export = write_synthetic_episode(tmp_path / "published.mp4", seed=5, seconds=10)
    record_export(session.bundle, session.current_episode, export)
    folder = tmp_path / "downloads"
    folder.mkdir()
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(export), "-vf", "hflip,scale=180:320",
                    "-c:v", "libx264", "-preset", "ultrafast", str(folder / "b-reupload.mp4")], check=True)
    write_synthetic_episode(folder / "a-unrelated.mp4", seed=77, seconds=6)
    (folder / "c-broken.mov").write_bytes(b"not a video at all" * 50)
    return folder


def test_a_folder_is_ranked_and_unreadable_files_are_listed(session, downloads, qtbot, tmp_path) -> None:
    dialog = TheftCheckDialog(session)
    qtbot.addWidget(dialog)
    dialog.resize(1366 * 3 // 4, 560)
    dialog.path_edit.setText(str(downloads))
    job = dialog.start()
    qtbot.waitUntil(lambda: job.state.finished, timeout=90000)
    assert job.state.value == "succeeded", job.error
    assert dialog.results.topLevelItemCount() >= 1
    first = dialog.results.topLevelItem(0)
    assert first.text(5) == "b-reupload.mp4" and "mirrored" in first.text(4)
    assert "c-broken.mov" in dialog.status.text()
    assert dialog.evidence_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "theft-folder.png"))

    evidence = dialog.save_evidence_to(dialog.match_suspects[0], tmp_path / "evidence")
    qtbot.waitUntil(lambda: evidence.state.finished, timeout=60000)
    assert evidence.state.value == "succeeded", evidence.error
    pack = tmp_path / "evidence" / "evidence-b-reupload"
    assert (pack / "report-zh.pdf").is_file() and (pack / "report-en.html").is_file()
    assert (tmp_path / "evidence" / "evidence-b-reupload.zip").is_file()
    assert "t-123" in (pack / "report-en.html").read_text(encoding="utf-8")  # the vendor task id of our still
    assert "evidence-b-reupload.zip" in dialog.status.text()


@pytest.fixture
def fifty(downloads, tmp_path):
    """50 suspects: the mirrored re-upload among 49 small unrelated clips (one clip made, copied)."""
    small = write_synthetic_episode(tmp_path / "small.mp4", seed=78, seconds=2, size=(90, 160))
    (downloads / "c-broken.mov").unlink()
    (downloads / "a-unrelated.mp4").unlink()
    for k in range(49):
        shutil.copy(small, downloads / f"clip{k:02d}.mp4")
    assert len(list(downloads.iterdir())) == 50
    return downloads


def test_fifty_suspects_are_ranked_with_progress_and_stop_ends_it_promptly(session, fifty, qtbot) -> None:
    dialog = TheftCheckDialog(session)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(fifty))
    job = dialog.start()
    seen: list[float] = []

    def record() -> bool:
        if job.progress is not None and (not seen or job.progress != seen[-1]):
            seen.append(job.progress)
        return job.state.finished

    qtbot.waitUntil(record, timeout=400000)  # ~15 s on an idle machine
    assert job.state.value == "succeeded", job.error
    assert len(seen) >= 10 and seen == sorted(seen)  # progress moves file by file, never back
    assert dialog.results.topLevelItem(0).text(5) == "b-reupload.mp4"  # the copy ranks first
    assert dialog.results.topLevelItemCount() == 1  # and the 49 unrelated clips do not match

    job = dialog.start()
    qtbot.waitUntil(lambda: (job.progress or 0) > 0.1, timeout=60000)
    stopped_at = job.progress or 0
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: job.state.finished, timeout=60000)
    # within the file being read, not after the folder: at most a file or two (1/50 each) more
    # (progress, not wall time: a busy CI machine reads one file in seconds)
    assert (job.progress or 0) - stopped_at <= 0.061
    assert job.state.value == "cancelled" and (job.progress or 0) < 0.9
    assert dialog.check_button.isEnabled() and dialog.status.text()


def test_unexported_episodes_are_fingerprinted_from_the_timeline(session, qtbot) -> None:
    dialog = TheftCheckDialog(session)
    qtbot.addWidget(dialog)
    assert not dialog.check_button.isEnabled() and not dialog.timeline_button.isHidden()
    job = dialog.fingerprint_unexported()
    qtbot.waitUntil(lambda: job.state.finished, timeout=60000)
    assert job.state.value == "succeeded", job.error
    assert dialog.check_button.isEnabled() and dialog.timeline_button.isHidden()
    assert session.current_episode.id in dialog.references
