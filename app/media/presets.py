"""Export presets per platform: size, frame rate, quality, bit-rate ceiling, loudness.

Every preset is H.264 High + AAC-LC in MP4 with faststart, which all of these
platforms ingest. Quality is CRF with a VBV ceiling (``maxrate``/``bufsize``) so
busy scenes stay under the platform's upload recommendations; loudness targets
follow the platforms' playback normalisation (about -14 LUFS). ``loudness_lufs``
None means "the project's setting".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.i18n_marks import QT_TRANSLATE_NOOP
from app.media.layers import SafeArea


@dataclass(frozen=True)
class ExportPreset:
    name: str
    label: str
    width: int = 1080
    height: int = 1920
    fps: int | None = None  # None: the timeline's rate
    crf: int = 20
    x264_preset: str = "veryfast"
    maxrate_kbps: int = 12000
    audio_kbps: int = 192
    loudness_lufs: float | None = None
    true_peak_dbtp: float | None = None
    safe_area: SafeArea = SafeArea()

    @property
    def display_name(self) -> str:
        """The label in the UI language (platform names are shown the way their users know them)."""
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ExportPresets", self.label)

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height


PRESETS: dict[str, ExportPreset] = {p.name: p for p in (
    ExportPreset("standard", QT_TRANSLATE_NOOP("ExportPresets", "Standard 1080x1920 (H.264 + AAC)")),
    ExportPreset("douyin", QT_TRANSLATE_NOOP("ExportPresets", "Douyin 抖音"), crf=20, maxrate_kbps=10000, loudness_lufs=-14.0,
                 safe_area=SafeArea(top=0.08, bottom=0.22, left=0.06, right=0.15)),
    ExportPreset("kuaishou", QT_TRANSLATE_NOOP("ExportPresets", "Kuaishou 快手"), crf=21, maxrate_kbps=8000, loudness_lufs=-14.0,
                 safe_area=SafeArea(top=0.08, bottom=0.22, left=0.06, right=0.15)),
    ExportPreset("tiktok", QT_TRANSLATE_NOOP("ExportPresets", "TikTok"), crf=21, maxrate_kbps=10000, loudness_lufs=-14.0,
                 safe_area=SafeArea(top=0.08, bottom=0.20, left=0.06, right=0.14)),
    ExportPreset("youtube-shorts", QT_TRANSLATE_NOOP("ExportPresets", "YouTube Shorts"), crf=19, maxrate_kbps=15000, audio_kbps=256,
                 loudness_lufs=-14.0, safe_area=SafeArea(top=0.10, bottom=0.18, left=0.06, right=0.13)),
    ExportPreset("instagram-reels", QT_TRANSLATE_NOOP("ExportPresets", "Instagram Reels"), crf=21, maxrate_kbps=8000, audio_kbps=128,
                 loudness_lufs=-14.0, safe_area=SafeArea(top=0.12, bottom=0.22, left=0.06, right=0.14)),
    ExportPreset("draft", QT_TRANSLATE_NOOP("ExportPresets", "Fast draft 720x1280"), width=720, height=1280, crf=26, x264_preset="ultrafast",
                 maxrate_kbps=4000, audio_kbps=128),
)}
DEFAULT_PRESET = "standard"


def get_preset(name: str | None = None) -> ExportPreset:
    key = (name or DEFAULT_PRESET).strip().lower().replace("_", "-").replace(" ", "-")
    aliases = {"youtube": "youtube-shorts", "shorts": "youtube-shorts", "reels": "instagram-reels",
               "instagram": "instagram-reels", "720p": "draft"}
    key = aliases.get(key, key)
    if key not in PRESETS:
        raise UserError(QCoreApplication.translate("MediaPresets", "Unknown export preset {name!r}; choose one of: {join}.").format(name=name, join=', '.join(PRESETS)))
    return PRESETS[key]


def output_size(preset: ExportPreset, width: int, height: int) -> tuple[int, int]:
    """The preset's size for a series of ``width`` x ``height``: the presets are written for 9:16;
    a 3:4, square or landscape series keeps the preset's short side and its own shape (even sizes)."""
    if width <= 0 or height <= 0 or width * preset.height == height * preset.width:
        return preset.size
    short = min(preset.width, preset.height)
    w: float
    h: float
    if width <= height:
        w, h = short, short * height / width
    else:
        w, h = short * width / height, short
    return int(round(w / 2)) * 2, int(round(h / 2)) * 2
