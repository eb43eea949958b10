"""Fingerprints of our exported episodes, kept in the bundle's ``fingerprints/`` folder.

Not under ``cache/``: a fingerprint is evidence of what we published, and the
export it came from may be long gone from the disk when a copy turns up.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.bundle import ProjectBundle, now_iso
from app.fingerprint.audio import EMPTY, AudioPrint, decode_mono, peaks_of
from app.fingerprint.phash import OLD_REFERENCE_CROPS, REFERENCE_CROPS, is_informative, reference_hashes
from app.fingerprint.sampler import SAMPLE_FPS, sample_gray_frames
from app.fsutil import atomic_write_bytes, sha256_file
from app.model import Episode

FOLDER = "fingerprints"


@dataclass
class Fingerprint:
    episode_id: str
    episode_number: int
    title: str
    source_file: str  # the export's absolute path when it was fingerprinted (it may be gone since)
    source_sha256: str
    created_at: str
    times: np.ndarray  # (n,) float64 seconds of each sample
    hashes: np.ndarray  # (n, len(REFERENCE_CROPS)) uint64: centre crops
    informative: np.ndarray  # (n,) bool
    audio: AudioPrint = EMPTY  # spectral peaks of the soundtrack (empty: no sound, or an older fingerprint)

    @property
    def duration(self) -> float:
        return float(self.times[-1]) + 1.0 / SAMPLE_FPS if len(self.times) else 0.0


def fingerprint_video(path: Path, cancelled: Callable[[], bool] | None = None,
                      progress: Callable[[float], None] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    times, hashes, informative = [], [], []
    for t, gray in sample_gray_frames(path, cancelled=cancelled):
        times.append(t)
        hashes.append(reference_hashes(gray))
        informative.append(is_informative(gray))
        if progress and len(times) % 25 == 0:
            progress(t)
    return (np.array(times, dtype=np.float64), np.array(hashes, dtype=np.uint64).reshape(-1, len(REFERENCE_CROPS)),
            np.array(informative, dtype=bool))


def record_export(bundle: ProjectBundle, episode: Episode, video: Path, title: str = "",
                  cancelled: Callable[[], bool] | None = None) -> Fingerprint:
    """Fingerprint a finished export of ``episode`` and store it (one file per episode, replaced)."""
    times, hashes, informative = fingerprint_video(video, cancelled)
    fp = Fingerprint(episode.id, episode.number, title or episode.title, str(Path(video).absolute()), sha256_file(video),
                     now_iso(), times, hashes, informative, peaks_of(decode_mono(video)))
    save(bundle, fp)
    return fp


def save(bundle: ProjectBundle, fp: Fingerprint) -> Path:
    meta = {"episode_id": fp.episode_id, "episode_number": fp.episode_number, "title": fp.title,
            "source_file": fp.source_file, "source_sha256": fp.source_sha256, "created_at": fp.created_at,
            "sample_fps": SAMPLE_FPS, "crops": list(REFERENCE_CROPS), "version": 3,
            "audio_duration": fp.audio.duration}
    buffer = io.BytesIO()
    np.savez_compressed(buffer, times=fp.times, hashes=fp.hashes, informative=fp.informative,
                        audio_t=fp.audio.peaks_t, audio_f=fp.audio.peaks_f,
                        meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8))
    path = bundle.folder(FOLDER) / f"episode-{fp.episode_id}.npz"
    atomic_write_bytes(path, buffer.getvalue())
    return path


def load_all(bundle: ProjectBundle) -> list[Fingerprint]:
    folder = bundle.root / FOLDER
    prints = []
    for path in sorted(folder.glob("episode-*.npz")) if folder.is_dir() else []:
        try:
            with np.load(path) as data:
                meta = json.loads(bytes(data["meta"]).decode("utf-8"))
                hashes = data["hashes"]
                if meta.get("crops") == list(OLD_REFERENCE_CROPS):  # before the middle band: reuse the 70 % crop
                    hashes = np.concatenate([hashes, hashes[:, -1:]], axis=1)
                elif meta.get("crops") != list(REFERENCE_CROPS):
                    continue  # made by an unknown version: re-fingerprint on the next export
                sound = (AudioPrint(data["audio_t"], data["audio_f"], float(meta.get("audio_duration", 0.0)))
                         if "audio_t" in data.files else EMPTY)
                prints.append(Fingerprint(meta["episode_id"], meta["episode_number"], meta.get("title", ""),
                                          meta["source_file"], meta["source_sha256"], meta["created_at"],
                                          data["times"], hashes, data["informative"], sound))
        except (OSError, ValueError, KeyError):
            continue  # a damaged fingerprint is skipped; the next export rewrites it
    return prints


class FingerprintBuilder:
    """Fingerprints an export from its composed frames as they are encoded (no second decode).

    The exporter calls ``add`` for every output frame; only the frames at the
    sampling times are reduced to a small grey picture and hashed, so this costs
    a few milliseconds per second of video.
    """

    def __init__(self, fps: float, sample_fps: float = SAMPLE_FPS) -> None:
        self.fps = float(fps)
        self.step = 1.0 / sample_fps
        self.next_time = 0.0
        self.times: list[float] = []
        self.hashes: list[np.ndarray] = []
        self.informative: list[bool] = []

    def add(self, index: int, rgb: np.ndarray) -> None:
        t = index / self.fps
        if t + 1e-6 < self.next_time:
            return
        import cv2

        from app.fingerprint.sampler import GRAY_WIDTH

        height = max(16, int(round(GRAY_WIDTH * rgb.shape[0] / rgb.shape[1] / 2)) * 2)
        small = cv2.resize(rgb, (GRAY_WIDTH, height), interpolation=cv2.INTER_AREA)
        gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
        self.times.append(t)
        self.hashes.append(reference_hashes(gray))
        self.informative.append(is_informative(gray))
        while self.next_time <= t + 1e-6:
            self.next_time += self.step

    def save(self, bundle: ProjectBundle, episode: Episode, video: Path, title: str = "") -> Fingerprint:
        fp = Fingerprint(episode.id, episode.number, title or episode.title, str(Path(video).absolute()),
                         sha256_file(video), now_iso(), np.array(self.times, dtype=np.float64),
                         np.array(self.hashes, dtype=np.uint64).reshape(-1, len(REFERENCE_CROPS)),
                         np.array(self.informative, dtype=bool), peaks_of(decode_mono(video)))
        save(bundle, fp)
        return fp
