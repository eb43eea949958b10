"""A whole season in the editor: open, save, autosave, a 60-job batch, episode switch, storyboard scroll, import.

Builds the season of issue 17 with ``microdrama demo --episodes N`` (100 episodes
x 30 shots, 3 still versions and 2 clip versions per shot, 2 takes per line, a
few real media files reused) and, as the reference measured in the same
process, the same project cut to its first three episodes (the demo at the size
the editor was tuned for). Everything runs in one offscreen ``MainWindow``
(the real one), driven as a user would.

GUI-thread stalls are measured with a heartbeat: a 5 ms QTimer on the GUI
thread records when it fires; a gap between beats is the time the GUI thread
could not react. The batch is 60 real still generations through the job queue
against the loopback Kling server (tests/providers/servers, in a process of its own), with the vendor's
task creation, polling and download.

Run: python bench/season_bench.py [--quick | --episodes N] [--no-batch] [--profile-switch FILE]

``--profile-switch FILE`` runs cProfile around the season's 12 episode switches
(not the warm-up's or the reference's) and what they post, timed by the GUI
thread's CPU clock, saves the stats to FILE and prints the functions with the
most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="season-bench-"))
os.environ["MICRODRAMA_SETTINGS_DIR"] = str(_SANDBOX / "settings")  # keep the user's settings out
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["MICRODRAMA_POLL_INTERVAL"] = "0.05"

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QListWidget  # noqa: E402

REFERENCE_EPISODES = 3
BATCH = 60
HEARTBEAT_MS = 5


class Heartbeat:
    """Records the gaps between beats of a 5 ms timer on the GUI thread, and where the time of each went:
    the GUI thread's own processor time, its wait for a core (the kernel's run-queue delay, Linux), and
    the rest (blocked: the interpreter lock held by a worker, or the disk)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.gaps: list[float] = []
        self.cpu: list[float] = []  # GUI-thread CPU time between beats: the stall without the machine's load
        self.queued: list[float] = []  # time the GUI thread was ready to run but had no core
        self._last = self._last_cpu = self._last_queued = 0.0

    @staticmethod
    def _run_queue_ms() -> float:
        try:
            with open("/proc/thread-self/schedstat") as f:  # run time, run-queue wait, slices (ns)
                return int(f.read().split()[1]) / 1e6
        except (OSError, IndexError, ValueError):
            return 0.0

    def _beat(self) -> None:
        now, cpu, queued = time.perf_counter(), time.thread_time(), self._run_queue_ms()
        self.gaps.append((now - self._last) * 1000)
        self.cpu.append((cpu - self._last_cpu) * 1000)
        self.queued.append(queued - self._last_queued)
        self._last, self._last_cpu, self._last_queued = now, cpu, queued

    def start(self) -> None:
        self.gaps, self._last = [], time.perf_counter()  # a stall right after start counts too
        self.cpu, self._last_cpu = [], time.thread_time()
        self.queued, self._last_queued = [], self._run_queue_ms()
        self.timer.start()

    def cpu_max(self) -> float:
        return max(self.cpu, default=0.0)

    def parts(self) -> tuple[float, float, float, float]:
        """The longest gap: (gap, GUI-thread CPU, waiting for a core, blocked) in ms."""
        if not self.gaps:
            return 0.0, 0.0, 0.0, 0.0
        i = max(range(len(self.gaps)), key=self.gaps.__getitem__)
        gap, cpu, queued = self.gaps[i], self.cpu[i], self.queued[i]
        return gap, cpu, queued, max(0.0, gap - cpu - queued)

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        return worst(self.gaps)


def worst(ms: list[float]) -> tuple[float, float]:
    """(max, p99) in ms."""
    if not ms:
        return 0.0, 0.0
    ordered = sorted(ms)
    return ordered[-1], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


class PaintWatch(QObject):
    """Notes the first paint of a widget inside the window after ``arm()``."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window = window
        self.painted_at = 0.0

    def arm(self) -> None:
        self.painted_at = 0.0

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if not self.painted_at and event.type() == QEvent.Type.Paint and obj is not self.window \
                and hasattr(obj, "window") and obj.window() is self.window and obj.isVisible():
            self.painted_at = time.perf_counter()
        return False


class PaintCount(QObject):
    """Counts a widget's paint events; for the timeline, only those that draw (a held paint leaves the
    old episode's pixels: widgets/timeline/paint_hold.py)."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        self._hold = getattr(widget, "paint_hold", None)
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not (self._hold is not None and self._hold.held):
            self.count += 1
        return False


