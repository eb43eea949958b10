"""Docks in tabs behind others (Jobs, Provenance) are built when first shown, with the project's content.

Start-up builds only what the first paint shows; these tests open the hidden tabs the
way a user does (Generate ▸ Show Jobs, a click on the dock's tab) and check that what
appears is complete, in the language chosen before the panel existed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTabBar

from app.bundle import ProjectBundle
from app.jobs.job import FunctionJob
from app.model import Clip, Episode, MediaKind, Provenance, Series, TrackKind
from widgets.shell.preferences import set_language

LAZY = ("JobsDock", "ProvenanceDock")


@pytest.fixture
def still_project(tmp_path: Path) -> Path:
    """One episode whose picture track holds a generated still with its provenance."""
    still = tmp_path / "rain.png"
    image = QImage(108, 192, QImage.Format.Format_RGB32)
    image.fill(QColor("#334455"))
    assert image.save(str(still))
    episode = Episode(number=1, title="Rain")
    bundle = ProjectBundle.create(tmp_path / "Rain.mdrama", Series(title="Rain", episodes=[episode]))
    series = bundle.load()
    asset = bundle.import_file(still, kind=MediaKind.IMAGE)
    asset.probe = {"kind": "image", "width": 108, "height": 192}
    asset.provenance = Provenance(source="generated", provider="kling", model="kling-v2-1",
                                  prompt="rain at the gate", seed=7, task_id="t-1", cost=0.28)
    series.media[asset.id] = asset
    series.episodes[0].timeline.first_track(TrackKind.PICTURE).clips.append(
        Clip(asset_id=asset.id, start=0, duration=60, name="Gate"))
    bundle.save(series)
    return bundle.root


def _open(window_factory, qtbot, project: Path):  # noqa: ANN202 - a MainWindow
    window = window_factory()
    window.show()
    qtbot.waitExposed(window)
    assert window.controller.open_path(project)
    return window


def _click_tab(window, title: str, qtbot) -> None:
    """Click the dock tab labelled ``title``, as a user brings a dock forward."""

    def find() -> tuple[QTabBar, int] | None:
        for bar in window.findChildren(QTabBar):
            if bar.isVisible() and not bar.visibleRegion().isEmpty():  # Qt keeps unused tab bars around
                for index in range(bar.count()):
                    if bar.tabText(index) == title:
                        return bar, index
        return None

    qtbot.waitUntil(lambda: find() is not None, timeout=10000)  # tab texts follow a language switch later
    found = find()
    assert found is not None
    bar, index = found
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_hidden_tabs_are_built_when_shown_with_the_project_content(window_factory, qtbot, still_project) -> None:
    window = _open(window_factory, qtbot, still_project)
    docks = window.docks
    assert all(docks.panels[name] is None for name in LAZY)  # not made for the first paint
    names = {a.objectName() for menu in window.menus.menus.values() for a in menu.actions()}
    assert {"action_providers", "action_generate_stills", "action_export_otio", "action_theft_check"} <= names

    job = window.session.services.jobs.add(FunctionJob("Proxy for rain.png", lambda ctx: None, resource="other"))
    qtbot.waitUntil(lambda: job.state.finished, timeout=20000)
    window.menus.show_jobs.trigger()  # Generate ▸ Show Jobs
    jobs = docks.panels["JobsDock"]
    assert jobs is not None and jobs.isVisible()
    rows = [jobs.tree.topLevelItem(g).child(r).text(0) for g in range(jobs.tree.topLevelItemCount())
            for r in range(jobs.tree.topLevelItem(g).childCount())]
    assert "Proxy for rain.png" in rows
    assert jobs.commands is docks.commands["JobsDock"]  # the menus' commands, now with the panel's notes

    _click_tab(window, "Provenance", qtbot)
    qtbot.waitUntil(lambda: docks.panels["ProvenanceDock"] is not None, timeout=10000)
    provenance = docks.panels["ProvenanceDock"]
    qtbot.waitUntil(lambda: provenance.tree.topLevelItemCount() == 1, timeout=10000)
    assert "kling" in provenance.tree.topLevelItem(0).text(2)
    assert provenance.isVisible()


def test_started_with_a_project_the_tabs_behind_are_not_built(window_factory, qtbot, still_project) -> None:
    """As the editor starts: the project opens before the window is shown for the first time."""
    window = window_factory()
    assert window.controller.open_path(still_project)
    window.show()
    qtbot.waitExposed(window)
    # the look at the docks really on screen runs once the window is shown
    qtbot.waitUntil(lambda: window.docks.panels["StoryboardDock"] is not None)
    assert window.docks.panels["StoryboardDock"] is not None
    assert all(window.docks.panels[name] is None for name in (*LAZY, "VoiceBoothDock"))


def test_a_panel_built_after_a_language_switch_is_in_that_language(window_factory, qtbot, still_project) -> None:
    window = _open(window_factory, qtbot, still_project)
    set_language("zh_CN")
    qtbot.waitUntil(lambda: window.menus.menus["File"].title() == "文件(&F)")
    providers = next(a for a in window.menus.menus["Edit"].actions() if a.objectName() == "action_providers")
    assert providers.text() == "服务商…"  # made at start-up in English, switched with the rest

    window.menus.show_jobs.trigger()
    jobs = window.docks.panels["JobsDock"]
    assert jobs is not None
    assert jobs.clear_button.text() == "清除已完成"

    _click_tab(window, "来源记录", qtbot)  # the Provenance tab, in Chinese
    qtbot.waitUntil(lambda: window.docks.panels["ProvenanceDock"] is not None, timeout=10000)
    provenance = window.docks.panels["ProvenanceDock"]
    assert provenance.tree.headerItem().text(0) == "素材"
    qtbot.waitUntil(lambda: provenance.tree.topLevelItemCount() == 1, timeout=10000)
