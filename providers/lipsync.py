"""Lip sync as a provider capability: the request, and the vendor limits checked before paying.

A lip-sync task takes a finished clip and a sound track and returns the clip with the
mouths moved to the sound. The request keeps local paths (the clip and a WAV already
positioned on the clip's time line) so the same request can be retried or audited;
each client turns them into what its vendor accepts (URL, base64, data URL).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from providers.base import LIPSYNC, REQUEST_TYPES, GenerationRequest

__all__ = ["LIPSYNC", "LipSyncRequest", "VideoFacts", "audio_seconds", "check_limits", "mix_parts", "probe_video"]
MIX_RATE = 48000


@dataclass
class LipSyncRequest(GenerationRequest):
    """``video``: the clip (a path, or an http(s) URL a vendor can fetch); ``audio``: a WAV/MP3 path.

    ``audio_offset_ms`` is where the sound starts on the clip's time line; ``face_id`` picks a
    face when the vendor lets us choose ("" = the first face found). ``parameters`` may carry
    ``video_id`` (a vendor's own id of the clip) or ``video_url``.
    """

    capability: ClassVar[str] = LIPSYNC
    video: str = ""
    audio: str = ""
    audio_offset_ms: int = 0
    face_id: str = ""
    duration: float = 0.0  # the clip's length in seconds: what vendors bill by
    # Sounds to mix into ``audio`` (``duration`` long) before sending: [{"path", "at_ms", "skip_samples"}].
    # The mix is written on the worker thread at submit, not when the job is planned.
    audio_parts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def reference_inputs(self) -> list[str]:
        return [p for p in (self.video, self.audio) if p]

    def prepare_audio(self) -> str:
        """``audio``, mixed from ``audio_parts`` first when it does not exist yet."""
        if self.audio_parts and not Path(self.audio).exists():
            mix_parts(self.audio_parts, self.duration, Path(self.audio))
        return self.audio


REQUEST_TYPES.setdefault(LIPSYNC, LipSyncRequest)


@dataclass(frozen=True)
class VideoFacts:
    """What the vendor limits are about: length in seconds and the frame size in pixels."""

    seconds: float
    width: int
    height: int


def probe_video(path: str | Path) -> VideoFacts:
    """Length and size of a local clip (PyAV); ValueError when it is not a readable video."""
    import av

    try:
        with av.open(str(path)) as container:
            stream = next((s for s in container.streams if s.type == "video"), None)
            if stream is None:
                raise ValueError(f"{Path(path).name} has no video stream")
            if stream.duration is not None and stream.time_base is not None:
                seconds = float(stream.duration * stream.time_base)
            elif container.duration:
                seconds = container.duration / 1_000_000
            else:
                seconds = 0.0
            if not isinstance(stream, av.VideoStream):
                raise ValueError(f"{Path(path).name} has no video stream")
            return VideoFacts(seconds, int(stream.codec_context.width), int(stream.codec_context.height))
    except (av.FFmpegError, OSError) as exc:
        raise ValueError(f"{Path(path).name} is not a readable video: {exc}") from None


def audio_seconds(path: str | Path) -> float:
    """Length of a local sound file (soundfile); ValueError when it cannot be read."""
    import soundfile

    try:
        info = soundfile.info(str(path))
    except (RuntimeError, OSError) as exc:
        raise ValueError(f"{Path(path).name} is not readable audio: {exc}") from None
    return float(info.frames) / float(info.samplerate or 1)


def check_limits(facts: VideoFacts, *, min_s: float, max_s: float, min_px: int, max_px: int) -> str:
    """The first vendor limit the clip breaks, in plain words; "" when it fits."""
    if facts.seconds > max_s + 0.05:
        return f"the clip is {facts.seconds:.1f} s long; the vendor accepts at most {max_s:g} s"
    if facts.seconds < min_s - 0.05:
        return f"the clip is {facts.seconds:.1f} s long; the vendor needs at least {min_s:g} s"
    small, large = min(facts.width, facts.height), max(facts.width, facts.height)
    if small < min_px or large > max_px:
        return (f"the clip is {facts.width}x{facts.height}; the vendor needs {min_px}-{max_px} px "
                "on each side")
    return ""


def mix_parts(parts: list[dict[str, Any]], seconds: float, out: Path) -> Path:
    """One mono 48 kHz WAV ``seconds`` long with each part's sound starting at its ``at_ms``.

    ``skip_samples`` drops the start of a part (a recording's measured latency); a part that
    runs past the end is cut there. Written to a temporary name, then renamed into place.
    """
    import numpy as np
    import soundfile

    mix = np.zeros(max(1, int(round(seconds * MIX_RATE))), dtype=np.float32)
    for part in parts:
        data, rate = soundfile.read(str(part["path"]), dtype="float32", always_2d=True)
        sound = data.mean(axis=1)[max(0, int(part.get("skip_samples") or 0)):]
        if rate != MIX_RATE and len(sound) > 1:  # takes are stored at 48 kHz; an older one is stretched
            n = int(round(len(sound) * MIX_RATE / rate))
            sound = np.interp(np.linspace(0, len(sound) - 1, n), np.arange(len(sound)), sound).astype(np.float32)
        at = max(0, int(round(float(part.get("at_ms") or 0) / 1000 * MIX_RATE)))
        piece = sound[: max(0, len(mix) - at)]
        mix[at: at + len(piece)] += piece
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    soundfile.write(str(tmp), np.clip(mix, -1.0, 1.0), MIX_RATE, subtype="PCM_16", format="WAV")
    tmp.replace(out)
    return out
