"""Preview proxies: all-intra, preview-size copies of long-GOP clips.

AI providers deliver H.264 with one keyframe every few seconds, so an exact
random frame costs decoding up to a whole GOP at full size. A proxy is the same
frames, rotated upright and shrunk to fit 540x960 (or 960x540), every frame a
keyframe (H.264, GOP 1), so any frame is one small decode. Proxies hold the
same frames in the same order as their source; ``FrameFetcher`` uses frame i
of the proxy for frame i of the source, and only when the caller asked for a
preview. They live in ``cache/proxies`` and are written atomically (a ``.part``
file renamed at the end), so the folder can be deleted at any time.
"""

from __future__ import annotations

import os
import threading
from fractions import Fraction
from pathlib import Path

import av
from av.container import OutputContainer
from PySide6.QtCore import QCoreApplication

from app.media.background import CancelToken, Progress
from app.media.decode import display_rotation, to_rgb
from app.media.errors import MediaError

PROXY_BOX = (540, 960)
_TB = Fraction(1, 30)  # proxies are indexed by frame number; their timestamps are just 0, 1, 2...  # W, H for portrait sources; swapped for landscape ones


def proxy_size(width: int, height: int) -> tuple[int, int]:
    """Displayed size of the proxy of a ``width`` x ``height`` (displayed) source: even, aspect kept."""
    box_w, box_h = PROXY_BOX if height >= width else PROXY_BOX[::-1]
    scale = min(1.0, box_w / width, box_h / height)
    w = max(2, int(round(width * scale / 2)) * 2)
    h = max(2, int(round(height * scale / 2)) * 2)
    return w, h


def make_proxy(source: Path, dest: Path, token: CancelToken | None = None,
               progress: Progress | None = None, threads: int = 1) -> Path:
    """Write the proxy of ``source`` to ``dest``; cancellable between frames."""
    source, dest = Path(source), Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    # unique per call: two workers proxying the same source (two panels asking at once) must not
    # share a .part file, or the second rename finds it gone
    part = dest.with_name(dest.stem + f".{os.getpid()}.{threading.get_ident()}.part.mp4")
    try:
        with av.open(str(source), metadata_errors="ignore") as inp:
            vin = next((s for s in inp.streams.video
                        if not s.disposition & av.stream.Disposition.attached_pic), None)
            if vin is None:
                raise MediaError(QCoreApplication.translate("MediaProxy", "{name} has no video to make a proxy of.").format(name=source.name))
            vin.thread_type = "AUTO"
            vin.codec_context.thread_count = threads
            total = vin.frames or 0
            with av.open(str(part), "w", format="mp4") as out:
                vout = None
                size = None
                for n, frame in enumerate(inp.decode(vin)):
                    if token is not None:
                        token.check()
                    if vout is None or size is None:
                        rot = display_rotation(frame)
                        w, h = (frame.height, frame.width) if rot in (90, 270) else (frame.width, frame.height)
                        size = proxy_size(w, h)
                        vout = _open_encoder(out, size, threads)
                    if display_rotation(frame):
                        pic = av.VideoFrame.from_ndarray(to_rgb(frame, size), format="rgb24")
                        pic = pic.reformat(format="yuv420p")
                    else:
                        pic = frame.reformat(width=size[0], height=size[1], format="yuv420p")
                    pic.pts = n
                    pic.time_base = _TB
                    for packet in vout.encode(pic):
                        out.mux(packet)
                    if progress is not None and total:
                        progress(min(1.0, (n + 1) / total))
                if vout is None:
                    raise MediaError(QCoreApplication.translate("MediaProxy", "{name}: no frame could be decoded for its proxy.").format(name=source.name))
                for packet in vout.encode():
                    out.mux(packet)
        os.replace(part, dest)
    except av.error.FFmpegError as exc:
        raise MediaError(QCoreApplication.translate("MediaProxy", "Making a preview proxy of {name} failed ({exc}).").format(name=source.name, exc=exc)) from exc
    finally:
        part.unlink(missing_ok=True)
    return dest


def _open_encoder(out: OutputContainer, size: tuple[int, int], threads: int) -> av.VideoStream:
    stream = out.add_stream("libx264", rate=30, options={
        "preset": "veryfast", "tune": "fastdecode", "crf": "16", "x264-params": "keyint=1:min-keyint=1:scenecut=0"})
    stream.width, stream.height = size
    stream.pix_fmt = "yuv420p"
    stream.time_base = _TB
    stream.codec_context.gop_size = 1
    stream.codec_context.max_b_frames = 0
    stream.codec_context.thread_count = threads
    return stream
