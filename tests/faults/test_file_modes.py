"""project.json, its backup, the autosave and exports get the user's normal permissions (umask).

Temporary files used to be created owner-only (0600) and renamed into place
with that mode; now they get ``0666 & ~umask`` like any file the user makes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.autosave import AutosaveStore
from app.bundle import ProjectBundle
from app.fsutil import atomic_write_bytes
from app.project_files import full_snapshot

from .conftest import cli, export_in_process


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o027], ids=["umask022", "umask027"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_project_files_follow_the_umask(umask: int, project_factory) -> None:
    bundle: ProjectBundle = project_factory()
    series = bundle.load()
    series.title = "Again"
    bundle.save(series)  # the previous project.json becomes project.json.bak
    AutosaveStore(bundle.autosave_file).write(full_snapshot(series), 0)
    expected = 0o666 & ~umask
    assert _mode(bundle.project_file) == expected
    assert _mode(bundle.backup_file) == expected
    assert _mode(bundle.autosave_file) == expected
    parts = [p for folder in ("episodes", "media-index") for p in (bundle.root / folder).glob("*.json")]
    assert parts and all(_mode(p) == expected for p in parts)  # the split project's part files too
    media = next((bundle.root / "media").rglob("*.png"))
    assert _mode(media) == expected


def test_private_files_stay_owner_only(umask: int, tmp_path: Path) -> None:
    atomic_write_bytes(tmp_path / "settings.json", b"{}", private=True)
    assert _mode(tmp_path / "settings.json") == 0o600


def test_exports_follow_the_umask(umask: int, project_factory, tmp_path: Path, qapp) -> None:
    bundle = project_factory()
    out = tmp_path / "out" / "ep.mp4"
    out.parent.mkdir()
    assert export_in_process(bundle, out).stat().st_size > 0
    assert _mode(out) == 0o666 & ~umask


def test_cli_export_follows_the_umask_of_its_process(project_factory, tmp_path: Path) -> None:
    out = tmp_path / "ep.mp4"
    done = cli("export", str(project_factory().root), "--preset", "draft", "--no-srt", "--out", str(out), umask=0o027)
    assert done.returncode == 0, done.stderr
    assert _mode(out) == 0o640
