"""Theft-check benchmark: hit rate on disguised copies, false matches on lookalike dramas, and the
time to check a 3-minute suspect against a 100-episode season.

Our episode 1 is a real export of the demo episode; episode 2 is a lookalike drama (demo art,
other seeds). Every disguise in ``app.fingerprint.disguises`` is applied to a 16 s window
(or its own cut); a hit is the right episode with the start within 1 s and the speed within
0.05. The season index repeats the two fingerprints under 100 episode ids (their content is
the same, which is the worst case for the candidate stage).

Times are wall clock with the CPU seconds of this process beside them and the load average of
the machine at that moment (a shared machine stretches wall time, CPU time much less).
The full run adds a two-hour suspect (one-minute clip concatenated by stream copy).

Run: python bench/match_bench.py [--quick]   (last line: the headline figures)
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.demo import create_demo  # noqa: E402
from app.fingerprint.disguises import DISGUISES, make_compilation, make_copy  # noqa: E402
from app.fingerprint.index import SeasonIndex  # noqa: E402
from app.fingerprint.lookalike import write_lookalike_drama  # noqa: E402
from app.fingerprint.matcher import find_matches  # noqa: E402
from app.fingerprint.store import load_all, record_export  # noqa: E402
from app.media.export import Exporter, ExportOptions  # noqa: E402
from app.media.presets import ExportPreset  # noqa: E402
from app.media.text_render import ensure_gui_app  # noqa: E402
from app.model import Episode  # noqa: E402


def _load() -> str:
    return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


def _timed(fn) -> tuple[float, float]:
    """(wall s, CPU s of this process) of one call."""
    wall, cpu = time.monotonic(), time.process_time()
    fn()
    return time.monotonic() - wall, time.process_time() - cpu


SMALL = ExportPreset("bench", "bench", width=540, height=960, fps=30, crf=22, x264_preset="ultrafast")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="4 lookalikes instead of 12, one window")
    opts = parser.parse_args()
    ensure_gui_app()
    root = Path(tempfile.mkdtemp(prefix="match-bench-"))
    bundle = create_demo(root / "Bench")
    series = bundle.load()
    ours = root / "E01.mp4"
    Exporter(series, bundle, series.episodes[0], ours, ExportOptions(preset=SMALL, labels=[], write_srt=False)).run()
    second = Episode(number=2, title="lookalike of ours")
    series.episodes.append(second)
    bundle.save(series)
    ours2 = write_lookalike_drama(root / "E02.mp4", seed=7, seconds=30)
    record_export(bundle, second, ours2)
    references = load_all(bundle)
    index = SeasonIndex(references)
    others = [write_lookalike_drama(root / f"other{j}.mp4", seed=5000 + j, seconds=15)
              for j in range(4 if opts.quick else 12)]

    windows = [(10.0, 16.0)] if opts.quick else [(2.0, 16.0), (14.0, 16.0)]
    hits = total = 0
    times = []
    for window in windows:
        for disguise in DISGUISES:
            if disguise.cut and window != windows[0]:
                continue
            suspect = make_copy(ours, root / f"{disguise.name}-{window[0]:.0f}.mp4", disguise, others[0], window)
            started = time.monotonic()
            _, matches = find_matches(suspect, index)
            times.append(time.monotonic() - started)
            cut = disguise.cut or window
            start = cut[0] + cut[1] if disguise.reversed else cut[0]
            best = matches[0] if matches else None
            ok = bool(best and best.episode_number == 1 and abs(best.alignment - start) <= 1.0
                      and abs(best.speed - disguise.expect_speed) <= 0.05 and best.reversed == disguise.reversed)
            hits += ok
            total += 1
            detail = (f"start {best.alignment:5.1f} speed {best.speed:.2f} "
                      f"{','.join(t.value for t in best.transformations)}") if best else ""
            print(f"  {disguise.name:32s} {'HIT ' if ok else 'MISS'} {detail}", flush=True)
    mix = make_compilation([(ours, 20.0, 4.0), (ours2, 6.0, 4.0)], root / "compilation.mp4")
    _, matches = find_matches(mix, index)
    ok = {m.episode_number for m in matches if abs(m.reference_start - (20.0 if m.episode_number == 1 else 6.0)) <= 1} == {1, 2}
    hits += ok
    total += 1
    print(f"  {'compilation_two_episodes':32s} {'HIT ' if ok else 'MISS'}")
    false_matches = 0
    for other in others[1:]:
        _, matches = find_matches(other, index)
        false_matches += bool(matches)
    n_unrelated = len(others) - 1
    print(f"hits {hits}/{total}, false matches {false_matches}/{n_unrelated}")

    # a 100-episode season: the two fingerprints under 100 ids
    season = [dataclasses.replace(references[i % 2], episode_id=f"ep{i}", episode_number=i + 1) for i in range(100)]
    started = time.monotonic()
    big = SeasonIndex(season)
    build = time.monotonic() - started
    long_src = root / "long.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-stream_loop", "5", "-i", str(others[1]), "-t", "180",
                    "-vf", "scale=720:1280", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", str(long_src)],
                   check=True)
    small = SeasonIndex(season[:2])
    ours_s, ours_cpu = _timed(lambda: find_matches(long_src, big))
    load_100 = _load()
    two_s, two_cpu = _timed(lambda: find_matches(long_src, small))
    load_2 = _load()
    decode_only, _ = _timed(lambda: subprocess.run(["ffmpeg", "-v", "error", "-i", str(long_src), "-f", "null", "-"],
                                                   check=True))
    print(f"season index of 100 episodes built in {build:.2f} s")
    print(f"3-minute 720x1280 suspect vs 100 episodes: {ours_s:.1f} s wall, {ours_cpu:.1f} s CPU ({load_100})")
    print(f"3-minute 720x1280 suspect vs   2 episodes: {two_s:.1f} s wall, {two_cpu:.1f} s CPU ({load_2})")
    print(f"ffmpeg CLI decode of that file alone: {decode_only:.1f} s wall")
    print(f"median check of a disguised copy: {sorted(times)[len(times) // 2]:.1f} s")
    if not opts.quick:
        _two_hours(root, big)
    print(f"HEADLINE hit rate {hits / total:.0%} ({hits}/{total}), false matches {false_matches}/{n_unrelated}, "
          f"3-min 720p suspect vs 100 episodes {ours_s:.1f} s (vs 2: {two_s:.1f} s) on a machine at {load_100}")
    return 0


def _two_hours(root: Path, index: SeasonIndex) -> None:
    minute = root / "minute.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=96x160:rate=1", "-f", "lavfi",
                    "-i", "sine=frequency=440:sample_rate=8000", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast",
                    "-g", "60", "-c:a", "aac", "-ac", "1", "-b:a", "16k", str(minute)], check=True)
    (root / "list.txt").write_text(f"file '{minute}'\n" * 120)
    long = root / "two-hours.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(root / "list.txt"), "-c", "copy",
                    str(long)], check=True)
    wall, cpu = _timed(lambda: find_matches(long, index))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"2-hour suspect (160x96, 1 fps): {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS of the bench {rss:.0f} MB "
          f"({_load()})")


if __name__ == "__main__":
    sys.exit(main())
