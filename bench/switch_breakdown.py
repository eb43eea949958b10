"""An episode switch's GUI-thread CPU time by part, episodes already read (so lazy reading is left out).

Opens PROJECT (a copy of ``microdrama demo PATH --episodes 4``) in the real window at
1600x1000, reads every episode once, then switches 12 times and prints the CPU time of
the ``set_current_episode`` handlers, the timeline's first paint of the new episode, and
the posted work plus a repaint of the whole window. ``--sprites-per-paint N`` sets how
many clip sprites a paint may make itself (a large N is the old behaviour: all of them).

Run: python bench/switch_breakdown.py PROJECT [--sprites-per-paint N]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MICRODRAMA_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="switch-breakdown-")
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("project", type=Path)
parser.add_argument("--sprites-per-paint", type=int)
args = parser.parse_args()

from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication([])
import widgets.timeline.sprites as sp  # noqa: E402
from widgets.main_window import MainWindow  # noqa: E402
from widgets.timeline.view import TimelineView  # noqa: E402

if args.sprites_per_paint is not None:
    sp.SPRITES_PER_PAINT = args.sprites_per_paint
w = MainWindow()
w.resize(1600, 1000)
w.show()


def settle(s: float) -> None:
    end = time.time() + s
    while time.time() < end:
        app.processEvents()
        time.sleep(0.003)


settle(0.5)
assert w.controller.open_path(args.project)
settle(3)
view = w.findChild(TimelineView)
eps = w.session.series.episodes
for e in eps:  # read every episode first: lazy reading is not what is measured here
    w.session.set_current_episode(e.id)
    settle(0.3)
rows = []
for i in range(12):
    e = eps[i % len(eps)]
    t0 = time.thread_time()
    w.session.set_current_episode(e.id)
    t1 = time.thread_time()
    view.repaint()
    t2 = time.thread_time()
    app.processEvents()
    w.repaint()
    t3 = time.thread_time()
    rows.append(((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000))
    settle(0.4)
for name, k in (("set_current_episode handlers", 0), ("timeline first paint", 1), ("events + window repaint", 2)):
    vals = [r[k] for r in rows]
    print(f"{name:32} median {statistics.median(vals):6.1f} max {max(vals):6.1f} ms CPU")
print(f"{'total':32} median {statistics.median([sum(r) for r in rows]):6.1f} max {max(sum(r) for r in rows):6.1f}")
w.session.document.undo_stack.setClean()
w.close()
