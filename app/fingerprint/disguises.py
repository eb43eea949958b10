"""The copies re-uploaders make, as ffmpeg recipes (used by the tests and the benchmark).

Each recipe takes our episode (input 0) and optionally another clip (input 1: the
background of a picture-in-picture, the other half of a split screen, new sound) and
writes a small H.264/AAC file. ``cut`` = (start s, length s) is taken from our
episode first; ``expect_speed`` is the speed the matcher should report.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Disguise:
    name: str
    filter: str  # -filter_complex graph with [0:v] (ours) and [1:v] (other) producing [v]
    # "0": our sound, "1": the other clip's sound, "0t": our sound through ``atempo`` (pitch kept),
    # "0p": our sound resampled (``asetrate``: the pitch rises with the speed)
    audio: str = "0"
    cut: tuple[float, float] | None = None
    expect_speed: float = 1.0
    needs_other: bool = False
    mirrored: bool = False
    reversed: bool = False


S = "scale=360:640,setsar=1"
BLUR_CANVAS = ("[0:v]scale=640:360:force_original_aspect_ratio=increase,crop=640:360,boxblur=18[bg];"
               "[0:v]scale=-2:360[fg];[bg][fg]overlay=(W-w)/2:0[v]")
DISGUISES = [
    Disguise("blurred_landscape_canvas", BLUR_CANVAS),
    Disguise("pip_40_over_other", "[1:v]scale=360:640[bg];[0:v]scale=-2:256[fg];[bg][fg]overlay=W-w-12:40:shortest=1[v]",
             needs_other=True),
    Disguise("pip_60_landscape", "[1:v]scale=640:360:force_original_aspect_ratio=increase,crop=640:360[bg];"
             "[0:v]scale=-2:216[fg];[bg][fg]overlay=30:(H-h)/2:shortest=1[v]", needs_other=True),
    Disguise("split_half_reaction", "[1:v]scale=640:360:force_original_aspect_ratio=increase,crop=640:360,"
             "drawbox=x=320:y=0:w=320:h=360:color=black:t=fill[bg];[0:v]scale=-2:360[fg];"
             "[bg][fg]overlay=320+(320-w)/2:0:shortest=1[v]", needs_other=True),
    Disguise("split_thirds_mirrored_repeated", "[0:v]scale=212:360,split=3[a][b0][c];[b0]hflip[b];[a][b][c]hstack=3[v]"),
    Disguise("border_and_frame", f"[0:v]{S},pad=iw+80:ih+80:40:40:color=0xc03060,drawbox=x=20:y=20:w=iw-40:h=ih-40:"
             "color=white:t=6[v]"),
    Disguise("captions_stickers_third", f"[0:v]{S},drawbox=x=0:y=ih*0.72:w=iw:h=ih*0.2:color=black@0.85:t=fill,"
             "drawbox=x=iw*0.55:y=ih*0.05:w=iw*0.35:h=ih*0.12:color=yellow@0.9:t=fill[v]"),
    Disguise("black_bars_square", "[0:v]scale=-2:480,pad=480:480:(ow-iw)/2:0[v]"),
    Disguise("speed_0.75", f"[0:v]{S},setpts=PTS/0.75[v]", audio="0t", expect_speed=0.75),
    Disguise("speed_1.33", f"[0:v]{S},setpts=PTS/1.33[v]", audio="0t", expect_speed=1.33),
    Disguise("pitch_speed_1.25", f"[0:v]{S},setpts=PTS/1.25[v]", audio="0p", expect_speed=1.25),
    Disguise("pitch_speed_1.25_sound_only", "[1:v]scale=360:640[v]", audio="0p", expect_speed=1.25, needs_other=True),
    Disguise("fps_24", f"[0:v]{S},fps=24[v]"),
    Disguise("fps_60", f"[0:v]{S},fps=60[v]"),
    Disguise("reversed_segment", f"[0:v]{S},reverse[v]", cut=(8.0, 5.0), reversed=True),
    Disguise("grade_and_hue", f"[0:v]{S},eq=contrast=1.3:saturation=1.5:gamma=0.85,hue=h=50[v]"),
    Disguise("greyscale_noise", f"[0:v]{S},hue=s=0,noise=alls=30:allf=t[v]"),
    Disguise("sharpen", f"[0:v]{S},unsharp=7:7:2.0[v]"),
    Disguise("blur", f"[0:v]{S},boxblur=3[v]"),
    Disguise("reencode_360p", "[0:v]scale=-2:360[v]"),
    Disguise("crop_25", f"[0:v]{S},crop=iw*0.75:ih*0.75[v]"),
    Disguise("rotate_5", f"[0:v]{S},rotate=5*PI/180[v]"),
    Disguise("mirror_crop_speed", f"[0:v]{S},hflip,crop=iw*0.85:ih*0.85,setpts=PTS/1.1[v]", audio="0t",
             expect_speed=1.1, mirrored=True),
    Disguise("excerpt_3s", f"[0:v]{S}[v]", cut=(12.0, 3.0)),
    Disguise("our_sound_other_pictures", "[1:v]scale=360:640[v]", needs_other=True),
    Disguise("our_pictures_new_sound", f"[0:v]{S}[v]", audio="1", needs_other=True),
]
BY_NAME = {d.name: d for d in DISGUISES}


def make_copy(ours: Path, dest: Path, disguise: Disguise, other: Path | None = None,
              window: tuple[float, float] | None = None) -> Path:
    """``window`` (start s, length s) of our episode is used when the disguise has no cut of its own."""
    cmd = ["ffmpeg", "-v", "error", "-y"]
    cut = disguise.cut or window
    if cut:
        cmd += ["-ss", str(cut[0]), "-t", str(cut[1])]
    cmd += ["-i", str(ours)]
    if disguise.needs_other or disguise.audio == "1":
        if other is None:
            raise ValueError(f"{disguise.name} needs another clip")
        cmd += ["-stream_loop", "-1", "-i", str(other)]
    length = cut[1] if cut else _duration(ours)
    if disguise.audio in ("0t", "0p"):
        length /= disguise.expect_speed
    graph = disguise.filter
    if "[1:v]" in graph:  # the looped other clip, cut to our length (an endless input never lets ffmpeg stop)
        graph = f"[1:v]trim=duration={length:.3f},setpts=PTS-STARTPTS[other];" + graph.replace("[1:v]", "[other]")
    maps = ["-map", "[v]"]
    if disguise.audio == "0t":
        graph += f";[0:a]atempo={disguise.expect_speed}[a]"
        maps += ["-map", "[a]"]
    elif disguise.audio == "0p":
        graph += f";[0:a]aresample=48000,asetrate={48000 * disguise.expect_speed:.0f},aresample=48000[a]"
        maps += ["-map", "[a]"]
    elif disguise.audio == "1":
        graph += f";[1:a]atrim=duration={length:.3f},asetpts=PTS-STARTPTS[a]"
        maps += ["-map", "[a]"]
    else:
        maps += ["-map", "0:a?"]
    cmd += ["-filter_complex", graph, *maps, "-t", f"{length:.3f}", "-c:v", "libx264", "-preset", "ultrafast", "-crf",
            "34" if "360p" in disguise.name else "26", "-c:a", "aac", "-b:a", "64k", str(dest)]
    subprocess.run(cmd, check=True)
    return dest


def _duration(path: Path) -> float:
    import av

    with av.open(str(path)) as container:
        return float(container.duration or 0) / 1_000_000


def make_compilation(parts: list[tuple[Path, float, float]], dest: Path) -> Path:
    """Excerpts (file, start s, length s) of several episodes cut together, scaled alike."""
    cmd = ["ffmpeg", "-v", "error", "-y"]
    for path, start, length in parts:
        cmd += ["-ss", str(start), "-t", str(length), "-i", str(path)]
    chains = "".join(f"[{i}:v]scale=360:640,setsar=1,fps=25[v{i}];[{i}:a]aresample=48000[a{i}];"
                     for i in range(len(parts)))
    joined = "".join(f"[v{i}][a{i}]" for i in range(len(parts)))
    graph = chains + f"{joined}concat=n={len(parts)}:v=1:a=1[v][a]"
    subprocess.run(cmd + ["-filter_complex", graph, "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset",
                          "ultrafast", "-c:a", "aac", str(dest)], check=True)
    return dest
