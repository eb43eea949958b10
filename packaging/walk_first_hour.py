"""Walk a creator's first hour through the real main window, and keep what each step looked like.

Companion of ``walk-screenshots.sh`` (which walks the demo): this one starts from the welcome
screen with no project and two loopback AI vendors configured (Kling for stills, MiniMax for
clips, servers from ``tests/providers/servers`` on 127.0.0.1, pointed at by
``MICRODRAMA_<PROVIDER>_<FIELD>`` overrides), then: New Series → paste a script → Break Down
(without AI) → stills → clips → voices (offline scratch voice) → Send to Timeline → Save, driving the widgets with key and mouse events. Screenshots of the whole X screen go to
``OUT/first-hour-<lang>-<w>x<h>-<n>-<step>.png``. The saved episode is then exported with
``microdrama export`` and ffmpeg's ``blackdetect`` reports any black stretch.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python packaging/walk_first_hour.py --lang zh_CN --size 1600x1000 [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SCRIPT_ZH = """Title: 雨夜来信
Author: 林晓

INT. 咖啡馆 - 夜

雨打在玻璃上。林推门进来，浑身湿透。

林：你怎么还在这里？
陈：我在等你。

EXT. 街道 - 夜

两人走进雨里，霓虹倒映在水洼中。

林（轻声）：我们走吧，天快黑了。
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--size", default="1600x1000")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="microdrama-first-hour-"))
    os.environ["MICRODRAMA_SETTINGS_DIR"] = str(work / "settings")
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["MICRODRAMA_POLL_INTERVAL"] = "0.1"

    from tests.providers.servers import kling, minimax

    kling_server = kling.KlingServer().start()
    minimax_server = minimax.MiniMaxServer().start()
    kling_server.polls_to_finish = 1
    from tests.providers.servers.media import png_bytes

    kling_server.image_bytes = png_bytes(576, 1024)
    os.environ.update({
        "MICRODRAMA_KLING_BASE_URL": kling_server.url, "MICRODRAMA_KLING_ACCESS_KEY": kling.ACCESS_KEY,
        "MICRODRAMA_KLING_SECRET_KEY": kling.SECRET_KEY,
        "MICRODRAMA_MINIMAX_BASE_URL": minimax_server.url, "MICRODRAMA_MINIMAX_API_KEY": minimax.API_KEY,
    })

    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from widgets.shell import i18n
    from widgets.shell.preferences import PROJECTS_KEY
    from widgets.shell.settings import app_settings

    app_settings().clear()
    app_settings().setValue(PROJECTS_KEY, str(work / "projects"))
    app_settings().setValue(i18n.SETTINGS_KEY, args.lang)
    i18n.install_language(args.lang)
    from widgets.main_window import MainWindow

    window = MainWindow()
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    tag = f"first-hour-{'zh' if args.lang.startswith('zh') else 'en'}-{width}x{height}"
    step = [0]

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        pump(0.6)
        step[0] += 1
        path = out / f"{tag}-{step[0]}-{name}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        print(f"screenshot {path.name}", flush=True)

    def when_modal(act, tries: int = 200) -> None:
        """Run ``act(dialog)`` on the next modal dialog (the user answering it)."""
        def poll() -> None:
            nonlocal tries
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QDialog):
                act(dialog)
            elif tries > 0:
                tries -= 1
                QTimer.singleShot(50, poll)
        QTimer.singleShot(50, poll)

    def action(name: str):
        found = window.findChild(type(window.shell_actions["action_save"]), name) if hasattr(window, "shell_actions") else None
        if found is None:
            from PySide6.QtGui import QAction

            found = next(a for a in window.findChildren(QAction) if a.objectName() == name)
        return found

    def wait_jobs(timeout: float = 120.0) -> None:
        from app.jobs.manager import job_manager

        manager = job_manager(window.session)
        end = time.monotonic() + timeout
        while time.monotonic() < end and not all(j.state.finished for j in manager.jobs()):
            pump(0.2)

    pump(2.0)
    shot("welcome")

    # New Series: title typed, language and picture as offered, Create clicked
    def fill_new_series(dialog: QDialog) -> None:
        dialog.title_edit.selectAll()
        dialog.title_edit.setFocus()  # Chinese comes from the input method, as one commit
        dialog.title_edit.insert("雨夜来信" if args.lang.startswith("zh") else "Rain Letters")
        pump(0.3)
        step[0] += 1
        dialog.grab().save(str(out / f"{tag}-{step[0]}-new-series.png"))
        QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    when_modal(fill_new_series)
    action("action_new_series").trigger()
    pump(2.0)
    shot("new-series-opened")

    # the script: pasted into the Script editor (Ctrl+V), then Break Down without AI
    from widgets.script.panel import ScriptPanel

    script = window.findChild(ScriptPanel)
    script.window().raise_()
    QApplication.clipboard().setText(SCRIPT_ZH)
    script.editor.setFocus()
    QTest.keyClick(script.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pump(1.0)
    shot("script")
    action("action_breakdown_plain").trigger()
    pump(3.0)
    shot("breakdown")

    # stills (Kling) and clips (MiniMax): chosen in the Storyboard's provider boxes, then generated
    from widgets.storyboard.panel import StoryboardPanel

    board = window.findChild(StoryboardPanel)
    for combo, name in ((board.image_provider, "kling"), (board.video_provider, "minimax")):
        combo.setCurrentIndex(combo.findData(name))
    when_modal(lambda d: (shot("stills-confirm"), d.button(QMessageBox.StandardButton.Yes).click()))
    action("action_missing_stills").trigger()
    wait_jobs()
    pump(3.0)
    shot("stills")
    when_modal(lambda d: d.button(QMessageBox.StandardButton.Yes).click())
    action("action_missing_clips").trigger()
    wait_jobs()
    pump(3.0)
    shot("clips")

    # voices: every line, characters without a voice use the offline scratch voice
    when_modal(lambda d: (d.accept() if not isinstance(d, QMessageBox)
                          else (d.button(QMessageBox.StandardButton.Yes) or d.buttons()[0]).click()))
    action("action_voices_episode").trigger()
    wait_jobs()
    pump(2.0)
    shot("voices")

    action("action_send_to_timeline").trigger()
    pump(3.0)
    from widgets.timeline.panel import TimelinePanel

    timeline = window.findChild(TimelinePanel)
    if timeline is not None:
        QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(timeline.width() // 2, 40))
    pump(2.0)
    shot("timeline")

    if window.session.is_modified:
        action("action_save").trigger()  # File > Save
        pump(2.0)
    print(f"project {window.session.bundle.root if window.session.bundle else '-'}", flush=True)
    root = window.session.bundle.root if window.session.bundle else None
    window.close()
    pump(1.0)
    kling_server.stop()
    minimax_server.stop()
    if root is not None:  # the export itself, and a judge that is not ours: ffmpeg's blackdetect
        import subprocess

        movie = work / "episode.mp4"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, "-m", "widgets.launch", "export", str(root), "--episode", "1",
                               "--out", str(movie), "--preset", "draft"], env=env, capture_output=True,
                              text=True)
        print(f"export exit {done.returncode}: {done.stderr.strip()[-600:]}", flush=True)
        if done.returncode != 0:
            return 1
        probe = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(movie), "-vf",
                                "blackdetect=d=0.1:pix_th=0.05", "-an", "-f", "null", "-"],
                               capture_output=True, text=True)
        black = [line for line in probe.stderr.splitlines() if "black_start" in line]
        print(f"export {movie.stat().st_size} bytes, black stretches: {len(black)}", flush=True)
        for line in black:
            print("  " + line.split("]", 1)[-1].strip(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
