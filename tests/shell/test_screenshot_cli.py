"""``microdrama open PATH --screenshot FILE.png`` through the real command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.shell.conftest import make_project

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the command must pick offscreen by itself without a display
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["MICRODRAMA_SETTINGS_DIR"] = str(tmp_path / "settings")
    return subprocess.run([sys.executable, "-m", "widgets.launch", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_screenshot_of_an_open_project_is_a_full_size_real_picture(tmp_path):
    project = make_project(tmp_path / "Shot.mdrama", episodes=3)
    out = tmp_path / "shots" / "main.png"
    result = _run(["open", str(project), "--screenshot", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    small = image.scaled(160, 100)
    colours = {small.pixel(x, y) for x in range(160) for y in range(100)}
    assert len(colours) > 20  # text, icons, panels: not a blank or single-colour frame
    lum = [QImage.pixelColor(small, x, y).lightness() for x in range(160) for y in range(100)]
    assert sum(lum) / len(lum) < 110  # the dark theme


def test_screenshot_size_and_language_options_and_a_bad_project(tmp_path, capsys):
    """The same entry point in-process (``widgets.launch.main``): other size, Chinese, a broken file."""
    from widgets.launch import main

    project = make_project(tmp_path / "Small.mdrama")
    out = tmp_path / "small.png"
    assert main(["open", str(project), "--screenshot", str(out), "--size", "1280x800", "--language", "zh_CN"]) == 0
    assert QImage(str(out)).size().toTuple() == (1280, 800)

    (project / "project.json").write_text("not json", encoding="utf-8")
    assert main(["open", str(project), "--screenshot", str(tmp_path / "bad.png")]) == 2
    assert "project.json" in capsys.readouterr().err
    assert not (tmp_path / "bad.png").exists()
    assert main(["open", str(project), "--screenshot", str(out), "--size", "huge"]) == 2
