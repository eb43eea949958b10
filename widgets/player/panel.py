"""The Preview dock: plays the composed episode with sound; steps frame by frame.

Stopped, every playhead change (timeline scrub, arrow keys) renders that one
frame on a worker, newest request wins, so scrubbing stays live. Playing, the
``PlaybackEngine`` runs the show (audio is the clock) and this panel only polls
it from a precise GUI timer and moves the session's playhead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QToolButton, QVBoxLayout, QWidget

from app.background import BackgroundTask, run_in_background
from app.model import Episode
from app.preview.snapshot import episode_snapshots
from app.session import Session
from app.timeline.structure import TrackEditor
from app.timeline.timecode import format_timecode
from widgets.commands.catalog import Scope
from widgets.commands.keymap import keymap
from widgets.player.canvas import FrameCanvas, preview_size, to_qimage
from widgets.player.icons import transport_icon
from widgets.shell.engine_loader import engine_ready, when_engine_ready
from widgets.shell.next_turn import NextTurn

if TYPE_CHECKING:
    from app.preview.engine import PlaybackEngine
    from app.preview.sources import FrameSource, LazyAudioSource

log = logging.getLogger(__name__)
SHUTTLE_RATES = (1, 2, 4, 8)

_STYLE = """
#PreviewPanel { background: #0d0e10; }
#PreviewBar { background: #1b1c20; border: none; border-top: 1px solid #2c2e33; spacing: 1px; padding: 2px 4px; }
#PreviewBar::separator { background: #33363c; width: 1px; margin: 4px 6px; }
#PreviewBar QToolButton { color: #d0d3da; background: transparent; border: 1px solid transparent;
    border-radius: 4px; padding: 2px 7px; font-size: 13px; min-width: 22px; }
