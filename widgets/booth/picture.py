"""Small 9:16 picture for recording to picture: the line's shot, still until recording, then playing.

Frames are rendered on a worker thread (the media engine's frame source, the
same the player uses) a few frames ahead; the GUI timer only shows the frame
whose time has come. A shot with no clip on the timeline shows its chosen still;
a shot with neither shows its code and action as a card.
"""

from __future__ import annotations

import logging
import threading
import time
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.model import Episode, Shot
from app.session import Session

if TYPE_CHECKING:
    from widgets.player.sources import FrameSource

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
        self._frames: dict[int, QImage] = {}
        self._lock = threading.Lock()
        self._gen = 0
        self._source: FrameSource | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._tick)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(180, 320)

    # ---------------------------------------------------------------- content
    def _frame_source(self):
        if self._source is None and self.session.bundle is not None:
            try:
                from widgets.player.sources import make_sources

                self._source = make_sources(self.session)[0]
            except Exception as exc:  # noqa: BLE001 - no engine: the card is shown instead
                log.info("booth preview without frame source: %s", exc)
        return self._source

    def reset_source(self) -> None:
        self._source = None

    def _render(self, episode: Episode, shot: Shot, frame: int) -> QImage | None:
        from widgets.player.sources import has_picture

        try:
            if has_picture(episode):
                source = self._frame_source()
                if source is not None:
                    return to_qimage(source.render(episode, frame, RENDER_SIZE))
            asset = self.session.document.media(shot.chosen_still)
            if asset is not None and self.session.bundle is not None:
                from app.media.services import media_services

                rgb = media_services(self.session).frame(asset, Fraction(0), RENDER_SIZE)
                return to_qimage(rgb)
        except Exception as exc:  # noqa: BLE001 - broken media shows the card, never a crash
            log.info("booth preview: %s", exc)
        return None

    def show_shot(self, episode: Episode | None, shot: Shot | None, start: int = 0) -> None:
        """Show the shot's first frame (rendered off the GUI thread)."""
        self.stop()
        self._episode, self._shot = episode, shot
        self.card_text = "" if shot is None else f"{shot.code or shot.number}\n{shot.action}"
        self.image = None
        self.update()
        if episode is None or shot is None:
            return
        gen = self._gen

        def work() -> None:
            img = self._render(episode, shot, start)
            with self._lock:
                if gen == self._gen:
                    self._frames = {start: img} if img is not None else {}
        threading.Thread(target=work, name="booth-still", daemon=True).start()
        self._timer.start()

    def play(self, start: int, end: int) -> None:
        """Play the current shot's frames [start, end) in real time from now."""
        episode, shot = self._episode, self._shot
        if episode is None or shot is None:
            return
        self._gen += 1
        gen = self._gen
        self._range = (start, end)
        self._t0 = time.monotonic()
        self.playing = True
        fps = self.session.series.settings.fps

        def work() -> None:
            frame = start
            while frame < end and gen == self._gen:
                due = start + int((time.monotonic() - self._t0) * fps)
                if frame < due:
                    frame = due  # late: skip ahead rather than fall behind the voice
                    continue
                if frame > due + AHEAD:
                    time.sleep(0.005)
                    continue
                img = self._render(episode, shot, frame)
                with self._lock:
                    if gen != self._gen:
                        return
                    if img is not None:
                        self._frames[frame] = img
                frame += 1
        threading.Thread(target=work, name="booth-picture", daemon=True).start()
        self._timer.start()

    def stop(self) -> None:
        self._gen += 1
        self.playing = False

    def _tick(self) -> None:
        with self._lock:
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