def pump(app: QApplication, until: Callable[[], bool], timeout: float = 60.0) -> bool:
    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.001)
    return True


def settle(app: QApplication, ms: int = 200) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        app.processEvents()
        time.sleep(0.002)


def project_files(root: Path) -> dict[str, tuple[int, int, int]]:
    """The project's JSON files (project.json, parts, autosave) by path: inode, mtime, size."""
    out = {}
    for path in root.rglob("*.json"):
        st = path.stat()
        out[str(path)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def bytes_written(before: dict[str, tuple[int, int, int]], after: dict[str, tuple[int, int, int]]) -> int:
    """Bytes of the files a save created or replaced (a hard-linked backup costs none)."""
    old = set(before.values())
    return sum(v[2] for k, v in after.items() if v not in old and not k.endswith(".bak"))


def make_reference(season: Path, target: Path, episodes: int) -> Path:
    from app.bundle import ProjectBundle

    shutil.copytree(season, target)
    bundle = ProjectBundle(target)
    series = bundle.load()
    kept = series.episodes[:episodes]
    series.episodes = kept
    used = {c.asset_id for e in kept for t in e.timeline.tracks for c in t.clips if c.asset_id}
    used |= {f"take_{t.id}" for e in kept for _s, line in e.dialogue_lines() for t in line.takes}
    series.media = {k: a for k, a in series.media.items() if not k.startswith("take_") or k in used}
    bundle.save(series)
    return target


def measure(app: QApplication, path: Path, kling_url: str | None, label: str = "",
            profile_to: Path | None = None) -> dict[str, object]:
    from widgets.main_window import MainWindow
    from widgets.shell.episodes import rename_episode
    from widgets.storyboard.panel import StoryboardPanel
    from widgets.timeline.view import TimelineView

    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    settle(app, 300)
    watch = PaintWatch(window)
    app.installEventFilter(watch)
    beat = Heartbeat()
    class Noisy(dict):  # prints each figure as it is taken: a long run shows its progress
        def __setitem__(self, key, value) -> None:
            super().__setitem__(key, value)
            if label:
                print(f"  [{label}] {key}: {value}", flush=True)

    out = Noisy()
    try:
        from app.model.lazy_episode import is_unread

        warmed: list[float] = []
        window.session.episode_warmer.finished.connect(lambda: warmed.append(time.perf_counter()))
        watch.arm()
        t0 = time.perf_counter()
        assert window.controller.open_path(path)
        pump(app, lambda: bool(watch.painted_at))
        out["open"] = (watch.painted_at - t0) * 1000
        opened_at = t0
        episodes_read = sum(not is_unread(e) for e in window.session.series.episodes)
        out["open_read"] = (episodes_read, len(window.session.series.episodes))
        settle(app, 500)
        session = window.session
        episodes = session.series.episodes

        # the edit itself (renaming an episode: one undo step, the switcher and the window repaint), then,
        # a moment later as when the user presses Ctrl+S, the save: the edit's repaint is not the save's stall
        beat.start()
        t0 = time.perf_counter()
        rename_episode(session, episodes[1], "edited once")
        gui = (time.perf_counter() - t0) * 1000
        settle(app, 100)
        out["edit"] = (gui, beat.stop()[0])
        out["edit_parts"] = beat.parts()

        # save after editing one episode: the GUI thread's part, the stall, until it is on disk, bytes written
        before = project_files(path)
        beat.start()
        t0 = time.perf_counter()
        session.save_in_background()
        gui = (time.perf_counter() - t0) * 1000
        pump(app, lambda: not session.save_worker.busy)
        total = (time.perf_counter() - t0) * 1000
        settle(app, 50)
        worst_gap = beat.stop()[0]  # before the bench walks the bundle's files on this thread
        out["save_parts"] = beat.parts()
        written = bytes_written(before, project_files(path))
        out["save"] = total
        out["save_detail"] = (gui, worst_gap, total, written)

        # autosave: the snapshot on the GUI thread, the write on a worker
        rename_episode(session, episodes[1], "edited twice")
        autosaved_to: list[str] = []
        session.autosaver.autosaved.connect(autosaved_to.append)
        beat.start()
        t0 = time.perf_counter()
        started = session.autosaver.autosave_now()
        gui = (time.perf_counter() - t0) * 1000
        # the event loop runs while the file is written, as in the app (a blocking wait here would
        # stall the GUI thread itself and be counted as the autosave's stall)
        pump(app, lambda: bool(autosaved_to) or not started)
        session.autosaver.autosaved.disconnect(autosaved_to.append)
        settle(app, 50)
        out["autosave"] = (gui, beat.stop()[0])
        out["autosave_parts"] = beat.parts()

        # episode switch, as the switcher does it (an unread episode is read on a worker first): from the
        # call until the timeline has painted the new episode, with the events the switch posted. Then the
        # same with the timeline's media caches emptied before each switch: a season whose episodes do not
        # share art, seen for the first time (thumbnails and waveforms made in the background).
        board_panel = window.findChild(StoryboardPanel)
        timeline = window.findChild(TimelineView)
        painted = PaintCount(timeline)
        for key, cold, offset in (("switch", False, 0), ("switch_cold", True, 3)):
            switch: list[float] = []
            # timed by the GUI thread's CPU clock: on a loaded machine (or with a worker holding the GIL)
            # wall time would blame whatever call was waiting
            profiler = cProfile.Profile(time.thread_time) if profile_to and not cold else None
            settle(app, 300)
            beat.start()
            if profiler is not None:
                profiler.enable()
            for i in range(12):
                episode = episodes[1 + (i * 7 + offset) % (len(episodes) - 1)]
                if episode is session.current_episode:  # a switch to the episode shown changes nothing
                    episode = episodes[0]
                if cold:
                    timeline.media_cache.clear()
                    timeline.wave_tiles.clear()
                    timeline.sprites.clear()
                t0 = time.perf_counter()
                seen = painted.count
                session.switch_episode(episode.id)
                pump(app, lambda episode=episode, seen=seen: session.current_episode is episode
                     and painted.count > seen)
                switch.append((time.perf_counter() - t0) * 1000)
                settle(app, 150)  # what the switch left for idle time (sprites, thumbnails) runs, and is measured
            if profiler is not None and profile_to is not None:
                profiler.disable()
                profiler.dump_stats(str(profile_to))
                pstats.Stats(str(profile_to)).sort_stats("cumulative").print_stats(40)
            out[key] = (statistics.median(switch), max(switch), beat.stop()[0], beat.cpu_max())
            out[key + "_parts"] = beat.parts()

        # storyboard scroll, one wheel step at a time, each painted
        session.set_current_episode(episodes[1].id)
        settle(app, 500)
        board = board_panel.findChild(QListWidget) if board_panel is not None else None
        scroll: list[float] = []
        if board is not None:
            bar = board.verticalScrollBar()
            beat.start()
            for step in range(60):
                t0 = time.perf_counter()
                bar.setValue(bar.value() + (bar.singleStep() * 3 if step < 30 else -bar.singleStep() * 3))
                board.viewport().repaint()
                app.processEvents()
                scroll.append((time.perf_counter() - t0) * 1000)
            settle(app, 200)
            out["scroll"] = (statistics.median(scroll), max(scroll), beat.stop()[0], beat.cpu_max())
            out["scroll_parts"] = beat.parts()

        if board_panel is not None:
            out["import"] = import_to_shots(app, session, board_panel, beat)
            out["import_parts"] = beat.parts()

        # the other episodes are read on a worker after the first paint (app.unread_episodes)
        pump(app, lambda: bool(warmed) or not session.episode_warmer.running, timeout=120)
        out["read_ahead"] = (warmed[0] - opened_at) * 1000 if warmed else 0.0

        if kling_url:
            out["batch"] = batch(app, session, beat)
            out["batch_parts"] = beat.parts()
        session.document.undo_stack.setClean()
    finally:
        app.removeEventFilter(watch)
        window.session.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        settle(app, 100)
    return out


def import_to_shots(app: QApplication, session, board_panel, beat: Heartbeat) -> tuple[float, float, float, int, float]:
    """Storyboard → Import Files to Shots with a picture per shot of the current episode (the
    copy runs on the job queue's worker; the versions land on the GUI thread); GUI gaps."""
    import cv2
    import numpy as np

    folder = _SANDBOX / "import"
    folder.mkdir(exist_ok=True)
    episode = session.current_episode
    paths = []
    for i, shot in enumerate(s for s in episode.shots() if s.code):
        path = folder / f"{shot.code}.png"
        cv2.imwrite(str(path), np.full((640, 360, 3), (i * 7) % 255, np.uint8))
        paths.append(path)
    beat.start()
    t0 = time.perf_counter()
    job = board_panel.import_files(paths)
    pump(app, lambda: job.state.finished, timeout=300)
    settle(app, 300)
    elapsed = time.perf_counter() - t0
    worst_gap, p99 = beat.stop()
    return worst_gap, p99, elapsed, len(paths), beat.cpu_max()


def start_vendor_process() -> tuple[subprocess.Popen[str], str]:
    """The loopback Kling server in a process of its own, as the real vendor is on another machine:
    in the editor's process its request threads would compete with the GUI thread for the
    interpreter lock, which no real vendor does. It runs at the lowest priority: on another machine it
    would take no processor time from the editor. Returns the process and its base URL."""
    code = ("import os, sys, time; sys.path.insert(0, sys.argv[1]); os.nice(19)\n"
            "from tests.providers.servers.kling import KlingServer\n"
            "server = KlingServer().start(); print(server.url, flush=True)\n"
            "while True: time.sleep(3600)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(ROOT)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    if not url.startswith("http://"):
        proc.kill()
        raise SystemExit("the loopback Kling server did not start")
    return proc, url


def batch(app: QApplication, session, beat: Heartbeat) -> tuple[float, float, float, int, float]:
    """60 still generations on the loopback Kling server; GUI-thread gaps while they run."""
    from functools import partial

    from app.jobs.actions import shot_job
    from app.jobs.batch_queue import BatchState, queue_in_slices
    from app.jobs.manager import job_manager

    manager = job_manager(session)
    shots = [(e, s) for e in session.series.episodes[1:] for s in e.shots()][:BATCH]
    beat.start()
    t0 = time.perf_counter()
    queuing = queue_in_slices(manager, [partial(shot_job, session, episode, shot, "still", "kling")
                                        for episode, shot in shots])  # made in slices, queued together
    pump(app, lambda: queuing.state is BatchState.QUEUED)
    jobs = queuing.jobs
    pump(app, lambda: all(j.state.finished for j in jobs), timeout=900)
    elapsed = time.perf_counter() - t0
    worst_gap, p99 = beat.stop()
    done = sum(j.state.value == "succeeded" for j in jobs)
    return worst_gap, p99, elapsed, done, beat.cpu_max()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="a 6-episode season, for development")
    parser.add_argument("--no-batch", action="store_true", help="skip the 60-job batch")
    parser.add_argument("--profile-switch", type=Path, metavar="FILE",
                        help="cProfile the season's episode switches (and what they post) into FILE")
    args = parser.parse_args()
    episodes = 6 if args.quick else args.episodes
    app = QApplication.instance() or QApplication([])

    from app.demo_season import create_demo_season

    tmp = _SANDBOX
    t0 = time.perf_counter()
    season = create_demo_season(tmp / "Season", episodes).root
    built = time.perf_counter() - t0
    reference = make_reference(season, tmp / "Reference.mdrama", REFERENCE_EPISODES)
    size = sum(v[2] for v in project_files(season).values()) / 1e6
    head = (season / "project.json").stat().st_size / 1e6
    print(f"season: {episodes} episodes, project files {size:.1f} MB (project.json {head:.2f} MB), written in {built:.1f} s "
          f"(reference: first {REFERENCE_EPISODES} episodes)")

    server: subprocess.Popen[str] | None = None
    kling_url = None
    if not args.no_batch:
        from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY

        server, kling_url = start_vendor_process()
        os.environ["MICRODRAMA_KLING_BASE_URL"] = kling_url
        os.environ["MICRODRAMA_KLING_ACCESS_KEY"] = ACCESS_KEY
        os.environ["MICRODRAMA_KLING_SECRET_KEY"] = SECRET_KEY
    try:
        measure(app, make_reference(season, tmp / "Warmup.mdrama", 2), None)  # imports, caches, first paints
        ref = measure(app, reference, kling_url, "reference")
        big = measure(app, season, kling_url, "season", args.profile_switch)
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)

    def row(label: str, key: str, fmt: Callable[[object], str]) -> None:
        if key in ref and key in big:
            print(f"  {label:<38} {fmt(ref[key]):>30}   {fmt(big[key]):>30}")

    print(f"  {'':<38} {'reference (3 episodes)':>30}   {f'season ({episodes} episodes)':>30}")
    row("open to first painted window", "open", lambda v: f"{v:.0f} ms")
    row("  episodes read at first paint", "open_read", lambda v: f"{v[0]} of {v[1]}")
    row("  all episodes read (background)", "read_ahead", lambda v: f"{v / 1000:.1f} s after open")
    row("edit: rename an episode (GUI / gap)", "edit", lambda v: f"{v[0]:.0f} / {v[1]:.0f} ms")
    row("save after a one-episode edit", "save", lambda v: f"{v:.0f} ms")
    row("  save: GUI part / worst gap / written", "save_detail",
        lambda v: f"{v[0]:.0f} / {v[1]:.0f} ms / {v[3] / 1e3:.0f} KB")
    row("autosave (GUI part / worst gap)", "autosave", lambda v: f"{v[0]:.0f} / {v[1]:.0f} ms")
    row("episode switch (median / max / gap)", "switch", lambda v: f"{v[0]:.0f} / {v[1]:.0f} / {v[2]:.0f} ms")
    row("  media not cached (median / max / gap)", "switch_cold", lambda v: f"{v[0]:.0f} / {v[1]:.0f} / {v[2]:.0f} ms")
    row("storyboard scroll step (med/max/gap)", "scroll", lambda v: f"{v[0]:.1f} / {v[1]:.1f} / {v[2]:.0f} ms")
    row("import files to shots gap (max / p99)", "import",
        lambda v: f"{v[0]:.0f} / {v[1]:.0f} ms ({v[3]} files, {v[2]:.1f} s)")
    row(f"{BATCH}-job batch GUI gap (max / p99)", "batch",
        lambda v: f"{v[0]:.0f} / {v[1]:.0f} ms ({v[3]} ok, {v[2]:.0f} s)")
    print("  GUI-thread CPU time in the longest stall (the gap without the machine's load):")
    for label, key in (("episode switch", "switch"), ("  media not cached", "switch_cold"), ("storyboard scroll", "scroll"), ("import files to shots", "import"),
                       (f"{BATCH}-job batch", "batch")):
        row(f"  {label}", key, lambda v: f"{v[-1]:.0f} ms")
    print("  the longest stall: GUI-thread CPU + waiting for a core + blocked (interpreter lock, disk):")
    for label, key in (("edit", "edit"), ("save", "save"), ("autosave", "autosave"), ("episode switch", "switch"),
                       ("  media not cached", "switch_cold"), ("storyboard scroll", "scroll"),
                       ("import files to shots", "import"), (f"{BATCH}-job batch", "batch")):
        row(f"  {label}", key + "_parts", lambda v: f"{v[0]:.0f} = {v[1]:.0f} + {v[2]:.0f} + {v[3]:.0f} ms")
    b = big.get("batch")
    batch_text = f"batch GUI stall max {b[0]:.0f} ms p99 {b[1]:.0f} ms" if b else "batch not run"
    print(f"HEADLINE season {episodes} eps: open {big['open']:.0f} ms (target < 2000), edit gap {big['edit'][1]:.0f} ms, "
          f"save {big['save']:.0f} ms (worst gap {big['save_detail'][1]:.0f} ms), autosave gap {big['autosave'][1]:.0f} ms, "
          f"episode switch max {big['switch'][1]:.0f} ms (worst gap {max(big['switch'][2], big['switch_cold'][2]):.0f} ms), storyboard scroll max {big.get('scroll', (0, 0))[1]:.0f} "
          f"ms, import gap max {big.get('import', (0,))[0]:.0f} ms, {batch_text} (target < 50 ms); save writes {big['save_detail'][3] / 1e3:.0f} KB with a GUI part of "
          f"{big['save_detail'][0]:.0f} ms; reference open {ref['open']:.0f} ms, save {ref['save']:.0f} ms")
    shutil.rmtree(_SANDBOX, ignore_errors=True)


if __name__ == "__main__":
    main()
