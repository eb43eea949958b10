"""The clip model chooser in the shot inspector: options from the model cards, greyed items that say why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from app.jobs.manager import job_manager
from app.session import Session
from app.settings_store import settings_store
from widgets.storyboard.panel import StoryboardPanel

SHOTS = Path("/tmp/microdrama-screenshots")


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory):
    """A small saved project (one scene of three shots; the second has a still)."""
    from app.bundle import ProjectBundle
    from tests.jobs.conftest import make_series
    from tests.providers.servers.media import png_bytes

    session = Session()
    session.create(tmp_path_factory.mktemp("proj") / "Rain.mdrama", make_series())
    root = session.bundle.root
    session.close()
    still = root / "still.png"
    still.write_bytes(png_bytes(360, 640))
    bundle = ProjectBundle(root)
    series = bundle.load()
    asset = bundle.import_file(still)
    series.media[asset.id] = asset
    shot = list(series.episodes[0].shots())[1]
    shot.stills, shot.chosen_still = [asset.id], asset.id
    bundle.save(series)
    return root


@pytest.fixture
def panel(demo_copy, tmp_path, qtbot):
    import shutil

    root = tmp_path / "Demo.mdrama"
    shutil.copytree(demo_copy, root)
    session = Session()
    session.open(root)
    settings_store().set("defaults", "video", "kling")
    widget = StoryboardPanel(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget
    job_manager(session).shutdown()
    session.close()
    for provider in ("kling", "dashscope", "ark"):  # the settings file is shared by the whole test run
        settings_store().set_provider_settings(provider, {})
    settings_store().set("defaults", "video", None)


def _enabled(combo, data) -> bool:
    index = combo.findData(data)
    return bool(combo.model().item(index).flags() & Qt.ItemFlag.ItemIsEnabled)


def _tip(combo, data) -> str:
    return combo.itemData(combo.findData(data), Qt.ItemDataRole.ToolTipRole) or ""


def test_the_kling_models_offer_only_what_each_can_do(panel, qtbot) -> None:
    picker = panel.inspector.clip_model
    panel.video_provider.setCurrentIndex(panel.video_provider.findData("kling"))
    panel.board.setCurrentRow(1)
    assert picker.isVisible() and picker.model.findData("kling-v3") >= 0
    picker.model.setCurrentIndex(picker.model.findData("kling-v2-5-turbo"))
    assert settings_store().provider_settings("kling")["video_model"] == "kling-v2-5-turbo"
    assert _enabled(picker.length, 5) and not _enabled(picker.length, 7)
    assert "does not make clips of this length" in _tip(picker.length, 7)
    assert not picker.features["multi_shot"].isChecked()
    assert "one shot per call" in picker.features["multi_shot"].toolTip()
    picker.model.setCurrentIndex(picker.model.findData("kling-v3"))
    assert _enabled(picker.length, 7) and picker.features["multi_shot"].isChecked()
    assert picker.features["audio"].isChecked() and picker.features["reference_images"].isChecked()


def test_choosing_a_length_sets_the_shot_and_undoes(panel) -> None:
    picker = panel.inspector.clip_model
    panel.video_provider.setCurrentIndex(panel.video_provider.findData("kling"))
    panel.board.setCurrentRow(0)
    shot = panel.inspector.shot
    before = shot.duration
    picker.model.setCurrentIndex(picker.model.findData("kling-v3"))
    picker.length.setCurrentIndex(picker.length.findData(6))
    assert shot.duration == 6 * panel.session.series.settings.fps
    panel.session.document.undo_stack.undo()
    assert shot.duration == before


def test_regions_grey_out_models_that_are_not_there(panel) -> None:
    settings_store().set_provider_settings("dashscope", {"base_url": "https://dashscope-intl.aliyuncs.com/api/v1"})
    panel.video_provider.setCurrentIndex(panel.video_provider.findData("dashscope"))
    panel.board.setCurrentRow(1)
    picker = panel.inspector.clip_model
    assert not _enabled(picker.model, "wan2.2-kf2v-flash")  # start+end frame Wan is Beijing only
    assert "not offered in the region" in _tip(picker.model, "wan2.2-kf2v-flash")
    assert "USD" in picker.model.itemText(picker.model.findData("wan2.6-i2v-flash"))
    assert not _enabled(picker.quality, "480p") and _enabled(picker.quality, "1080p")  # wan2.6: 720P/1080P


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(demo_copy, tmp_path, qtbot, language) -> None:
    import shutil

    from PySide6.QtWidgets import QApplication

    from widgets.shell import i18n
    from widgets.shell.theme import apply_theme

    i18n.install_language(language)  # before the widgets exist: they translate their texts once
    apply_theme(QApplication.instance(), language)
    root = tmp_path / "Shots.mdrama"
    shutil.copytree(demo_copy, root)
    session = Session()
    session.open(root)
    settings_store().set("defaults", "video", "ark")
    try:
        panel = StoryboardPanel(session)
        qtbot.addWidget(panel)
        panel.show()
        panel.board.setCurrentRow(1)
        picker = panel.inspector.clip_model
        picker.model.setCurrentIndex(picker.model.findData("doubao-seedance-1-0-lite-i2v-250428"))
        SHOTS.mkdir(exist_ok=True)
        for size in ((1366, 768), (1600, 1000)):
            panel.resize(*size)
            panel.inspector.findChild(QScrollArea).ensureWidgetVisible(picker)
            qtbot.wait(100)
            panel.grab().save(str(SHOTS / f"clip-model-{language}-{size[0]}.png"))
        picker.grab().save(str(SHOTS / f"clip-model-picker-{language}.png"))
        if language == "zh_CN":
            assert picker.features["first_frame"].text() == "首帧"
            assert "只能文生视频" in picker.note.text() or picker.note.text() == ""
    finally:
        i18n.install_language("en")
        job_manager(session).shutdown()
        session.close()
        settings_store().set_provider_settings("ark", {})
        settings_store().set("defaults", "video", None)
