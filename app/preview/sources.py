"""What the player plays: picture frames and mixed sound for an episode.

The player depends on two small protocols. The real implementations are the
media engine's ``Compositor`` (picture) and ``Mixer`` (sound), so the preview
shows exactly what export renders; until those are available (or when they fail
to import) ``PictureSource``/``SoundSource`` render the picture track (topmost
visible clip, fit/fill) and the audio tracks (gain, fades, mute/solo) directly
through ``FrameFetcher`` and ``load_audio``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from app.model import Clip, Episode, FitMode, MediaKind, Series, Take, TrackKind

if TYPE_CHECKING:
    from app.media.compositor import Compositor
    from app.media.decode import FrameFetcher
    from app.media.mixer import Mixer
    from app.model.timeline import Track
    from app.session import Session

log = logging.getLogger(__name__)
RATE = 48000


class FrameSource(Protocol):
    def render(self, episode: Episode, frame: int, size: tuple[int, int]) -> np.ndarray:
        """RGB uint8 (h, w, 3) of timeline frame ``frame`` at ``size`` = (w, h)."""


class AudioSource(Protocol):
    def render(self, episode: Episode, start_sample: int, count: int) -> np.ndarray:
        """float32 (count, 2) at 48 kHz starting at timeline sample ``start_sample``."""


def audible_tracks(episode: Episode) -> list[Track]:
    tracks = [t for t in episode.timeline.tracks if t.kind.is_audio]
    soloed = [t for t in tracks if t.solo]
    return [t for t in (soloed or tracks) if not t.muted]


def _fit(rgb: np.ndarray, size: tuple[int, int], fit: FitMode) -> np.ndarray:
    """Place a source frame on a (w, h) black canvas by fit mode."""
    import cv2

    w, h = size
    sh, sw = rgb.shape[:2]
    if fit is FitMode.STRETCH or (sw, sh) == (w, h):
        return rgb if (sw, sh) == (w, h) else cv2.resize(rgb, (w, h), interpolation=cv2.INTER_AREA)
    scale = max(w / sw, h / sh) if fit is FitMode.FILL else min(w / sw, h / sh)
    nw, nh = max(1, round(sw * scale)), max(1, round(sh * scale))
    scaled = cv2.resize(rgb, (nw, nh), interpolation=cv2.INTER_AREA) if (nw, nh) != (sw, sh) else rgb
    out = np.zeros((h, w, 3), np.uint8)
    x0, y0 = (w - nw) // 2, (h - nh) // 2
    sx, sy = max(0, -x0), max(0, -y0)
    dx, dy = max(0, x0), max(0, y0)
    cw, ch = min(w - dx, nw - sx), min(h - dy, nh - sy)
    out[dy:dy + ch, dx:dx + cw] = scaled[sy:sy + ch, sx:sx + cw]
    return out


class PictureSource:
    """Topmost visible picture/overlay clip with media at each frame, fitted to the canvas."""

    def __init__(self, series: Series, root: Path, fetcher: FrameFetcher) -> None:
        self.series, self.root, self.fetcher = series, Path(root), fetcher
        self.fps = series.settings.fps

    def clip_at(self, episode: Episode, frame: int) -> Clip | None:
        for track in episode.timeline.tracks:  # listed top to bottom
            if not track.kind.is_visual or track.muted:
                continue
            for c in track.clips:
                if c.enabled and c.asset_id and c.start <= frame < c.end:
                    asset = self.series.media.get(c.asset_id)
                    if asset is not None and asset.kind is not MediaKind.AUDIO:
                        return c
        return None

    def render(self, episode: Episode, frame: int, size: tuple[int, int]) -> np.ndarray:
        clip = self.clip_at(episode, frame)
        w, h = size
        if clip is None:
            return np.zeros((h, w, 3), np.uint8)
        asset = self.series.media[clip.asset_id or ""]
        path = self.root / asset.path
        t = Fraction(clip.source_in + frame - clip.start, self.fps)
        probe = asset.probe or {}
        sw, sh = int(probe.get("width") or w), int(probe.get("height") or h)
        if clip.fit is FitMode.STRETCH:
            req = (w, h)
        else:
            scale = max(w / sw, h / sh) if clip.fit is FitMode.FILL else min(w / sw, h / sh)
            req = (max(2, round(sw * scale)), max(2, round(sh * scale)))
        try:
            rgb = self.fetcher.frame_at(path, t, size=req, use_proxy=True)
        except Exception as exc:  # offline / broken media shows as a red frame, never a crash
            log.info("preview: %s at %s: %s", path.name, t, exc)
            out = np.zeros((h, w, 3), np.uint8)
            out[..., 0] = 90
            return out
        return _fit(rgb, size, clip.fit)


class SoundSource:
    """Mix of the audible tracks' clips (gain, fades) straight from decoded files."""

    def __init__(self, series: Series, root: Path, find: Callable[[str], Any]) -> None:
        self.series, self.root, self.find = series, Path(root), find
        self.spf = RATE // series.settings.fps

    def _path(self, clip: Clip) -> Path | None:
        if clip.take_id:
            take = self.find(clip.take_id)
            return self.root / take.path if isinstance(take, Take) and take.path else None
        asset = self.series.media.get(clip.asset_id or "")
        if asset is not None and (asset.kind is MediaKind.AUDIO or asset.probe.get("has_audio")):
            return self.root / asset.path
        return None

    def render(self, episode: Episode, start_sample: int, count: int) -> np.ndarray:
        from app.media.audio_io import load_audio

        out = np.zeros((count, 2), np.float32)
        end_sample = start_sample + count
        for track in audible_tracks(episode):
            tgain = 10 ** (track.gain_db / 20)
            for c in track.clips:
                c0 = c.start * self.spf
                c1 = c.end * self.spf
                if not c.enabled or c1 <= start_sample or c0 >= end_sample:
                    continue
                path = self._path(c)
                if path is None:
                    continue
                try:
                    data = load_audio(path, rate=RATE, channels=2)
                except Exception as exc:
                    log.info("preview audio: %s: %s", path.name, exc)
                    continue
                a, b = max(c0, start_sample), min(c1, end_sample)
                src0 = c.source_in * self.spf + (a - c0) - c.audio_offset_samples
                idx = np.arange(src0, src0 + (b - a))
                valid = (idx >= 0) & (idx < len(data))
                chunk = np.zeros((b - a, 2), np.float32)
                chunk[valid] = data[idx[valid]]
                env = np.full(b - a, 10 ** (c.gain_db / 20) * tgain, np.float32)
                pos = np.arange(a, b) - c0
                if c.fade_in:
                    env *= np.clip(pos / (c.fade_in * self.spf), 0, 1)
                if c.fade_out:
                    env *= np.clip((c1 - c0 - pos) / (c.fade_out * self.spf), 0, 1)
                out[a - start_sample:b - start_sample] += chunk * env[:, None]
        return out


