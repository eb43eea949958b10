"""Tiny real projects for the fault tests: one still on the picture track, saved on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.bundle import ProjectBundle
from app.model import Clip, Episode, Series, TrackKind

REPO = Path(__file__).resolve().parents[2]


def make_project(root: Path, frames: int, still: Path) -> ProjectBundle:
    """A bundle whose one episode shows ``still`` for ``frames`` frames at 30 fps."""
    from app.media.probe import probe_file

    series = Series(title="Faults")
    episode = Episode(number=1, title="One")
    series.episodes.append(episode)
    bundle = ProjectBundle.create(root, series)
    asset = bundle.import_file(still)
    asset.probe = probe_file(bundle.resolve(asset.path))
    series.media[asset.id] = asset
    episode.timeline.first_track(TrackKind.PICTURE).clips.append(Clip(asset_id=asset.id, start=0, duration=frames))
    bundle.save(series)
    return bundle


@pytest.fixture(scope="module")
def still(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("still") / "still.png"
    y, x = np.mgrid[0:640, 0:360]
    img = np.dstack([(x * 255 // 360), (y * 255 // 640), np.full_like(x, 90)]).astype(np.uint8)
    cv2.imwrite(str(path), img)
    return path


@pytest.fixture
def project_factory(tmp_path: Path, still: Path) -> Callable[..., ProjectBundle]:
    def make(name: str = "Tiny", frames: int = 15) -> ProjectBundle:
        return make_project(tmp_path / f"{name}.mdrama", frames, still)
    return make


def export_in_process(bundle: ProjectBundle, out: Path) -> Path:
    """Export episode 1 with the draft preset through the real Exporter (needs a QGuiApplication: qapp)."""
    from app.media.export import Exporter, ExportOptions
    from app.media.presets import get_preset

    series = bundle.load()
    options = ExportOptions(preset=get_preset("draft"), write_srt=False, fingerprint=False)
    return Exporter(series, bundle, series.episodes[0], out, options).run().path


def cli(*args: str, umask: int | None = None, timeout: float = 120, **popen) -> subprocess.CompletedProcess:
    """Run ``microdrama ARGS`` in a real subprocess (offscreen, optionally under ``umask``)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "widgets.launch", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, env=env, preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
                          **popen)
