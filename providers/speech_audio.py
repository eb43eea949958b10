"""Speech answers to clean 48 kHz takes: split long texts, decode any format, check, join, write.

Every speech vendor answers differently: OpenAI raw mp3/wav/pcm bytes, MiniMax hex
inside JSON, espeak-ng a 22.05 kHz WAV. This module turns each answer into one float32
mono signal at 48 kHz, refuses what is not speech (an HTML error page, a cut-off file,
silence), joins the pieces of a long line with a short equal-power crossfade (no click
at the seams) and writes a 24-bit WAV. PyAV (FFmpeg, LGPL) decodes the compressed
formats and resamples; a hand-written MP3 or AAC decoder would be neither small nor safe.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TAKE_RATE = 48000
CROSSFADE_SECONDS = 0.012  # long enough to hide a seam, short enough not to smear a consonant
SILENCE_DBFS = -50.0
MIN_SPEECH_SECONDS = 0.08

# A sentence ends at these marks (CJK and Latin), keeping the mark with its sentence.
_SENTENCE_END = re.compile(r"(?<=[。！？!?…；;])\s*|(?<=[.])\s+")


class AudioRejected(ValueError):
    """The answer is not usable speech; the message says why in plain words."""


@dataclass(frozen=True)
class PcmFormat:
    """Headerless PCM as a vendor describes it (OpenAI ``pcm``: 24 kHz, 16-bit little-endian, mono)."""

    rate: int = 24000
    channels: int = 1
    sample_width: int = 2


def split_text(text: str, max_chars: int) -> list[str]:
    """Cut ``text`` at sentence ends into pieces of at most ``max_chars`` (a sentence longer
    than that is cut at a comma, then hard); joined back they give the whole text."""
    text = text.strip()
    if len(text) <= max_chars:
        return [text] if text else []
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        for part in _cut_long(sentence, max_chars):
            if current and len(current) + 1 + len(part) > max_chars:
                pieces.append(current)
                current = part
            else:
                current = f"{current} {part}" if current and _latin(current[-1]) else current + part
    if current:
        pieces.append(current)
    return [p.strip() for p in pieces if p.strip()]


def _latin(ch: str) -> bool:
    return ch.isascii()


def _cut_long(sentence: str, max_chars: int) -> list[str]:
    if len(sentence) <= max_chars:
        return [sentence]
    parts = [p for p in re.split(r"(?<=[，,、：:])", sentence) if p]
    out: list[str] = []
    for part in parts:
        while len(part) > max_chars:
            out.append(part[:max_chars])
            part = part[max_chars:]
        out.append(part)
    return out


def looks_like_text(data: bytes) -> bool:
    """An HTML or JSON error page answered where audio was expected."""
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"{", b"[")) or b"<body" in head


def decode(data: bytes, fmt: str = "", pcm: PcmFormat | None = None) -> np.ndarray:
    """Decode a speech answer (mp3, wav, flac, ogg/opus, aac, or raw ``pcm``) to mono float32 at 48 kHz.

    Raises :class:`AudioRejected` with a plain reason for text, empty, cut-off or undecodable data.
    """
    if not data:
        raise AudioRejected("the answer is empty")
    if looks_like_text(data):
        snippet = data[:120].decode("utf-8", "replace").strip()
        raise AudioRejected(f"the answer is a text page, not audio: {snippet!r}")
    if fmt == "pcm":
        return _decode_pcm(data, pcm or PcmFormat())
    return _decode_container(data)


def decode_hex(text: str, fmt: str = "mp3", pcm: PcmFormat | None = None) -> np.ndarray:
    """MiniMax-style hex-encoded audio."""
    try:
        raw = bytes.fromhex(text.strip())
    except ValueError:
        raise AudioRejected("the answer's audio is not valid hex") from None
    return decode(raw, fmt, pcm)


def _decode_pcm(data: bytes, pcm: PcmFormat) -> np.ndarray:
    width = pcm.sample_width
    usable = len(data) - len(data) % (width * pcm.channels)
    if usable <= 0:
        raise AudioRejected("the PCM answer holds no whole sample")
    dtype = {2: "<i2", 4: "<i4"}.get(width)
    if dtype is None:
        raise AudioRejected(f"unsupported PCM sample width {width}")
    samples = np.frombuffer(data[:usable], dtype=dtype).astype(np.float32) / float(2 ** (8 * width - 1))
    samples = samples.reshape(-1, pcm.channels).mean(axis=1)
    return resample(samples, pcm.rate, TAKE_RATE)


def _decode_container(data: bytes) -> np.ndarray:
    import av

    chunks: list[np.ndarray] = []
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            stream = next(iter(container.streams.audio), None)
            if stream is None:
                raise AudioRejected("the answer has no audio stream")
            resampler = av.AudioResampler(format="flt", layout="mono", rate=TAKE_RATE)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except AudioRejected:
        raise
    except Exception as exc:  # PyAV raises many error types for broken data
        if chunks:  # a cut-off file: the decoder choked part way
            raise AudioRejected(f"the audio is cut off ({type(exc).__name__})") from None
        raise AudioRejected(f"the answer does not decode as audio ({type(exc).__name__})") from None
    if not chunks:
        raise AudioRejected("the answer decodes to no sound at all")
    return np.concatenate(chunks).astype(np.float32)


def resample(audio: np.ndarray, from_rate: int, to_rate: int) -> np.ndarray:
    if from_rate == to_rate or len(audio) == 0:
        return audio.astype(np.float32, copy=False)
    import math

    from scipy.signal import resample_poly

    g = math.gcd(int(from_rate), int(to_rate))
    resampled: np.ndarray = resample_poly(audio, to_rate // g, from_rate // g).astype(np.float32)
    return resampled


def check_speech(audio: np.ndarray, rate: int = TAKE_RATE) -> None:
    """Refuse silence and fragments: a take must hold audible sound for a moment."""
    if len(audio) < MIN_SPEECH_SECONDS * rate:
        raise AudioRejected(f"the audio is only {len(audio) / rate:.2f} s long")
    peak = float(np.max(np.abs(audio))) if len(audio) else 0.0
    if peak <= 10 ** (SILENCE_DBFS / 20):
        raise AudioRejected("the audio is silent")


def join(pieces: list[np.ndarray], rate: int = TAKE_RATE, crossfade: float = CROSSFADE_SECONDS) -> np.ndarray:
    """Concatenate with an equal-power crossfade at each seam (no click, no gap)."""
    pieces = [p.astype(np.float32, copy=False) for p in pieces if len(p)]
    if not pieces:
        return np.zeros(0, dtype=np.float32)
    out = pieces[0]
    n = int(rate * crossfade)
    for piece in pieces[1:]:
        k = min(n, len(out), len(piece))
        if k <= 1:
            out = np.concatenate([out, piece])
            continue
        t = np.linspace(0.0, np.pi / 2, k, dtype=np.float32)
        seam = out[-k:] * np.cos(t) + piece[:k] * np.sin(t)
        out = np.concatenate([out[:-k], seam, piece[k:]])
    return out


def fade_edges(audio: np.ndarray, rate: int = TAKE_RATE, seconds: float = 0.004) -> np.ndarray:
    """A few milliseconds of fade at both ends, so a take never starts or stops on a click."""
    n = min(int(rate * seconds), len(audio) // 2)
    if n <= 1:
        return audio
    audio = audio.copy()
    ramp = np.linspace(0.0, 1.0, n, dtype=np.float32)
    audio[:n] *= ramp
    audio[-n:] *= ramp[::-1]
    return audio


def write_take(audio: np.ndarray, path: Path, rate: int = TAKE_RATE) -> Path:
    """Write a 24-bit mono WAV atomically (a partial file never carries the final name)."""
    import soundfile as sf

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    try:
        sf.write(tmp, np.clip(audio, -1.0, 1.0), rate, subtype="PCM_24", format="WAV")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def finish(pieces: list[np.ndarray], path: Path) -> Path:
    """Join decoded pieces, check the result is speech, and write the 48 kHz take."""
    audio = fade_edges(join(pieces))
    check_speech(audio)
    return write_take(audio, path)
