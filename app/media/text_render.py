"""Text to pixels for burned-in subtitles, title cards and the AI label.

Text is laid out with Qt (``QTextLayout`` breaks Chinese between ideographs and
Latin at word boundaries) and painted with ``QPainter`` on a ``QImage``, which
Qt allows off the GUI thread. The result is a premultiplied RGBA patch that the
compositor blends onto a frame; patches are cached because the same subtitle is
drawn on every frame it is shown.

Qt needs a ``QGuiApplication`` for its font database: ``ensure_gui_app()`` makes
an offscreen one for headless use (CLI, tests) and must run on the main thread.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import cached_property, lru_cache

import cv2
import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextOption,
)

CJK_FAMILY = "Noto Sans CJK SC"
_app: QGuiApplication | None = None


def ensure_gui_app() -> None:
    """Create an offscreen QGuiApplication if the process has none (fonts need one)."""
    global _app
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("ensure_gui_app() must be called on the main thread first")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])


@dataclass(frozen=True)
class TextStyle:
    """How a piece of text looks; sizes are pixels at the output resolution."""

    pixel_size: int = 60
    bold: bool = True
    color: str = "#ffffff"
    outline_color: str = "#000000"
    outline_px: float = 4.0
    shadow_color: str = "#99000000"
    shadow_px: float = 3.0
    box_color: str = ""  # "" = no box; e.g. "#80000000" for a translucent plate
    line_spacing: float = 1.15
    family: str = CJK_FAMILY


@dataclass(frozen=True)
class TextPatch:
    """Premultiplied RGBA pixels of rendered text, (h, w, 4) uint8.

    ``rgb`` and ``inverse_alpha`` are the two planes the per-frame blend needs,
    prepared once so burning a subtitle into a frame is two saturating uint8 ops.
    """

    rgba: np.ndarray

    @cached_property
    def rgb(self) -> np.ndarray:
        return np.ascontiguousarray(self.rgba[..., :3])

    @cached_property
    def inverse_alpha(self) -> np.ndarray:
        return np.ascontiguousarray(np.repeat(255 - self.rgba[..., 3:4], 3, axis=2))

    @property
    def width(self) -> int:
        return int(self.rgba.shape[1])

    @property
    def height(self) -> int:
        return int(self.rgba.shape[0])


def _font(style: TextStyle) -> QFont:
    font = QFont(style.family)
    font.setPixelSize(max(1, style.pixel_size))
    font.setBold(style.bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _layout_lines(text: str, font: QFont, max_width: float) -> list[tuple[str, float]]:
    """Wrap ``text`` to ``max_width``; returns (line text, natural width) per line."""
    lines: list[tuple[str, float]] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max_width)
        layout.endLayout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            seg = paragraph[line.textStart(): line.textStart() + line.textLength()].strip()
            if seg:
                lines.append((seg, line.naturalTextWidth()))
    return lines


@lru_cache(maxsize=256)
def render_text(text: str, style: TextStyle, max_width: int) -> TextPatch | None:
    """Render centred, wrapped text with outline and shadow; None for blank text."""
    if not text.strip():
        return None
    font = _font(style)
    from PySide6.QtGui import QFontMetricsF

    metrics = QFontMetricsF(font)
    pad = int(np.ceil(style.outline_px + abs(style.shadow_px) + 2))
    inner = max(8.0, max_width - 2 * pad)
    lines = _layout_lines(text, font, inner)
    if not lines:
        return None
    line_h = metrics.height() * style.line_spacing
    text_w = max(w for _, w in lines)
    width = int(np.ceil(text_w)) + 2 * pad
    height = int(np.ceil(line_h * (len(lines) - 1) + metrics.height())) + 2 * pad
    image = QImage(width, height, QImage.Format.Format_RGBA8888_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if style.box_color:
        painter.fillRect(0, 0, width, height, QColor(style.box_color))
    path = QPainterPath()
    for i, (seg, w) in enumerate(lines):
        x = pad + (text_w - w) / 2
        baseline = pad + metrics.ascent() + i * line_h
        path.addText(QPointF(x, baseline), font, seg)
    if style.shadow_px and QColor(style.shadow_color).alpha():
        painter.save()
        painter.translate(style.shadow_px, style.shadow_px)
        if style.outline_px:
            painter.strokePath(path, _pen(style.shadow_color, style.outline_px))
        painter.fillPath(path, QBrush(QColor(style.shadow_color)))
        painter.restore()
    if style.outline_px:
        painter.strokePath(path, _pen(style.outline_color, style.outline_px))
    painter.fillPath(path, QBrush(QColor(style.color)))
    painter.end()
    ptr = image.constBits()
    arr = np.frombuffer(ptr, np.uint8, count=image.sizeInBytes()).reshape(height, image.bytesPerLine())
    rgba = arr[:, : width * 4].reshape(height, width, 4).copy()
    return TextPatch(rgba)


def _pen(color: str, width: float) -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(2 * width)  # a stroke is centred on the outline: half of it lies outside
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def ink_height(text: str, style: TextStyle) -> float:
    """Height in pixels of the glyphs' ink (no outline): what label rules measure."""
    from PySide6.QtGui import QFontMetricsF

    return QFontMetricsF(_font(style)).tightBoundingRect(text).height()


def pixel_size_for_ink_height(text: str, target_px: float, style: TextStyle) -> int:
    """The font pixel size whose ink height for ``text`` is at least ``target_px``."""
    probe = TextStyle(**{**style.__dict__, "pixel_size": 100})
    ratio = ink_height(text, probe) / 100.0 or 0.8
    size = int(np.ceil(target_px / ratio))
    while ink_height(text, TextStyle(**{**style.__dict__, "pixel_size": size})) < target_px:
        size += 1
    return size


def blend_patch(frame: np.ndarray, patch: TextPatch, x: int, y: int, opacity: float = 1.0) -> None:
    """Blend a premultiplied patch onto an RGB frame in place, clipped to the frame."""
    if opacity <= 0:
        return
    fh, fw = frame.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(fw, x + patch.width), min(fh, y + patch.height)
    if x1 <= x0 or y1 <= y0:
        return
    region = frame[y0:y1, x0:x1]
    if opacity >= 1.0:
        sy, sx = slice(y0 - y, y1 - y), slice(x0 - x, x1 - x)
        kept = cv2.multiply(region, patch.inverse_alpha[sy, sx], scale=1.0 / 255.0)
        region[...] = cv2.add(kept, patch.rgb[sy, sx])
        return
    src = patch.rgba[y0 - y: y1 - y, x0 - x: x1 - x].astype(np.float32)
    if opacity < 1.0:
        src *= opacity
    alpha = src[..., 3:4] * (1.0 / 255.0)
    out = src[..., :3] + region.astype(np.float32) * (1.0 - alpha)
    np.clip(out, 0, 255, out=out)
    region[...] = (out + 0.5).astype(np.uint8)
