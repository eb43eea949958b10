"""Episode export to MP4 (H.264 + AAC, yuv420p, faststart), safe against cancel and full disks.

Pipeline: one thread composes frames (decode at output size, compose, convert
to yuv420p) into a small bounded queue; the exporting thread encodes them with
libx264 (its own worker threads) and interleaves the pre-rendered, loudness-
normalised audio. Both cores stay busy and memory stays flat.

Safety: everything is written to a hidden temporary file in the target folder
and renamed over the target only after the muxer closed it cleanly and it was
fsynced. Cancel (checked every frame, and every 0.1 s while waiting) and any
failure — a full disk included — delete the temporary file: the target folder
holds either the complete new file or nothing new.
"""

from __future__ import annotations

import errno
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
from PySide6.QtCore import QCoreApplication

from app.bundle import ProjectBundle
from app.errors import UserError
from app.export_leftovers import clean_abandoned_exports, temp_affixes
from app.fsutil import atomic_write_bytes, fsync_dir, make_temp
from app.interchange.subtitles import cues_for, to_srt
from app.media.ailabel import ai_label_layers, aigc_metadata
from app.media.compositor import Compositor, FrameProvider, MissingMediaError, missing_media
from app.media.export_audio import BackgroundSoundtrack, render_soundtrack
from app.media.framesource import SequentialFrameSource
from app.media.layers import LabelLayer
from app.media.loudness import LoudnessReport
from app.media.mixer import Mixer
from app.media.presets import ExportPreset, get_preset, output_size
from app.media.yuv import rgb_to_yuv420p
from app.model import Episode, Series

log = logging.getLogger(__name__)
ProgressFn = Callable[[float, float | None], None]  # fraction done, ETA seconds (None = unknown yet)
AAC_FRAME = 1024
_QUEUE_DEPTH = 6


class ExportCancelled(Exception):
    """The user stopped the export; nothing was written."""


@dataclass
class ExportOptions:
    preset: ExportPreset = field(default_factory=get_preset)
    labels: list[LabelLayer] | None = None  # None: the AI label from the project settings
    label_at_end: bool = False
    metadata: dict[str, str] | None = None  # None: the AIGC implicit label from the project settings
    write_srt: bool = True
    fingerprint: bool = True  # keep a perceptual fingerprint for the theft check (from composed frames)
    signing: Any = None  # app.provenance.content_credentials.SigningIdentity: sign with a C2PA manifest


@dataclass
class ExportResult:
    path: Path
    srt_path: Path | None
    frames: int
    fps: int
    seconds: float
    elapsed: float
    loudness: LoudnessReport | None


def output_frame_count(timeline_frames: int, timeline_fps: int, out_fps: int) -> int:
    return (timeline_frames * out_fps + timeline_fps - 1) // timeline_fps


def _disk_error(exc: BaseException) -> bool:
    code = getattr(exc, "errno", None)
    return code in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


