"""A small procedurally synthesised music bed for the demo: warm pads, bass and a soft arpeggio.

Am - F - C - G at 96 BPM (one chord per 2.5 s bar), additive-synthesis voices,
a short noise-tail reverb, fades at both ends. Deterministic and offline.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import soundfile as sf

RATE = 48_000
BAR = 2.5  # seconds: 4 beats at 96 BPM
PROGRESSION = [  # MIDI notes: root (bass), chord tones (pad)
    (45, (57, 60, 64, 69)),  # Am
    (41, (57, 60, 65, 69)),  # F
    (48, (55, 60, 64, 67)),  # C
    (43, (55, 59, 62, 67)),  # G
]


def _hz(note: float) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


@cache
def _tone(freq: float, n: int, harmonics: tuple[float, ...], detune: float = 0.0) -> np.ndarray:
    """Additive tone; cached because the progression repeats every four bars."""
    t = np.arange(n) / RATE
    out = np.zeros(n)
    for k, amp in enumerate(harmonics, start=1):
        out += amp * np.sin(2 * np.pi * freq * k * (1 + detune) * t)
    return out


def _envelope(n: int, attack: float, release: float) -> np.ndarray:
    env = np.ones(n)
    a, r = min(n, int(attack * RATE)), min(n, int(release * RATE))
    env[:a] = np.linspace(0, 1, a) ** 2
    env[n - r:] *= np.linspace(1, 0, r) ** 2
    return env


@cache
def _pluck(freq: float, n: int, decay: float) -> np.ndarray:
    t = np.arange(n) / RATE
    plucked: np.ndarray = _tone(freq, n, (1.0, 0.35, 0.12, 0.05)) * np.exp(-t / decay) * _envelope(n, 0.004, 0.05)
    return plucked


def _reverb(x: np.ndarray, seconds: float = 1.8, wet: float = 0.22, seed: int = 7) -> np.ndarray:
    """Convolution with exponentially decaying noise: a cheap, smooth hall."""
    rng = np.random.default_rng(seed)
    n_ir = int(seconds * RATE)
    ir = rng.standard_normal(n_ir) * np.exp(-np.arange(n_ir) / (RATE * seconds / 6))
    ir /= np.sqrt(np.sum(ir**2))
    size = 1 << int(np.ceil(np.log2(len(x) + n_ir)))
    tail = np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(ir, size), size)[: len(x)]
    return x * (1 - wet) + tail * wet


def synthesize(duration: float = 40.0) -> np.ndarray:
    """The bed as float32 stereo (n, 2) at 48 kHz, peaking at about -6 dBFS."""
    n = int(duration * RATE)
    bar_n = int(BAR * RATE)
    left, right = np.zeros(n + bar_n), np.zeros(n + bar_n)
    bars = int(np.ceil(duration / BAR))
    for b in range(bars):
        root, chord = PROGRESSION[b % len(PROGRESSION)]
        start = b * bar_n
        length = bar_n + int(0.6 * RATE)  # pads overlap into the next bar
        env = _envelope(length, 0.5, 0.9)
        for i, note in enumerate(chord):
            voice = _tone(_hz(note), length, (1.0, 0.3, 0.1), detune=0.0015) * env * 0.07
            voice2 = _tone(_hz(note), length, (1.0, 0.3, 0.1), detune=-0.0015) * env * 0.07
            pan = 0.35 + 0.1 * i
            left[start:start + length] += voice * (1 - pan) + voice2 * pan
            right[start:start + length] += voice * pan + voice2 * (1 - pan)
        for beat in (0, 2):  # bass on beats 1 and 3
            s = start + beat * bar_n // 4
            bass = _pluck(_hz(root), bar_n // 2, 0.45) * 0.22
            left[s:s + len(bass)] += bass
            right[s:s + len(bass)] += bass
        if b >= 2:  # the arpeggio enters after two bars
            pattern = (0, 1, 2, 3, 2, 1, 2, 3)
            for step, idx in enumerate(pattern):
                s = start + step * bar_n // 8
                note = chord[idx] + 12
                pl = _pluck(_hz(note), int(0.6 * RATE), 0.22) * 0.05
                pan = 0.3 + 0.4 * (step % 2)
                left[s:s + len(pl)] += pl * (1 - pan)
                right[s:s + len(pl)] += pl * pan
    stereo = np.stack([_reverb(left[:n], seed=7), _reverb(right[:n], seed=8)], axis=1)
    fade = np.ones(n)
    fi, fo = int(2.0 * RATE), int(3.5 * RATE)
    fade[:fi] = np.linspace(0, 1, fi)
    fade[n - fo:] = np.linspace(1, 0, fo)
    stereo *= fade[:, None]
    stereo *= 0.5 / max(1e-9, float(np.max(np.abs(stereo))))
    return stereo.astype(np.float32)


def write_wav(samples: np.ndarray, path: Path) -> None:
    sf.write(str(path), samples, RATE, subtype="PCM_16")
