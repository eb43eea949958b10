"""The split project file: what a save writes, all-or-nothing under SIGKILL, damaged parts, migration."""

from __future__ import annotations

import gzip
import json
import random
import re
import signal
import time
from pathlib import Path

import pytest

from app.bundle import ProjectBundle, ProjectFileError
from app.model.schema import decode
from app.model.serial import to_data
from app.project_files import EPISODES_DIR, MEDIA_DIR
from app.session import Session

from .conftest import child, season_series

DATA = Path(__file__).parent / "data"


@pytest.fixture
def season(tmp_path: Path, qapp) -> Path:
    session = Session()
    session.create(tmp_path / "Season.mdrama", season_series())
    root = session.bundle.root
    session.close()
    return root


def _written_since(root: Path, since: float) -> dict[str, int]:
    out = {}
    for path in root.rglob("*.json"):
        if path.stat().st_mtime >= since:
            out[path.relative_to(root).as_posix()] = path.stat().st_size
    return out


def test_saving_one_edited_episode_writes_that_episode_and_project_json_only(season: Path, qapp) -> None:
    session = Session()
    session.open(season)
    manifest = json.loads((season / "project.json").read_bytes())
    assert manifest["layout"] == "split" and manifest["series"]["episodes"] == []
    assert len(manifest["episodes"]) == 6 and all(e["file"].startswith("episodes/") for e in manifest["episodes"])
    before = {e["id"]: e["file"] for e in manifest["episodes"]}
    time.sleep(0.05)
    mark = time.time()
    time.sleep(0.05)
    third = session.series.episodes[2]
    session.document.edit(next(third.shots()), "prompt", image_prompt="a new prompt 新的")
    session.save()
    written = _written_since(season, mark)
    after = {e["id"]: e["file"] for e in json.loads((season / "project.json").read_bytes())["episodes"]}
    assert set(written) == {"project.json", after[third.id]}  # nothing of the other five episodes
    assert after[third.id] != before[third.id] and all(after[i] == before[i] for i in before if i != third.id)
    assert (season / before[third.id]).exists()  # the backup still names the old part
    session.close()
    again = ProjectBundle(season).load()
    assert next(again.episodes[2].shots()).image_prompt == "a new prompt 新的"
    assert ProjectBundle(season).load(use_backup=True).episodes[2].title == third.title


def test_background_save_keeps_later_edits_unsaved_and_writes_them_next_time(season: Path, qapp, qtbot) -> None:
    session = Session()
    session.open(season)
    first, second = session.series.episodes[0], session.series.episodes[1]
    session.document.edit(first, "t", title="saved in the background")
    with qtbot.waitSignal(session.saved, timeout=10_000):
        session.save_in_background()
        session.document.edit(second, "t", title="edited while it was written")
        assert session.is_modified
    assert ProjectBundle(season).load().episodes[1].title != "edited while it was written"
    session.save()
    on_disk = ProjectBundle(season).load()
    assert [on_disk.episodes[0].title, on_disk.episodes[1].title] == [
        "saved in the background", "edited while it was written"]
    session.close()


def test_undo_after_save_is_saved_too(season: Path, qapp) -> None:
    session = Session()
    session.open(season)
    ep = session.series.episodes[4]
    session.document.edit(ep, "t", title="changed")
    session.save()
    session.document.undo_stack.undo()
    session.save()
    assert ProjectBundle(season).load().episodes[4].title == "v0 episode 5"
    session.close()


def test_a_damaged_part_file_is_named_and_the_backup_offered(season: Path, qapp) -> None:
    session = Session()
    session.open(season)
    session.document.edit(session.series.episodes[0], "t", title="second save")
    session.save()
    session.close()
    part = season / json.loads((season / "project.json").read_bytes())["episodes"][0]["file"]
    part.write_bytes(part.read_bytes()[:-40])
    with pytest.raises(ProjectFileError) as info:
        Session().open(season)
    assert part.relative_to(season).as_posix() in str(info.value) and "backup" in str(info.value)
    assert info.value.backup is not None and info.value.backup.usable
    part.unlink()
    with pytest.raises(ProjectFileError, match="is missing or unreadable"):
        ProjectBundle(season).load()
    assert ProjectBundle(season).load(use_backup=True).episodes[0].title == "v0 episode 1"


