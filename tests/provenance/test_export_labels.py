"""What an export carries for provenance: the visible AI label (size, place, duration, measured
from the decoded frames), the AIGC tag as ffprobe reads it, a fingerprint the theft check
finds, and optional C2PA content credentials."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from app.bundle import ProjectBundle
from app.fingerprint.store import load_all
from app.media.export import Exporter, ExportOptions
from app.media.presets import get_preset
from app.model import Clip, Episode, Series, TrackKind
from app.provenance.content_credentials import read_manifest
from tests.provenance.test_content_credentials import test_identity  # noqa: F401

FPS = 30
SECONDS = 5


@pytest.fixture(scope="module")
def labelled_export(tmp_path_factory, qapp):  # text is drawn with Qt: needs the application
    root = tmp_path_factory.mktemp("label")
    series = Series(title="Label test")
    series.settings.content_producer = "Studio Lin"
    episode = Episode(number=1)
    series.episodes.append(episode)
    bundle = ProjectBundle.create(root / "L.mdrama", series)
    still = root / "grey.png"
    cv2.imwrite(str(still), np.full((1920, 1080, 3), 70, np.uint8))
    asset = bundle.import_file(still)
    asset.probe = {"kind": "image", "width": 1080, "height": 1920}
    series.media[asset.id] = asset
    episode.timeline.first_track(TrackKind.PICTURE).clips.append(Clip(asset_id=asset.id, duration=SECONDS * FPS))
    out = root / "ep1.mp4"
    Exporter(series, bundle, episode, out, ExportOptions(preset=get_preset("draft"), write_srt=False)).run()
    return series, bundle, episode, out


def _frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]


def test_visible_label_is_big_enough_in_a_corner_for_at_least_two_seconds(labelled_export) -> None:
    _, _, _, out = labelled_export
    frames = _frames(out)
    height, width = frames[0].shape[:2]
    background = np.median(frames[-1].reshape(-1, 3), axis=0)

    def label_box(frame: np.ndarray):
        changed = np.abs(frame.astype(int) - background).max(axis=2) > 40
        ys, xs = np.nonzero(changed)
        return (ys.min(), ys.max(), xs.min(), xs.max()) if len(ys) else None

    labelled = [label_box(f) is not None for f in frames]
    first_unlabelled = labelled.index(False)
    assert all(labelled[:first_unlabelled]) and first_unlabelled >= 2 * FPS  # shown >= 2 s from the start
    y0, y1, x0, x1 = label_box(frames[0])
    assert (y1 - y0 + 1) >= 0.05 * min(width, height)  # text height >= 5% of the shorter side
    assert y0 < height * 0.15 and (x0 < width * 0.15 or x1 > width * 0.85)  # at a corner
    assert not any(labelled[first_unlabelled:])


def test_aigc_tag_is_readable_with_ffprobe(labelled_export) -> None:
    series, _, _, out = labelled_export
    info = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_format", "-of", "json", str(out)],
                                     capture_output=True, text=True, check=True).stdout)
    tag = json.loads(info["format"]["tags"]["AIGC"])
    assert tag["Label"] in {"1", "2", "3"} and tag["ContentProducer"] == "Studio Lin"


def test_every_export_is_fingerprinted_for_the_theft_check(labelled_export) -> None:
    # (a flat grey episode carries no identity to match; matching is tested in tests/fingerprint)
    _, bundle, episode, out = labelled_export
    prints = load_all(bundle)
    assert [p.episode_id for p in prints] == [episode.id] and Path(prints[0].source_file) == out.absolute()
    assert len(prints[0].times) >= SECONDS * 5 - 1


def test_export_signed_with_content_credentials(labelled_export, test_identity, tmp_path) -> None:  # noqa: F811
    series, bundle, episode, _ = labelled_export
    out = tmp_path / "signed.mp4"
    Exporter(series, bundle, episode, out, ExportOptions(preset=get_preset("draft"), write_srt=False,
                                                         fingerprint=False, signing=test_identity)).run()
    manifest = read_manifest(out)
    assert manifest["claim_generator_info"][0]["name"] == "Microdrama Studio"
    assert len(_frames(out)) == SECONDS * FPS
