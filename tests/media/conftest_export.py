"""Media for the export-side tests (compositor, mixer, export, sync), made once per session.

Everything is generated with PyAV/NumPy/OpenCV so the tests need no fixture files:
a 360x640 clip with a white flash and a 1 kHz beep on the same frames (and the
frame index drawn as big binary blocks so tests can read which source frame
they see), stills, a music bed and a voice-like file.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from app.bundle import ProjectBundle
from app.model import Clip, Episode, MediaAsset, Series, TrackKind

W, H, FPS, RATE = 360, 640, 30, 48000
SPF = RATE // FPS
FLASH_FRAMES = (45, 100)
CLIP_FRAMES = 120
BITS = 7


def index_blocks(frame: np.ndarray, index: int) -> None:
    """Draw ``index`` as BITS big black/white squares along the top of the frame."""
    size = frame.shape[1] // (BITS + 1)
    for b in range(BITS):
        value = 255 if (index >> b) & 1 else 0
        x = size // 2 + b * size
        frame[size // 2: size // 2 + size - 8, x + 4: x + size - 4] = value


def read_index(frame: np.ndarray, width: int | None = None) -> int:
    """Inverse of ``index_blocks`` on a (possibly lossy, possibly scaled) frame."""
    w = frame.shape[1]
    size = w / (BITS + 1)
    value = 0
    for b in range(BITS):
        cx, cy = int(size // 2 + b * size + size / 2), int(size // 2 + (size - 8) / 2)
        if frame[cy, cx].mean() > 128:
            value |= 1 << b
    return value


def source_frame(i: int) -> np.ndarray:
    if i in FLASH_FRAMES:
        return np.full((H, W, 3), 255, np.uint8)
    y, x = np.mgrid[0:H, 0:W]
    img = np.empty((H, W, 3), np.uint8)
    img[..., 0] = (40 + 60 * x / W).astype(np.uint8)
    img[..., 1] = (50 + 80 * y / H).astype(np.uint8)
    img[..., 2] = 90
    cx = int(60 + (W - 120) * (i / CLIP_FRAMES))
    cv2.circle(img, (cx, H // 2), 50, (200, 120, 40), -1)
    index_blocks(img, i)
    return img


def beep_track(n_frames: int) -> np.ndarray:
    audio = np.zeros((n_frames * SPF, 2), np.float32)
    t = np.arange(SPF) / RATE
    tone = (0.5 * np.sin(2 * np.pi * 1000 * t)).astype(np.float32)
    for f in FLASH_FRAMES:
        audio[f * SPF:(f + 1) * SPF] = tone[:, None]
    return audio


def write_video(path: Path, frames, audio: np.ndarray | None, fps: int = FPS, gop: int = 30) -> None:
    container = av.open(str(path), "w")
    vs = container.add_stream("libx264", rate=fps, options={"crf": "16", "preset": "veryfast", "g": str(gop)})
    first = None
    frames = iter(frames)
    first = next(frames)
    vs.height, vs.width = first.shape[:2]
    vs.pix_fmt = "yuv420p"
    vs.time_base = Fraction(1, fps)
    astream = None
    if audio is not None:
        astream = container.add_stream("aac", rate=RATE, layout="stereo")
        astream.bit_rate = 192000
        astream.time_base = Fraction(1, RATE)

    def put(img: np.ndarray, k: int) -> None:
        vf = av.VideoFrame.from_ndarray(img, format="rgb24")
        vf.pts = k
        for p in vs.encode(vf):
            container.mux(p)

    put(first, 0)
    for k, img in enumerate(frames, 1):
        put(img, k)
    for p in vs.encode(None):
        container.mux(p)
    if astream is not None:
        planar = np.ascontiguousarray(audio.T)
        for pos in range(0, planar.shape[1], 1024):
            af = av.AudioFrame.from_ndarray(np.ascontiguousarray(planar[:, pos:pos + 1024]), format="fltp",
                                            layout="stereo")
            af.sample_rate = RATE
            af.pts = pos
            for p in astream.encode(af):
                container.mux(p)
        for p in astream.encode(None):
            container.mux(p)
    container.close()


def write_wav(path: Path, audio: np.ndarray) -> None:
    import soundfile

    soundfile.write(str(path), audio, RATE, subtype="FLOAT")


def music_bed(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6)) / 3
    wobble = 0.8 + 0.2 * np.sin(2 * np.pi * 0.5 * t)
    mono = (0.2 * chord * wobble).astype(np.float32)
    return np.stack([mono, mono], axis=1)


def voice_like(seconds: float, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    syll = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t) ** 2
    carrier = np.sin(2 * np.pi * 180 * t) + 0.5 * np.sin(2 * np.pi * 360 * t) + 0.1 * rng.standard_normal(len(t))
    mono = (0.25 * syll * carrier).astype(np.float32)
    return np.stack([mono, mono], axis=1)


@dataclass
class MediaSet:
    folder: Path
    flash_clip: Path
    landscape_clip: Path
    pattern_still: Path
    red_still: Path
    blue_still: Path
    music: Path
    voice: Path


@pytest.fixture(scope="session")
def export_media(tmp_path_factory) -> MediaSet:
    # Shared by every test module that imports this fixture: made once, reused by path.
    folder = tmp_path_factory.getbasetemp() / "export-media"
    done = folder / ".complete"
    if not done.exists():
        folder.mkdir(exist_ok=True)
        _make_media(folder)
        done.touch()
    return MediaSet(folder, folder / "flash_beep.mp4", folder / "landscape.mp4", folder / "pattern.png",
                    folder / "red.png", folder / "blue.png", folder / "music.wav", folder / "voice.wav")


def _make_media(folder: Path) -> None:
    flash = folder / "flash_beep.mp4"
    write_video(flash, (source_frame(i) for i in range(CLIP_FRAMES)), beep_track(CLIP_FRAMES))
    land = folder / "landscape.mp4"
    write_video(land, (np.full((180, 320, 3), (30, 160, 60), np.uint8) for _ in range(30)), None)
    pattern = np.zeros((1200, 1600, 3), np.uint8)
    pattern[..., 0] = np.linspace(0, 255, 1600, dtype=np.uint8)[None, :]
    pattern[..., 1] = np.linspace(0, 255, 1200, dtype=np.uint8)[:, None]
    still = folder / "pattern.png"
    cv2.imwrite(str(still), cv2.cvtColor(pattern, cv2.COLOR_RGB2BGR))
    red, blue = folder / "red.png", folder / "blue.png"
    cv2.imwrite(str(red), np.full((320, 180, 3), (0, 0, 255), np.uint8))
    cv2.imwrite(str(blue), np.full((320, 180, 3), (255, 0, 0), np.uint8))
    music, voice = folder / "music.wav", folder / "voice.wav"
    write_wav(music, music_bed(12.0))
    write_wav(voice, voice_like(1.5))


class Project:
    """A real bundle with an empty episode; ``add`` imports media and places clips."""

    def __init__(self, root: Path) -> None:
        self.series = Series(title="Test")
        self.episode = Episode(number=1, title="Pilot")
        self.series.episodes.append(self.episode)
        self.bundle = ProjectBundle.create(root, self.series)

    def asset(self, path: Path) -> MediaAsset:
        asset = self.bundle.import_file(path)
        try:
            from app.media.probe import probe_file

            asset.probe = probe_file(self.bundle.resolve(asset.path))
        except ImportError:
            pass
        self.series.media[asset.id] = asset
        return asset

    def track(self, kind: TrackKind):
        return self.episode.timeline.first_track(kind)

    def add(self, kind: TrackKind, path: Path | None = None, **fields) -> Clip:
        clip = Clip(asset_id=self.asset(path).id if path is not None else None, **fields)
        self.track(kind).clips.append(clip)
        return clip


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "Export.mdrama")
