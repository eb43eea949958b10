"""Kling lip sync on a creator's own clip (hosted on fal.ai's storage first) and the face that speaks."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt

from app.bundle import ProjectBundle
from app.media.synth import sine
from providers import errors as E
from providers import registry
from providers.errors import ProviderError
from providers.lipsync import LipSyncRequest
from providers.lipsync_kling import pick_face
from tests.providers.servers.fal import API_KEY as FAL_KEY
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from tests.voices.test_lipsync import _project, _run, media  # noqa: F401 - the module's clip and take


@pytest.fixture(scope="module")
def wav3(tmp_path_factory):
    """A 3 s take: Kling wants at least 2 s of sound."""
    path = tmp_path_factory.mktemp("faces") / "take3.wav"
    soundfile.write(str(path), sine(220, 3.0, channels=1).astype(np.float32).reshape(-1), 48000)
    return path


def _kling(kling_server, fal_server, tmp_path):
    return registry.create("kling_lipsync", {"base_url": kling_server.url, "access_key": ACCESS_KEY,
                                             "secret_key": SECRET_KEY, "media_host": "fal",
                                             "host_url": fal_server.url, "host_api_key": FAL_KEY, "timeout": 10},
                           staging_dir=tmp_path)


def test_a_clip_made_elsewhere_is_hosted_on_fal_then_kling_fetches_it(kling_server, fal_server, media, wav3, tmp_path):  # noqa: F811, E501
    provider = _kling(kling_server, fal_server, tmp_path)
    provider.submit(LipSyncRequest(video=str(media["clip"]), audio=str(wav3), client_ref="own-1"))
    initiate = fal_server.received("POST /storage/upload/initiate")
    assert len(initiate) == 1 and initiate[0].json() == {"file_name": "clip.mp4", "content_type": "video/mp4"}
    assert initiate[0].query == {"storage_type": "fal-cdn-v3"}
    put = fal_server.received("PUT /upload/")
    assert len(put) == 1 and "Authorization" not in put[0].headers  # the key stays with fal's API
    link = kling_server.received("POST /v1/videos/identify-face")[0].json()["video_url"]
    assert link.startswith(fal_server.url + "/files/")
    assert kling_server.fetched_clips == [media["clip"].read_bytes()]  # Kling got exactly the clip
    assert len(kling_server.received("POST /v1/videos/advanced-lip-sync")) == 1


def test_no_host_and_no_kling_id_is_a_clear_refusal_before_anything_is_sent(kling_server, media, tmp_path):  # noqa: F811
    provider = registry.create("kling_lipsync", {"base_url": kling_server.url, "access_key": ACCESS_KEY,
                                                 "secret_key": SECRET_KEY, "media_host": "none", "timeout": 10},
                               staging_dir=tmp_path)
    with pytest.raises(ProviderError, match="clip host") as info:
        provider.submit(LipSyncRequest(video=str(media["clip"]), audio=str(media["wav"])))
    assert info.value.kind == E.CONFIG and not kling_server.received("POST /v1")


def test_the_face_on_screen_longest_speaks_unless_the_user_chose_one(kling_server, fal_server, media, wav3, tmp_path):  # noqa: F811, E501
    faces = [{"face_id": "0", "start_time": 0, "end_time": 1000}, {"face_id": "1", "start_time": 500,
                                                                   "end_time": 4500}]
    assert pick_face(faces)["face_id"] == "1" and pick_face(faces, 1)["face_id"] == "0"
    kling_server.faces, kling_server.face_spans = 2, [(0, 1000), (500, 4500)]
    provider = _kling(kling_server, fal_server, tmp_path)
    with pytest.raises(ProviderError, match="face 3 was asked for, but Kling found 2"):
        provider.submit(LipSyncRequest(video=str(media["clip"]), audio=str(wav3), parameters={"face_index": 3}))
    assert not kling_server.received("POST /v1/videos/advanced-lip-sync")  # nothing paid
    found = provider.find_faces(LipSyncRequest(video=str(media["clip"]), audio=str(media["wav"])))
    assert [f["face_id"] for f in found] == ["0", "1"] and found[1]["face_image"].endswith(".png")


def test_cli_face_choice_is_remembered_and_the_upload_is_announced(kling_server, fal_server, media, tmp_path):  # noqa: F811
    kling_server.faces, kling_server.face_spans = 2, [(0, 3000), (0, 1000)]
    root = _project(tmp_path, media["clip"], media["wav"])  # an imported clip: no Kling id
    env = {"MICRODRAMA_KLING_LIPSYNC_BASE_URL": kling_server.url, "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
           "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY, "MICRODRAMA_FAL_API_KEY": FAL_KEY,
           "MICRODRAMA_KLING_LIPSYNC_HOST_URL": fal_server.url}
    result = _run(root, tmp_path, env, "--provider", "kling_lipsync", "--face", "2")
    assert result.returncode == 0, result.stderr
    assert "uploaded to fal.ai's file storage" in result.stderr and "Price unknown" in result.stderr
    sent = kling_server.received("POST /v1/videos/advanced-lip-sync")
    assert len(sent) == 1 and sent[0].json()["face_choose"][0]["face_id"] == "1"
    shot = next(iter(ProjectBundle(root).load().episodes[0].shots()))
    assert shot.lipsync_face == 2 and len(shot.clips) == 2
    bad = _run(root, tmp_path, env, "--provider", "kling_lipsync", "--face", "-1")
    assert bad.returncode == 2 and "--face" in bad.stderr and "Traceback" not in bad.stderr


def test_storyboard_face_chooser_shows_the_faces_and_keeps_the_pick(kling_server, fal_server, media, tmp_path, qtbot, monkeypatch):  # noqa: F811, E501
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.jobs.manager import job_manager
    from app.session import Session
    from widgets.storyboard.panel import StoryboardPanel
    from widgets.voices.face_chooser import FaceChooserDialog

    for name, value in {"MICRODRAMA_SETTINGS_DIR": str(tmp_path / "settings"), "MICRODRAMA_POLL_INTERVAL": "0.05",
                        "MICRODRAMA_KLING_LIPSYNC_BASE_URL": kling_server.url,
                        "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY, "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY,
                        "MICRODRAMA_FAL_API_KEY": FAL_KEY, "MICRODRAMA_KLING_LIPSYNC_HOST_URL": fal_server.url}.items():
        monkeypatch.setenv(name, value)
    kling_server.faces, kling_server.face_spans = 3, [(0, 1000), (0, 2500), (500, 1500)]
    root = _project(tmp_path, media["clip"], media["wav"])
    session = Session()
    session.open(root)
    seen: list[FaceChooserDialog] = []

    def pick_second() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FaceChooserDialog):
            QTimer.singleShot(50, pick_second)
            return
        seen.append(dialog)
        assert dialog.chosen_index == 0  # automatic until the user picks
        qtbot.mouseClick(dialog.buttons[2], Qt.MouseButton.LeftButton)
        dialog.accept()

    try:
        session.set_current_episode(session.series.episodes[0].id)
        panel = StoryboardPanel(session)
        qtbot.addWidget(panel)
        shot = next(iter(session.current_episode.shots()))
        session.select_shot(shot.id)
        QTimer.singleShot(50, pick_second)
        panel.voice_actions.act_lipsync_face.trigger()
        qtbot.waitUntil(lambda: shot.lipsync_face == 2, timeout=30000)
        dialog = seen[0]
        assert len(dialog.buttons) == 3 and not dialog.buttons[1].icon().isNull()  # the face previews show
        assert "(" in dialog.buttons[2].text()  # face 2 is on screen longest: the automatic choice
        assert not kling_server.received("POST /v1/videos/advanced-lip-sync")  # finding faces pays nothing
        session.document.undo_stack.undo()
        assert shot.lipsync_face == 0
    finally:
        job_manager(session).shutdown()
        session.close()
