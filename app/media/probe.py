"""Probe a media file: what it is and its streams, judged by content, never by extension.

``probe_file(path) -> dict`` is the contract cached in ``MediaAsset.probe``::

    {"kind": "video"|"image"|"audio", "width", "height", "fps", "frames", "duration",
     "rotation", "vfr", "video_codec", "has_audio", "audio_rate", "audio_channels",
     "audio_codec"}

plus informative extras ("container", "coded_width", "coded_height", "start_time",
"image_format", "orientation"). ``width``/``height`` are as displayed, i.e. after
rotation, which is what ``FrameFetcher.frame_at`` returns. ``rotation`` is the
clockwise angle (0/90/180/270) applied for display (ffprobe reports it negated,
as the counter-clockwise display-matrix angle). Bad input raises ``MediaError``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
from av.container import InputContainer
from PySide6.QtCore import QCoreApplication

from app.media.errors import MediaError
from app.media.image_header import ImageHeader, sniff_image
from app.media.index import build_index

# 100 megapixels (e.g. 10000x10000) decode to 300 MB of RGB; larger stills are refused
MAX_IMAGE_PIXELS = 100_000_000
# 8K (8192x4320) and a margin; beyond this one decoded frame is several hundred MB
MAX_VIDEO_PIXELS = 8192 * 8192


def empty_probe() -> dict[str, Any]:
    return {"kind": "", "width": 0, "height": 0, "fps": 0.0, "frames": 0, "duration": 0.0,
            "rotation": 0, "vfr": False, "video_codec": "", "has_audio": False, "audio_rate": 0,
            "audio_channels": 0, "audio_codec": ""}


def probe_file(path: Path) -> dict[str, Any]:
    """Probe ``path``; raises MediaError with a message a user can act on."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name}: the file is missing ({path}). Relink or re-import it.").format(name=name, path=path))
    if not path.is_file():
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name} is not a file.").format(name=name))
    if path.stat().st_size == 0:
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name} is empty (0 bytes). The download or export that made it probably failed; fetch or render it again.").format(name=name))
    try:
        header = sniff_image(path)
    except ValueError as exc:
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name} looks like an image but its header is damaged ({exc}). Re-export or download it again.").format(name=name, exc=exc)) from exc
    except OSError as exc:
        raise MediaError(QCoreApplication.translate("MediaProbe", "Cannot read {name}: {value}.").format(name=name, value=exc.strerror or exc)) from exc
    if header is not None:
        return _probe_image(name, header)
    return _probe_av(path)