class Exporter:
    """Exports one episode. ``run()`` blocks; call it off the GUI thread. ``cancel()`` from anywhere."""

    def __init__(self, series: Series, bundle: ProjectBundle, episode: Episode, out_path: Path,
                 options: ExportOptions | None = None, *, progress: ProgressFn | None = None,
                 frame_source: FrameProvider | None = None) -> None:
        self.series = series
        self.bundle = bundle
        self.episode = episode
        self.out_path = Path(out_path)
        self.options = options or ExportOptions()
        self.progress = progress
        self._cancel = threading.Event()
        self._stop = threading.Event()  # tells the compose thread to quit (cancel, or the encoder failed)
        self._source = frame_source
        self._error: BaseException | None = None

    _fingerprint = None  # FingerprintBuilder while an export with fingerprinting runs

    def cancel(self) -> None:
        self._cancel.set()
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # ---------------------------------------------------------------- checks
    def preflight(self) -> None:
        """Refuse early, with every problem listed, before any file is created."""
        if self.episode.timeline.duration <= 0:
            raise UserError(QCoreApplication.translate("Errors", "Episode {number} has nothing on its timeline to export.").format(
                number=self.episode.number))
        missing = missing_media(self.series, self.bundle, self.episode)
        if missing:
            raise MissingMediaError(missing)
        folder = self.out_path.parent
        if not folder.is_dir():
            raise UserError(QCoreApplication.translate("Errors", "The folder {folder} does not exist; choose an existing folder for the export.")
                            .format(folder=folder))
        if not os.access(folder, os.W_OK):
            raise UserError(QCoreApplication.translate("Errors", "Cannot write to {folder}; choose a folder you can write to.").format(
                folder=folder))

    # ------------------------------------------------------------------- run
    def run(self) -> ExportResult:
        started = time.monotonic()
        self.preflight()
        preset = self.options.preset
        settings = self.series.settings
        fps_in = settings.fps
        fps = preset.fps or fps_in
        total = output_frame_count(self.episode.timeline.duration, fps_in, fps)
        labels = self.options.labels
        if labels is None:
            labels = ai_label_layers(settings, self.episode.timeline.duration,
                                     repeat_at_end=self.options.label_at_end)
        metadata = self.options.metadata
        if metadata is None:
            metadata = aigc_metadata(self.series, self.episode)

        if self.options.fingerprint:
            from app.fingerprint.store import FingerprintBuilder

            self._fingerprint = FingerprintBuilder(fps)
        self._report(0.0, None)
        mixer = Mixer(self.series, self.bundle)
        audio_total = total * settings.sample_rate // fps
        soundtrack = BackgroundSoundtrack(lambda: render_soundtrack(
            self.series, mixer, self.episode, audio_total, preset.loudness_lufs, preset.true_peak_dbtp))

        own_source = SequentialFrameSource(self.bundle.root) if self._source is None else None
        source: FrameProvider = own_source or self._source  # type: ignore[assignment]
        compositor = Compositor(self.series, self.bundle, source, safe_area=preset.safe_area, labels=labels)
        clean_abandoned_exports(self.out_path.parent)  # what killed exports left in this folder
        fd, tmp_name = make_temp(self.out_path.parent, *temp_affixes(self.out_path))
        os.close(fd)
        tmp = Path(tmp_name)
        ok = False
        try:
            report = self._encode(tmp, compositor, soundtrack, total, fps, fps_in, metadata, started)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, self.out_path)
            fsync_dir(self.out_path.parent)
            ok = True
        except (ExportCancelled, UserError):
            raise
        except OSError as exc:
            if _disk_error(exc):
                raise UserError(QCoreApplication.translate(
                    "Errors", "The disk is full (or the file is too large) while writing {name}; nothing was saved. "
                              "Free some space or export to another drive.").format(name=self.out_path.name)) from exc
            raise UserError(QCoreApplication.translate("Errors", "Export failed while writing {name}: {reason}. Nothing was saved.").format(
                name=self.out_path.name, reason=exc)) from exc
        except av.error.FFmpegError as exc:
            raise UserError(QCoreApplication.translate("Errors", "Export failed: {reason}. Nothing was saved.").format(reason=exc)) from exc
        finally:
            if not ok:
                tmp.unlink(missing_ok=True)
            if own_source is not None:
                own_source.close()
        srt_path = self._write_srt()
        self._finish_provenance()
        self._report(1.0, 0.0)
        return ExportResult(self.out_path, srt_path, total, fps, total / fps, time.monotonic() - started, report)

    def _finish_provenance(self) -> None:
        """After the file is in place: store its fingerprint, then sign it if asked (the signed
        file replaces the export atomically; a signing failure leaves the unsigned export)."""
        if self._fingerprint is not None:
            self._fingerprint.save(self.bundle, self.episode, self.out_path, self.series.title)
        if self.options.signing is not None:
            from app.provenance.content_credentials import sign_video
            from app.provenance.ledger import build_ledger

            sign_video(self.out_path, build_ledger(self.series, self.episode), self.bundle, self.options.signing)

    def _write_srt(self) -> Path | None:
        if not self.options.write_srt:
            return None
        cues = cues_for(self.episode, self.series.settings.fps)
        if not cues:
            return None
        path = self.out_path.with_suffix(".srt")
        try:
            atomic_write_bytes(path, to_srt(cues).encode("utf-8"))
        except OSError as exc:
            raise UserError(QCoreApplication.translate(
                "Errors", "The video was saved, but the subtitle file {name} could not be written: {reason}.").format(
                name=path.name, reason=exc.strerror or exc)) from exc
        return path

    def _report(self, fraction: float, eta: float | None) -> None:
        if self.progress is not None:
            self.progress(fraction, eta)

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise ExportCancelled()

    # ---------------------------------------------------------------- encode
    def _open(self, path: Path, fps: int, metadata: dict[str, str]) -> tuple[av.container.OutputContainer,
                                                                             av.VideoStream, av.AudioStream]:
        preset = self.options.preset
        container = av.open(str(path), "w", format="mp4",
                            options={"movflags": "+faststart+use_metadata_tags"})
        for key, value in metadata.items():
            container.metadata[key] = value
        container.metadata["title"] = self.episode.title or f"Episode {self.episode.number}"
        video = container.add_stream("libx264", rate=fps, options={
            "crf": str(preset.crf), "preset": preset.x264_preset, "profile": "high",
            "maxrate": f"{preset.maxrate_kbps}k", "bufsize": f"{preset.maxrate_kbps * 2}k",
            "x264-params": "colorprim=bt709:transfer=bt709:colormatrix=bt709",
        })
        video.width, video.height = self._size()
        video.pix_fmt = "yuv420p"
        video.time_base = Fraction(1, fps)
        # x264 picks its thread count for all cores (1.5 per core, as the ffmpeg command line does);
        # frame threads, not PyAV's default slice threads: sliced x264 syncs on every frame and
        # leaves cores idle (and splits frames into slices), where ffmpeg's own default is frame threads.
        video.codec_context.thread_count = 0
        video.codec_context.thread_type = "FRAME"
        rate = self.series.settings.sample_rate
        audio = container.add_stream("aac", rate=rate, layout="stereo")
        audio.bit_rate = preset.audio_kbps * 1000
        audio.time_base = Fraction(1, rate)
        return container, video, audio

    def _size(self) -> tuple[int, int]:
        """Output frame size: the preset's, in the series' own shape."""
        settings = self.series.settings
        return output_size(self.options.preset, settings.width, settings.height)

    def _compose_loop(self, compositor: Compositor, frames: queue.Queue[av.VideoFrame | None], total: int, fps: int, fps_in: int) -> None:
        """Producer thread: compose every output frame in order, as yuv420p VideoFrames."""
        size = self._size()
        try:
            for k in range(total):
                if self._stop.is_set():
                    return
                tf = k * fps_in // fps
                rgb = compositor.render(self.episode, tf, size, preview=False)
                if self._fingerprint is not None:
                    self._fingerprint.add(k, rgb)
                if rgb.shape[0] % 2 == 0 and rgb.shape[1] % 2 == 0:
                    frame = rgb_to_yuv420p(rgb)
                else:
                    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(
                        format="yuv420p", dst_colorspace="ITU709")
                frame.pts = k
                while not self._stop.is_set():
                    try:
                        frames.put(frame, timeout=0.1)
                        break
                    except queue.Full:
                        continue
        except BaseException as exc:  # handed to the encoder thread, which raises it
            self._error = exc
        finally:
            while not self._stop.is_set():
                try:
                    frames.put(None, timeout=0.1)
                    break
                except queue.Full:
                    continue

    def _encode(self, path: Path, compositor: Compositor, soundtrack: BackgroundSoundtrack, total: int,
                fps: int, fps_in: int, metadata: dict[str, str], started: float) -> LoudnessReport | None:
        """Encode and mux everything; returns the soundtrack's loudness report.

        Video packets that come out before the soundtrack is ready are held and
        muxed as soon as it is (the muxer interleaves by timestamp)."""
        container, vstream, astream = self._open(path, fps, metadata)
        frames: queue.Queue[av.VideoFrame | None] = queue.Queue(maxsize=_QUEUE_DEPTH)
        producer = threading.Thread(target=self._compose_loop, args=(compositor, frames, total, fps, fps_in),
                                    name="export-compose", daemon=True)
        producer.start()
        rate = self.series.settings.sample_rate
        spf = Fraction(rate, fps)
        apos = 0
        audio: np.ndarray | None = None
        report: LoudnessReport | None = None
        held: list[Any] = []  # av.Packet
        done = 0
        last_report = 0.0
        closed = False
        try:
            while True:
                try:
                    frame = frames.get(timeout=0.1)
                except queue.Empty:
                    self._check_cancel()
                    continue
                self._check_cancel()
                if frame is None:
                    break
                packets = vstream.encode(frame)
                done += 1
                if audio is None and (ready := soundtrack.poll()) is not None:
                    audio, report = ready
                if audio is None:
                    held.extend(packets)
                else:
                    for packet in (*held, *packets):
                        container.mux(packet)
                    held.clear()
                    apos = self._mux_audio(container, astream, audio, apos, min(audio.shape[1], int(done * spf)),
                                           False)
                now = time.monotonic()
                if now - last_report > 0.1:
                    last_report = now
                    fraction = done / total
                    elapsed = now - started
                    self._report(fraction, elapsed * (1 - fraction) / fraction if fraction > 0.02 else None)
            if self._error is not None:
                raise self._error
            if done != total:
                raise UserError(QCoreApplication.translate("Errors", "Export stopped after {done} of {total} frames.").format(done=done, total=total))
            if audio is None:
                audio, report = soundtrack.wait(self._check_cancel)
            for packet in (*held, *vstream.encode(None)):
                container.mux(packet)
            held.clear()
            self._mux_audio(container, astream, audio, apos, audio.shape[1], True)
            for packet in astream.encode(None):
                container.mux(packet)
            closed = True
            container.close()  # writes the index and moves it to the front (faststart)
            return report
        finally:
            self._stop.set()
            while producer.is_alive():
                try:
                    frames.get_nowait()
                except queue.Empty:
                    producer.join(timeout=0.05)
            if not closed:
                try:
                    container.close()
                except Exception:  # the file is being discarded; its state does not matter
                    pass

    @staticmethod
    def _mux_audio(container: av.container.OutputContainer, astream: av.AudioStream, audio: np.ndarray, pos: int, until: int, final: bool) -> int:
        """Encode whole AAC frames up to ``until`` (and the short last one when ``final``)."""
        while until - pos >= AAC_FRAME or (final and until > pos):
            n = min(AAC_FRAME, until - pos)
            chunk = np.ascontiguousarray(audio[:, pos:pos + n])
            af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            af.sample_rate = astream.rate
            af.pts = pos
            pos += n
            for packet in astream.encode(af):
                container.mux(packet)
        return pos
