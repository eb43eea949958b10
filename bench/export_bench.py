"""Export benchmark: the standard 60-second episode, ours vs one ffmpeg command vs MoviePy.

The episode: nine generated 1080x1920/30 fps H.264 clips of 6 s (long GOP, as AI
providers deliver) and one 6 s still with a Ken Burns move (ten 6 s shots, 60 s),
12 subtitle lines, 8 voice lines, a music bed ducked under the voices, the AI
label, loudness normalised to -14 LUFS. Every exporter writes H.264 (x264
veryfast, CRF 20) + AAC at 1080x1920/30.

Each exporter runs in its own process, one after the other, so peak memory is
per exporter (``ru_maxrss`` of the child). Media are generated once and cached
in ``$MICRODRAMA_BENCH_DIR`` (default: the system temp folder). The machine is
shared: run it twice and look at both. The last line is the headline.

    /work/venv/bin/python bench/export_bench.py [--skip-moviepy] [--runs N] [--nice N] [--shots K]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from fractions import Fraction
from pathlib import Path
from statistics import median

import av
import cv2
import numpy as np
import soundfile

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.bundle import ProjectBundle  # noqa: E402
from app.model import Clip, Episode, KenBurns, Rect, Series, TrackKind  # noqa: E402

W, H, FPS, RATE = 1080, 1920, 30, 48000
CLIP_S = 6
N_VIDEOS = 9
STILL_SLOT = 4
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SUBTITLES = [
    "她终于回来了。", "三年了，你一点都没变。", "I never stopped looking for you.", "那天晚上到底发生了什么？",
    "别问了，都过去了。", "可我必须知道真相！", "The truth will hurt you.", "我不怕。",
    "他们还在找你吗？", "只要我们在一起，就不怕。", "Then let's finish this — 一起。", "（未完待续）",
]
VOICE_STARTS = [2.0, 9.0, 16.0, 23.5, 30.0, 37.0, 44.5, 51.0]
SHOTS = 10  # --shots K benches a shorter cut (K x 6 s, the Ken Burns still included) when time is short


def seconds() -> int:
    return SHOTS * CLIP_S


def subtitles() -> list[str]:
    return [t for i, t in enumerate(SUBTITLES) if i * 5.0 + 4.5 <= seconds()]


def voice_lines(media: dict) -> list[tuple[float, Path]]:
    return [(s, v) for s, v in zip(VOICE_STARTS, media["voices"], strict=True) if s + 2.5 <= seconds()]


def cache_dir() -> Path:
    folder = Path(os.environ.get("MICRODRAMA_BENCH_DIR", tempfile.gettempdir())) / "microdrama-export-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --------------------------------------------------------------------- media
def make_clip(path: Path, seed: int) -> None:
    rng = np.random.default_rng(seed)
    base = np.zeros((H, W, 3), np.uint8)
    yy, xx = np.mgrid[0:H, 0:W]
    hue = rng.uniform(0, 1, 3)
    for c in range(3):
        base[..., c] = (60 + 120 * (0.5 + 0.5 * np.sin(xx / (200 + 90 * hue[c]) + yy / 340 + c))).astype(np.uint8)
    grain = rng.integers(0, 24, (H // 4, W // 4, 1), dtype=np.uint8)
    grain = np.repeat(cv2.resize(grain, (W, H), interpolation=cv2.INTER_LINEAR)[..., None], 3, axis=2)
    container = av.open(str(path), "w")
    vs = container.add_stream("libx264", rate=FPS, options={"crf": "21", "preset": "veryfast", "g": "90"})
    vs.width, vs.height, vs.pix_fmt = W, H, "yuv420p"
    vs.time_base = Fraction(1, FPS)
    for i in range(CLIP_S * FPS):
        frame = np.roll(base, i * 6, axis=1)
        frame = cv2.add(frame, np.roll(grain, i * 3, axis=0))
        cx = int(W / 2 + 300 * np.sin(i / 25 + seed))
        cy = int(H / 2 + 500 * np.cos(i / 31 + seed))
        cv2.circle(frame, (cx, cy), 160, (230, 200, 120), -1)
        cv2.rectangle(frame, (100 + 4 * i, 300), (400 + 4 * i, 700), (40, 40, 90), -1)
        vf = av.VideoFrame.from_ndarray(frame, format="rgb24")
        vf.pts = i
        for p in vs.encode(vf):
            container.mux(p)
    for p in vs.encode(None):
        container.mux(p)
    container.close()


def make_media(folder: Path) -> dict[str, object]:
    videos = [folder / f"clip{i}.mp4" for i in range(N_VIDEOS)]
    for i, path in enumerate(videos):
        if not path.exists():
            print(f"generating {path.name} ...", file=sys.stderr)
            tmp = path.with_suffix(".part.mp4")
            make_clip(tmp, i)
            tmp.replace(path)
    still = folder / "still.jpg"
    if not still.exists():
        yy, xx = np.mgrid[0:3200, 0:2400]
        img = np.stack([(xx / 2400 * 255), (yy / 3200 * 255), ((xx + yy) % 400 / 400 * 255)], axis=2)
        img = img.astype(np.uint8)
        for k in range(40):
            cv2.circle(img, (60 * k % 2400, 80 * k % 3200), 70, (255, 255, 255), 6)
        cv2.imwrite(str(still), img, [cv2.IMWRITE_JPEG_QUALITY, 92])
    t = np.arange(60 * RATE) / RATE
    music = folder / "music.wav"
    if not music.exists():
        chord = sum(np.sin(2 * np.pi * f * t) for f in (196.0, 246.9, 293.7, 392.0)) / 4
        beat = 0.6 + 0.4 * (np.sin(2 * np.pi * 2 * t) > 0)
        mono = (0.3 * chord * beat).astype(np.float32)
        soundfile.write(str(music), np.stack([mono, mono], 1), RATE, subtype="PCM_16")
    voices = []
    for k in range(8):
        path = folder / f"voice{k}.wav"
        voices.append(path)
        if not path.exists():
            n = int((1.8 + 0.2 * k) * RATE)
            tv = np.arange(n) / RATE
            rng = np.random.default_rng(k)
            syll = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * tv) ** 2
            carrier = np.sin(2 * np.pi * (150 + 10 * k) * tv) + 0.4 * np.sin(2 * np.pi * 300 * tv)
            mono = (0.3 * syll * (carrier + 0.1 * rng.standard_normal(n))).astype(np.float32)
            soundfile.write(str(path), np.stack([mono, mono], 1), RATE, subtype="PCM_16")
    srt = folder / f"subs{SHOTS}.srt"
    srt.write_text("\n".join(
        f"{i + 1}\n{_clock(i * 5.0)} --> {_clock(i * 5.0 + 4.5)}\n{text}\n" for i, text in enumerate(subtitles())),
        encoding="utf-8")
    return {"videos": videos, "still": still, "music": music, "voices": voices, "srt": srt}


def _clock(s: float) -> str:
    ms = round(s * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def slots(media: dict) -> list[Path]:
    videos = list(media["videos"])
    full = videos[:STILL_SLOT] + [media["still"]] + videos[STILL_SLOT:]
    first = max(0, min(STILL_SLOT - 1, len(full) - SHOTS))
    return full[first:first + SHOTS]


# ------------------------------------------------------------------- project
def make_project(folder: Path, media: dict) -> Path:
    from app.media.probe import probe_file

    root = folder / ("Bench.mdrama" if SHOTS == 10 else f"Bench{SHOTS}.mdrama")
    if (root / "project.json").exists():
        return root
    series = Series(title="Bench")
    episode = Episode(number=1, title="Bench")
    series.episodes.append(episode)
    bundle = ProjectBundle.create(root, series)

    def asset(path: Path) -> str:
        a = bundle.import_file(path)
        a.probe = probe_file(bundle.resolve(a.path))
        series.media[a.id] = a
        return a.id

    tl = episode.timeline
    for i, path in enumerate(slots(media)):
        clip = Clip(asset_id=asset(path), start=i * CLIP_S * FPS, duration=CLIP_S * FPS)
        if path == media["still"]:
            clip.ken_burns = KenBurns(Rect(0, 0, 1, 1), Rect(0.1, 0.1, 0.8, 0.8))
        tl.first_track(TrackKind.PICTURE).clips.append(clip)
    for i, text in enumerate(subtitles()):
        tl.first_track(TrackKind.SUBTITLES).clips.append(Clip(start=i * 150, duration=135, text=text))
    for start, path in voice_lines(media):
        n = soundfile.info(str(path)).frames
        tl.first_track(TrackKind.DIALOGUE).clips.append(
            Clip(asset_id=asset(path), start=round(start * FPS), duration=-(-n // 1600)))
    tl.first_track(TrackKind.MUSIC).clips.append(Clip(asset_id=asset(media["music"]), start=0, duration=seconds() * FPS,
                                                      fade_out=30))
    bundle.save(series)
    return root


# ------------------------------------------------------------------ runners
def run_child(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """Wall time, CPU seconds (user + system) and peak memory (MB) of one child process.

    CPU seconds are the steadier figure on a shared machine: wall time depends on
    what the other tenants are doing, CPU time much less.
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} failed ({proc.returncode}):\n{err.decode(errors='replace')[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def ours_cmd(project: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "widgets.launch", "export", str(project), "--episode", "1",
            "--out", str(out), "--preset", "standard", "--no-srt"]


def ffmpeg_cmd(media: dict, out: Path) -> list[str]:
    cmd = ["ffmpeg", "-y", "-v", "error"]
    parts, labels = [], []
    for i, path in enumerate(slots(media)):
        if path == media["still"]:
            cmd += ["-loop", "1", "-framerate", str(FPS), "-t", str(CLIP_S), "-i", str(path)]
            parts.append(f"[{i}:v]scale=1350:2400:force_original_aspect_ratio=increase,crop=1350:2400,"
                         f"zoompan=z='1+0.25*on/{CLIP_S * FPS}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)'"
                         f":d=1:s={W}x{H}:fps={FPS},setsar=1[v{i}]")
        else:
            cmd += ["-i", str(path)]
            parts.append(f"[{i}:v]scale={W}:{H}:force_original_aspect_ratio=increase,crop={W}:{H},"
                         f"setsar=1,fps={FPS}[v{i}]")
        labels.append(f"[v{i}]")
    n = len(labels)
    cmd += ["-i", str(media["music"])]
    music_in = n
    lines = voice_lines(media)
    for _, path in lines:
        cmd += ["-i", str(path)]
    style = "FontName=Noto Sans CJK SC,FontSize=14,Outline=2,Shadow=1,MarginV=60,Bold=1"
    parts.append("".join(labels) + f"concat=n={n}:v=1:a=0[cat]")
    parts.append(f"[cat]subtitles={media['srt']}:force_style='{style}',"
                 f"drawtext=fontfile={FONT}:text='AI生成':x=32:y=32:fontsize=72:fontcolor=white:"
                 f"borderw=4:bordercolor=black:enable='lt(t,3)'[vout]")
    for k, (start, _) in enumerate(lines):
        ms = round(start * 1000)
        parts.append(f"[{music_in + 1 + k}:a]aresample=48000,aformat=channel_layouts=stereo,adelay={ms}|{ms}[d{k}]")
    parts.append("".join(f"[d{k}]" for k in range(len(lines)))
                 + f"amix=inputs={len(lines)}:normalize=0,asplit[dlg1][dlg2]")
    parts.append(f"[{music_in}:a]aformat=channel_layouts=stereo[bed]")
    parts.append("[bed][dlg1]sidechaincompress=threshold=0.02:ratio=8:attack=80:release=450[duck]")
    parts.append("[duck][dlg2]amix=inputs=2:normalize=0,loudnorm=I=-14:TP=-1:LRA=11,aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[aout]")
    cmd += ["-filter_complex", ";".join(parts), "-map", "[vout]", "-map", "[aout]",
            # the same x264 settings as our "standard" preset (High profile, CRF 20 under a 12 Mbit/s VBV
            # ceiling); threads are ffmpeg's own default, which ours now matches (threads=3, frame threads)
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-profile:v", "high",
            "-maxrate", "12000k", "-bufsize", "24000k", "-pix_fmt", "yuv420p", "-r", str(FPS),
            "-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-movflags", "+faststart", "-t", str(seconds()), str(out)]
    return cmd


MOVIEPY_SCRIPT = textwrap.dedent("""
    import sys
    from moviepy import (AudioFileClip, CompositeAudioClip, CompositeVideoClip, ImageClip, TextClip,
                         VideoFileClip, concatenate_videoclips)
    slots, still, music, voices, starts, subs, font, out, total = eval(sys.argv[1])
    W, H, D = 1080, 1920, 6
    shots = []
    for path in slots:
        if path == still:
            img = ImageClip(path, duration=D).resized(width=W * 1.0)
            img = img.resized(lambda t: 1 + 0.25 * t / D)
            shots.append(CompositeVideoClip([img.with_position("center")], size=(W, H)).with_duration(D))
        else:
            shots.append(VideoFileClip(path).resized((W, H)))
    seq = concatenate_videoclips(shots)
    layers = [seq]
    for i, text in enumerate(subs):
        tc = TextClip(font=font, text=text, font_size=56, color="white", stroke_color="black", stroke_width=3,
                      method="caption", size=(860, None))
        layers.append(tc.with_start(i * 5.0).with_duration(4.5).with_position(("center", 1400)))
    label = TextClip(font=font, text="AI生成", font_size=72, color="white", stroke_color="black", stroke_width=4)
    layers.append(label.with_duration(3).with_position((32, 32)))
    video = CompositeVideoClip(layers, size=(W, H))
    bed = AudioFileClip(music).with_volume_scaled(0.5)
    lines = [AudioFileClip(v).with_start(s) for v, s in zip(voices, starts)]
    video = video.with_audio(CompositeAudioClip([bed, *lines]).with_duration(total))
    video.write_videofile(out, fps=30, codec="libx264", audio_codec="aac", audio_bitrate="192k",
                          preset="veryfast", ffmpeg_params=["-crf", "20", "-pix_fmt", "yuv420p"],
                          threads=2, logger=None)
""")


def moviepy_cmd(folder: Path, media: dict, out: Path) -> list[str]:
    script = folder / "moviepy_export.py"
    script.write_text(MOVIEPY_SCRIPT, encoding="utf-8")
    lines = voice_lines(media)
    args = repr(([str(p) for p in slots(media)], str(media["still"]), str(media["music"]),
                 [str(v) for _, v in lines], [s for s, _ in lines], subtitles(), FONT, str(out), seconds()))
    return [sys.executable, str(script), args]


def x264_settings(path: Path) -> str:
    """The encoder settings x264 wrote into the stream (threads, slices, VBV): proof of a fair comparison."""
    data = path.read_bytes()[:4 << 20]
    start = data.find(b"x264 - core")
    if start < 0:
        return "?"
    text = data[start:data.find(b"\0", start)].decode(errors="replace")
    keep = ("threads=", "lookahead_threads=", "sliced_threads=", "subme=", "ref=", "crf=", "vbv_maxrate=")
    return " ".join(w for w in text.split() if w.startswith(keep))


def frames_of(path: Path) -> int:
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v", "-count_packets", "-show_entries",
                          "stream=nb_read_packets", "-of", "csv=p=0", str(path)], capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-moviepy", action="store_true")
    parser.add_argument("--runs", type=int, default=1,
                        help="run ours and ffmpeg alternately N times and report the median ratios (shared machine)")
    parser.add_argument("--nice", type=int, default=0,
                        help="run both exporters under `nice -n N` (both alike, so neither is favoured)")
    parser.add_argument("--shots", type=int, default=10, choices=range(1, 11),
                        help="bench the first K 6-s shots only (default 10 = the full 60 s episode)")
    args = parser.parse_args()
    global SHOTS
    SHOTS = args.shots
    folder = cache_dir()
    media = make_media(folder)
    project = make_project(folder, media)
    outs = folder / "out"
    outs.mkdir(exist_ok=True)

    nice = ["nice", "-n", str(args.nice)] if args.nice else []
    walls, cpus, ours_walls, ref_walls = [], [], [], []
    for run in range(max(1, args.runs)):
        ours, ours_cpu, ours_mb = run_child(nice + ours_cmd(project, outs / f"ours{SHOTS}.mp4"), cwd=REPO)
        print(f"ours:    {ours:6.1f} s wall  {ours_cpu:6.1f} s CPU  peak {ours_mb:6.0f} MB  "
              f"frames {frames_of(outs / f'ours{SHOTS}.mp4')}  load {os.getloadavg()[0]:.1f}")
        ref, ref_cpu, ref_mb = run_child(nice + ffmpeg_cmd(media, outs / f"ffmpeg{SHOTS}.mp4"))
        print(f"ffmpeg:  {ref:6.1f} s wall  {ref_cpu:6.1f} s CPU  peak {ref_mb:6.0f} MB  "
              f"frames {frames_of(outs / f'ffmpeg{SHOTS}.mp4')}  load {os.getloadavg()[0]:.1f}"
              + ("" if run else "  (one command: concat, scale, zoompan, subtitles, drawtext, amix, "
                                "sidechaincompress, loudnorm)"))
        walls.append(ours / ref)
        ours_walls.append(ours)
        ref_walls.append(ref)
        cpus.append(ours_cpu / ref_cpu)
        print(f"run {run + 1}: wall ratio ours/ffmpeg {ours / ref:.2f}, CPU-time ratio {ours_cpu / ref_cpu:.2f}")
    print(f"x264 ours:   {x264_settings(outs / f'ours{SHOTS}.mp4')}")
    print(f"x264 ffmpeg: {x264_settings(outs / f'ffmpeg{SHOTS}.mp4')}")
    if len(walls) > 1:
        print(f"median of {len(walls)} alternating runs: wall ratio {median(walls):.2f} "
              f"(runs {', '.join(f'{r:.2f}' for r in walls)}), CPU-time ratio {median(cpus):.2f}")
    mp = mp_cpu = None
    if not args.skip_moviepy:
        # MoviePy writes its temporary audio file into the working folder: keep it in the cache
        mp, mp_cpu, mp_mb = run_child(moviepy_cmd(folder, media, outs / f"moviepy{SHOTS}.mp4"), cwd=folder)
        print(f"MoviePy: {mp:6.1f} s wall  {mp_cpu:6.1f} s CPU  peak {mp_mb:6.0f} MB  "
              f"frames {frames_of(outs / f'moviepy{SHOTS}.mp4')}")
    # the headline's seconds and ratios are all medians over the runs, so they agree with each other
    ours, ref = median(ours_walls), median(ref_walls)
    print(f"CPU-time ratios (steadier when the machine is shared): ours/ffmpeg {median(cpus):.2f}"
          + (f", MoviePy/ours {mp_cpu / ours_cpu:.2f}" if mp_cpu else ""))
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    print(f"machine: {cores} cores, load average {load:.1f} at the end (shared machine: figures are noisy)")
    headline = (f"export {seconds()} s episode 1080x1920: ours {ours:.1f} s = {median(walls):.2f}x ffmpeg "
                f"({ref:.1f} s; median of {len(walls)}; target <= 1.10x)")
    if mp is not None:
        headline += f", {mp / ours:.2f}x faster than MoviePy ({mp:.1f} s; target >= 2x)"
    headline += f", peak memory {ours_mb:.0f} MB (target < 1500 MB)"
    print(headline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
