"""Subtitle files from the episode's subtitle track: SRT, WebVTT and ASS.

Cue times come from integer frames, converted once at the edge. ASS carries the
same style the compositor burns in (CJK font, white text, dark outline, lower
safe area), so a platform that re-renders the ASS shows what the export shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from app.model import Episode, TrackKind

BURN_IN_FONT = "Noto Sans CJK SC"


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


def frame_to_ms(frame: int, fps: int | Fraction) -> int:
    return round(Fraction(frame) * 1000 / Fraction(fps))


def cues_for(episode: Episode, fps: int) -> list[Cue]:
    """Cues from every enabled, unmuted subtitle track, in time order."""
    cues = []
    for track in episode.timeline.tracks_of(TrackKind.SUBTITLES):
        if track.muted:
            continue
        for clip in track.clips_sorted():
            if not clip.enabled or not clip.text.strip():
                continue
            cues.append(Cue(frame_to_ms(clip.start, fps), frame_to_ms(clip.end, fps), clip.text.strip()))
    cues.sort(key=lambda c: (c.start_ms, c.end_ms))
    return cues


def _clock(ms: int, sep: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{sep}{millis:03d}"


def to_srt(cues: list[Cue]) -> str:
    blocks = [f"{i}\n{_clock(c.start_ms, ',')} --> {_clock(c.end_ms, ',')}\n{c.text}\n"
              for i, c in enumerate(cues, 1)]
    return "\n".join(blocks)


def to_webvtt(cues: list[Cue]) -> str:
    blocks = ["WEBVTT\n"]
    blocks += [f"{_clock(c.start_ms, '.')} --> {_clock(c.end_ms, '.')}\n{c.text}\n" for c in cues]
    return "\n".join(blocks)


def _ass_time(ms: int) -> str:
    centis = round(ms / 10)
    hours, rest = divmod(centis, 360_000)
    minutes, rest = divmod(rest, 6000)
    seconds, cs = divmod(rest, 100)
    return f"{hours:d}:{minutes:02d}:{seconds:02d}.{cs:02d}"


def to_ass(cues: list[Cue], width: int, height: int, title: str = "") -> str:
    """ASS with the burn-in look: bold white, black outline, bottom-centre above the platform UI."""
    font_size = round(height * 0.036)
    outline = max(2, round(font_size * 0.08))
    margin_v = round(height * 0.16)  # clear of Douyin/TikTok caption and button zone
    margin_h = round(width * 0.08)
    lines = [
        "[Script Info]",
        f"Title: {title}",
        "ScriptType: v4.00+",
        f"PlayResX: {width}",
        f"PlayResY: {height}",
        "WrapStyle: 0",
        "ScaledBorderAndShadow: yes",
        "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
        "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, "
        "Alignment, MarginL, MarginR, MarginV, Encoding",
        f"Style: Default,{BURN_IN_FONT},{font_size},&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,"
        f"-1,0,0,0,100,100,0,0,1,{outline},1,2,{margin_h},{margin_h},{margin_v},1",
        "",
        "[Events]",
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ]
    for cue in cues:
        text = cue.text.replace("\\", "\\\\").replace("{", "(").replace("}", ")").replace("\n", "\\N")
        lines.append(f"Dialogue: 0,{_ass_time(cue.start_ms)},{_ass_time(cue.end_ms)},Default,,0,0,0,,{text}")
    return "\n".join(lines) + "\n"


FORMATS = {"srt": ".srt", "vtt": ".vtt", "ass": ".ass"}


def render(episode: Episode, fmt: str, fps: int, width: int, height: int, title: str = "") -> str:
    cues = cues_for(episode, fps)
    if fmt == "srt":
        return to_srt(cues)
    if fmt == "vtt":
        return to_webvtt(cues)
    if fmt == "ass":
        return to_ass(cues, width, height, title)
    raise ValueError(f"unknown subtitle format {fmt!r}; choose one of {', '.join(FORMATS)}")
