"""Switching episodes on a season does each panel's work once, not once per asset."""

from __future__ import annotations

from pathlib import Path

from widgets.provenance.panel import ProvenancePanel


def test_provenance_details_render_once_per_episode_switch(window, qtbot, season: Path) -> None:
    assert window.controller.open_path(season)
    panel = window.docks.panel("ProvenanceDock")  # a tab behind the Storyboard: made when first shown
    assert isinstance(panel, ProvenancePanel)
    window.docks.docks["ProvenanceDock"].raise_()  # on screen: a hidden panel does nothing until shown
    qtbot.waitUntil(panel.isVisible, timeout=10000)
    episodes = window.session.series.episodes
    window.session.set_current_episode(episodes[1].id)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 20)  # a season episode: dozens of assets
    panel.tree.setCurrentItem(panel.tree.topLevelItem(5))
    renders: list[int] = []
    panel.details.textChanged.connect(lambda: renders.append(1))
    window.session.set_current_episode(episodes[2].id)
    qtbot.waitUntil(lambda: panel.summary.text().startswith("Episode 3:"))
    qtbot.wait(50)
    assert panel.tree.topLevelItemCount() > 20
    assert panel.tree.currentItem() is not None and panel.details.toPlainText()
    assert len(renders) <= 2  # setHtml clears then fills: one render, not one per row
    window.docks.docks["StoryboardDock"].raise_()  # the saved layout as it was, for the tests after this one