class CompositorFrameSource:
    def __init__(self, compositor: Compositor) -> None:
        self.compositor = compositor

    def render(self, episode: Episode, frame: int, size: tuple[int, int]) -> np.ndarray:
        image: np.ndarray = self.compositor.render(episode, frame, size, preview=True)
        return image


class MixerAudioSource:
    def __init__(self, mixer: Mixer) -> None:
        self.mixer = mixer

    def render(self, episode: Episode, start_sample: int, count: int) -> np.ndarray:
        sound: np.ndarray = self.mixer.render(episode, start_sample, count)
        return sound


class LazyAudioSource:
    """Builds the sound source on first use: the engine's mixer imports SciPy (seconds), which
    must not delay the first picture. ``prepare()`` can warm it up on a worker thread."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._source: AudioSource | None = None
        self._lock = threading.Lock()
        self.kind = ""

    def prepare(self) -> AudioSource:
        with self._lock:
            if self._source is None:
                session = self._session
                bundle = session.bundle
                if bundle is None:
                    raise RuntimeError("no project is open")
                try:
                    from app.media.mixer import Mixer

                    self._source, self.kind = MixerAudioSource(Mixer(session.series, bundle)), "mixer"
                except ImportError:
                    root = bundle.root
                    self._source = SoundSource(session.series, root, session.document.find)
                    self.kind = "direct"
            return self._source

    def render(self, episode: Episode, start_sample: int, count: int) -> np.ndarray:
        return self.prepare().render(episode, start_sample, count)


def make_sources(session: Session) -> tuple[FrameSource, LazyAudioSource, str]:
    """The engine's compositor (else the direct picture source), a lazy sound source, and a label."""
    from app.media.decode import FrameFetcher

    bundle = session.bundle
    if bundle is None:
        raise RuntimeError("make_sources needs an open project")
    root = bundle.root
    series = session.series
    try:
        fetcher = session.services.media.fetcher
    except Exception:
        fetcher = FrameFetcher(root)
    audio = LazyAudioSource(session)
    try:
        from app.media.compositor import Compositor

        return CompositorFrameSource(Compositor(series, bundle, fetcher)), audio, "compositor"
    except ImportError:
        return PictureSource(series, root, fetcher), audio, "direct"


def has_picture(episode: Episode) -> bool:
    return any(t.kind is TrackKind.PICTURE and t.clips for t in episode.timeline.tracks)