def test_a_value_out_of_range_inside_an_episode_part_is_refused_naming_its_path(season: Path) -> None:
    manifest = json.loads((season / "project.json").read_bytes())
    entry = manifest["episodes"][1]
    doc = json.loads((season / entry["file"]).read_bytes())
    doc["episode"]["scenes"][0]["shots"][0]["duration"] = 0
    raw = (json.dumps(doc, indent=2) + "\n").encode()
    import hashlib

    (season / entry["file"]).write_bytes(raw)
    entry["sha256"] = hashlib.sha256(raw).hexdigest()  # a hand edit that kept the checksum right
    (season / "project.json").write_text(json.dumps(manifest, indent=2))
    # episodes after the first are read on first use: the bad value is reported then, with its path
    episode = ProjectBundle(season).load().episodes[1]
    assert episode.scenes == []  # read now: shown empty, never the bad data
    assert re.search(r"series\.episodes\[1\]\.scenes\[0\]\.shots\[0\]\.duration: 0 frames", episode.damaged)
    assert entry["file"] in episode.damaged
    manifest["episodes"][0], manifest["episodes"][1] = manifest["episodes"][1], manifest["episodes"][0]
    (season / "project.json").write_text(json.dumps(manifest, indent=2))
    with pytest.raises(ProjectFileError, match=r"series\.episodes\[0\]\.scenes\[0\]\.shots\[0\]\.duration: 0 frames"):
        ProjectBundle(season).load()  # the episode shown at open is read at open: the backup is offered


def test_an_older_app_refuses_a_split_project_instead_of_showing_it_empty(season: Path) -> None:
    from app.model.schema import SCHEMA_VERSION

    manifest = json.loads((season / "project.json").read_bytes())
    assert manifest["schema_version"] > SCHEMA_VERSION  # what the single-file reader checks first


_SAVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from app.session import Session
app = QCoreApplication([])
session = Session()
session.open(Path(sys.argv[1]))
series = session.series
n = int(series.title.removeprefix("v"))
print("ready", flush=True)
while True:
    n += 1
    with session.document.macro("round"):
        session.document.edit(series, "t", title=f"v{n}")
        for ep in series.episodes:  # every part changes: the save writes 7 files
            session.document.edit(ep, "t", title=f"v{n} episode {ep.number}")
            session.document.edit(next(ep.shots()), "p", image_prompt=f"v{n} " + "x" * 20000)
    session.save()
    print(n, flush=True)
"""


def _version(series) -> int:
    """The save a loaded project is: every file must agree (a mix would not)."""
    n = int(series.title.removeprefix("v"))
    for ep in series.episodes:
        assert ep.title == f"v{n} episode {ep.number}", (ep.title, n)
        if n:
            assert next(ep.shots()).image_prompt.startswith(f"v{n} ")
    return n


def test_a_sigkill_during_a_multi_file_save_leaves_the_old_or_the_new_project(season: Path, qapp) -> None:
    rng = random.Random(17)
    last = 0
    orphans_seen = 0
    for _round in range(12):
        proc = child(_SAVER, str(season))
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        done = [int(x) for x in out.split()]
        last_done = done[-1] if done else last
        version = _version(ProjectBundle(season).load())
        assert version in (last_done, last_done + 1), (version, last_done)  # never older than a finished save
        backup = ProjectBundle(season).load(use_backup=True)
        assert _version(backup) in (version - 1, version)
        referenced = {e["file"] for key in ("episodes", "media")
                      for e in json.loads((season / "project.json").read_bytes())[key]}
        parts = {p.relative_to(season).as_posix() for d in (EPISODES_DIR, MEDIA_DIR) for p in (season / d).glob("*")}
        orphans_seen += bool(parts - referenced)
        last = version
    assert last > 0
    # the editor opening it again cleans up and goes on saving normally
    session = Session()
    session.open(season)
    session.document.edit(session.series, "t", title=f"v{last + 1}")
    for ep in session.series.episodes:
        session.document.edit(ep, "t", title=f"v{last + 1} episode {ep.number}")
        session.document.edit(next(ep.shots()), "p", image_prompt=f"v{last + 1} done")
    session.save()
    session.close()
    assert _version(ProjectBundle(season).load()) == last + 1


def test_a_single_file_project_is_split_on_open_keeping_every_field_and_the_original(tmp_path: Path, qapp) -> None:
    """The fixture is a project.json written by the app before the split (``microdrama demo`` of 2 episodes)."""
    original = gzip.decompress((DATA / "single-file-v1.project.json.gz").read_bytes())
    root = tmp_path / "Old.mdrama"
    root.mkdir()
    (root / "project.json").write_bytes(original)
    expected = to_data(decode(original, str(root / "project.json")))
    session = Session()
    session.open(root)
    assert to_data(session.series) == expected
    session.save_worker.wait()  # the split runs on the writer thread
    manifest = json.loads((root / "project.json").read_bytes())
    assert manifest["layout"] == "split" and len(manifest["episodes"]) == 2
    kept = list((root / "backups").glob("project.single-file-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == original
    assert not session.is_modified
    # after the split, a one-episode edit writes only that episode
    session.document.edit(session.series.episodes[1], "t", title="改过的标题")
    session.save()
    session.close()
    again = to_data(ProjectBundle(root).load())
    expected["episodes"][1]["title"] = "改过的标题"
    assert again == expected
    assert len(list((root / "backups").glob("*"))) == 1  # the original is kept once
