"""Every kind of bad input gets a clear message naming the file, and the last good version survives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.bundle import BACKUP_FILE, BundleError, ProjectBundle, ProjectFileError
from app.model import MediaAsset, MediaKind
from app.model.schema import decode

from .conftest import small_series

REPO = Path(__file__).resolve().parents[2]


def _saved_twice(bundle: ProjectBundle) -> None:
    """project.json = "Second", project.json.bak = "First"."""
    series = bundle.load()
    series.title = "First"
    bundle.save(series)
    series.title = "Second"
    bundle.save(series)


def test_save_keeps_previous_good_version_as_backup(bundle: ProjectBundle) -> None:
    _saved_twice(bundle)
    assert decode(bundle.project_file.read_bytes(), str(bundle.project_file)).title == "Second"
    assert decode(bundle.backup_file.read_bytes(), str(bundle.backup_file)).title == "First"
    assert not list(bundle.root.glob(".*.tmp"))  # no temp files left behind


@pytest.mark.parametrize("damage, expected", [
    (lambda raw: raw[: len(raw) // 2], "not valid JSON"),
    (lambda raw: b"\x89PNG\r\n\x1a\n\x00\x00binary", "not UTF-8"),
    (lambda raw: b"", "is empty"),
    (lambda raw: raw.replace(b'"episodes": [', b'"episodes": 7, "x": ['), "does not match the project schema"),
    (lambda raw: raw.replace(b'"schema_version": 2', b'"schema_version": 99'), "newer Microdrama Studio"),
    (lambda raw: raw.replace(b'"data_schema_version": 1', b'"data_schema_version": 7'), "newer Microdrama Studio"),
    (lambda raw: b'{"hello": "world"}', "not a Microdrama Studio project file"),
])
def test_damaged_project_file_names_file_and_offers_good_backup(session, bundle, damage, expected) -> None:
    _saved_twice(bundle)
    damaged = damage(bundle.project_file.read_bytes())
    bundle.project_file.write_bytes(damaged)
    with pytest.raises(ProjectFileError) as info:
        session.open(bundle.root)
    message = str(info.value)
    assert expected in message
    assert str(bundle.project_file) in message
    assert "A good backup from" in message and "--use-backup" in message
    assert info.value.backup is not None and info.value.backup.usable
    assert not session.is_open
    assert bundle.project_file.read_bytes() == damaged  # opening never touches the damaged file
    # the user takes the backup: it opens unsaved, and saving keeps everything
    session.open(bundle.root, use_backup=True)
    assert session.series.title == "First" and session.is_modified
    session.save()
    assert decode(bundle.project_file.read_bytes(), str(bundle.project_file)).title == "First"
    assert decode(bundle.backup_file.read_bytes(), str(bundle.backup_file)).title == "First"  # the good backup was not replaced
    kept = list(bundle.root.glob("project.json.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # nor was the damaged file thrown away


def test_damaged_file_and_damaged_backup_says_so(session, bundle) -> None:
    _saved_twice(bundle)
    bundle.project_file.write_bytes(b"{")
    bundle.backup_file.write_bytes(b"{")
    with pytest.raises(ProjectFileError, match="backup project.json.bak is damaged too") as info:
        session.open(bundle.root)
    assert info.value.backup is not None and not info.value.backup.usable


def test_missing_project_json_with_backup_offers_backup(session, bundle) -> None:
    _saved_twice(bundle)
    bundle.project_file.unlink()
    with pytest.raises(ProjectFileError, match="is missing. A good backup"):
        session.open(bundle.root)
    session.open(bundle.root, use_backup=True)
    assert session.series.title == "First"


def test_not_a_project_folder(session, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="does not exist"):
        session.open(tmp_path / "nowhere.mdrama")
    (tmp_path / "empty.mdrama").mkdir()
    with pytest.raises(BundleError, match="has no project.json"):
        session.open(tmp_path / "empty.mdrama")
    assert not (tmp_path / "empty.mdrama" / ".lock").exists()  # a failed open leaves no lock


def test_failed_open_keeps_the_current_project_open(session, bundle, tmp_path: Path) -> None:
    session.open(bundle.root)
    other = ProjectBundle.create(tmp_path / "Other", small_series("Other"))
    other.project_file.write_bytes(b"nonsense")
    with pytest.raises(ProjectFileError):
        session.open(other.root)
    assert session.is_open and session.bundle.root == bundle.root
    assert not (other.root / ".lock").exists()


def test_missing_media_opens_and_is_listed(session, bundle) -> None:
    series = bundle.load()
    series.media["a1"] = MediaAsset(id="a1", path="media/00/deadbeef.png", kind=MediaKind.IMAGE,
                                    original_name="hero.png")
    bundle.save(series)
    session.open(bundle.root)
    assert [a.id for a in session.missing_media] == ["a1"]
    problem = session.media_problems[0]
    assert (problem.reason, problem.path, problem.name) == ("missing", "media/00/deadbeef.png", "hero.png")
    # the user restores the file: a re-check clears it
    target = bundle.root / "media/00/deadbeef.png"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"x")
    assert session.recheck_media() == []


def test_asset_paths_leaving_the_bundle_are_never_followed(session, bundle, tmp_path: Path) -> None:
    """Such assets open as unusable ("outside"), are never resolved, and survive a save unchanged."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"private")
    (bundle.root / "media" / "link.png").symlink_to(secret)
    series = bundle.load()
    for asset_id, rel in (("up", "../secret.png"), ("abs", str(secret)), ("link", "media/link.png"),
                          ("deep", "media/../../secret.png")):
        series.media[asset_id] = MediaAsset(id=asset_id, path=rel, kind=MediaKind.IMAGE)
    bundle.save(series)
    session.open(bundle.root)
    reasons = {p.obj_id: p.reason for p in session.media_problems}
    assert reasons == {"up": "outside", "abs": "outside", "link": "outside", "deep": "outside"}
    for asset_id in reasons:
        with pytest.raises(BundleError, match="outside the project bundle|not relative"):
            session.bundle.resolve(session.series.media[asset_id].path)
    session.document.edit(session.series, "Rename", title="Renamed")
    session.save()
    assert decode(bundle.project_file.read_bytes(), str(bundle.project_file)).media["up"].path == "../secret.png"


