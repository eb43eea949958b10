"""Save and autosave cost on a large series, against plain ``json.dumps`` of the same data.

What matters for the editor: the autosave snapshot (``snapshot``: plain data)
runs on the GUI thread, so its time on a big project is the pause a user could
feel once a minute; JSON formatting and the write run on a worker. Prints ratios against the reference
(compact json.dumps of the same plain data, measured in the same process).

Run: python bench/save_bench.py [--episodes N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bundle import ProjectBundle  # noqa: E402
from app.model import (  # noqa: E402
    Clip,
    DialogueLine,
    Episode,
    KenBurns,
    MediaAsset,
    Scene,
    Series,
    Shot,
    Take,
    TrackKind,
)
from app.model.schema import decode, encode, snapshot  # noqa: E402
from app.model.serial import to_data  # noqa: E402


def big_series(episodes: int) -> Series:
    """A full season: 60 shots per episode, two lines each with three takes, clips for all."""
    series = Series(title="Benchmark")
    for e in range(episodes):
        ep = Episode(number=e + 1, title=f"Episode {e + 1}", script="INT. ROOM - DAY\n\n林夏\n你好。\n" * 200)
        picture = ep.timeline.first_track(TrackKind.PICTURE)
        subs = ep.timeline.first_track(TrackKind.SUBTITLES)
        t = 0
        for s in range(6):
            scene = Scene(number=s + 1, heading=f"INT. PLACE {s} - NIGHT")
            for k in range(10):
                asset = MediaAsset(path=f"media/aa/{e:03d}{s}{k:02d}.png", probe={"kind": "image", "width": 1080})
                series.media[asset.id] = asset
                shot = Shot(code=f"E{e:02d}-{s}{k:02d}", duration=90, action="她转身离开，雨越下越大。" * 3,
                            image_prompt="cinematic vertical frame, neon rain " * 4, stills=[asset.id],
                            chosen_still=asset.id)
                for _ in range(2):
                    line = DialogueLine(character_name="林夏", text="这一次，结局我自己写。",
                                        takes=[Take(path=f"takes/{i}.wav") for i in range(3)])
                    shot.dialogue.append(line)
                    subs.clips.append(Clip(start=t, duration=40, text=line.text, line_id=line.id))
                picture.clips.append(Clip(asset_id=asset.id, start=t, duration=90, ken_burns=KenBurns()))
                scene.shots.append(shot)
                t += 90
            ep.scenes.append(scene)
        series.episodes.append(ep)
    return series


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", type=int, default=40)
    args = parser.parse_args()
    series = big_series(args.episodes)
    data = encode(series)
    plain = to_data(series)
    reference = timed(lambda: json.dumps(plain, ensure_ascii=False))
    gui_pause = timed(lambda: snapshot(series))
    full_encode = timed(lambda: encode(series))
    load = timed(lambda: decode(data))
    with tempfile.TemporaryDirectory() as tmp:
        bundle = ProjectBundle.create(Path(tmp) / "Bench", series)
        save = timed(lambda: bundle.save(series))
    mb = len(data) / 1e6
    print(f"project.json: {mb:.1f} MB, {args.episodes} episodes, {sum(1 for e in series.episodes for _ in e.shots())} shots")
    print(f"reference json.dumps (compact, same data): {reference * 1000:7.1f} ms")
    print(f"autosave pause on GUI thread (snapshot):  {gui_pause * 1000:7.1f} ms  ratio {gui_pause / reference:5.2f}")
    print(f"full encode (snapshot + indented JSON):    {full_encode * 1000:7.1f} ms  ratio {full_encode / reference:5.2f}")
    print(f"full atomic save (encode+fsync+backup):    {save * 1000:7.1f} ms  ratio {save / reference:5.2f}")
    print(f"load (decode + validate):                  {load * 1000:7.1f} ms  ratio {load / reference:5.2f}")


if __name__ == "__main__":
    main()
