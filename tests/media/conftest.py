"""Real media made once per test session with PyAV (and ffmpeg where it is the only writer).

Every video frame shows its own index (``app.media.synth``), so any decoded frame
can be checked for exactness without trusting our decoder.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import wave
import zlib
from fractions import Fraction
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.media.synth import draw_code, write_audio_file, write_counter_clip

SMALL = (180, 320)  # W, H: keeps encoding fast where full HD adds nothing


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def hd_clip(media_dir: Path) -> Path:
    """1080x1920, 30 fps H.264 (GOP 24, B-frames), 60 frames, stereo AAC sine at 440 Hz."""
    return write_counter_clip(media_dir / "hd.mp4", 60, (1080, 1920), 30, gop=24, bframes=2, audio_hz=440,
                              options={"preset": "ultrafast"})


@pytest.fixture(scope="session")
def variants(media_dir: Path) -> dict[str, Path]:
    """The same 30-frame counter clip in the codecs/containers AI providers deliver."""
    out = {
        "h264.mkv": write_counter_clip(media_dir / "v.mkv", 30, SMALL, gop=10),
        "hevc.mp4": write_counter_clip(media_dir / "v_hevc.mp4", 30, SMALL, codec="libx265", gop=10,
                                       options={"x265-params": "log-level=error"}),
        "vp9.webm": write_counter_clip(media_dir / "v.webm", 30, SMALL, codec="libvpx-vp9", gop=10,
                                       options={"deadline": "realtime", "cpu-used": "8"}),
        "prores.mov": write_counter_clip(media_dir / "v.mov", 30, SMALL, codec="prores_ks",
                                         pix_fmt="yuv422p10le"),
        "h264.mp4": write_counter_clip(media_dir / "v.mp4", 30, SMALL, gop=10),
    }
    return out


VFR_PTS = [0, 1000, 2000, 4000, 5000, 8000, 9000, 10000, 13000, 14000]  # ticks of 1/30000 s


@pytest.fixture(scope="session")
def vfr_clip(media_dir: Path) -> Path:
    """Frames at irregular times (gaps of 1, 2 and 3 frame periods), as phone footage has."""
    return write_counter_clip(media_dir / "vfr.mp4", len(VFR_PTS), SMALL, pts=VFR_PTS,
                              time_base=Fraction(1, 30000), gop=5, bframes=0)


@pytest.fixture(scope="session")
def rotated_clip(media_dir: Path) -> Path:
    """Stored landscape 320x180 with a display matrix turning it 90 degrees clockwise."""
    return write_counter_clip(media_dir / "rot.mp4", 10, (320, 180), rotation_ccw=-90, gop=5)


@pytest.fixture(scope="session")
def audio_files(media_dir: Path) -> dict[str, Path]:
    return {ext: write_audio_file(media_dir / f"tone{ext}", 440, 1.5, rate=44100)
            for ext in (".wav", ".flac", ".mp3", ".aac", ".ogg")}


@pytest.fixture(scope="session")
def bad_files(media_dir: Path, hd_clip: Path) -> dict[str, Path]:
    d = media_dir / "bad"
    d.mkdir()
    files: dict[str, Path] = {}
    # moov atom at the end, cut off: nothing is readable
    data = hd_clip.read_bytes()
    files["truncated"] = d / "truncated.mp4"
    files["truncated"].write_bytes(data[: len(data) // 2])
    # faststart: header intact, half the frames missing
    fast = d / "fast.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(hd_clip), "-c", "copy", "-movflags", "+faststart",
                    str(fast)], check=True)
    fdata = fast.read_bytes()
    files["truncated_faststart"] = d / "truncated_faststart.mp4"
    files["truncated_faststart"].write_bytes(fdata[: len(fdata) // 2])
    files["garbage"] = d / "garbage.mp4"
    files["garbage"].write_bytes(np.random.default_rng(1).integers(0, 256, 50_000, dtype=np.uint8).tobytes())
    files["empty"] = d / "empty.mov"
    files["empty"].write_bytes(b"")
    files["zero_wav"] = d / "zero.wav"
    with wave.open(str(files["zero_wav"]), "wb") as w:  # a valid header and no samples
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(48000)
    files["huge_png"] = _huge_png(d / "huge.png", 20000, 20000)
    files["text"] = d / "notes.mp4"
    files["text"].write_text("INT. KITCHEN - NIGHT\nThis is a script, not a video.\n" * 50)
    return files


def _huge_png(path: Path, w: int, h: int) -> Path:
    """A real, valid 1-bit PNG of w x h pixels (tiny on disk, 1.2 GB if decoded to RGB)."""
    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)
    comp = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * ((w + 7) // 8)
    idat = b"".join(comp.compress(row) for _ in range(h)) + comp.flush()
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n")
        fh.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)))
        fh.write(chunk(b"IDAT", idat))
        fh.write(chunk(b"IEND", b""))
    return path


@pytest.fixture(scope="session")
def stills(media_dir: Path) -> dict[str, Path]:
    d = media_dir / "stills"
    d.mkdir()
    img = draw_code(5, 300, 400)  # RGB, portrait
    bgr = cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
    out = {}
    out["png"] = d / "still.png"
    cv2.imwrite(str(out["png"]), bgr)
    out["webp"] = d / "still.webp"
    cv2.imwrite(str(out["webp"]), bgr, [cv2.IMWRITE_WEBP_QUALITY, 101])
    out["jpeg"] = d / "still.jpg"
    cv2.imwrite(str(out["jpeg"]), bgr, [cv2.IMWRITE_JPEG_QUALITY, 95])
    # the same picture stored sideways with EXIF orientation 6 ("rotate 90 cw to view")
    sideways = np.ascontiguousarray(np.rot90(bgr, 1))
    ok, enc = cv2.imencode(".jpg", sideways, [cv2.IMWRITE_JPEG_QUALITY, 95])
    assert ok
    out["jpeg_exif6"] = d / "exif6.jpg"
    out["jpeg_exif6"].write_bytes(_with_exif_orientation(enc.tobytes(), 6))
    rgba = np.dstack([bgr, np.full(bgr.shape[:2], 255, np.uint8)])
    rgba[:50, :50, 3] = 0  # a transparent corner
    out["png_alpha"] = d / "alpha.png"
    cv2.imwrite(str(out["png_alpha"]), rgba)
    # a PNG with the wrong extension
    out["png_as_mp4"] = d / "really_png.mp4"
    shutil.copyfile(out["png"], out["png_as_mp4"])
    return out


def _with_exif_orientation(jpeg: bytes, orientation: int) -> bytes:
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1)
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack("<I", 0)
    app1 = b"Exif\x00\x00" + tiff
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    return jpeg[:2] + segment + jpeg[2:]


def ffprobe_streams(path: Path) -> list[dict]:
    import json
    out = subprocess.run(["ffprobe", "-v", "error", "-count_packets", "-show_streams", "-show_format",
                          "-of", "json", str(path)], capture_output=True, text=True, check=True).stdout
    return json.loads(out)["streams"]
