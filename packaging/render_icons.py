"""Render the SVG app icon to the PNG sizes desktops want, plus the Windows .ico and macOS .icns."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main(svg: Path, out_dir: Path) -> int:
    app = QGuiApplication.instance() or QGuiApplication(["render_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"cannot read {svg}", file=sys.stderr)
        return 1
    out_dir.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(out_dir / f"microdrama-{size}.png"))
    # Windows .ico straight from Qt's ICO writer (the imageformats plugin ships with PySide6).
    big = QImage(str(out_dir / "microdrama-256.png"))
    if not big.save(str(out_dir / "microdrama.ico")):
        print("note: no ICO writer in this Qt build; PyInstaller converts the PNG on Windows")
    # macOS .icns from Qt's ICNS writer (the same plugin folder), used by the .app bundle
    if not QImage(str(out_dir / "microdrama-512.png")).save(str(out_dir / "microdrama.icns")):
        print("note: no ICNS writer in this Qt build; the macOS app gets PyInstaller's default icon")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
