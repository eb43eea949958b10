"""Rendered clip bodies kept as pixmaps, so scrolling blits instead of repainting.

A clip's body (gradient, thumbnails, waveform, name and duration strip) costs
dozens of raster operations and text layouts; it changes only when the clip,
the zoom, the row height or the media behind it change. Scrolling, playhead
moves and selection changes therefore reuse the pixmap. The key is everything
the body's look depends on; selection, hover and warning marks are drawn on top
by the painter and are not part of it.

Making a sprite costs more than drawing the clip once (a pixmap, a painter, and
none of the batching across a track's clips), so a paint that misses many makes
only a few and draws the rest directly; their sprites are made afterwards in
short slices when the GUI thread is idle, ready for the next scroll. A newly
shown episode is not painted that way: its sprites are asked for before its
first paint (``want``) and made in idle slices while the old picture stays on
screen (``paint_hold.py``); ``drained`` tells when the last is made.

A body drawn while some of its thumbnails or waveform were still being made
(placeholders) is *incomplete*: once the next media result arrives (the media
cache's ``generation``) it is made again in an idle slice, and until then it is
still shown, so a paint after a batch of thumbnails arrived blits rather than
drawing each clip again; ``remade`` asks for the repaint that shows the new
ones. A complete sprite does not depend on media still loading, so a thumbnail
arriving for another clip leaves it valid.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPixmap

from app.model import Clip, Track

MAX_SPRITE_W = 4096  # wider clips (deep zoom) are painted directly: only their visible part costs
SPRITES_PER_PAINT = 4  # sprites a paint makes itself (a scroll step's new clips); more are left to idle time
IDLE_SLICE_S = 0.004  # GUI-thread time one idle slice may spend making sprites

Render = Callable[[QPainter, QRectF], bool]  # draws a clip body; True when no media was missing


@dataclass
class _Wanted:
    """A sprite a paint needed and drew without: made later in an idle slice."""

    width: int
    height: int
    dpr: float
    render: Render


def sprite_key(clip: Clip, track: Track, width: int, height: int, ppf: float, extra: tuple) -> tuple:
    """Everything the body of ``clip`` looks like at this size and zoom."""
    return (clip.id, width, height, round(ppf, 6), clip.asset_id, clip.take_id, clip.duration, clip.source_in,
            clip.name, clip.text, clip.gain_db, clip.fade_in, clip.fade_out, clip.audio_offset_samples,
            clip.enabled, track.kind, track.muted, extra)


class SpriteCache(QObject):
    """Byte-bounded LRU of clip-body pixmaps, and the idle slices that make the ones wanted."""

    drained = Signal()  # an idle slice made the last wanted sprite
    remade = Signal()  # an idle slice made again sprites whose stale version was shown: repaint to show them

    def __init__(self, owner: QObject | None = None, max_bytes: int = 96 * 1024 * 1024) -> None:
        super().__init__(owner)  # a child of the view: it dies with it, so no slice runs for a view that is gone
        self._sprites: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._bytes = 0
        self.max_bytes = max_bytes
        self._wanted: dict[tuple, _Wanted] = {}
        self._incomplete: dict[tuple, int] = {}  # sprites drawn with placeholders: the media generation then
        self._generation = 0  # the media cache's, as of this paint
        self._made_this_paint = 0
        self._paint_budget = SPRITES_PER_PAINT
        self._defer_next = False
        self.missed = 0  # clips the last paint drew directly (no sprite made or kept for them)
        self._idle = QTimer(self, singleShot=True, interval=0)
        self._idle.timeout.connect(self._make_some)

    def defer_next_paint(self) -> None:
        """The next paint shows a new episode: it makes no sprite itself (all of them go to idle slices)."""
        self._defer_next = True

    def begin_paint(self, media_generation: int = 0) -> None:
        """A new paint: what the previous one wanted and is still missing is wanted again if still seen.
        ``media_generation`` is the media cache's: incomplete sprites made before it changed are stale."""
        self._made_this_paint = 0
        self._paint_budget = 0 if self._defer_next else SPRITES_PER_PAINT
        self._defer_next = False
        self._generation = media_generation
        self._wanted.clear()
        self.missed = 0

    def drop_wanted(self) -> None:
        """Forget the sprites asked for and not made yet (another episode is shown: they would not be)."""
        self._wanted.clear()

    def want(self, key: tuple, width: int, height: int, dpr: float, render: Render) -> None:
        """Make ``key``'s sprite in an idle slice unless it is made and up to date (a paint to come needs it)."""
        if not self._usable(key):
            self._wanted[key] = _Wanted(width, height, dpr, render)
            if not self._idle.isActive():
                self._idle.start()

    def find(self, key: tuple, width: int, height: int, dpr: float, render: Render) -> QPixmap | None:
        """The sprite for ``key``. One drawn before media that has arrived since is returned as it is
        and made again in an idle slice. A missing one is made now if this paint has made few, else
        ``None``: the caller draws the clip directly and the sprite is made in an idle slice."""
        found = self._sprites.get(key)
        if found is not None:
            self._sprites.move_to_end(key)
            if not self._usable(key):  # shown stale: made again in an idle slice, then repainted
                self.want(key, width, height, dpr, render)
            return found
        if self._made_this_paint < self._paint_budget:
            self._made_this_paint += 1
            return self._make(key, width, height, dpr, render)
        self.missed += 1
        self.want(key, width, height, dpr, render)
        return None

    @property
    def incomplete(self) -> int:
        """Sprites drawn with placeholders for media that has not arrived since."""
        return sum(1 for made in self._incomplete.values() if made == self._generation)

    @property
    def pending(self) -> int:
        """Sprites waiting for idle time."""
        return len(self._wanted)

    def _make_some(self) -> None:
        """One idle slice: make waiting sprites for about ``IDLE_SLICE_S``, then yield to events."""
        deadline = time.perf_counter() + IDLE_SLICE_S
        stale_made = False
        while self._wanted and time.perf_counter() < deadline:
            key = next(iter(self._wanted))
            w = self._wanted.pop(key)
            if not self._usable(key):
                stale_made = stale_made or key in self._sprites  # its old version is on screen
                self._make(key, w.width, w.height, w.dpr, w.render)
        if self._wanted:
            self._idle.start()
        if stale_made:
            self.remade.emit()
        if not self._wanted:
            self.drained.emit()

    def _usable(self, key: tuple) -> bool:
        """Made, and not drawn with placeholders for media that arrived since."""
        return key in self._sprites and self._incomplete.get(key, self._generation) == self._generation

    def _make(self, key: tuple, width: int, height: int, dpr: float, render: Render) -> QPixmap:
        """Renders ``key``'s sprite with ``render(painter, rect_at_origin)`` and keeps it (LRU by bytes)."""
        # one pixel more each way: a line drawn to the clip's far edge (a fade's foot) ends on the
        # pixel just past its rect, as it does when the clip is drawn directly
        pix = QPixmap(max(1, round((width + 1) * dpr)), max(1, round((height + 1) * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        complete = render(p, QRectF(0, 0, width, height))
        p.end()
        old = self._sprites.pop(key, None)
        if old is not None:
            self._bytes -= old.width() * old.height() * 4
        self._sprites[key] = pix
        if complete:
            self._incomplete.pop(key, None)
        else:
            self._incomplete[key] = self._generation
        self._bytes += pix.width() * pix.height() * 4
        while self._bytes > self.max_bytes and len(self._sprites) > 1:
            dropped, old = self._sprites.popitem(last=False)
            self._incomplete.pop(dropped, None)
            self._bytes -= old.width() * old.height() * 4
        return pix

    def clear(self) -> None:
        self._sprites.clear()
        self._incomplete.clear()
        self._wanted.clear()
        self._idle.stop()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._sprites)
