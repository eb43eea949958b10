"""Voices benchmark: an episode of 60 dialogue lines voiced through the job queue.

1. The offline scratch voice (espeak-ng): seconds per line and real-time factor (seconds
   of work per second of speech), alone and through the same queue and landing as the GUI
   (the queue writes each job's progress through to project.json, which dominates).
2. A loopback MiniMax T2A v2 server that takes ``--latency`` seconds per answer (as a real
   vendor does), with the queue's limit of 4 concurrent requests, against the serial time.

Everything runs on 127.0.0.1 with no key; the project is a temporary bundle. The machine is
shared: run it twice and look at both.

    .venv/bin/python bench/voices_bench.py [--lines 60] [--latency 0.4]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ZH = ("你终于来了。", "合同在这里，你确定要签吗？", "我不卖自己的名字。", "天亮了，我们走吧。", "这一次，结局我自己写。")
EN = ("Everyone has a price.", "Sign it, and the company is yours.", "You will regret this, Lin Xia.")


def make_project(root: Path, lines: int) -> Path:
    from app.model import Character, DialogueLine, Episode, Scene, Series, Shot
    from app.session import Session

    series = Series(title="Bench")
    cast = [Character(name="林夏", description="她是设计师"), Character(name="陈默", description="他是律师"),
            Character(name="ETHAN", description="an investor", speech_voice="en-US")]
    series.characters.extend(cast)
    episode = Episode(number=1, title="Bench")
    scene = Scene(number=1, heading="INT. OFFICE - NIGHT")
    for i in range(lines):
        who = cast[i % 3]
        text = EN[i % len(EN)] if who.name == "ETHAN" else ZH[i % len(ZH)]
        scene.shots.append(Shot(code=f"E01-{i + 1:03d}", number=i + 1, duration=120,
                                dialogue=[DialogueLine(character_id=who.id, character_name=who.name, text=text)]))
    episode.scenes.append(scene)
    series.episodes.append(episode)
    session = Session()
    session.create(root / "Bench.mdrama", series)
    path = session.bundle.root
    session.close()
    return path


def run(path: Path, provider: str | None) -> tuple[float, float, int]:
    """(wall seconds, seconds of speech made, lines voiced)."""
    from app.jobs.manager import job_manager
    from app.session import Session
    from app.voices.batch import VoiceBatch

    session = Session()
    session.open(path)
    episode = session.series.episodes[0]
    session.set_current_episode(episode.id)
    start = time.perf_counter()
    failures = VoiceBatch(session, episode, io.StringIO(), provider=provider).run()
    wall = time.perf_counter() - start
    assert not failures, failures
    takes = [line.chosen_take() for _s, line in episode.dialogue_lines()]
    speech = sum(t.samples / t.sample_rate for t in takes if t is not None)
    job_manager(session).shutdown()
    session.close()
    return wall, speech, sum(t is not None for t in takes)


def engine_only(lines: int, staging: Path) -> tuple[float, float]:
    """The engine without the queue: synthesis, decoding and the 48 kHz WAV, line after line."""
    import soundfile as sf

    from providers import registry
    from providers.base import SpeechRequest

    provider = registry.create("espeak", {}, staging_dir=staging)
    start = time.perf_counter()
    speech = 0.0
    for i in range(lines):
        text = EN[i % len(EN)] if i % 3 == 2 else ZH[i % len(ZH)]
        handle = provider.submit(SpeechRequest(text=text, voice="en-us+m3" if i % 3 == 2 else "cmn+f2"))
        speech += sf.info(handle.outputs[0]["path"]).duration
    return time.perf_counter() - start, speech


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=60)
    parser.add_argument("--latency", type=float, default=0.4, help="seconds the loopback vendor takes per answer")
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - the queue needs an event loop
    with tempfile.TemporaryDirectory(prefix="voices-bench-") as tmp:
        tmp_path = Path(tmp)
        os.environ["MICRODRAMA_SETTINGS_DIR"] = str(tmp_path / "settings")
        os.environ["MICRODRAMA_POLL_INTERVAL"] = "0.05"
        engine, speech = engine_only(args.lines, tmp_path / "engine")
        print(f"espeak-ng alone: {args.lines} lines in {engine:.2f} s = {engine / args.lines:.3f} s per line; "
              f"{speech:.1f} s of speech, real-time factor {engine / speech:.3f}")
        wall, speech, n = run(make_project(tmp_path / "offline", args.lines), None)
        print(f"offline espeak-ng: {n} lines in {wall:.2f} s = {wall / n:.3f} s per line; "
              f"{speech:.1f} s of speech, real-time factor {wall / speech:.3f}")

        from tests.providers.servers.base import Reply
        from tests.providers.servers.minimax_speech import API_KEY, MiniMaxSpeechServer

        class SlowServer(MiniMaxSpeechServer):
            def handle(self, req):  # noqa: ANN001, ANN201
                reply: Reply = super().handle(req)
                reply.delay = args.latency
                return reply

        with SlowServer() as server:
            os.environ["MICRODRAMA_MINIMAX_SPEECH_BASE_URL"] = server.url
            os.environ["MICRODRAMA_MINIMAX_SPEECH_API_KEY"] = API_KEY
            wall, speech, n = run(make_project(tmp_path / "vendor", args.lines), "minimax_speech")
        serial = n * args.latency
        print(f"loopback MiniMax ({args.latency:.2f} s per answer, 4 at a time): {n} lines in {wall:.2f} s "
              f"= {wall / n:.3f} s per line; serial would take >= {serial:.1f} s ({serial / wall:.1f}x)")


if __name__ == "__main__":
    main()
