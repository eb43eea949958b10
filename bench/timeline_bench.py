"""Timeline repaint speed with 500 clips: scroll, zoom and a live trim drag.

Builds a bundle with real media (counter clips and a tone, so thumbnails and
waveforms are drawn), 500 clips over picture, dialogue, subtitle and music
tracks, shows the real ``TimelinePanel`` offscreen at 1600x700 and times
synchronous repaints. Reference in the same process: the same scroll with
visible-range culling and the clip-picture cache switched off (every clip drawn
from scratch each frame).

Usage: python bench/timeline_bench.py        (last line: the headline)
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.media.probe import probe_file  # noqa: E402
from app.media.synth import write_audio_file, write_counter_clip  # noqa: E402
from app.model import Clip, Episode, Series, TrackKind  # noqa: E402
from app.session import Session  # noqa: E402


def build(tmp: Path) -> Session:
    videos = [write_counter_clip(tmp / f"v{i}.mp4", 90, size=(270, 480), gop=15, code_base=i * 100) for i in range(4)]
    tone = write_audio_file(tmp / "tone.wav", 220.0, 20.0, rate=48000)
    series = Series(title="Bench")
    series.episodes.append(Episode(number=1))
    session = Session()
    session.create(tmp / "Bench.mdrama", series)
    assets = []
    for path in [*videos, tone]:
        a = session.bundle.import_file(path)
        a.probe = probe_file(session.bundle.resolve(a.path))
        session.document.add_media_raw(a)
        assets.append(a)
    tl = session.current_episode.timeline
    pic, sub, dia, music = (tl.first_track(k) for k in (TrackKind.PICTURE, TrackKind.SUBTITLES,
                                                         TrackKind.DIALOGUE, TrackKind.MUSIC))
    pos = 0
    for i in range(250):  # 250 shots of 1-3 s
        n = 30 + (i * 37) % 60
        pic.clips.append(Clip(asset_id=assets[i % 4].id, start=pos, duration=n, name=f"Shot {i + 1:03d}"))
        if i % 2 == 0:
            sub.clips.append(Clip(start=pos + 3, duration=n - 6, text=f"第{i}句台词 line {i}", name=f"L{i}"))
            dia.clips.append(Clip(asset_id=assets[4].id, start=pos + 3, duration=n - 6, name=f"Take {i}",
                                  source_in=(i * 11) % 300))
        pos += n
    for j in range(0, pos, 600):
        music.clips.append(Clip(asset_id=assets[4].id, start=j, duration=min(590, pos - j), name="Music bed"))
    session.document.replace_series(session.series)
    session.set_current_episode(session.series.episodes[0].id)
    n = sum(len(t.clips) for t in tl.tracks)
    assert n >= 500, n
    return session


CPU: list[float] = []  # CPU time of the GUI thread per frame, parallel to the wall-clock lists


def timed_paints(view, app, actions) -> list[float]:
    """Wall-clock ms per action+repaint; the GUI thread's CPU ms go to CPU (immune to other load)."""
    out = []
    for act in actions:
        c0, t0 = time.thread_time(), time.perf_counter()
        act()
        view.repaint()
        out.append((time.perf_counter() - t0) * 1000)
        CPU.append((time.thread_time() - c0) * 1000)
        app.processEvents()
    return out


def cpu_of(run) -> tuple[list[float], list[float]]:
    CPU.clear()
    wall = run()
    return wall, list(CPU)


