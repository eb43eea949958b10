"""The background missing-media check gives the same verdicts as ProjectBundle.media_problems."""

from __future__ import annotations

import os
from pathlib import Path

from app.bundle import ProjectBundle
from app.media_check import check_paths, paths_to_check
from app.model import MediaAsset, MediaKind, Series


def test_quick_check_agrees_with_the_full_one_on_every_kind_of_path(tmp_path: Path, qapp) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"x")
    series = Series(title="paths")
    bundle = ProjectBundle.create(tmp_path / "P", series)
    root = bundle.root
    (root / "media" / "ab").mkdir(parents=True)
    (root / "media" / "ab" / "ok.png").write_bytes(b"x")
    os.symlink(outside, root / "media" / "evil")  # a folder inside that leads out
    os.symlink(outside / "secret.png", root / "media" / "ab" / "link.png")  # a file that leads out
    os.symlink(root / "media" / "ab" / "ok.png", root / "media" / "ab" / "inner.png")  # a link that stays in
    (root / "media" / "ab" / "dir.png").mkdir()  # not a file
    paths = {"ok": "media/ab/ok.png", "gone": "media/ab/gone.png", "evil": "media/evil/secret.png",
             "link": "media/ab/link.png", "inner": "media/ab/inner.png", "dir": "media/ab/dir.png",
             "up": "../outside/secret.png", "abs": str(outside / "secret.png"), "dots": "media/../media/ab/ok.png",
             "empty_folder": "ok-at-root.png"}
    for key, rel in paths.items():
        series.media[key] = MediaAsset(id=key, path=rel, kind=MediaKind.IMAGE, original_name=key)
    full = {(p.obj_id, p.reason) for p in bundle.media_problems(series)}
    quick = {(p.obj_id, p.reason) for p in check_paths(bundle, paths_to_check(series))}
    assert quick == full
    assert {"ok", "inner", "dots"}.isdisjoint({k for k, _ in full})
    assert {("evil", "outside"), ("link", "outside"), ("up", "outside"), ("abs", "outside"),
            ("gone", "missing"), ("dir", "missing")} <= full
