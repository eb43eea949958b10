"""The timeline view's shared part: model caches, zoom and scroll, hit testing, snapping,
selection, toasts and the paint glue (the drawing itself is ``painter.py``).

``TimelineView`` (view.py) is this plus one module per job: ``view_input`` (mouse, wheel,
keys), ``view_editing`` (edit actions and the timeline command table) and ``view_drop``
(drag and drop, import).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QPoint,
    QRect,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QWidget

from app.errors import UserError
from app.model import Clip, Episode, MediaKind, Shot, Take, TrackKind
from app.session import Session
from app.timeline import query
from app.timeline.edits import EditRefused, TimelineEditor
from app.timeline.snapping import snap_frames, snap_targets
from app.timeline.structure import TrackEditor
from app.timeline.warnings import ClipWarning, timeline_warnings
from widgets.timeline import theme
from widgets.timeline.geometry import Geometry
from widgets.timeline.media_cache import ClipMediaCache
from widgets.timeline.paint_hold import PaintHold
from widgets.timeline.painter import TimelinePainter, TrackIndex
from widgets.timeline.sprites import SpriteCache
from widgets.timeline.waveform_tiles import WaveformTiles

translate = QCoreApplication.translate  # context "TimelineView": the class users see


class TimelineViewBase(QWidget):
    painter: TimelinePainter  # made by TimelineView, the class it draws

    """What every part of the timeline view shares: model caches, zoom and scroll, hit testing,
    snapping, selection, toasts and the paint glue. ``TimelineView`` (view.py) adds input
    (``view_input``), editing actions (``view_editing``) and drops (``view_drop``)."""

    viewChanged = Signal()  # zoom, scroll or content size changed (scrollbars follow)
    selectionChanged = Signal()
    warningsChanged = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.doc = session.document
        self.geo = Geometry()
        self.selection: set[str] = set()
        self.target_track_id: str | None = None
        self.snapping = True
        self.tool = "select"  # select | ripple | roll
        self.media_cache = ClipMediaCache(self, session=session)
        self.wave_tiles = WaveformTiles()
        self.sprites = SpriteCache(self)  # the view's child: its idle slices end with the view
        self.paint_hold = PaintHold(self, ready=lambda: self.sprites.pending == 0)
        self.sprites.drained.connect(self.paint_hold.ready_changed)
        self.sprites.remade.connect(self.update)
        self.duration = 0  # cached episode length (frames), refreshed with the model
        self.settle_timer = QTimer(self, singleShot=True, interval=150)  # exact repaint after a zoom
        self.settle_timer.timeout.connect(self.update)
        self._warnings_timer = QTimer(self, singleShot=True, interval=120)
        self._warnings_timer.timeout.connect(self.refresh_warnings)
        self.media_cache.updated.connect(self.update)
        self._index: dict[str, TrackIndex] = {}
        self._dirty = True
        self.warnings_by_clip: dict[str, list[ClipWarning]] = {}
        self.warnings_by_kind: dict[str, list[ClipWarning]] = {}
        self._exists: dict[str, tuple[tuple[int, int], bool]] = {}  # by file: (inode, mode) then
        self._asset_files: dict[tuple[str, str], Path] = {}
        self._audio_paths: dict[tuple, Path | None] = {}
        self._shown_assets: set[str] | None = None  # the asset ids the clips show (None: to be found)
        # interaction state
        self._mode: str | None = None
        self._press = QPoint()
        self._press_frame = 0.0
        self._press_row = -1
        self._drag_key = ""
        # marker id | (track id, height at press) | (clip id, edge, edge frame at press)
        self._drag_payload: str | tuple[str, int] | tuple[str, str, int] | None = None
        self._base_selection: set[str] = set()
        self.moving_ids: set[str] = set()
        self._ghost = (0, 0)
        self._rubber: QRect | None = None
        self.snap_frame: int | None = None
        self.hover_edge: tuple[str, str] | None = None
        self.toast = ""
        self._toast_timer = QTimer(self, singleShot=True, interval=3000)
        self._toast_timer.timeout.connect(self._clear_toast)
        self._scroll_anim = QVariantAnimation(self, duration=140, easingCurve=QEasingCurve(QEasingCurve.Type.OutCubic))
        self._scroll_anim.valueChanged.connect(lambda v: self.set_scroll_x(float(v), animate=False))
        self._editor: QLineEdit | None = None
        self.extra_handlers: dict[str, Callable[[], object]] = {}  # commands the panel adds (tools, snapping)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

        self.doc.objectChanged.connect(self._model_changed)
        self.doc.listChanged.connect(self._model_changed)
        self.doc.mediaChanged.connect(self._media_changed)
        self.doc.reset.connect(self._reset)
        session.currentEpisodeChanged.connect(self._episode_switched)
        session.playheadChanged.connect(self._playhead_moved)
        self._reset()

    # ------------------------------------------------------------------ model
    @property
    def episode(self) -> Episode | None:
        return self.session.current_episode

    @property
    def fps(self) -> int:
        return self.doc.series.settings.fps

    @property
    def bundle_root(self) -> Path | None:
        return self.session.bundle.root if self.session.bundle else None

    def editor(self) -> TimelineEditor:
        return TimelineEditor(self.doc, self._open_episode())

    def track_editor(self) -> TrackEditor:
        return TrackEditor(self.doc, self._open_episode())

    def _open_episode(self) -> Episode:
        """The episode every edit works on; refused (shown like any refused edit) when none is open."""
        episode = self.episode
        if episode is None:
            raise EditRefused(translate("TimelineView", "No episode open. Open a project and pick an episode."))
        return episode

    def kind_label(self, kind: TrackKind) -> str:
        return {
            TrackKind.PICTURE: translate("TimelineView", "Video"), TrackKind.OVERLAY: translate("TimelineView", "Titles / overlay"),
            TrackKind.DIALOGUE: translate("TimelineView", "Dialogue"), TrackKind.MUSIC: translate("TimelineView", "Music"),
            TrackKind.EFFECTS: translate("TimelineView", "Effects"), TrackKind.SUBTITLES: translate("TimelineView", "Subtitles"),
        }[kind]

    def audio_path(self, clip: Clip) -> Path | None:
        key = (clip.take_id, clip.asset_id)
        if key not in self._audio_paths:
            self._audio_paths[key] = self._find_audio_path(clip)
        return self._audio_paths[key]

    def _find_audio_path(self, clip: Clip) -> Path | None:
        root = self.bundle_root
        if root is None:
            return None
        if clip.take_id:
            take = self.doc.peek(clip.take_id)
            return root / take.path if isinstance(take, Take) and take.path else None
        asset = self.doc.media(clip.asset_id)
        if asset is not None and (asset.kind is MediaKind.AUDIO or asset.probe.get("has_audio")):
            return root / asset.path
        return None

    def asset_file(self, asset) -> Path:
        """Where an asset's file is (cached: painting asks for it per thumbnail)."""
        key = (asset.id, asset.path)
        found = self._asset_files.get(key)
        if found is None:
            found = self._asset_files[key] = self.bundle_root / asset.path
        return found

    def index_of(self, track) -> TrackIndex:
        self._refresh()
        found = self._index.get(track.id)
        if found is None:
            found = self._index[track.id] = TrackIndex.of(track)
        return found

    def _exists_check(self, rel: str) -> bool:
        """Whether a clip's file is there (inside the bundle). ``bundle.resolve`` walks every part of
        the path (an lstat each) and ran for every clip at each episode switch; the answer is kept
        while the entry's inode and type stay the same, so a check costs one lstat."""
        bundle = self.session.bundle
        if bundle is None:
            return True
        try:
            st = os.lstat(os.path.join(bundle.root, rel))  # not pathlib: ten times the cost per clip
        except (OSError, ValueError):
            return False  # missing (or not a path at all)
        stamp = (st.st_ino, st.st_mode)
        kept = self._exists.get(rel)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        try:
            found = bundle.resolve(rel).is_file()
        except UserError:
            found = False
        self._exists[rel] = (stamp, found)
        return found

    def _refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._index.clear()
        ep = self.episode
        self.duration = ep.timeline.duration if ep else 0
        if ep is None:
            self.warnings_by_clip, self.warnings_by_kind = {}, {}
            self.geo.rows = []
            return
        self.geo.layout_rows(ep.timeline.tracks)
        if not self._warnings_timer.isActive():
            # during a drag the model changes per mouse move: check warnings once it pauses
            self._warnings_timer.start()

    def refresh_warnings(self) -> None:
        """Recompute the warnings drawn on clips (debounced after edits)."""
        self._warnings_timer.stop()
        ep = self.episode
        by_clip: dict[str, list[ClipWarning]] = {}
        by_kind: dict[str, list[ClipWarning]] = {}
        for w in timeline_warnings(self.doc, ep, self._exists_check) if ep else []:
            by_kind.setdefault(w.kind, []).append(w)
            if w.clip_id and w.kind != "picture_gap":
                by_clip.setdefault(w.clip_id, []).append(w)
        self.warnings_by_clip, self.warnings_by_kind = by_clip, by_kind
        self.warningsChanged.emit()
        self.update()

    def _layout(self) -> None:
        """Bring caches and track rows up to date (cheap when nothing changed)."""
        self._refresh()
        ep = self.episode
        self.geo.layout_rows(ep.timeline.tracks if ep else [])

    def _model_changed(self, *args) -> None:
        ep = self.episode
        if args and isinstance(args[0], str) and args[0] and ep is not None:
            owner = self.doc.episode_of(args[0])
            if owner and owner != ep.id:
                return  # another episode's edit (a batch landing there) does not change this view
            fields = args[1] if len(args) > 1 and isinstance(args[1], list) else None
            if fields is not None and "duration" not in fields and isinstance(self.doc.peek(args[0]), Shot):
                return  # a shot's versions or prompts: clips show none of it (its length: take warnings)
        self._dirty = True
        self._shown_assets = None
        self._audio_paths.clear()
        self.selection = {i for i in self.selection if isinstance(self.doc.peek(i), Clip)}
        self.update()
        self.viewChanged.emit()

    def _media_changed(self, *args) -> None:
        ep = self.episode
        if args and ep is not None:
            if self._shown_assets is None:  # kept until the clips change: an import adds dozens of assets
                self._shown_assets = {c.asset_id for t in ep.timeline.tracks for c in t.clips if c.asset_id}
            if args[0] not in self._shown_assets:
                return  # e.g. a still landing on a shot: no clip here shows it
        self._exists.clear()
        self._asset_files.clear()
        self._audio_paths.clear()
        self._model_changed("")

    def _reset(self, *_args) -> None:
        """Another project (or the same one reloaded): nothing drawn or loaded before is kept."""
        self.media_cache.clear()
        self.wave_tiles.clear()
        self.sprites.clear()
        self._episode_switched()

    def _episode_switched(self, *_args) -> None:
        """Another episode of the same project. Thumbnails, waveform tiles and clip sprites are kept
        (each is keyed by file or by everything its picture shows, and bounded): switching back and
        forth reuses them, and a season's episodes share art. Whether files exist is asked again
        (one lstat per file).
        The old picture stays while idle slices make the sprites of the new episode's clips; its first
        paint blits them (``paint_hold.py``). That paint makes no sprite itself: one the slices did not
        make in time is drawn directly."""
        self.selection.clear()
        self._shown_assets = None
        self._asset_files.clear()
        self._audio_paths.clear()
        self.sprites.defer_next_paint()
        self._dirty = True
        self._refresh()
        self.refresh_warnings()
        if self.width() > self.geo.header_w + 50:
            self.zoom_to_fit()
        painter = getattr(self, "painter", None)  # made by TimelineView after this base (None while built)
        if painter is not None:
            painter.zoom_settled()  # a new episode's fit is not a zoom gesture: its first paint wants sprites
        self.update()
        self.paint_hold.hold()
        if painter is not None and self.paint_hold.held:
            self._layout()
            painter.plan()
        self.viewChanged.emit()

    # ------------------------------------------------------------ zoom/scroll
    def content_frames(self) -> int:
        self._refresh()
        return self.duration + 10 * self.fps

    def visible_width(self) -> int:
        return max(1, self.width() - self.geo.header_w)

    def max_scroll_x(self) -> float:
        return max(0.0, self.content_frames() * self.geo.ppf - self.visible_width() * 0.5)

    def set_scroll_x(self, value: float, animate: bool = False) -> None:
        value = max(0.0, min(self.max_scroll_x(), value))
        if animate:
            self._scroll_anim.stop()
            self._scroll_anim.setStartValue(self.geo.scroll_x)
            self._scroll_anim.setEndValue(value)
            self._scroll_anim.start()
            return
        if value != self.geo.scroll_x:
            self.geo.scroll_x = value
            self.update()
            self.viewChanged.emit()

    def set_scroll_y(self, value: int) -> None:
        value = max(0, min(int(value), max(0, self.content_height() - (self.height() - self.geo.ruler_h))))
        if value != self.geo.scroll_y:
            self.geo.scroll_y = value
            self._layout()
            self.update()
            self.viewChanged.emit()

    def content_height(self) -> int:
        ep = self.episode
        return sum(t.height for t in ep.timeline.tracks) if ep else 0

    def set_zoom(self, ppf: float, anchor_x: float | None = None) -> None:
        ppf = max(theme.MIN_PPF, min(theme.MAX_PPF, ppf))
        anchor_x = self.geo.header_w + self.visible_width() / 2 if anchor_x is None else anchor_x
        frame = self.geo.frame_at(anchor_x)
        self.geo.ppf = ppf
        self.geo.scroll_x = max(0.0, frame * ppf - (anchor_x - self.geo.header_w))
        self.geo.scroll_x = min(self.geo.scroll_x, self.max_scroll_x())
        self.update()
        self.viewChanged.emit()

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        if anchor_x is None:  # keyboard zoom keeps the playhead in place, like Premiere
            px = self.geo.x_of(self.session.playhead)
            anchor_x = px if self.geo.header_w <= px <= self.width() else None
        self.set_zoom(self.geo.ppf * factor, anchor_x)

    def zoom_to_fit(self) -> None:
        frames = max(self.fps * 10, (self.episode.timeline.duration if self.episode else 0))
        self.geo.scroll_x = 0
        self.set_zoom(self.visible_width() * 0.96 / frames, self.geo.header_w)

    def _playhead_moved(self, frame: int) -> None:
        x = self.geo.x_of(frame)
        if self._mode is None and (x < self.geo.header_w or x > self.width() - 10):
            self.set_scroll_x(frame * self.geo.ppf - self.visible_width() * 0.1)
        self.update()

    # ---------------------------------------------------------------- paint
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        if self.paint_hold.held:
            return  # a new episode paints in a pass of its own (paint_hold.py): the old pixels stay
        self._layout()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.painter.paint(p)
        p.end()
        self.paint_hold.painted()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:  # cached drawings hold translated words
            self.sprites.clear()
            self.painter.forget_cached()
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        first = event.oldSize().width() <= self.geo.header_w + 50
        super().resizeEvent(event)
        if first and self.width() > self.geo.header_w + 50:
            self.zoom_to_fit()
        self.viewChanged.emit()

    def show_toast(self, text: str) -> None:
        self.toast = text
        self._toast_timer.start()
        self.update()

    def _clear_toast(self) -> None:
        self.toast = ""
        self.update()

    # -------------------------------------------------------------- hit test
    def frame_at_x(self, x: float) -> int:
        return max(0, round(self.geo.frame_at(x)))

    def clip_hit(self, pos: QPoint) -> tuple[Clip | None, str | None]:
        """The clip under ``pos`` and which edge ("in"/"out") is within grab distance, if any."""
        row = self.geo.row_at(pos.y())
        if row is None or pos.x() < self.geo.header_w:
            return None, None
        f = self.geo.frame_at(pos.x())
        span = theme.EDGE_GRAB_PX / self.geo.ppf
        near = self.index_of(row.track).visible(int(f - span) - 1, int(f + span) + 1)
        best: tuple[float, Clip, str] | None = None
        for c in near:
            width_px = c.duration * self.geo.ppf
            grab = min(theme.EDGE_GRAB_PX, width_px / 3)
            for edge, frame in (("in", c.start), ("out", c.end)):
                d = pos.x() - self.geo.x_of(frame)
                inside = d >= 0 if edge == "in" else d <= 0
                if abs(d) <= grab and inside and (best is None or abs(d) < best[0]):
                    best = (abs(d), c, edge)
        if best is not None:
            return best[1], best[2]
        return query.clip_at(row.track, int(f)) if f >= 0 else None, None

    def marker_hit(self, pos: QPoint):
        if pos.y() > self.geo.ruler_h or self.episode is None:
            return None
        for m in self.episode.timeline.markers:
            if abs(self.geo.x_of(m.frame) - pos.x()) <= 6 and pos.y() >= self.geo.ruler_h - 16:
                return m
        return None

    # ------------------------------------------------------- snapping, selection
    def _snapped(self, frame: int, mods, exclude: set[str] | None = None) -> int:
        self.snap_frame = None
        if not self.snapping or self.episode is None:
            return frame
        playhead = None if self._mode == "scrub" else self.session.playhead
        targets = snap_targets(self.episode.timeline, playhead, exclude or set())
        s = snap_frames([frame], targets, self.geo.ppf)
        if s.target is not None:
            self.snap_frame = s.target
        return frame + s.delta

    def _set_selection(self, ids: set[str]) -> None:
        if ids != self.selection:
            self.selection = set(ids)
            self.selectionChanged.emit()
            self.update()

    def _guard(self, fn, *args):
        try:
            return fn(*args)
        except EditRefused as exc:
            self.show_toast(str(exc))
        return None

    def command_handlers(self) -> dict[str, Callable[[], object]]:
        """Timeline command id -> what it does (``view_editing`` fills it)."""
        return dict(self.extra_handlers)
