"""Short AI-drama-like episodes in the demo's visual style, for testing the theft check.

Other creators' dramas look like ours (night skylines, silhouettes, Ken Burns moves
over stills), so unrelated clips made from differently seeded demo art are the fair
test of false matches. Each clip also gets its own soundtrack: a seeded chord bed and
speech-like bursts, never the same twice.
"""

from __future__ import annotations

from pathlib import Path

import av
import cv2
import numpy as np

from app.demo_art import Figure, FrameSpec, render_frame

RATE = 48_000
MOODS = ("night", "interior", "dawn")
RIMS = ("#7aa2f7", "#f7768e", "#9ece6a", "#e0af68", "#bb9af7")


def _stills(rng: np.random.Generator, count: int) -> list[np.ndarray]:
    stills = []
    for _ in range(count):
        figures = [Figure(float(rng.uniform(0.2, 0.8)), float(rng.uniform(0.3, 1.1)), str(rng.choice(RIMS)),
                          str(rng.choice(["short", "long"])), float(rng.choice([-1, 0, 1])))
                   for _ in range(int(rng.integers(1, 3)))]
        spec = FrameSpec(str(rng.choice(MOODS)), figures=figures, seed=int(rng.integers(1, 10_000)),
                         horizon=float(rng.uniform(0.45, 0.72)))
        stills.append(render_frame(spec))
    return stills


def soundtrack(rng: np.random.Generator, seconds: float) -> np.ndarray:
    """Mono float32 at 48 kHz: random chords from a pentatonic scale plus voice-like noise bursts."""
    n = int(seconds * RATE)
    out = np.zeros(n + RATE, np.float32)
    t = np.arange(int(0.9 * RATE)) / RATE
    scale = np.array([0, 2, 4, 7, 9])
    pos = 0
    while pos < n:
        length = int(rng.uniform(0.25, 0.9) * RATE)
        for _ in range(int(rng.integers(1, 4))):
            note = 48 + 12 * int(rng.integers(0, 3)) + int(rng.choice(scale)) + int(rng.integers(-1, 2)) * 5
            freq = 440.0 * 2 ** ((note - 69) / 12)
            env = np.exp(-t[:length] * rng.uniform(2, 6))
            tone = (np.sin(2 * np.pi * freq * t[:length]) + 0.3 * np.sin(4 * np.pi * freq * t[:length])) * env
            out[pos:pos + length] += 0.12 * tone.astype(np.float32)
        if rng.random() < 0.6:  # a "syllable": band-limited noise
            burst = int(rng.uniform(0.08, 0.3) * RATE)
            noise = rng.standard_normal(burst).astype(np.float32)
            kernel = np.hanning(int(rng.integers(6, 30))).astype(np.float32)
            noise = np.convolve(noise, kernel / kernel.sum(), mode="same") * np.hanning(burst).astype(np.float32)
            out[pos:pos + burst] += 0.2 * noise
        pos += length
    out = out[:n]
    return (0.5 * out / max(1e-6, float(np.abs(out).max()))).astype(np.float32)


def write_lookalike_drama(path: Path, seed: int, seconds: float = 20.0, size: tuple[int, int] = (360, 640),
                          fps: int = 25, shot_seconds: float = 4.0, with_audio: bool = True) -> Path:
    rng = np.random.default_rng(seed)
    width, height = size
    shots = max(1, int(np.ceil(seconds / shot_seconds)))
    stills = _stills(rng, shots)
    frames = int(seconds * fps)
    per_shot = int(shot_seconds * fps)
    moves = [(rng.uniform(0.75, 0.9), rng.uniform(0.95, 1.0), rng.uniform(-0.08, 0.08)) for _ in range(shots)]
    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        video.options = {"preset": "ultrafast", "crf": "20"}
        audio_stream = out.add_stream("aac", rate=RATE) if with_audio else None
        for i in range(frames):
            k = min(shots - 1, i // per_shot)
            zoom_a, zoom_b, pan = moves[k]
            u = (i - k * per_shot) / per_shot
            zoom = zoom_a + (zoom_b - zoom_a) * u
            still = stills[k]
            sh, sw = still.shape[:2]
            ch, cw = int(sh * zoom), int(sw * zoom)
            cx = int((sw - cw) / 2 + pan * u * sw)
            cx = min(max(cx, 0), sw - cw)
            cy = (sh - ch) // 2
            frame = cv2.resize(still[cy:cy + ch, cx:cx + cw], (width, height), interpolation=cv2.INTER_AREA)
            for packet in video.encode(av.VideoFrame.from_ndarray(frame.astype(np.uint8, copy=False), format="rgb24")):
                out.mux(packet)
        for packet in video.encode():
            out.mux(packet)
        if audio_stream is not None:
            samples = soundtrack(rng, seconds)
            chunk = 1024
            for s in range(0, len(samples), chunk):
                piece = samples[s:s + chunk]
                if len(piece) < chunk:
                    piece = np.pad(piece, (0, chunk - len(piece)))
                sound = av.AudioFrame.from_ndarray(piece.reshape(1, -1), format="fltp", layout="mono")
                sound.sample_rate = RATE
                sound.pts = s
                for packet in audio_stream.encode(sound):
                    out.mux(packet)
            for packet in audio_stream.encode():
                out.mux(packet)
    return path
