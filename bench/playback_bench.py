"""Preview playback: frame rate, dropped frames and A/V sync at 540x960.

Builds a 3-minute episode (thirty 6 s shots cycling through four generated
1080x1920/30 fps clips, and a music bed), plays it through the player's ``PlaybackEngine``
with sound on a real PulseAudio output (a private null-sink server is started if
none is running) and records every frame shown and the audio clock at that
moment. Reports dropped frames over the first 60 s and over the whole run, and
how far the picture was from the sound (one frame = 33.3 ms). Reference in the
same process: sequential decode speed of the same clips at preview size.

Usage: python bench/playback_bench.py [--minutes 3]   (last line: the headline)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.media.probe import probe_file  # noqa: E402
from app.media.synth import write_audio_file, write_counter_clip  # noqa: E402
from app.model import Clip, Episode, Series, TrackKind  # noqa: E402
from app.session import Session  # noqa: E402

FPS = 30
SIZE = (540, 960)
DISTINCT = 4  # different generated clips, cycled along the episode (each cut is a new file and a seek)


def ensure_pulse(tmp: Path):
    """A PulseAudio server for the run: the running one, else a private null sink (returned to stop)."""
    if shutil.which("pactl") and subprocess.run(["pactl", "info"], capture_output=True).returncode == 0:
        return None
    rt = tmp / "pulse-rt"
    rt.mkdir()
    os.environ["PULSE_RUNTIME_PATH"] = str(rt / "pulse")
    os.environ["PULSE_STATE_PATH"] = str(rt / "state")
    proc = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "-n",
         "--load=module-native-protocol-unix",
         "--load=module-null-sink sink_name=vsink sink_properties=device.description=VirtualSink",
         "--load=module-always-sink"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if subprocess.run(["pactl", "info"], capture_output=True).returncode == 0:
            break
        time.sleep(0.1)
    subprocess.run(["pactl", "set-default-sink", "vsink"], capture_output=True)
    return proc


def source_media(seconds: int) -> tuple[list[Path], Path]:
    """Four generated 6 s 1080x1920 clips and a music bed, kept between runs (generation is slow)."""
    folder = Path(tempfile.gettempdir()) / "microdrama-playback-bench"
    folder.mkdir(exist_ok=True)
    clips = []
    for i in range(DISTINCT):
        path = folder / f"c{i}.mp4"
        if not path.exists():
            print(f"generating 6 s 1080x1920 clip {i + 1}/{DISTINCT} ...", flush=True)
            part = folder / f"c{i}.part.mp4"
            write_counter_clip(part, 180, size=(1080, 1920), gop=30, code_base=i * 1000,
                               options={"preset": "ultrafast", "crf": "23"})
            part.rename(path)
        clips.append(path)
    music = folder / f"music{seconds}.wav"
    if not music.exists():
        write_audio_file(folder / "music.part.wav", 330.0, seconds + 1, rate=48000).rename(music)
    return clips, music


def build(tmp: Path, minutes: float) -> Session:
    seconds = int(minutes * 60)
    clips, music = source_media(seconds)
    series = Series(title="Playback bench")
    series.episodes.append(Episode(number=1))
    session = Session()
    session.create(tmp / "Bench.mdrama", series)
    assets = []
    for path in [*clips, music]:
        a = session.bundle.import_file(path)
        a.probe = probe_file(session.bundle.resolve(a.path))
        session.document.add_media_raw(a)
        assets.append(a)
    try:  # the media engine makes preview proxies on import; do the same here, up front
        from app.media.cachepaths import cache_dir_for, proxy_path
        from app.media.proxy import make_proxy

        print("making preview proxies ...", flush=True)
        cache = cache_dir_for(session.bundle.root)
        for a in assets[:DISTINCT]:
            source = session.bundle.resolve(a.path)
            make_proxy(source, proxy_path(cache, source), threads=2)
    except ImportError:
        print("(no proxy maker in the media engine: playing the 1080x1920 sources)")
    tl = session.current_episode.timeline
    pic = tl.first_track(TrackKind.PICTURE)
    for i in range(seconds // 6):
        pic.clips.append(Clip(asset_id=assets[i % DISTINCT].id, start=i * 180, duration=180, name=f"Shot {i + 1}"))
    tl.first_track(TrackKind.MUSIC).clips.append(Clip(asset_id=assets[DISTINCT].id, start=0, duration=seconds * FPS))
    session.document.replace_series(session.series)
    session.set_current_episode(session.series.episodes[0].id)
    return session


def decode_reference(session: Session, seconds: int = 8) -> float:
    """Frames per second of plain sequential decode to 540x960 (FrameFetcher, no proxies)."""
    from app.media.decode import FrameFetcher

    fetcher = FrameFetcher(session.bundle.root)
    asset = next(iter(session.series.media.values()))
    path = session.bundle.resolve(asset.path)
    n = min(seconds * FPS, 180)
    t0 = time.perf_counter()
    for i in range(n):
        fetcher.frame_at(path, Fraction(i, FPS), size=SIZE)
    return n / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=3.0)
    args = ap.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.preview.engine import PlaybackEngine
    from app.preview.sources import make_sources
    from widgets.player.canvas import to_qimage

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        pulse = ensure_pulse(tmp)
        try:
            session = build(tmp, args.minutes)
            ref_fps = decode_reference(session)
            picture, sound, kind = make_sources(session)
            ep = session.current_episode
            end = ep.timeline.duration
            engine = PlaybackEngine(lambda f: picture.render(ep, f, SIZE), lambda s, n: sound.render(ep, s, n), FPS)
            print(f"playing {end / FPS:.0f} s through {kind} sources ...", flush=True)
            t_start = time.monotonic()
            engine.start(0, end)
            first_clock = None
            while engine.playing and not engine.finished():
                shown = engine.poll()
                if shown is not None:
                    to_qimage(shown.image)  # what the player does with each frame
                    if first_clock is None:
                        first_clock = (time.monotonic(), shown.clock)
                app.processEvents()
                time.sleep(0.004)
            t_end = time.monotonic()
            last_clock = engine.clock_frame()
            engine.stop()
        finally:
            if pulse is not None:
                pulse.terminate()
                pulse.wait(10)

    hist = list(engine.history)
    shown_frames = [f for f, _ in hist]
    in_first_min = sum(1 for f in shown_frames if f < 60 * FPS)
    expected_first = min(end, 60 * FPS)
    drop_first = 100.0 * (expected_first - in_first_min) / expected_first
    drop_all = 100.0 * engine.dropped / max(1, engine.dropped + engine.shown)
    lag_ms = [(clock - f) * 1000 / FPS for f, clock in hist]
    wall = t_end - first_clock[0]
    clock_s = (last_clock - first_clock[1]) / FPS
    # frames per second of played sound: the audio device is the clock (a starved PulseAudio null
    # sink on a loaded machine runs slower than the wall clock; the picture must follow it, not the wall)
    fps = engine.shown / max(1e-6, clock_s)
    print(f"audio: {'ok' if not engine.audio_error else engine.audio_error}; underflows {engine.underflows}")
    print(f"reference: sequential decode to 540x960 = {ref_fps:.0f} fps ({ref_fps / FPS:.1f}x real time)")
    print(f"shown {engine.shown} frames, dropped {engine.dropped}; first 60 s: {drop_first:.2f}% dropped; "
          f"whole run: {drop_all:.2f}%")
    print(f"picture vs sound (display time minus the frame's sound): mean {statistics.mean(lag_ms):.1f} ms, "
          f"p99 {sorted(lag_ms)[int(len(lag_ms) * .99) - 1]:.1f} ms, max {max(lag_ms):.1f} ms (1 frame = 33.3 ms)")
    print(f"audio clock vs wall clock over {wall:.0f} s: {clock_s - wall:+.3f} s "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; wall {t_end - t_start:.0f} s)")
    within = sum(1 for x in lag_ms if 0 <= x <= 1000 / FPS) * 100.0 / len(lag_ms)
    print(f"HEADLINE playback 540x960: {fps:.1f} fps, {drop_first:.2f}% dropped over 60 s ({drop_all:.2f}% over "
          f"{end / FPS / 60:.0f} min); A/V within one frame for {within:.1f}% of frames, max {max(lag_ms):.1f} ms")


if __name__ == "__main__":
    main()
