"""OpenTimelineIO export is readable by the OTIO library and round-trips through our importer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import opentimelineio as otio

from app.document import ProjectDocument
from app.interchange.otio_io import otio_to_timeline, read_otio, write_otio
from app.model.serial import to_data

REPO = Path(__file__).resolve().parents[2]


def _clip_summary(timeline) -> list:
    return sorted((c.name, c.start, c.duration, c.source_in, c.asset_id, c.text, c.gain_db)
                  for t in timeline.tracks for c in t.clips)


def test_exported_otio_has_right_clips_ranges_and_media(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    out = write_otio(series, episode, bundle, tmp_path / "e1.otio")
    tl = otio.adapters.read_from_file(str(out))
    clips = {c.name: c for c in tl.find_clips()}
    shot1 = clips["Shot 1"]
    assert shot1.source_range.start_time.to_frames() == 10
    assert shot1.source_range.duration.to_frames() == 45
    assert shot1.media_reference.target_url.startswith("file://")
    assert Path(otio.url_utils.filepath_from_url(shot1.media_reference.target_url)).is_file()
    assert shot1.media_reference.available_range.duration.to_frames() == 60
    # Shot 2 starts after a 5-frame gap on the picture track
    picture = next(t for t in tl.tracks if t.name == "Picture")
    assert picture.range_of_child(clips["Shot 2"]).start_time.to_frames() == 50
    # the overlapping insert went to a second video track at its own time
    insert_track = next(t for t in tl.tracks if clips["Insert"] in list(t))
    assert insert_track is not picture
    assert insert_track.range_of_child(clips["Insert"]).start_time.to_frames() == 100
    audio = [t for t in tl.tracks if t.kind == otio.schema.TrackKind.Audio and len(t)]
    assert audio and audio[0].range_of_child(clips["Lin 1"]).start_time.to_frames() == 12
    assert tl.duration().to_frames() == episode.timeline.duration
    assert [m.name for m in tl.tracks.markers] == ["hook"]


def test_round_trip_restores_the_timeline(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    out = write_otio(series, episode, bundle, tmp_path / "e1.otio")
    restored, problems = otio_to_timeline(read_otio(out), series)
    assert problems == []
    assert _clip_summary(restored) == _clip_summary(episode.timeline)
    assert [t.kind for t in restored.tracks] == [t.kind for t in episode.timeline.tracks]
    assert [to_data(m) for m in restored.markers] == [to_data(m) for m in episode.timeline.markers]
    kb = next(c for t in restored.tracks for c in t.clips if c.name == "Shot 2").ken_burns
    assert kb is not None and kb.end.w == 0.8


def test_import_of_foreign_otio_imports_media_into_bundle(small_project, tmp_path) -> None:
    bundle, series, episode = small_project
    # A timeline as another editor would write it: no microdrama metadata, a new file.
    new_file = tmp_path / "from_resolve.wav"
    import numpy as np
    import soundfile as sf

    sf.write(new_file, np.zeros(24000, np.float32), 48000)
    tl = otio.schema.Timeline(name="foreign")
    track = otio.schema.Track(name="A1", kind=otio.schema.TrackKind.Audio)
    track.append(otio.schema.Gap(source_range=otio.opentime.TimeRange(duration=otio.opentime.RationalTime(15, 30))))
    track.append(otio.schema.Clip(name="music", media_reference=otio.schema.ExternalReference(
        target_url=new_file.as_uri()), source_range=otio.opentime.TimeRange(
        otio.opentime.RationalTime(0, 30), otio.opentime.RationalTime(15, 30))))
    track.append(otio.schema.Clip(name="lost", media_reference=otio.schema.ExternalReference(
        target_url="file:///nowhere/lost.mov"), source_range=otio.opentime.TimeRange(
        otio.opentime.RationalTime(0, 30), otio.opentime.RationalTime(5, 30))))
    tl.tracks.append(track)

    def import_file(path: Path) -> str:
        asset = bundle.import_file(path)
        series.media[asset.id] = asset
        return asset.id

    restored, problems = otio_to_timeline(tl, series, import_file)
    (music,) = [c for t in restored.tracks for c in t.clips if c.name == "music"]
    assert music.start == 15 and series.media[music.asset_id].path.startswith("media/")
    assert len(problems) == 1 and "lost" in problems[0]
    # applying it is one undo step on the document
    doc = ProjectDocument(series)
    before = to_data(episode.timeline)
    doc.edit(episode, "Import OTIO", timeline=restored)
    doc.undo_stack.undo()
    assert to_data(episode.timeline) == before


def test_cli_export_otio(small_project, tmp_path) -> None:
    bundle, _, episode = small_project
    result = subprocess.run([sys.executable, "-m", "widgets.launch", "export-otio", str(bundle.root),
                             "--episode", "1", "--out", str(tmp_path / "cli.otio")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert otio.adapters.read_from_file(str(tmp_path / "cli.otio")).duration().to_frames() == episode.timeline.duration
