"""Start-up in source mode: process start to the first painted main window with the demo project.

Launches ``python -m widgets.launch open DEMO --screenshot`` (the smoke test's way:
the editor opens the project, paints, saves a picture and closes cleanly, so the
project's lock is released for the next launch) with ``MICRODRAMA_STARTUP_REPORT=1``
and reads the figures the editor prints at its first paint: wall-clock time since the
process started, and the processor time used by then (the steadier figure on a busy
machine; a checkout that prints only the first shows "nan"). Uses the display in
``DISPLAY`` or starts an Xvfb of its own, so the window is a real X11 window.

Bytecode is cached as for a user (``PYTHONDONTWRITEBYTECODE`` is removed from the
children's environment) and the first launch, which writes the cache, is not counted.
``--source DIR`` runs another checkout (for before/after comparisons); several
``--source`` options are interleaved launch by launch so a drifting machine load
affects each one alike.

Run: python bench/startup_bench.py [--runs 10] [--source DIR ...] [--size 1366x768]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURE = re.compile(r"^start-up: first painted window after ([0-9.]+) s$", re.MULTILINE)
CPU = re.compile(r"^start-up: ([0-9.]+) s of processor time until then$", re.MULTILINE)


def _start_xvfb() -> tuple[subprocess.Popen[bytes] | None, str]:
    if os.environ.get("DISPLAY"):
        return None, os.environ["DISPLAY"]
    if shutil.which("Xvfb") is None:
        sys.exit("error: no DISPLAY and no Xvfb to start one")
    for number in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    return server, f":{number}"
                time.sleep(0.05)
            server.kill()
    sys.exit("error: could not start Xvfb")


def launch(source: Path, project: Path, picture: Path, size: str, env: dict[str, str]) -> tuple[float, float]:
    """One editor start: seconds from process start to the first painted window, and processor seconds.

    Each checkout keeps its settings in a folder of its own (``XDG_CONFIG_HOME``), so every launch
    restores the layout the previous one saved, never one left by another program or test run."""
    env = {**env, "XDG_CONFIG_HOME": str(picture.parent / f"config-{abs(hash(source))}")}
    done = subprocess.run([sys.executable, "-m", "widgets.launch", "open", str(project),
                           "--screenshot", str(picture), "--size", size],
                          cwd=source, env=env, capture_output=True, text=True, timeout=120)
    found, cpu = FIGURE.search(done.stderr), CPU.search(done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"error: the editor in {source} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return float(found.group(1)), float(cpu.group(1)) if cpu else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="counted launches per source (default 10)")
    parser.add_argument("--source", action="append", type=Path,
                        help="checkout to run (repeatable; default: this one)")
    parser.add_argument("--project", type=Path, help="project to open (default: a fresh demo project)")
    parser.add_argument("--size", default="1366x768", help="window size (default 1366x768)")
    args = parser.parse_args()
    sources = [s.resolve() for s in (args.source or [ROOT])]
    work = Path(tempfile.mkdtemp(prefix="startup-bench-"))
    server, display = _start_xvfb()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "QT_QPA_PLATFORM")}
    env.update(DISPLAY=display, MICRODRAMA_STARTUP_REPORT="1", QT_QPA_PLATFORM="xcb")
    try:
        project = args.project
        if project is None:
            project = work / "Demo.mdrama"
            subprocess.run([sys.executable, "-m", "widgets.launch", "demo", str(project)], cwd=sources[0],
                           env=env, check=True, capture_output=True)
        for source in sources:  # warm-up: writes the bytecode cache and warms the disk cache
            launch(source, project, work / "warm.png", args.size, env)
        times: dict[Path, list[tuple[float, float]]] = {s: [] for s in sources}
        loads = [os.getloadavg()[0]]
        for _ in range(args.runs):
            for source in sources:
                times[source].append(launch(source, project, work / "shot.png", args.size, env))
            loads.append(os.getloadavg()[0])
        print(f"load average (1 min) during the runs: {min(loads):.2f}-{max(loads):.2f}")
        for source, pairs in times.items():
            for label, values in (("wall", sorted(p[0] for p in pairs)), ("processor", sorted(p[1] for p in pairs))):
                print(f"{source} {label}: median {statistics.median(values):.2f} s (min {values[0]:.2f}, "
                      f"max {values[-1]:.2f}) over {len(values)} launches: {' '.join(f'{v:.2f}' for v in values)}")
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
