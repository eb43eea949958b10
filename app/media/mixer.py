"""The audio mix of an episode: dialogue, music and effects at 48 kHz stereo.

Timeline frame ``f`` starts at sample ``f * rate / fps`` (1600 at 30 fps), and a
clip may be shifted by ``audio_offset_samples`` (latency-compensated takes); its
source sample for timeline sample ``s`` is ``source_in * spf + (s - clip_start)``,
the same arithmetic the compositor uses for pictures, so picture and sound stay
in sync to the sample.

Per clip: gain and linear fades (in frames). Per track: gain, mute, solo (among
audio tracks). Music tracks are ducked under dialogue by a sidechain envelope
(10 ms RMS blocks, threshold, attack/release, a short look-ahead so the music
dips just before a line starts). ``render`` works on any window for streaming
preview; the envelope is computed with a pre-roll on a block grid anchored at
sample 0, so chunked and whole renders agree. ``render_export`` renders the whole
episode and normalises it (``app.media.loudness``).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.bundle import BundleError, ProjectBundle
from app.media import loudness
from app.media.compositor import media_path, visible_tracks
from app.model import Clip, Episode, MediaKind, Series, Track, TrackKind

log = logging.getLogger(__name__)

AUDIO_KINDS = (TrackKind.DIALOGUE, TrackKind.MUSIC, TrackKind.EFFECTS)
Loader = Callable[[Path], np.ndarray]


@dataclass(frozen=True)
class DuckSettings:
    """Music ducking under dialogue."""

    enabled: bool = True
    amount_db: float = -12.0
    threshold_db: float = -45.0
    attack_ms: float = 80.0
    release_ms: float = 450.0
    lookahead_ms: float = 60.0
    block: int = 480  # 10 ms at 48 kHz


def _default_loader(path: Path) -> np.ndarray:
    from app.media.audio_io import load_audio

    return load_audio(path, rate=48000, channels=2)


class Mixer:
    """Mixes an episode's audio tracks. Thread-safe; decoded sources are cached (bounded by bytes)."""

    def __init__(self, series: Series, bundle: ProjectBundle, *, loader: Loader | None = None,
                 duck: DuckSettings | None = None, cache_bytes: int = 512 << 20) -> None:
        self.series = series
        self.bundle = bundle
        self.duck = duck or DuckSettings()
        self._loader = loader or _default_loader
        self._cache: OrderedDict[Path, np.ndarray] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._lock = threading.Lock()

    @property
    def rate(self) -> int:
        return self.series.settings.sample_rate

    @property
    def samples_per_frame(self) -> int:
        return self.rate // self.series.settings.fps

    def episode_samples(self, episode: Episode) -> int:
        return episode.timeline.duration * self.samples_per_frame

    # ------------------------------------------------------------------ sources
    def clip_path(self, episode: Episode, clip: Clip) -> Path | None:
        """The file a clip plays: its media asset, or the take it links to."""
        if clip.asset_id is not None:
            asset = self.series.media.get(clip.asset_id)
            if asset is None or asset.kind is MediaKind.IMAGE:
                return None
            return media_path(self.bundle, asset)
        if clip.take_id:
            for _, line in episode.dialogue_lines():
                for take in line.takes:
                    if take.id == clip.take_id and take.path:
                        try:
                            path = self.bundle.resolve(take.path)
                        except BundleError:
                            return None
                        return path if path.is_file() else None
        return None

    def _audio(self, path: Path) -> np.ndarray:
        with self._lock:
            hit = self._cache.get(path)
            if hit is not None:
                self._cache.move_to_end(path)
                return hit
        data = np.ascontiguousarray(self._loader(path), dtype=np.float32)
        if data.ndim == 1:
            data = np.repeat(data[:, None], 2, axis=1)
        elif data.shape[1] == 1:
            data = np.repeat(data, 2, axis=1)
        data.setflags(write=False)
        with self._lock:
            self._cache[path] = data
            while sum(a.nbytes for a in self._cache.values()) > self._cache_bytes and len(self._cache) > 1:
                self._cache.popitem(last=False)
        return data

    # ------------------------------------------------------------------- render
    def render(self, episode: Episode, start_sample: int, count: int) -> np.ndarray:
        """(count, 2) float32 mix of timeline samples [start, start + count), unnormalised."""
        count = max(0, int(count))
        out = np.zeros((count, 2), np.float32)
        if count == 0:
            return out
        tracks = visible_tracks(episode, AUDIO_KINDS)
        music = [t for t in tracks if t.kind is TrackKind.MUSIC]
        others = [t for t in tracks if t.kind is not TrackKind.MUSIC]
        for track in others:
            self._add_track(out, episode, track, start_sample)
        if music:
            bed = np.zeros((count, 2), np.float32)
            for track in music:
                self._add_track(bed, episode, track, start_sample)
            if self.duck.enabled and any(t.kind is TrackKind.DIALOGUE for t in tracks) and bed.any():
                bed *= self.duck_gain(episode, start_sample, count)[:, None]
            out += bed
        return out

    def render_export(self, episode: Episode, target_lufs: float | None = None,
                      ceiling_dbtp: float | None = None) -> tuple[np.ndarray, loudness.LoudnessReport]:
        """The whole episode (exactly duration x samples-per-frame samples), loudness-normalised."""
        settings = self.series.settings
        mix = self.render(episode, 0, self.episode_samples(episode))
        return loudness.normalize(
            mix, self.rate,
            settings.loudness_target_lufs if target_lufs is None else target_lufs,
            settings.true_peak_dbtp if ceiling_dbtp is None else ceiling_dbtp,
        )

    def _add_track(self, out: np.ndarray, episode: Episode, track: Track, start: int) -> None:
        spf = self.samples_per_frame
        count = out.shape[0]
        end = start + count
        track_gain = np.float32(loudness.db_to_gain(track.gain_db))
        for clip in track.clips:
            if not clip.enabled:
                continue
            c0 = clip.start * spf + clip.audio_offset_samples
            c1 = c0 + clip.duration * spf
            a, b = max(start, c0), min(end, c1)
            if b <= a:
                continue
            path = self.clip_path(episode, clip)
            if path is None:
                continue  # missing media is silent here; export refuses it beforehand
            try:
                data = self._audio(path)
            except Exception as exc:  # a broken file must not stop playback of the rest
                log.warning("cannot decode audio of %s: %s", path, exc)
                continue
            s0 = clip.source_in * spf + (a - c0)
            s1 = s0 + (b - a)
            lo, hi = max(0, s0), min(data.shape[0], s1)
            if hi <= lo:
                continue
            seg = data[lo:hi]
            pos = a - start + (lo - s0)
            gain = self._clip_envelope(clip, spf, a + (lo - s0) - c0, hi - lo) * track_gain
            out[pos:pos + (hi - lo)] += seg * gain[:, None]

    @staticmethod
    def _clip_envelope(clip: Clip, spf: int, offset: int, n: int) -> np.ndarray:
        """Clip gain times fade-in/out ramps for clip-relative samples [offset, offset + n)."""
        g = np.full(n, loudness.db_to_gain(clip.gain_db), np.float32)
        idx = np.arange(offset, offset + n, dtype=np.float32) + 0.5
        total = clip.duration * spf
        if clip.fade_in > 0:
            g *= np.clip(idx / (clip.fade_in * spf), 0.0, 1.0)
        if clip.fade_out > 0:
            g *= np.clip((total - idx) / (clip.fade_out * spf), 0.0, 1.0)
        return g

    # ------------------------------------------------------------------ ducking
    def duck_gain(self, episode: Episode, start: int, count: int) -> np.ndarray:
        """Per-sample music gain for [start, start + count) from the dialogue sidechain."""
        d = self.duck
        block = d.block
        preroll = int(self.rate * max(2.0, 5 * d.release_ms / 1000) / block) * block
        look = max(1, int(self.rate * d.lookahead_ms / 1000 / block))
        b0 = max(0, (start - preroll) // block)
        b1 = -(-(start + count) // block) + look + 1
        side = np.zeros(((b1 - b0) * block, 2), np.float32)
        for track in visible_tracks(episode, AUDIO_KINDS):
            if track.kind is TrackKind.DIALOGUE:
                self._add_track(side, episode, track, b0 * block)
        rms = np.sqrt(np.mean(side.reshape(-1, block, 2) ** 2, axis=(1, 2)) + 1e-20)
        active = 20 * np.log10(rms) > d.threshold_db
        # look-ahead: a block is "speech" if speech starts within the next `look` blocks
        ahead = active.copy()
        for k in range(1, look + 1):
            ahead[:-k] |= active[k:]
        target = np.where(ahead, loudness.db_to_gain(d.amount_db), 1.0)
        block_s = block / self.rate
        att = 1.0 - np.exp(-block_s / (d.attack_ms / 1000))
        rel = 1.0 - np.exp(-block_s / (d.release_ms / 1000))
        env = np.empty(len(target), np.float64)
        g = 1.0
        for i, tgt in enumerate(target):
            g += (tgt - g) * (att if tgt < g else rel)
            env[i] = g
        centres = (np.arange(b0, b1) + 0.5) * block
        samples = np.arange(start, start + count) + 0.5
        shaped: np.ndarray = np.interp(samples, centres, env).astype(np.float32)
        return shaped