#PreviewBar QToolButton:hover { background: #2d3036; border-color: #3a3d44; }
#PreviewBar QToolButton:checked { background: #34506e; border-color: #4a79a8; color: #fff; }
#PreviewBar QLabel#Timecode { color: #ff7a7a; font: bold 15px "DejaVu Sans Mono"; padding: 0 8px; }
#PreviewBar QLabel { color: #8b8f99; font-size: 11px; }
"""


def _log_warmup_failure(exc: Exception) -> None:
    log.info("preview: preparing sound failed: %s", exc)


class PreviewPanel(QWidget):
    """Dock panel: the composed episode at preview resolution, with transport."""

    frameShown = Signal(int)  # a frame's picture is on screen

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("PreviewPanel")
        self.setStyleSheet(_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas = FrameCanvas(self)
        self.shown_frame = -1
        self.loop = False
        self._sources: tuple[FrameSource, LazyAudioSource, str] | None = None
        self._engine: PlaybackEngine | None = None
        self._shuttle = 0
        self._own_playhead = False
        self._request = 0
        self.shown_request = 0
        # the one still being rendered (app.background); a newer request cancels it, so the
        # next still is never queued behind stale ones
        self._render_task: BackgroundTask | None = None
        # workers render from copies of the episode taken on the GUI thread, never the live model
        self._snapshot: Episode | None = None
        self._snapshots = episode_snapshots(session.document)  # before our own change handlers: see its doc
        self._edits_turn = NextTurn(self, self._after_edits)  # its own turn: not back to back with a switch's other work
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(4)
        self._timer.timeout.connect(self._tick)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self._build_bar())

        session.playheadChanged.connect(self._playhead_changed)
        session.currentEpisodeChanged.connect(self._episode_changed)
        session.projectOpened.connect(self._reset_sources)
        session.projectClosed.connect(self._reset_sources)
        session.document.objectChanged.connect(self._model_changed)
        session.document.listChanged.connect(self._model_changed)
        t = session.services.transport
        t.toggleRequested.connect(self.toggle_play)
        t.shuttleRequested.connect(self.shuttle)
        self._update_labels()
        QTimer.singleShot(0, lambda: self.request_frame(self.session.playhead))

    # ---------------------------------------------------------------- UI
    def _button(self, row: QToolBar, text: str, tip: str, slot, checkable: bool = False) -> QToolButton:
        b = QToolButton(self)
        if text.startswith("icon:"):
            b.setIcon(transport_icon(text[5:]))
            b.setIconSize(QSize(18, 18))
        else:
            b.setText(text)
        b.setToolTip(tip)
        b.setCheckable(checkable)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    def _build_bar(self) -> QWidget:
        # a QToolBar folds into an overflow menu when the dock is narrow
        bar = QToolBar(self)
        bar.setObjectName("PreviewBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        row = bar
        self.timecode = QLabel("00:00:00:00", bar)
        self.timecode.setObjectName("Timecode")
        row.addWidget(self.timecode)
        self._button(row, "icon:start", self.tr("Go to start (Home)"), lambda: self.seek(0))
        self._button(row, "icon:prev", self.tr("Previous frame (Left)"), lambda: self.step(-1))
        self.play_button = self._button(row, "icon:play", self.tr("Play / pause (Space)"), self.toggle_play)
        self._button(row, "icon:next", self.tr("Next frame (Right)"), lambda: self.step(1))
        self._button(row, "icon:end", self.tr("Go to end (End)"), self.seek_end)
        row.addSeparator()
        self._button(row, "I", self.tr("Mark in (I)"), self.mark_in)
        self._button(row, "O", self.tr("Mark out (O)"), self.mark_out)
        self.loop_button = self._button(row, "icon:loop", self.tr("Loop the in/out range"), self.set_loop, True)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(spacer)
        self.frame_label = QLabel(bar)
        row.addWidget(self.frame_label)
        self.dropped_label = QLabel(bar)
        self.dropped_label.setContentsMargins(10, 0, 6, 0)
        row.addWidget(self.dropped_label)
        row.addSeparator()
        self.safe_button = self._button(row, self.tr("Safe"), self.tr("Title-safe guides"), self._toggle_safe, True)
        self.safe_button.setChecked(False)
        self.ui_button = self._button(row, self.tr("App UI"), self.tr("Where Douyin/TikTok cover the picture"),
                                      self._toggle_platform, True)
        self.ui_button.setChecked(True)
        self.zoom_button = self._button(row, self.tr("Fit"), self.tr("Zoom: fit / 100%"), self._toggle_zoom, True)
        return bar

    def _toggle_safe(self, on: bool) -> None:
        self.canvas.show_title_safe = on
        self.canvas.update()

    def _toggle_platform(self, on: bool) -> None:
        self.canvas.show_platform = on
        self.canvas.update()

    def _toggle_zoom(self, on: bool) -> None:
        self.canvas.zoom_100 = on
        self.zoom_button.setText("100%" if on else self.tr("Fit"))
        self.canvas.update()

    def _update_labels(self) -> None:
        ep = self.session.current_episode
        fps = self.session.series.settings.fps
        frame = self.session.playhead
        total = ep.timeline.duration if ep else 0
        self.timecode.setText(format_timecode(frame, fps))
        self.frame_label.setText(self.tr("Frame %1 / %2").replace("%1", str(frame)).replace("%2", str(total)))
        dropped = self._engine.dropped if self._engine else 0
        self.dropped_label.setText(self.tr("Dropped %1").replace("%1", str(dropped)))
        self.dropped_label.setStyleSheet("color: #e5484d;" if dropped else "")

    # ----------------------------------------------------------- rendering
    def sources(self):
        if self._sources is None and self.session.bundle is not None:
            from app.preview.sources import make_sources

            self._sources = make_sources(self.session)
            # warm the mixer before Play, in the background so the first still is not held up
            run_in_background(self._sources[1].prepare, None, _log_warmup_failure, name="preview-mixer-warmup")
        return self._sources

    def _episode_snapshot(self) -> Episode | None:
        """The frozen copy of the current episode for workers (GUI thread; shared with the booth
        picture, re-made only after an edit of this episode)."""
        ep = self.session.current_episode
        self._snapshot = None if ep is None else self._snapshots.get(ep)
        return self._snapshot

    def render_frame(self, frame: int, ep: Episode | None = None):
        """The composed picture of ``frame`` at preview size (RGB array); worker threads call this
        with the snapshot they were handed (the playback engine: the one taken at Play or the last edit)."""
        import numpy as np

        ep = ep if ep is not None else self._snapshot
        src = self._sources
        settings = self.session.series.settings
        size = preview_size(settings.width, settings.height)
        if ep is None or src is None:
            w, h = size
            return np.zeros((h, w, 3), np.uint8)
        return src[0].render(ep, frame, size)

    def render_audio(self, start: int, count: int):
        import numpy as np

        ep = self._snapshot
        src = self._sources
        if ep is None or src is None:
            return np.zeros((count, 2), np.float32)
        return src[1].render(ep, start, count)

    def request_frame(self, frame: int) -> None:
        self._request += 1
        if self.session.bundle is None or self.session.current_episode is None:
            self.shown_request = self._request
            self._show(frame, None)
            return
        if not engine_ready():  # the first frame after start-up: load the engine off this thread
            request = self._request
            when_engine_ready(lambda: self.request_frame(frame) if request == self._request else None)
            return
        self.sources()  # created here, on the GUI thread: the media services are QObjects
        episode, request = self._episode_snapshot(), self._request
        if self._render_task is not None:
            self._render_task.cancel()  # superseded: dropped if it has not started

        def render():  # noqa: ANN202 - QImage | None
            try:
                return to_qimage(self.render_frame(frame, episode))
            except Exception as exc:
                log.info("preview render of frame %s failed: %s", frame, exc)
                return None
        self._render_task = run_in_background(render, lambda image: self._on_rendered(request, frame, image),
                                              owner=self, name="preview-still")

    def _on_rendered(self, request: int, frame: int, image) -> None:
        if request != self._request or self.playing:
            return
        self.shown_request = request
        self._show(frame, image)

    @property
    def settled(self) -> bool:
        """True when the newest still request is on screen (nothing left to render)."""
        return self.shown_request == self._request and not self.playing

    def _show(self, frame: int, image) -> None:
        if image is not None:
            self.canvas.message = ""
            self.canvas.set_image(image)
        elif self.session.bundle is None or self.session.current_episode is None:
            self.canvas.message = self.tr("Open a project to preview it.")
            self.canvas.set_image(None)
        self.shown_frame = frame
        self.frameShown.emit(frame)

    def _reset_sources(self) -> None:
        self.stop()
        self._sources = None
        self._snapshot = None
        self.request_frame(self.session.playhead)

    def _episode_changed(self, *_args) -> None:
        """The copy of the new episode and its render request wait for the next turn of the event
        loop (like edits): the switch's own slice stays short, the timeline and boards paint first."""
        self.stop()
        self._snapshot = None
        self._update_labels()
        self._schedule_after_edits()  # unsettled until the new episode's frame is shown

    def _model_changed(self, obj_id: str, *_args) -> None:
        ep = self.session.current_episode
        if ep is not None and not self._snapshots.touches(obj_id, ep.id):
            return  # e.g. a batch job landing a still in another episode: this picture is unchanged
        self._schedule_after_edits()

    def _schedule_after_edits(self) -> None:
        """Unsettled from now on; the copy and the render wait for a later turn of the event loop
        (``NextTurn``), so a macro of 30 edits (an import landing on 30 shots) copies and renders once."""
        self._request += 1
        self._edits_turn.schedule()

    def _after_edits(self) -> None:
        if self.playing:  # playback goes on with the edited episode (a new copy: workers hold the old)
            self._episode_snapshot()
        else:  # an edit changes what this frame looks like
            self.request_frame(self.session.playhead)
            self._update_labels()

    def _playhead_changed(self, frame: int) -> None:
        self._update_labels()
        if self._own_playhead:
            return
        if self.playing:  # a scrub while playing: continue from there
            self.play(from_frame=frame, rate=self._engine.rate if self._engine else 1)
            return
        self.request_frame(frame)

    # ------------------------------------------------------------ transport
    @property
    def playing(self) -> bool:
        return self._engine is not None and self._engine.playing

    def _range(self) -> tuple[int, int]:
        ep = self.session.current_episode
        if ep is None:
            return 0, 0
        tl = ep.timeline
        if self.loop and tl.in_point is not None:
            return tl.in_point, tl.out_point if tl.out_point is not None else tl.duration
        return 0, tl.duration

    def play(self, from_frame: int | None = None, rate: int = 1) -> None:
        ep = self.session.current_episode
        if ep is None or ep.timeline.duration == 0 or self.session.bundle is None:
            return
        start, end = self._range()
        frame = self.session.playhead if from_frame is None else from_frame
        if rate > 0 and not start <= frame < end - 1:
            frame = start
        if self._engine is None:
            from app.preview.engine import PlaybackEngine, output_device_index  # numpy, PortAudio

            try:
                device = output_device_index()
            except Exception:
                device = None
            self._engine = PlaybackEngine(self.render_frame, self.render_audio, self.session.series.settings.fps,
                                          device=device)
        self.sources()  # made on the GUI thread, with the copy the engine's workers render from
        self._episode_snapshot()
        self._engine.start(frame, end, rate)
        self._shuttle = rate
        self.play_button.setIcon(transport_icon("pause"))
        self.session.services.transport.set_playing(True)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._engine is not None:
            self._engine.stop()
        self._shuttle = 0
        if hasattr(self, "play_button"):
            self.play_button.setIcon(transport_icon("play"))
        self.session.services.transport.set_playing(False)

    def toggle_play(self) -> None:
        if self.playing:
            self.stop()
            self.request_frame(self.session.playhead)
        else:
            self.play()

    def shuttle(self, direction: int) -> None:
        """J/K/L: K stops; repeated L (or J) doubles the speed up to 8x."""
        if direction == 0:
            self.stop()
            self.request_frame(self.session.playhead)
            return
        cur = self._shuttle if self.playing else 0
        if cur * direction > 0:
            i = SHUTTLE_RATES.index(abs(cur)) if abs(cur) in SHUTTLE_RATES else 0
            rate = SHUTTLE_RATES[min(i + 1, len(SHUTTLE_RATES) - 1)] * direction
        else:
            rate = direction
        self.play(rate=rate)

    def _tick(self) -> None:
        engine = self._engine
        if engine is None or not engine.playing:
            return
        shown = engine.poll()
        if shown is not None:
            self._own_playhead = True
            try:
                self.session.set_playhead(shown.frame)
            finally:
                self._own_playhead = False
            self._show(shown.frame, to_qimage(shown.image))
        if engine.finished():
            start, end = self._range()
            if self.loop and engine.rate > 0:
                self.play(from_frame=start)
            else:
                self.stop()
                self._own_playhead = True
                self.session.set_playhead(max(0, min(end - 1, self.session.playhead)) if engine.rate > 0 else 0)
                self._own_playhead = False

    def step(self, frames: int) -> None:
        self.stop()
        self.session.set_playhead(self.session.playhead + frames)

    def seek(self, frame: int) -> None:
        self.stop()
        self.session.set_playhead(frame)

    def seek_end(self) -> None:
        ep = self.session.current_episode
        self.seek(max(0, (ep.timeline.duration if ep else 0) - 1))

    def mark_in(self) -> None:
        ep = self.session.current_episode
        if ep is not None:
            tl = ep.timeline
            out = tl.out_point if tl.out_point is not None and tl.out_point > self.session.playhead else None
            TrackEditor(self.session.document, ep).set_range(self.session.playhead, out)

    def mark_out(self) -> None:
        ep = self.session.current_episode
        if ep is not None:
            tl = ep.timeline
            start = tl.in_point if tl.in_point is not None and tl.in_point <= self.session.playhead else None
            TrackEditor(self.session.document, ep).set_range(start, self.session.playhead + 1)

    def set_loop(self, on: bool) -> None:
        self.loop = on
        self.loop_button.setChecked(on)

    @property
    def dropped(self) -> int:
        return self._engine.dropped if self._engine else 0

    # ------------------------------------------------------------ keyboard
    def command_handlers(self) -> dict[str, Callable[[], object]]:
        """Preview command id -> what it does; the keys come from the keymap (``widgets.commands``)."""
        fps = self.session.series.settings.fps
        return {
            "preview.play_pause": self.toggle_play,
            "preview.shuttle_back": lambda: self.shuttle(-1),
            "preview.shuttle_stop": lambda: self.shuttle(0),
            "preview.shuttle_forward": lambda: self.shuttle(1),
            "preview.previous_frame": lambda: self.step(-1),
            "preview.next_frame": lambda: self.step(1),
            "preview.back_second": lambda: self.step(-fps),
            "preview.forward_second": lambda: self.step(fps),
            "preview.go_start": lambda: self.seek(0),
            "preview.go_end": self.seek_end,
            "preview.mark_in": self.mark_in,
            "preview.mark_out": self.mark_out,
        }

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and keymap().dispatch(Scope.PREVIEW, e, self.command_handlers()):
            return True  # the preview's own key wins over a window-wide shortcut while it has the focus
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if not keymap().dispatch(Scope.PREVIEW, e, self.command_handlers()):
            super().keyPressEvent(e)

    def closeEvent(self, e) -> None:  # noqa: N802
        self.stop()
        if self._render_task is not None:
            self._render_task.cancel()
            self._render_task.wait(2)
        super().closeEvent(e)