def _probe_image(name: str, header: ImageHeader) -> dict[str, Any]:
    w, h = header.width, header.height
    if w <= 0 or h <= 0:
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name}: the image header gives no size ({w}x{h}); the file is damaged.").format(name=name, w=w, h=h))
    if w * h > MAX_IMAGE_PIXELS:
        raise MediaError(
            QCoreApplication.translate("MediaProbe", "{name} is {w}x{h} pixels ({value:.0f} megapixels), larger than the {value2} megapixels a still may have. Scale it down (a vertical episode needs at most 2160x3840) and import it again.").format(name=name, w=w, h=h, value=w * h / 1000000.0, value2=MAX_IMAGE_PIXELS // 1000000))
    if header.orientation in (5, 6, 7, 8):  # EXIF orientations that swap the axes
        w, h = h, w
    probe = empty_probe()
    probe.update(kind="image", width=w, height=h, frames=1, image_format=header.format,
                 orientation=header.orientation, container=header.format)
    return probe


def _open(path: Path) -> InputContainer:
    try:
        return av.open(str(path), mode="r", metadata_errors="ignore")
    except av.error.FFmpegError as exc:
        raise MediaError(
            QCoreApplication.translate("MediaProbe", "{name} is not a video, image or audio file that can be read, or it is damaged or incomplete ({reason}). Re-export or download it again.").format(name=path.name, reason=_reason(exc))) from exc


def _reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return text.split(": '")[0].strip() or type(exc).__name__


def _pick_streams(container: InputContainer) -> tuple[av.VideoStream | None, av.AudioStream | None]:
    video = next((s for s in container.streams.video
                  if not s.disposition & av.stream.Disposition.attached_pic), None)
    audio = container.streams.audio[0] if container.streams.audio else None
    return video, audio


def _probe_av(path: Path) -> dict[str, Any]:
    name = path.name
    probe = empty_probe()
    with _open(path) as container:
        probe["container"] = container.format.name
        video, audio = _pick_streams(container)
        if video is None and audio is None:
            raise MediaError(QCoreApplication.translate("MediaProbe", "{name} contains no video or audio stream; it cannot be used in an episode.").format(name=name))
        if video is not None:
            _probe_video(path, container, video, probe)
        if audio is not None:
            _probe_audio(path, container, audio, probe, audio_only=video is None)
    return probe


def _probe_video(path: Path, container: InputContainer, video: av.VideoStream, probe: dict[str, Any]) -> None:
    name = path.name
    cc = video.codec_context
    if cc.width * cc.height > MAX_VIDEO_PIXELS:
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name} is {width}x{height}, too large to edit; transcode it to at most 4K.").format(name=name, width=cc.width, height=cc.height))
    rotation = _first_frame_rotation(path, container, video)
    container.seek(0)
    try:
        index = build_index(container, video)
    except av.error.FFmpegError as exc:
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name} is damaged: reading its video failed ({reason}). Re-export or download it again.").format(name=name, reason=_reason(exc))) from exc
    if index.frames == 0:
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name} has a video stream without any frames; the file is incomplete.").format(name=name))
    if index.header_frames and index.frames < index.header_frames * 0.98 - 1:
        raise MediaError(
            QCoreApplication.translate("MediaProbe", "{name} is truncated: its header lists {header_frames} frames but only {frames} are in the file. The download or export was cut short; fetch it again.").format(name=name, header_frames=index.header_frames, frames=index.frames))
    vfr = index.is_vfr()
    if vfr or index.frames < 2:
        fps = index.frames / index.duration if index.duration > 0 else float(video.guessed_rate or 0)
    else:
        nominal = float(video.guessed_rate or 0) or float(video.average_rate or 0)
        measured = 1.0 / float(index.median_delta() * index.time_base)
        fps = nominal if nominal and abs(nominal - measured) / measured < 0.01 else measured
    w, h = cc.width, cc.height
    if rotation in (90, 270):
        w, h = h, w
    probe.update(kind="video", width=w, height=h, coded_width=cc.width, coded_height=cc.height,
                 fps=round(fps, 6), frames=index.frames, duration=round(index.duration, 6),
                 rotation=rotation, vfr=vfr, video_codec=cc.name,
                 start_time=float(index.first_pts * index.time_base))


def _first_frame_rotation(path: Path, container: InputContainer, video: av.VideoStream) -> int:
    """Clockwise display rotation, from the first decoded frame's display matrix or the rotate tag.

    Decoding the first frame also proves the stream is decodable at all.
    """
    try:
        for frame in container.decode(video):
            ccw = int(round(frame.rotation or 0))
            break
        else:
            raise MediaError(QCoreApplication.translate("MediaProbe", "{name}: no video frame could be decoded; the file is damaged.").format(name=path.name))
    except av.error.FFmpegError as exc:
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name}: its video cannot be decoded ({reason}). Re-export it as H.264 MP4 and import it again.").format(name=path.name, reason=_reason(exc))) from exc
    if not ccw:
        tag = video.metadata.get("rotate", "0")
        try:
            return (int(float(tag)) // 90 * 90) % 360
        except ValueError:
            return 0
    return (round(-ccw / 90) * 90) % 360


def _probe_audio(path: Path, container: InputContainer, audio: av.AudioStream, probe: dict[str, Any], *,
                 audio_only: bool) -> None:
    cc = audio.codec_context
    container.seek(0)
    first = last_end = None
    packets = 0
    try:
        for packet in container.demux(audio):
            if packet.size == 0 or packet.pts is None:
                continue
            packets += 1
            first = packet.pts if first is None else min(first, packet.pts)
            end = packet.pts + (packet.duration or 0)
            last_end = end if last_end is None else max(last_end, end)
    except av.error.FFmpegError as exc:
        if audio_only:
            raise MediaError(QCoreApplication.translate("MediaProbe", "{name} is damaged: reading its audio failed ({reason}).").format(name=path.name, reason=_reason(exc))) from exc
    duration = (float((last_end - first) * audio.time_base)
                if last_end is not None and first is not None and audio.time_base else 0.0)
    if packets and duration <= 0 and container.duration:
        duration = container.duration / av.time_base
    if audio_only and (packets == 0 or duration <= 0):
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name} contains no audio (zero length). Record or export it again.").format(name=path.name))
    if audio_only and not cc.sample_rate:
        raise MediaError(QCoreApplication.translate("MediaProbe", "{name}: the audio stream has no sample rate; the file is damaged.").format(name=path.name))
    probe.update(has_audio=packets > 0, audio_rate=int(cc.sample_rate or 0),
                 audio_channels=int(cc.channels or 0), audio_codec=cc.name)
    if audio_only:
        probe.update(kind="audio", duration=round(duration, 6))
