"""Render workers read frozen episode copies (app.preview.snapshot): made once per episode and edit,
shared by the preview player and the booth picture, never for an edit of another episode, never
for a hidden booth picture; and the media services' resolved paths follow a replaced file."""

from __future__ import annotations

import os

import numpy as np
import pytest

from app.bundle import BundleError
from app.media.probe import probe_file
from app.media.synth import read_code
from app.model import Clip, Episode, Scene, Series, Shot, TrackKind
from app.preview.snapshot import episode_snapshots
from app.session import Session
from tests.timeline.media_project import CLIP_FRAMES, make_media
from widgets.booth.picture import PicturePreview
from widgets.player.panel import PreviewPanel

SOURCE_IN = (10, 60)  # episode 1 shows source frames from 10, episode 2 from 60


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return make_media(tmp_path_factory.mktemp("snapshot-media"))


@pytest.fixture
def session(project_dir, media):
    """Two episodes, each one shot whose picture is the counter clip from its own source frame."""
    video, _tone = media
    series = Series(title="Snapshots")
    for number in (1, 2):
        episode = Episode(number=number, title=f"Episode {number}")
        episode.scenes.append(Scene(number=1, shots=[Shot(code=f"E0{number}-001", number=1, duration=60)]))
        series.episodes.append(episode)
    session = Session()
    session.create(project_dir, series)
    asset = session.bundle.import_file(video)
    asset.probe = probe_file(session.bundle.resolve(asset.path))
    session.document.add_media_raw(asset)
    for episode, source_in in zip(session.series.episodes, SOURCE_IN, strict=True):
        shot = next(episode.shots())
        episode.timeline.first_track(TrackKind.PICTURE).clips.append(
            Clip(id=f"pic{episode.number}", asset_id=asset.id, start=0, duration=CLIP_FRAMES - 60,
                 source_in=source_in, name="Counter", shot_id=shot.id))
    session.document.replace_series(session.series)  # index the clips added above
    session.set_current_episode(session.series.episodes[0].id)
    yield session
    session.services.jobs.shutdown()
    session.close()


def episodes(session) -> tuple[Episode, Episode]:
    first, second = session.series.episodes
    return first, second


def code_of(image) -> int:
    image = image.convertToFormat(image.Format.Format_RGB888)
    arr = np.frombuffer(image.constBits(), np.uint8, image.bytesPerLine() * image.height())
    rows = arr.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3]
    return read_code(rows.reshape(image.height(), image.width(), 3))


@pytest.fixture
def player(qtbot, session):
    panel = PreviewPanel(session)
    panel.canvas.show_platform = False
    panel.canvas.show_title_safe = False
    panel.resize(420, 820)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.stop()


def shown_code(panel) -> int:
    image = panel.canvas.grab().toImage()
    return code_of(image.copy(panel.canvas.frame_rect().toRect()))


def wait_code(qtbot, panel, code: int) -> None:
    qtbot.waitUntil(lambda: panel.settled and panel.shown_frame == panel.session.playhead
                    and shown_code(panel) == code, timeout=60000)


def test_the_copy_is_made_once_per_episode_and_edit_and_never_for_another_episode(qtbot, session, player) -> None:
    first, second = episodes(session)
    snapshots = episode_snapshots(session.document)
    wait_code(qtbot, player, SOURCE_IN[0])
    made = snapshots.made
    assert snapshots.get(first) is snapshots.get(first) and snapshots.made == made

    # a job landing in another episode: no copy, no new render, the picture is still settled
    session.document.edit(session.document.find("pic2"), "Gain", gain_db=-3.0)
    assert player.settled and snapshots.made == made

    # a macro of edits in this episode (an import placing many files): one copy, one render
    clip = session.document.find("pic1")
    with session.document.macro("Slip"):
        for step in range(1, 6):
            session.document.edit(clip, "Slip", source_in=SOURCE_IN[0] + step)
    assert not player.settled
    wait_code(qtbot, player, SOURCE_IN[0] + 5)
    assert snapshots.made == made + 1
    frozen = snapshots.get(first)
    assert frozen is not first and frozen == first  # an equal copy sharing nothing with the live one
    assert frozen.timeline.tracks[0] is not first.timeline.tracks[0]

    # switching episodes shows each episode's own picture; coming back reuses its copy
    session.set_current_episode(second.id)
    wait_code(qtbot, player, SOURCE_IN[1])
    made = snapshots.made
    session.set_current_episode(first.id)
    wait_code(qtbot, player, SOURCE_IN[0] + 5)
    assert snapshots.made == made


def test_a_hidden_booth_picture_copies_nothing_and_shows_the_right_episode_when_shown(qtbot, session) -> None:
    first, second = episodes(session)
    snapshots = episode_snapshots(session.document)
    picture = PicturePreview(session)
    qtbot.addWidget(picture)
    picture.resize(216, 384)
    made = snapshots.made
    picture.show_shot(first, next(first.shots()), 0)
    session.set_current_episode(second.id)
    picture.show_shot(second, next(second.shots()), 0)  # the booth follows the switch while hidden
    assert snapshots.made == made and picture.image is None
    picture.show()
    qtbot.waitExposed(picture)
    qtbot.waitUntil(lambda: picture.image is not None, timeout=60000)
    assert code_of(picture.image) == SOURCE_IN[1]
    assert snapshots.made == made + 1  # only the episode shown was copied


def test_resolved_media_paths_follow_a_replaced_file(tmp_path, session) -> None:
    services = session.services.media
    asset = next(iter(session.series.media.values()))
    path = services.path_of(asset)
    assert path.is_file() and services.path_of(asset) == path
    # replaced by a new file (a new inode): still the same, valid path
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)
    assert services.path_of(asset) == path
    # replaced by a link that leaves the bundle: refused, as without the cache
    outside = tmp_path / "outside.mp4"
    outside.write_bytes(data)
    path.unlink()
    os.symlink(outside, path)
    with pytest.raises(BundleError):
        services.path_of(asset)
