"""Theft-check benchmark: hit rate on transformed copies, false positives on unrelated clips,
and the time to check a 3-minute suspect, against the ffmpeg CLI merely decoding the same file.

Run: python bench/match_bench.py [--quick]   (last line: the headline figures)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bundle import ProjectBundle  # noqa: E402
from app.fingerprint.matcher import find_matches  # noqa: E402
from app.fingerprint.store import load_all, record_export  # noqa: E402
from app.fingerprint.synthetic import write_synthetic_episode  # noqa: E402
from app.model import Episode, Series  # noqa: E402

TRANSFORMS = {
    "reencode_720p_crf30": (["-vf", "scale=360:640", "-crf", "30"], None),
    "crop_12pct": (["-vf", "crop=iw*0.88:ih*0.88"], None),
    "mirror": (["-vf", "hflip"], None),
    "speed_+10pct": (["-vf", "setpts=PTS/1.10"], None),
    "speed_-10pct": (["-vf", "setpts=PTS/0.90"], None),
    "logo_corner": (["-vf", "drawbox=x=iw*0.05:y=ih*0.04:w=iw*0.3:h=ih*0.08:color=white@0.9:t=fill"], None),
    "caption_bar": (["-vf", "drawbox=x=0:y=ih*0.7:w=iw:h=ih*0.1:color=black@0.8:t=fill"], None),
    "mirror_crop_speed": (["-vf", "hflip,crop=iw*0.9:ih*0.9,setpts=PTS/1.05"], None),
    "excerpt_5s": ([], (0.33, 5.0)),  # (start as a fraction of the episode, seconds)
    "excerpt_3s": ([], (0.7, 3.0)),
}


def transform(src: Path, dest: Path, args: list[str], cut: tuple[float, float] | None) -> Path:
    cmd = ["ffmpeg", "-v", "error", "-y"]
    if cut:
        cmd += ["-ss", str(cut[0]), "-t", str(cut[1])]
    cmd += ["-i", str(src), *args, "-c:v", "libx264", "-preset", "ultrafast", "-an", str(dest)]
    subprocess.run(cmd, check=True)
    return dest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="2 episodes of 30 s, 6 unrelated clips")
    opts = parser.parse_args()
    n_episodes, seconds, n_unrelated = (2, 30, 6) if opts.quick else (4, 60, 24)
    root = Path(tempfile.mkdtemp(prefix="match-bench-"))
    series = Series(title="Bench")
    episodes = [Episode(number=i + 1) for i in range(n_episodes)]
    series.episodes += episodes
    bundle = ProjectBundle.create(root / "Bench.mdrama", series)
    exports = []
    for i, episode in enumerate(episodes):
        video = write_synthetic_episode(root / f"ep{i + 1}.mp4", seed=100 + i, seconds=seconds, size=(540, 960))
        record_export(bundle, episode, video)
        exports.append(video)
    references = load_all(bundle)

    hits = total = 0
    for episode, video in zip(episodes, exports, strict=True):
        for name, (args, cut) in TRANSFORMS.items():
            where = (cut[0] * seconds, cut[1]) if cut else None
            suspect = transform(video, root / f"{video.stem}-{name}.mp4", args, where)
            _, matches = find_matches(suspect, references)
            ok = bool(matches) and matches[0].episode_id == episode.id
            hits += ok
            total += 1
            print(f"  {video.stem:5s} {name:20s} {'HIT ' if ok else 'MISS'} "
                  f"{matches[0].score if matches else 0:.2f}")
    false_pos = 0
    for j in range(n_unrelated):
        other = write_synthetic_episode(root / f"unrelated{j}.mp4", seed=9000 + j, seconds=15, size=(360, 640))
        _, matches = find_matches(other, references)
        false_pos += bool(matches)
    print(f"hits {hits}/{total}, false positives {false_pos}/{n_unrelated}")

    long_src = write_synthetic_episode(root / "long.mp4", seed=100, seconds=180, size=(720, 1280))
    started = time.monotonic()
    find_matches(long_src, references)
    ours = time.monotonic() - started
    started = time.monotonic()
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(long_src), "-f", "null", "-"], check=True)
    decode_only = time.monotonic() - started
    print(f"3-minute 720x1280 suspect: check {ours:.1f} s; ffmpeg CLI decode alone {decode_only:.1f} s "
          f"(ratio {ours / decode_only:.2f}x)")
    print(f"HEADLINE hit rate {hits / total:.0%} ({hits}/{total}), false-positive rate "
          f"{false_pos / n_unrelated:.0%} ({false_pos}/{n_unrelated}), 3-min check {ours:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
