"""Procedural stills for the demo series: stylised vertical-drama frames, no network, no models.

Each frame is painted with QPainter on a QImage (gradients, silhouettes, CJK
titles through the system's Noto CJK font), then finished in numpy/OpenCV
(glow, film grain, vignette) and written as PNG. Deterministic per seed, so the
demo looks the same on every machine.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypedDict

import cv2
import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QRadialGradient,
)

WIDTH, HEIGHT = 1080, 1920
CJK_FAMILY = "Noto Sans CJK SC"


@dataclass
class Figure:
    """A character silhouette: horizontal centre and height as fractions of the frame."""

    x: float
    height: float
    rim: str = "#7aa2f7"
    hair: str = "short"  # "short" | "long"
    facing: float = 0.0  # -1 left .. 1 right, shifts the rim light
    feet: float | None = None  # fraction of height; None stands on the ground, > 1 crops (close-ups)


@dataclass
class FrameSpec:
    """Everything one still shows."""

    mood: str  # "night" | "interior" | "dawn"
    title: str = ""
    subtitle: str = ""
    caption: str = ""
    figures: list[Figure] = field(default_factory=list)
    seed: int = 1
    horizon: float = 0.62  # fraction of height where the skyline meets the ground
    title_y: float = 0.0625  # top of the title block, fraction of height (lower keeps it inside Ken Burns crops)


class Palette(TypedDict):
    """The colours of one mood: a sky gradient (top to horizon) and single colours for the rest."""

    sky: list[str]
    light: str
    city: str
    window: str
    ground: str


PALETTES: dict[str, Palette] = {
    "night": {"sky": ["#05060f", "#141a3a", "#3b2a5c", "#7a3b6b"], "light": "#f4efe0", "city": "#0b0d1c",
              "window": "#ffcf7a", "ground": "#06070d"},
    "interior": {"sky": ["#120a08", "#3a1d12", "#7a3d1c", "#c8772e"], "light": "#ffd9a0", "city": "#1c100b",
                 "window": "#fff1c2", "ground": "#0d0705"},
    "dawn": {"sky": ["#1b2450", "#5a4a8a", "#e0877a", "#ffd39a"], "light": "#fff4d6", "city": "#221a35",
             "window": "#ffe7b0", "ground": "#120e1c"},
}


def ensure_gui_app() -> None:
    """Text painting needs a QGuiApplication; the CLI has none, so make an offscreen one."""
    if QGuiApplication.instance() is None:
        QGuiApplication(["microdrama-demo", "-platform", "offscreen"])


def _sky(p: QPainter, colors: list[str]) -> None:
    grad = QLinearGradient(0, 0, 0, HEIGHT)
    for i, c in enumerate(colors):
        grad.setColorAt(i / (len(colors) - 1) * 0.75, QColor(c))
    grad.setColorAt(1.0, QColor(colors[-1]))
    p.fillRect(0, 0, WIDTH, HEIGHT, grad)


def _stars(p: QPainter, rng: random.Random, horizon: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    for _ in range(260):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT * horizon * 0.8)
        r = rng.choice((1.0, 1.2, 1.6, 2.4))
        p.setBrush(QColor(255, 255, 255, rng.randint(60, 220)))
        p.drawEllipse(QPointF(x, y), r, r)


def _orb(p: QPainter, mood: str, pal: Palette, horizon: float) -> None:
    if mood == "night":
        centre, radius = QPointF(WIDTH * 0.72, HEIGHT * 0.27), 95.0
    elif mood == "dawn":
        centre, radius = QPointF(WIDTH * 0.3, HEIGHT * horizon - 40), 150.0
    else:
        return
    halo = QRadialGradient(centre, radius * 4)
    light = QColor(pal["light"])
    light.setAlpha(110)
    halo.setColorAt(0, light)
    halo.setColorAt(1, QColor(0, 0, 0, 0))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(halo)
    p.drawEllipse(centre, radius * 4, radius * 4)
    p.setBrush(QColor(pal["light"]))
    p.drawEllipse(centre, radius, radius)


def _skyline(p: QPainter, rng: random.Random, pal: Palette, horizon: float, layer: int) -> None:
    base = HEIGHT * horizon
    city = QColor(pal["city"])
    if layer == 0:  # far layer: lighter, hazier
        city = city.lighter(170)
    x = -20.0
    while x < WIDTH:
        w = rng.uniform(70, 170) * (0.7 if layer == 0 else 1.0)
        h = rng.uniform(180, 620) * (0.6 if layer == 0 else 1.0)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(city)
        p.drawRect(QRectF(x, base - h, w, h + 2))
        if rng.random() < 0.25:  # antenna
            p.drawRect(QRectF(x + w / 2 - 3, base - h - 70, 6, 70))
        if layer == 1:
            window = QColor(pal["window"])
            for wy in np.arange(base - h + 24, base - 20, 34):
                for wx in np.arange(x + 12, x + w - 16, 26):
                    if rng.random() < 0.28:
                        window.setAlpha(rng.randint(90, 230))
                        p.setBrush(window)
                        p.drawRect(QRectF(wx, wy, 12, 18))
        x += w + rng.uniform(4, 26)


def _interior(p: QPainter, rng: random.Random, pal: Palette, horizon: float) -> None:
    """A penthouse window wall: mullions over a warm city, a desk line."""
    _skyline(p, rng, pal, horizon, 0)
    _skyline(p, rng, pal, horizon, 1)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(10, 6, 4, 235))
    for mx in (0, WIDTH * 0.33, WIDTH * 0.66, WIDTH - 26):
        p.drawRect(QRectF(mx, 0, 26, HEIGHT))
    p.drawRect(QRectF(0, HEIGHT * 0.18, WIDTH, 22))
    lamp = QRadialGradient(QPointF(WIDTH * 0.85, HEIGHT * 0.7), 520)
    lamp.setColorAt(0, QColor(255, 190, 110, 120))
    lamp.setColorAt(1, QColor(0, 0, 0, 0))
    p.setBrush(lamp)
    p.drawRect(QRectF(0, 0, WIDTH, HEIGHT))


def _ground(p: QPainter, pal: Palette, horizon: float, mood: str) -> None:
    top = HEIGHT * horizon
    grad = QLinearGradient(0, top, 0, HEIGHT)
    grad.setColorAt(0, QColor(pal["ground"]).lighter(130))
    grad.setColorAt(1, QColor(pal["ground"]))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(grad)
    p.drawRect(QRectF(0, top, WIDTH, HEIGHT - top))
    if mood == "night":  # rooftop railing
        p.setBrush(QColor(20, 22, 40))
        p.drawRect(QRectF(0, top - 110, WIDTH, 10))
        for rx in range(0, WIDTH, 90):
            p.drawRect(QRectF(rx, top - 110, 8, 110))
    elif mood == "dawn":  # wet street reflecting the sky
        shine = QLinearGradient(0, top, 0, HEIGHT)
        shine.setColorAt(0, QColor(255, 200, 160, 70))
        shine.setColorAt(0.5, QColor(255, 200, 160, 0))
        p.setBrush(shine)
        p.drawRect(QRectF(0, top, WIDTH, HEIGHT - top))


def _figure(p: QPainter, fig: Figure, horizon: float) -> None:
    """A standing person: head, neck, shoulders wider than the hips, two legs; lit from one side."""
    h = HEIGHT * fig.height
    feet = HEIGHT * (fig.feet if fig.feet is not None else min(0.98, horizon + 0.3))
    cx = WIDTH * fig.x
    head_r = h * 0.062
    head_c = QPointF(cx, feet - h + head_r * 1.1)
    neck_y = head_c.y() + head_r * 1.05
    shoulder_y = neck_y + head_r * 0.7
    sw, waist, hip = h * 0.125, h * 0.085, h * 0.095
    waist_y, hip_y = feet - h * 0.5, feet - h * 0.42
    gap = h * 0.012
    body = QPainterPath()
    body.moveTo(cx - head_r * 0.38, neck_y)
    body.lineTo(cx + head_r * 0.38, neck_y)
    body.cubicTo(cx + head_r * 0.5, shoulder_y - 4, cx + sw * 0.8, shoulder_y - 6, cx + sw, shoulder_y + h * 0.03)
    body.lineTo(cx + sw * 1.02, shoulder_y + h * 0.26)  # arm hanging
    body.lineTo(cx + sw * 0.82, shoulder_y + h * 0.27)
    body.lineTo(cx + waist, waist_y)
    body.lineTo(cx + hip, hip_y)
    body.lineTo(cx + hip * 0.8, feet)
    body.lineTo(cx + gap, feet)
    body.lineTo(cx + gap, hip_y + h * 0.06)
    body.lineTo(cx - gap, hip_y + h * 0.06)
    body.lineTo(cx - gap, feet)
    body.lineTo(cx - hip * 0.8, feet)
    body.lineTo(cx - hip, hip_y)
    body.lineTo(cx - waist, waist_y)
    body.lineTo(cx - sw * 0.82, shoulder_y + h * 0.27)
    body.lineTo(cx - sw * 1.02, shoulder_y + h * 0.26)
    body.lineTo(cx - sw, shoulder_y + h * 0.03)
    body.cubicTo(cx - sw * 0.8, shoulder_y - 6, cx - head_r * 0.5, shoulder_y - 4, cx - head_r * 0.38, neck_y)
    body.closeSubpath()
    head = QPainterPath()
    head.addEllipse(head_c, head_r * 0.92, head_r * 1.12)
    body = body.united(head)
    if fig.hair == "long":
        hair = QPainterPath()
        hair.addRoundedRect(QRectF(cx - head_r * 1.05, head_c.y() - head_r * 1.2, head_r * 2.1, head_r * 3.6),
                            head_r * 0.9, head_r * 0.9)
        body = body.united(hair)
    p.setPen(Qt.PenStyle.NoPen)
    rim = QColor(fig.rim)
    p.setBrush(rim)
    p.drawPath(body.translated(fig.facing * 9, -5))  # the lit edge peeks out on one side
    p.setBrush(QColor(4, 4, 8))
    p.drawPath(body)


def _text(p: QPainter, spec: FrameSpec) -> None:
    top = HEIGHT * spec.title_y - 120
    if spec.title or spec.subtitle:
        band = QLinearGradient(0, top, 0, top + 420)
        band.setColorAt(0, QColor(0, 0, 0, 0 if top > 0 else 190))
        band.setColorAt(0.45, QColor(0, 0, 0, 150))
        band.setColorAt(1, QColor(0, 0, 0, 0))
        p.fillRect(QRectF(0, top, WIDTH, 420), band)
    if spec.title:
        font = QFont(CJK_FAMILY)
        font.setPixelSize(118)
        font.setWeight(QFont.Weight.Black)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
        p.setFont(font)
        p.setPen(QColor(0, 0, 0, 160))
        p.drawText(QRectF(6, top + 126, WIDTH, 150), Qt.AlignmentFlag.AlignHCenter, spec.title)
        p.setPen(QColor("#f6e7c8"))
        p.drawText(QRectF(0, top + 120, WIDTH, 150), Qt.AlignmentFlag.AlignHCenter, spec.title)
    if spec.subtitle:
        font = QFont(CJK_FAMILY)
        font.setPixelSize(34)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 8)
        p.setFont(font)
        p.setPen(QColor(246, 231, 200, 210))
        p.drawText(QRectF(0, top + 270, WIDTH, 60), Qt.AlignmentFlag.AlignHCenter, spec.subtitle)
    if spec.caption:
        font = QFont(CJK_FAMILY)
        font.setPixelSize(30)
        p.setFont(font)
        p.setPen(QColor(255, 255, 255, 150))
        p.drawText(QRectF(40, HEIGHT - 90, WIDTH - 80, 50), Qt.AlignmentFlag.AlignLeft, spec.caption)


def _to_array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    buf = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return buf[:, : w * 3].reshape(h, w, 3).copy()


@cache
def _vignette(width: int, height: int) -> np.ndarray:
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    d2 = ((xx - width / 2) / (width * 0.75)) ** 2 + ((yy - height / 2) / (height * 0.7)) ** 2
    shade: np.ndarray = np.clip(1.12 - 0.55 * d2, 0.35, 1.0)[..., None]
    return shade


def _finish(rgb: np.ndarray, seed: int) -> np.ndarray:
    """Bloom the highlights, add grain and a vignette: what makes a flat drawing look shot."""
    small = cv2.resize(rgb, (WIDTH // 4, HEIGHT // 4), interpolation=cv2.INTER_AREA).astype(np.float32)
    bright = np.clip(small - 150.0, 0, None) * 1.6
    glow = cv2.resize(cv2.GaussianBlur(bright, (0, 0), 14), (WIDTH, HEIGHT), interpolation=cv2.INTER_LINEAR)
    out = rgb.astype(np.float32)
    out += glow * 0.55
    out *= _vignette(WIDTH, HEIGHT)
    grain = np.random.default_rng(seed).integers(-6, 7, (HEIGHT, WIDTH, 1), dtype=np.int8)
    out += grain
    return np.clip(out, 0, 255).astype(np.uint8)


def render_frame(spec: FrameSpec) -> np.ndarray:
    """The finished still as an (H, W, 3) uint8 RGB array."""
    ensure_gui_app()
    pal = PALETTES[spec.mood]
    rng = random.Random(spec.seed)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _sky(p, pal["sky"])
    if spec.mood == "night":
        _stars(p, rng, spec.horizon)
    _orb(p, spec.mood, pal, spec.horizon)
    if spec.mood == "interior":
        _interior(p, rng, pal, spec.horizon)
    else:
        _skyline(p, rng, pal, spec.horizon, 0)
        _skyline(p, rng, pal, spec.horizon, 1)
    _ground(p, pal, spec.horizon, spec.mood)
    for fig in spec.figures:
        _figure(p, fig, spec.horizon)
    p.end()
    rgb = _finish(_to_array(image), spec.seed)
    # titles go on after the grain so they stay crisp
    image = QImage(rgb.data, WIDTH, HEIGHT, WIDTH * 3, QImage.Format.Format_RGB888).copy()
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _text(p, spec)
    p.end()
    return _to_array(image)


def render_portrait(name: str, subtitle: str, rim: str, hair: str, seed: int) -> np.ndarray:
    """A character reference card: one lit silhouette with the name."""
    spec = FrameSpec(mood="night" if seed % 2 else "dawn", title=name, subtitle=subtitle, seed=seed,
                     figures=[Figure(0.5, 0.62, rim=rim, hair=hair, facing=math.copysign(1, seed % 3 - 1))],
                     horizon=0.55)
    return render_frame(spec)


def write_png(rgb: np.ndarray, path: Path) -> None:
    if not cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_PNG_COMPRESSION, 3]):
        raise OSError(f"could not write {path}")