# ------------------------------------------------------------ read-only folder and full disk
def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.fixture
def mounted_tmpfs(tmp_path: Path):
    """A real tmpfs (1 MiB) mounted at tmp_path/mnt; root only."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], check=True)
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def _make_read_only(root: Path, mnt: Path | None) -> None:
    if mnt is not None:
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
    else:
        for path in [root, *root.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)


def test_read_only_folder_opens_but_save_fails_clearly(session, tmp_path: Path, request) -> None:
    mnt = request.getfixturevalue("mounted_tmpfs") if _can_mount() else None
    root = (mnt or tmp_path) / "RO.mdrama"
    bundle = ProjectBundle.create(root, small_series("Read only"))
    before = bundle.project_file.read_bytes()
    _make_read_only(bundle.root, mnt)
    session.open(bundle.root)
    assert session.read_only and "read-only" in session.read_only
    session.document.edit(session.series, "Rename", title="Changed")
    with pytest.raises(BundleError) as info:
        session.save()
    message = str(info.value)
    assert str(bundle.project_file) in message and "read-only" in message and "Save As" in message
    assert session.is_modified and session.series.title == "Changed"  # nothing lost in memory
    assert bundle.project_file.read_bytes() == before  # nor on disk
    # Save As to a writable place keeps the work
    session.save_as(tmp_path / "Copy")
    assert ProjectBundle(tmp_path / "Copy.mdrama").load().title == "Changed"
    assert not session.read_only and not session.is_modified


@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a small tmpfs; the RLIMIT test covers it")
def test_full_disk_during_save_keeps_last_good_version(session, mounted_tmpfs: Path) -> None:
    bundle = ProjectBundle.create(mounted_tmpfs / "Full.mdrama", small_series("Before"))
    session.open(bundle.root)
    before = bundle.project_file.read_bytes()
    filler = mounted_tmpfs / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk up
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    session.document.edit(session.series, "Long notes", title="After " + "字" * 20_000)
    with pytest.raises(BundleError) as info:
        session.save()
    assert "disk is full" in str(info.value) and str(bundle.project_file) in str(info.value)
    assert bundle.project_file.read_bytes() == before
    assert session.is_modified
    assert not list(bundle.root.glob(".*.tmp"))  # the failed temp file was removed
    filler.unlink()  # space freed: saving works again
    session.save()
    assert decode(bundle.project_file.read_bytes(), str(bundle.project_file)).title.startswith("After")
    assert decode(bundle.backup_file.read_bytes(), str(bundle.backup_file)).title == "Before"


def test_file_size_limit_during_save_keeps_last_good_version(bundle: ProjectBundle) -> None:
    """Portable full-disk simulation: RLIMIT_FSIZE makes the write fail with EFBIG in a subprocess."""
    before = bundle.project_file.read_bytes()
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "from app.bundle import ProjectBundle, BundleError\n"
        f"b = ProjectBundle({str(bundle.root)!r})\n"
        "s = b.load(); s.title = 'x' * 200_000\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))\n"
        "try:\n"
        "    b.save(s)\n"
        "except BundleError as exc:\n"
        "    print(exc); sys.exit(3)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert "disk is full" in proc.stdout and str(bundle.project_file) in proc.stdout
    assert bundle.project_file.read_bytes() == before
    assert decode(bundle.backup_file.read_bytes(), str(bundle.backup_file)).title == json.loads(before)["series"]["title"]
    assert not list(bundle.root.glob(".*.tmp"))


def test_backup_rotation_never_replaces_good_backup_with_garbage(bundle: ProjectBundle) -> None:
    _saved_twice(bundle)
    bundle.project_file.write_bytes(b"garbage")
    series = decode(bundle.backup_file.read_bytes(), str(bundle.backup_file))
    series.title = "Third"
    bundle.save(series)
    assert json.loads(bundle.backup_file.read_bytes())["series"]["title"] == "First"
    assert (bundle.root / BACKUP_FILE).exists()


def test_backup_is_independent_of_project_file(bundle: ProjectBundle) -> None:
    """The hard-linked backup must not change when project.json is rewritten."""
    _saved_twice(bundle)
    backup = bundle.backup_file.read_bytes()
    series = bundle.load()
    series.title = "Third"
    bundle.save(series)
    assert decode(bundle.backup_file.read_bytes(), str(bundle.backup_file)).title == "Second"
    assert backup != bundle.backup_file.read_bytes()
    assert bundle.load().title == "Third"


def test_autosave_failure_is_reported_not_fatal(qtbot, session, tmp_path: Path, request) -> None:
    """The folder turns read-only while editing: autosave reports it, the work stays in memory."""
    mnt = request.getfixturevalue("mounted_tmpfs") if _can_mount() else None
    bundle = ProjectBundle.create((mnt or tmp_path) / "Turns.mdrama", small_series("Before"))
    session.open(bundle.root)
    before = bundle.project_file.read_bytes()
    _make_read_only(bundle.root, mnt)
    session.document.edit(session.series, "Rename", title="Unsaved")
    with qtbot.waitSignal(session.autosaver.autosaveFailed, timeout=10_000) as blocker:
        assert session.autosaver.autosave_now()
    assert "Autosave to" in blocker.args[0] and "Save your work" in blocker.args[0]
    assert session.series.title == "Unsaved" and session.is_modified
    assert bundle.project_file.read_bytes() == before
    assert session.autosaver.pending  # it will try again on the next tick
