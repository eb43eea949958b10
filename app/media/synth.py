"""Synthetic media whose every frame says which frame it is.

Tests, benchmarks and the demo project need real encoded clips whose decoded
frames can be checked for exactness. Each frame carries an integer code drawn as
a 4x5 grid of black/white cells (robust to lossy coding and scaling to any
size) on a per-frame background colour; ``read_code`` recovers it from an RGB
frame of any size.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.container import OutputContainer

GRID_COLS, GRID_ROWS = 4, 5
BITS = GRID_COLS * GRID_ROWS


def _cells(w: int, h: int) -> list[tuple[int, int, int, int]]:
    cell = min(int(w * 0.8) // GRID_COLS, int(h * 0.8) // GRID_ROWS)
    x0 = (w - cell * GRID_COLS) // 2
    y0 = (h - cell * GRID_ROWS) // 2
    return [(x0 + c * cell, y0 + r * cell, cell, cell) for r in range(GRID_ROWS) for c in range(GRID_COLS)]


def frame_colour(code: int) -> tuple[int, int, int]:
    """A background colour that differs between neighbouring codes."""
    return (40 + (code * 53) % 170, 40 + (code * 97) % 170, 40 + (code * 29) % 170)


def draw_code(code: int, w: int, h: int, texture: np.ndarray | None = None) -> np.ndarray:
    """An (h, w, 3) RGB frame showing ``code``."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = frame_colour(code)
    if texture is not None:
        img[:] = np.clip(img.astype(np.int16) + texture, 0, 255).astype(np.uint8)
    for bit, (x, y, cw, ch) in enumerate(_cells(w, h)):
        m = max(2, cw // 10)  # a grey margin keeps cells apart after scaling
        img[y:y + ch, x:x + cw] = 128
        img[y + m:y + ch - m, x + m:x + cw - m] = 255 if code >> bit & 1 else 0
    return img


def read_code(rgb: np.ndarray) -> int:
    """The code drawn by ``draw_code`` in an RGB frame (any size, same aspect)."""
    h, w = rgb.shape[:2]
    code = 0
    for bit, (x, y, cw, ch) in enumerate(_cells(w, h)):
        q = cw // 4
        patch = rgb[y + q:y + ch - q, x + q:x + cw - q]
        if patch.mean() > 128:
            code |= 1 << bit
    return code


def write_counter_clip(
    path: Path, frames: int, size: tuple[int, int] = (1080, 1920), fps: int = 30, *,
    codec: str = "libx264", gop: int = 30, bframes: int = 2, code_base: int = 0,
    texture: bool = False, pts: Sequence[int] | None = None, time_base: Fraction | None = None,
    rotation_ccw: int = 0, audio_hz: float = 0.0, audio_rate: int = 48000, options: dict[str, str] | None = None,
    pix_fmt: str = "yuv420p",
) -> Path:
    """Encode a clip whose frame i shows code ``code_base + i``.

    ``pts``/``time_base`` give explicit (e.g. variable) timestamps; ``rotation_ccw``
    writes a display matrix; ``audio_hz`` adds a stereo sine track of the same length.
    """
    path = Path(path)
    w, h = size  # as stored; a rotated clip is drawn upright for display
    cw_turns = ((-rotation_ccw) % 360) // 90
    tex = None
    if texture:
        rng = np.random.default_rng(7)
        small = rng.integers(-40, 40, (h // 8 + 2, w // 8 + 2), dtype=np.int16)
        tex = np.repeat(np.repeat(small, 8, 0), 8, 1)[:, :, None]
    with av.open(str(path), "w") as out:
        vs = out.add_stream(codec, rate=fps, options=dict(options or {}))
        assert isinstance(vs, av.VideoStream), codec
        vs.width, vs.height = w, h
        vs.pix_fmt = pix_fmt
        if codec in ("libx264", "libx265", "h264", "hevc"):
            vs.codec_context.gop_size = gop
            vs.codec_context.max_b_frames = bframes
        elif codec not in ("mjpeg", "prores_ks", "prores"):
            vs.codec_context.gop_size = gop
        if time_base is not None:
            vs.time_base = time_base
            vs.codec_context.time_base = time_base
        if rotation_ccw:
            vs.set_display_rotation(rotation_ccw)
        aus = None
        if audio_hz:
            aus = out.add_stream("aac", rate=audio_rate, layout="stereo")
        for i in range(frames):
            shifted = None
            if tex is not None:
                shifted = tex[(i * 3) % 8:(i * 3) % 8 + h, (i * 2) % 8:(i * 2) % 8 + w]
            if cw_turns % 2:  # draw upright as displayed, store turned back
                img = np.rot90(draw_code(code_base + i, h, w), k=cw_turns)
            else:
                img = draw_code(code_base + i, w, h, shifted)
                if cw_turns:
                    img = img[::-1, ::-1]
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(img), format="rgb24")
            frame.pts = pts[i] if pts is not None else i
            if time_base is not None:
                frame.time_base = time_base
            elif pts is None:
                frame.time_base = Fraction(1, fps)
            for p in vs.encode(frame):
                out.mux(p)
        for p in vs.encode():
            out.mux(p)
        if aus is not None:
            seconds = frames / fps if pts is None else float((pts[-1] + (pts[-1] - pts[-2])) * (time_base or Fraction(1, fps)))
            write_sine_frames(out, aus, audio_hz, seconds, audio_rate)
    return path


def sine(hz: float, seconds: float, rate: int = 48000, channels: int = 2, amp: float = 0.5) -> np.ndarray:
    n = int(round(seconds * rate))
    t = np.arange(n) / rate
    mono = (amp * np.sin(2 * np.pi * hz * t)).astype(np.float32)
    return np.repeat(mono[:, None], channels, axis=1)


def write_sine_frames(out: OutputContainer, stream: av.AudioStream, hz: float, seconds: float, rate: int) -> None:
    data = sine(hz, seconds, rate)
    chunk = 1024
    for start in range(0, len(data), chunk):
        block = np.ascontiguousarray(data[start:start + chunk].T)
        frame = av.AudioFrame.from_ndarray(block, format="fltp", layout="stereo")
        frame.sample_rate = rate
        frame.pts = start
        frame.time_base = Fraction(1, rate)
        for p in stream.encode(frame):
            out.mux(p)
    for p in stream.encode():
        out.mux(p)


def write_audio_file(path: Path, hz: float, seconds: float, rate: int = 44100, codec: str | None = None,
                     channels: int = 2) -> Path:
    """An audio file with a sine; the codec follows the extension unless given."""
    path = Path(path)
    codec = codec or {".wav": "pcm_s16le", ".flac": "flac", ".mp3": "libmp3lame", ".aac": "aac",
                      ".m4a": "aac", ".ogg": "libopus", ".opus": "libopus"}[path.suffix.lower()]
    layout = "stereo" if channels == 2 else "mono"
    if codec == "libopus":
        rate = 48000  # Opus only runs at 48 kHz
    with av.open(str(path), "w") as out:
        st = out.add_stream(codec, rate=rate, layout=layout)
        assert isinstance(st, av.AudioStream), codec
        fmt = st.codec_context.codec.audio_formats[0].name if st.codec_context.codec.audio_formats else "fltp"
        data = sine(hz, seconds, rate, channels)
        resampler = av.AudioResampler(format=fmt, layout=layout, rate=rate)
        chunk = 1152
        for start in range(0, len(data), chunk):
            block = np.ascontiguousarray(data[start:start + chunk].T)
            frame = av.AudioFrame.from_ndarray(block, format="fltp", layout=layout)
            frame.sample_rate = rate
            frame.pts = start
            frame.time_base = Fraction(1, rate)
            for rf in resampler.resample(frame):
                for p in st.encode(rf):
                    out.mux(p)
        for rf in resampler.resample(None):
            for p in st.encode(rf):
                out.mux(p)
        for p in st.encode():
            out.mux(p)
    return path
