"""Small 9:16 picture for recording to picture: the line's shot, still until recording, then playing.

While the picture is hidden (a narrow booth dock folds it away; a closed or tabbed-away
dock), ``show_shot`` only notes the shot: the frame is rendered when the picture is
shown, so an episode switch or an edit costs a hidden picture nothing.

Frames are rendered by a background task (``app.background``; the media
engine's frame source, the same the player uses) a few frames ahead, from the
shared frozen copy of the episode (``app.preview.snapshot``, made on the GUI thread
once per episode and edit); each frame is posted back to the
GUI thread, whose timer only shows the frame whose time has come. A shot with no clip on the timeline shows its chosen still;
a shot with neither shows its code and action as a card.
"""

from __future__ import annotations

import copy
import logging
import time
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.background import BackgroundTask, TaskContext, run_cancellable
from app.model import Episode, Shot
from app.preview.snapshot import episode_snapshots
from app.session import Session

if TYPE_CHECKING:
    from app.preview.sources import FrameSource

log = logging.getLogger(__name__)
RENDER_SIZE = (216, 384)
AHEAD = 8


def to_qimage(rgb: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(rgb)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class PicturePreview(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setMinimumSize(120, 213)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.image: QImage | None = None
        self.card_text = ""
        self.playing = False
        self._episode: Episode | None = None
        self._shot: Shot | None = None
        self._range = (0, 0)
        self._t0 = 0.0
        self._frames: dict[int, QImage] = {}  # GUI thread only: workers post frames to it
        self._task: BackgroundTask[None] | None = None
        self._source: FrameSource | None = None
        self._pending_start: int | None = None  # show_shot while hidden: render this frame when shown
        self._snapshots = episode_snapshots(session.document)
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._tick)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(180, 320)

    # ---------------------------------------------------------------- content
    def _frame_source(self):
        if self._source is None and self.session.bundle is not None:
            try:
                from app.preview.sources import make_sources

                self._source = make_sources(self.session)[0]
            except Exception as exc:  # noqa: BLE001 - no engine: the card is shown instead
                log.info("booth preview without frame source: %s", exc)
        return self._source

    def reset_source(self) -> None:
        self._source = None

    def _renderer(self, episode: Episode, shot: Shot):  # noqa: ANN202 - (frame) -> QImage | None
        """A function that renders frames of a snapshot of ``episode`` (built on the GUI thread,
        called on a worker: it reads only the copy, never the live model)."""
        from app.preview.sources import has_picture

        snapshot = self._snapshots.get(episode)
        source = self._frame_source() if has_picture(snapshot) else None
        asset = self.session.document.media(shot.chosen_still)
        media = self.session.services.media if asset is not None and self.session.bundle is not None else None
        still = copy.deepcopy(asset)

        def render(frame: int) -> QImage | None:
            try:
                if source is not None:
                    return to_qimage(source.render(snapshot, frame, RENDER_SIZE))
                if media is not None and still is not None:
                    return to_qimage(media.frame(still, Fraction(0), RENDER_SIZE))
            except Exception as exc:  # noqa: BLE001 - broken media shows the card, never a crash
                log.info("booth preview: %s", exc)
            return None
        return render

    def _start(self, work, on_frame) -> None:  # noqa: ANN001 - (TaskContext) -> None, (frame, image)
        self._cancel()
        self._task = run_cancellable(work, on_partial=lambda item: on_frame(*item), owner=self, name="booth-picture")
        self._timer.start()

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def show_shot(self, episode: Episode | None, shot: Shot | None, start: int = 0) -> None:
        """Show the shot's first frame (rendered off the GUI thread)."""
        self.stop()
        self._episode, self._shot = episode, shot
        self.card_text = "" if shot is None else f"{shot.code or shot.number}\n{shot.action}"
        self.image = None
        self.update()
        self._pending_start = None
        if episode is None or shot is None:
            return
        if not self.isVisible():
            self._pending_start = start
            return
        self._render_first(episode, shot, start)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        start, self._pending_start = self._pending_start, None
        if start is not None and self._episode is not None and self._shot is not None and not self.playing:
            self._render_first(self._episode, self._shot, start)

    def _render_first(self, episode: Episode, shot: Shot, start: int) -> None:
        render = self._renderer(episode, shot)

        def work(ctx: TaskContext) -> None:
            img = render(start)
            if img is not None:
                ctx.post((start, img))

        def show(frame: int, img: QImage) -> None:
            self._frames = {frame: img}
        self._start(work, show)

    def play(self, start: int, end: int) -> None:
        """Play the current shot's frames [start, end) in real time from now."""
        episode, shot = self._episode, self._shot
        if episode is None or shot is None:
            return
        self._cancel()
        self._pending_start = None
        self._frames = {}
        self._range = (start, end)
        t0 = self._t0 = time.monotonic()
        self.playing = True
        fps = self.session.series.settings.fps
        render = self._renderer(episode, shot)

        def work(ctx: TaskContext) -> None:
            frame = start
            while frame < end and not ctx.cancelled:
                due = start + int((time.monotonic() - t0) * fps)
                if frame < due:
                    frame = due  # late: skip ahead rather than fall behind the voice
                    continue
                if frame > due + AHEAD:
                    time.sleep(0.005)
                    continue
                img = render(frame)
                if img is not None:
                    ctx.post((frame, img))
                frame += 1

        def add(frame: int, img: QImage) -> None:
            self._frames[frame] = img
        self._start(work, add)

    def stop(self) -> None:
        self._cancel()
        self.playing = False

    def _tick(self) -> None:
        frames = self._frames
        if not frames:
            return
        if self.playing:
            fps = self.session.series.settings.fps
            due = self._range[0] + int((time.monotonic() - self._t0) * fps)
            ready = [f for f in frames if f <= due]
            if not ready:
                return
            best = max(ready)
            self.image = frames[best]
            self._frames = {f: i for f, i in frames.items() if f > best}
            if best >= self._range[1] - 1:
                self.playing = False
        else:
            self.image = next(iter(frames.values()))
            self._frames = {}
        self.update()
        if not self.playing and not self._frames:
            self._timer.stop()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#17181a"))
        w, h = self.width(), self.height()
        fh = min(h, w * 16 / 9)
        fw = fh * 9 / 16
        target = QRectF((w - fw) / 2, (h - fh) / 2, fw, fh)
        if self.image is not None:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(target, self.image)
        else:
            p.fillRect(target, QColor("#0f1012"))
            p.setPen(QColor("#8c9099"))
            f = QFont(self.font())
            p.setFont(f)
            p.drawText(target.adjusted(10, 10, -10, -10),
                       int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.card_text)
        if self.playing:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#f0605a"))
            p.drawEllipse(QRectF(target.left() + 8, target.top() + 8, 10, 10))
        p.setPen(QColor("#34363c"))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(target)
        p.end()
