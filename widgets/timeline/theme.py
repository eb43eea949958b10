"""Colours and metrics of the timeline, after Resolve/Premiere's dark editors."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.model import TrackKind

BG = QColor("#17181b")
RULER_BG = QColor("#1f2024")
RULER_TEXT = QColor("#9a9ea8")
RULER_TICK = QColor("#50535b")
HEADER_BG = QColor("#232529")
HEADER_BG_ALT = QColor("#26282d")
HEADER_TEXT = QColor("#d7d9de")
HEADER_DIM = QColor("#7d818b")
TRACK_BG = QColor("#1b1c20")
TRACK_BG_ALT = QColor("#1e1f23")
TRACK_LINE = QColor("#2c2e33")
PLAYHEAD = QColor("#ff4d4d")
SELECT = QColor("#ffd166")
SNAP = QColor("#59d2ff")
RUBBER_FILL = QColor(89, 210, 255, 40)
RUBBER_LINE = QColor(89, 210, 255, 180)
WARN = QColor("#ffb020")
OFFLINE = QColor("#e5484d")
GAP = QColor(229, 72, 77, 50)
IN_OUT = QColor(89, 210, 255, 36)
MARKER = QColor("#f5a623")
TEXT_ON_CLIP = QColor("#f4f5f7")
TEXT_ON_CLIP_DIM = QColor(244, 245, 247, 170)

CLIP_COLORS: dict[TrackKind, QColor] = {
    TrackKind.PICTURE: QColor("#3a6ea5"),
    TrackKind.OVERLAY: QColor("#7a55b8"),
    TrackKind.SUBTITLES: QColor("#4f6b7d"),
    TrackKind.DIALOGUE: QColor("#2e8b67"),
    TrackKind.MUSIC: QColor("#a97a22"),
    TrackKind.EFFECTS: QColor("#a5513f"),
}

BUTTON_ON = {"muted": QColor("#e0b030"), "solo": QColor("#3fbf6f"), "locked": QColor("#e5484d")}

HEADER_W = 176
RULER_H = 32
EDGE_GRAB_PX = 6
MIN_PPF, MAX_PPF = 0.005, 64.0