def stats(ms: list[float]) -> tuple[float, float, float]:
    s = sorted(ms)
    return statistics.median(s), s[int(len(s) * 0.95) - 1], s[-1]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from widgets.timeline import painter as painter_mod
    from widgets.timeline.panel import TimelinePanel

    with tempfile.TemporaryDirectory() as d:
        session = build(Path(d))
        panel = TimelinePanel(session)
        panel.resize(1600, 700)
        panel.show()
        app.processEvents()
        view = panel.view
        clips = sum(len(t.clips) for t in session.current_episode.timeline.tracks)
        view.set_zoom(3.0)
        # warm the thumbnail/waveform caches over the whole episode, as a user scrolling once would
        for x in range(0, int(view.max_scroll_x()) + 1, 800):
            view.set_scroll_x(x)
            view.repaint()
            view.media_cache.wait_idle(60000)
            app.processEvents()

        gc.freeze()  # as the editor does once its window has painted (widgets/application.py)

        def scroll_actions(step=24, count=240):
            return [lambda i=i: view.set_scroll_x((i * step) % max(1, int(view.max_scroll_x()))) for i in range(count)]

        def zoom_actions():
            acts = [lambda: view.zoom_to_fit()]
            acts += [lambda: view.zoom_by(1.15, 800) for _ in range(60)]
            acts += [lambda: view.zoom_by(1 / 1.15, 800) for _ in range(60)]
            return acts

        view.set_zoom(3.0)
        scroll, scroll_cpu = cpu_of(lambda: timed_paints(view, app, scroll_actions()))
        zoom, zoom_cpu = cpu_of(lambda: timed_paints(view, app, zoom_actions()))
        # whole-episode view: every clip is visible at once
        view.zoom_to_fit()
        fit, fit_cpu = cpu_of(lambda: timed_paints(view, app, [lambda: view.update() for _ in range(40)]))

        # trim drag: mouse events on a clip's out edge, each followed by a repaint
        view.set_zoom(3.0)
        view.set_scroll_x(0)
        view.repaint()
        pic = session.current_episode.timeline.first_track(TrackKind.PICTURE)
        target = pic.clips_sorted()[3]
        row = view.geo.row_of(pic.id)
        x0, y = int(view.geo.x_of(target.end)) - 2, row.top + row.height // 2

        def mouse(kind, x):
            ev = QMouseEvent(kind, QPoint(x, y), view.mapToGlobal(QPoint(x, y)), Qt.MouseButton.LeftButton,
                             Qt.MouseButton.LeftButton if kind != QMouseEvent.Type.MouseButtonRelease
                             else Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(view, ev)

        mouse(QMouseEvent.Type.MouseButtonPress, x0)
        trim, trim_cpu = [], []
        for i in range(1, 121):
            c0, t0 = time.thread_time(), time.perf_counter()
            mouse(QMouseEvent.Type.MouseMove, x0 - (i % 40))
            view.repaint()
            trim.append((time.perf_counter() - t0) * 1000)
            trim_cpu.append((time.thread_time() - c0) * 1000)
        mouse(QMouseEvent.Type.MouseButtonRelease, x0 - 20)
        undo_steps = session.document.undo_stack.count()

        # reference: the same scroll painted the plain way: no culling, no cached clip pictures
        # (every clip of the episode drawn from scratch every frame)
        original = painter_mod.TrackIndex.visible
        painter_mod.TrackIndex.visible = lambda self, first, last: list(self.clips)

        view.painter.sprites_enabled = False
        try:
            naive, naive_cpu = cpu_of(lambda: timed_paints(view, app, scroll_actions(count=60)))
        finally:
            painter_mod.TrackIndex.visible = original
            view.painter.sprites_enabled = True

        print(f"{'ms per frame':32s} {'wall p50':>9s} {'wall p95':>9s} {'CPU p50':>9s} {'CPU p95':>9s}")
        for name, ms, cpu in (("scroll", scroll, scroll_cpu), ("zoom", zoom, zoom_cpu), ("whole episode", fit, fit_cpu),
                              ("trim drag (move + repaint)", trim, trim_cpu),
                              ("reference: scroll, no culling", naive, naive_cpu)):
            w50, w95, _ = stats(ms)
            c50, c95, _ = stats(cpu)
            print(f"{name:32s} {w50:9.2f} {w95:9.2f} {c50:9.2f} {c95:9.2f}   ({len(ms)} frames)")
        print(f"clips: {clips}; trim drag of 120 mouse moves = {undo_steps} undo step(s); load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times include waiting for a core)")
        s95, z95, t95 = stats(scroll_cpu)[1], stats(zoom_cpu)[1], stats(trim_cpu)[1]
        ratio = stats(naive_cpu)[0] / max(1e-6, stats(scroll_cpu)[0])
        print(f"HEADLINE timeline {clips} clips, GUI-thread CPU per frame: scroll p95 {s95:.1f} ms, zoom p95 "
              f"{z95:.1f} ms, trim-drag p95 {t95:.1f} ms (budget 16 ms); {ratio:.1f}x less than painting every clip")
        panel.close()


if __name__ == "__main__":
    main()
