"""An episode switch on a season paints the new episode from sprites made in idle slices and
leaves slow work for idle time.

The timeline keeps the old episode's picture while idle slices make the sprites of the new
episode's clips, then paints them in a turn of its own (a sprite for each of dozens of clips made
in one paint would stall the switch, and so would drawing them all directly and then making their
sprites); what was drawn and loaded for an episode is kept for the next visit; the Provenance
ledger behind another dock's tab is rebuilt only when its tab is raised.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from widgets.provenance.panel import ProvenancePanel
from widgets.timeline.view import TimelineView


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())[
        :, : image.width() * 4].copy()


def drawn_from_scratch(view: TimelineView) -> np.ndarray:
    view.painter.sprites_enabled = False
    try:
        return pixels(view.grab().toImage())
    finally:
        view.painter.sprites_enabled = True


def settled(view: TimelineView, qtbot) -> None:
    """Thumbnails and peaks in, every wanted sprite made, none left drawn with a placeholder."""

    def done() -> bool:  # each look repaints: a sprite drawn before its media arrived is made again
        view.repaint()
        view.media_cache.wait_idle(20000)
        return view.sprites.pending == 0 and view.sprites.incomplete == 0

    qtbot.waitUntil(done, timeout=20000)


def test_switch_makes_the_new_episodes_sprites_before_its_first_paint(window, qtbot, season: Path) -> None:
    assert window.controller.open_path(season)
    view = window.findChild(TimelineView)
    assert view is not None and view.isVisible()
    episodes = window.session.series.episodes
    window.session.set_current_episode(episodes[1].id)
    settled(view, qtbot)
    before = pixels(view.grab().toImage())
    assert np.array_equal(before, drawn_from_scratch(view))  # sprites draw what direct painting draws (fades too)
    kept = len(view.sprites)
    assert kept > 10  # the first episode's clips, all from sprites

    window.session.set_current_episode(episodes[2].id)
    assert view.paint_hold.held  # the old picture stays...
    wanted = view.sprites.pending
    assert wanted > 10 and len(view.sprites) == kept  # ...while the new episode's sprites are made when idle
    qtbot.waitUntil(lambda: not view.paint_hold.held, timeout=10000)  # released by the event loop
    assert view.episode is not None and view.episode.id == episodes[2].id
    assert view.sprites.missed == 0  # its first paint drew every clip from a sprite made before it
    assert len(view.sprites) >= kept + wanted  # the other episode's sprites are kept
    settled(view, qtbot)
    made = len(view.sprites)
    assert np.array_equal(pixels(view.grab().toImage()), drawn_from_scratch(view))
    assert view.sprites.missed == 0 and len(view.sprites) == made  # every clip came from a sprite

    # back to the first episode: its sprites and thumbnails were kept, so nothing is made or drawn directly
    window.session.set_current_episode(episodes[1].id)
    assert view.paint_hold.held and view.sprites.pending == 0
    qtbot.waitUntil(lambda: not view.paint_hold.held, timeout=10000)
    back = pixels(view.grab().toImage())
    assert view.sprites.missed == 0 and len(view.sprites) == made
    assert np.array_equal(back, before)


def on_second_episode(window, qtbot, season: Path) -> tuple[TimelineView, list]:
    """The season open on its second episode, every sprite of it made."""
    assert window.controller.open_path(season)
    view = window.findChild(TimelineView)
    assert view is not None
    episodes = window.session.series.episodes
    window.session.set_current_episode(episodes[1].id)
    settled(view, qtbot)
    return view, episodes


def test_a_hold_let_go_early_paints_the_clips_without_sprites_directly(window, qtbot, season: Path) -> None:
    """A slow machine: the hold's limit ran out before the slices made the sprites. That paint makes
    none itself (dozens would stall it) and draws those clips directly; their sprites follow."""
    view, episodes = on_second_episode(window, qtbot, season)
    kept = len(view.sprites)
    window.session.set_current_episode(episodes[2].id)
    view.paint_hold.release()  # what the limit's timer does, before any slice ran
    assert len(view.sprites) == kept and view.sprites.missed > 10 and view.sprites.pending > 10
    first = pixels(view.grab().toImage())
    qtbot.waitUntil(lambda: view.sprites.pending == 0, timeout=20000)  # made in idle slices
    assert len(view.sprites) > kept + 10
    assert np.array_equal(first, drawn_from_scratch(view))  # the clips were drawn in full


def test_quick_switches_make_only_the_sprites_of_the_episode_shown_last(window, qtbot, season: Path) -> None:
    """Ctrl+PageDown held down: each switch asks for its episode's sprites, and forgets what the one
    before asked for and had no time to make, so the timeline does not wait for pictures it will not show."""
    view, episodes = on_second_episode(window, qtbot, season)
    window.session.set_current_episode(episodes[2].id)
    assert view.paint_hold.held
    first = view.sprites.pending
    assert first > 10
    window.session.set_current_episode(episodes[1].id)  # back at once, no event handled in between
    assert view.sprites.pending == 0  # its sprites were kept; the other episode's are no longer wanted
    qtbot.waitUntil(lambda: not view.paint_hold.held, timeout=10000)
    assert view.episode is not None and view.episode.id == episodes[1].id
    assert view.sprites.missed == 0


def test_a_sprite_drawn_before_its_thumbnails_arrived_is_made_again(window, qtbot, season: Path) -> None:
    """With nothing cached (a season whose episodes share no art), the first sprites are drawn with
    placeholders; each is made again once the media it waited for has arrived."""
    assert window.controller.open_path(season)
    view = window.findChild(TimelineView)
    assert view is not None
    settled(view, qtbot)
    view.media_cache.clear()
    view.wave_tiles.clear()
    view.sprites.clear()
    view.repaint()  # placeholders; the missing thumbnails and peaks are asked for
    while view.sprites.pending:  # the idle slices, run before any result can land (no event handled)
        view.sprites._make_some()
    early = len(view.sprites)
    assert early > 10
    assert view.sprites.incomplete > 0  # drawn with placeholders: thumbnails were still being made

    generation = view.media_cache.generation
    qtbot.waitUntil(lambda: view.media_cache.generation > generation, timeout=20000)  # a result arrived
    view.repaint()
    assert view.sprites.missed == 0  # the stale sprites are shown as they are, not drawn again...
    assert view.sprites.pending > 0  # ...and made again in idle slices (then repainted)
    settled(view, qtbot)  # each look repaints: sprites drawn before media arrived are made again
    assert np.array_equal(pixels(view.grab().toImage()), drawn_from_scratch(view))  # thumbnails in every sprite


def test_hidden_provenance_panel_shows_the_current_episode_when_its_tab_is_raised(window, qtbot, season: Path) -> None:
    assert window.controller.open_path(season)
    panel = window.docks.panel("ProvenanceDock")
    assert isinstance(panel, ProvenancePanel)
    qtbot.waitUntil(lambda: panel.summary.text().startswith("Episode 1:"), timeout=10000)
    window.docks.docks["StoryboardDock"].raise_()  # the Provenance tab behind it (a saved layout may differ)
    qtbot.waitUntil(lambda: not panel.isVisible() or panel.visibleRegion().isEmpty(), timeout=10000)
    episodes = window.session.series.episodes
    window.session.set_current_episode(episodes[2].id)
    qtbot.waitUntil(lambda: panel._stale, timeout=10000)  # the refresh it posted ran and found it out of sight
    assert panel.summary.text().startswith("Episode 1:")  # nothing rebuilt while hidden

    window.docks.docks["ProvenanceDock"].raise_()
    qtbot.waitUntil(lambda: panel.summary.text().startswith("Episode 3:"), timeout=10000)
    assert panel.tree.topLevelItemCount() > 20
    assert panel.ledger is not None
    names = {panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())}
    assert names == {entry.asset.original_name for entry in panel.ledger.entries}
    assert panel.details.toPlainText()  # a row chosen and its details shown


class PaintOrder(QObject):
    """Records, in order, the window's repaints, the paint hold's timer events and the timeline's paints."""

    def __init__(self, window, view: TimelineView) -> None:
        super().__init__()
        self.window, self.view = window, view
        self.seen: list[str] = []
        self._in_hold_timer = False
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.UpdateRequest and watched is self.window:
            self.seen.append("window repaint")
        elif kind == QEvent.Type.Timer and isinstance(watched, QTimer) and watched.parent() is self.view.paint_hold:
            self.seen.append("hold timer")
        elif kind == QEvent.Type.Paint and watched is self.view:  # a held paint draws nothing
            self.seen.append("held paint" if self.view.paint_hold.held else "timeline paint")
        return False


def test_the_timeline_paints_a_new_episode_in_a_turn_after_the_windows_repaint(window, qtbot, season: Path) -> None:
    """The other panels repaint first; the timeline's paint comes from the hold's timer, started when
    that repaint was done, so timers that fell due during it (a playback frame, a key's repeat) run first."""
    assert window.controller.open_path(season)
    view = window.findChild(TimelineView)
    assert view is not None
    settled(view, qtbot)
    order = PaintOrder(window, view)
    episodes = window.session.series.episodes
    try:
        window.session.set_current_episode(episodes[2].id)
        assert view.paint_hold.held
        qtbot.waitUntil(lambda: "timeline paint" in order.seen, timeout=10000)
    finally:
        QApplication.instance().removeEventFilter(order)
    first_paint = order.seen.index("timeline paint")
    timer = max(i for i in range(first_paint) if order.seen[i] == "hold timer")
    assert set(order.seen[timer + 1:first_paint]) <= {"window repaint"}  # painted from the timer (its repaint)
    assert "window repaint" in order.seen[:timer]  # after the window repainted the other panels...
    assert "held paint" in order.seen[:timer]  # ...with the timeline's old pixels left as they were
    assert not view.paint_hold.held and view.episode is not None and view.episode.id == episodes[2].id
