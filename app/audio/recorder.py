"""Record one take to disk while it happens, so a crash loses at most the last second.

The take is a 24-bit mono WAV growing on disk (``GrowingWav``) next to a
``.recording.json`` sidecar that says what the take belongs to. The sidecar is
removed only when the take is complete, so ``take_recovery`` finds every take a
crash interrupted. A device that does not take 48 kHz records at its own rate;
the take is resampled to 48 kHz when it is finalised.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.audio.capture import PROJECT_RATE, RECORD_BLOCKSIZE, RECORD_LATENCY, InputCapture, Monitor
from app.audio.meter import LevelMeter
from app.audio.resample import resample_wav_file
from app.audio.wavfile import GrowingWav, float_to_pcm24
from app.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    # pyside6-lupdate files calls of a module-level tr() under the empty context: look them up there
    return QCoreApplication.translate("", text)

SIDECAR_SUFFIX = ".recording.json"
HEADER_EVERY = 0.5  # seconds between header updates
SYNC_EVERY = 1.0  # seconds between fsyncs: the most a power cut can lose


def sidecar_path(wav: Path) -> Path:
    return wav.with_name(wav.name + SIDECAR_SUFFIX)


@dataclass
class RecordingResult:
    """What a finished (or interrupted) recording produced. ``message`` is for the user."""

    path: Path
    samples: int  # at 48 kHz
    sample_rate: int = PROJECT_RATE
    device_rate: int = PROJECT_RATE
    device: str = ""
    overflows: int = 0  # callbacks flagged "input overflow" by the driver
    dropped_samples: int = 0  # silence inserted for lost audio, at the device rate
    gaps: int = 0  # separate gaps the sound server left (capture timestamps ran ahead)
    gap_samples: int = 0  # of dropped_samples: lost before the audio reached us
    queue_dropped_samples: int = 0  # of dropped_samples: lost because our writer fell behind
    picture_offset_samples: int | None = None
    latency_samples: int = 0
    stop_reason: str = "stopped"
    message: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def flagged(self) -> bool:
        return self.dropped_samples > 0 or self.overflows > 0


class Recorder:
    """One take: ``start()``, optionally ``mark_picture(t)``, then ``stop()`` -> RecordingResult.

    ``meta`` is stored in the sidecar (line, episode, take ids, performer) so a
    crashed take can be put back where it belongs.
    """

    def __init__(self, path: Path, device: int | str | None = None, *, meta: dict[str, Any] | None = None,
                 meter: LevelMeter | None = None, monitor: Monitor | None = None, rate: int | None = None,
                 output_latency: float = 0.0, latency: str | float = RECORD_LATENCY,
                 blocksize: int = RECORD_BLOCKSIZE) -> None:
        self.path = Path(path)
        self.meta = dict(meta or {})
        self.meter = meter or LevelMeter()
        self.output_latency = output_latency
        self._wav: GrowingWav | None = None
        self._last_header = 0.0
        self._last_sync = 0.0
        self._picture_time: float | None = None
        self._lock = threading.Lock()
        self._result: RecordingResult | None = None
        self.capture = InputCapture(device, meter=self.meter, sink=self._write, monitor=monitor,
                                    rate=rate, latency=latency, blocksize=blocksize)

    # ------------------------------------------------------------------ control
    @property
    def device_rate(self) -> int:
        return self.capture.rate

    def start(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._wav = GrowingWav(self.path, self.capture.rate, 1)
        self._write_sidecar()
        try:
            self.capture.start()
        except Exception:
            self._wav.close()
            self.path.unlink(missing_ok=True)
            sidecar_path(self.path).unlink(missing_ok=True)
            raise
        self.meta["device"] = self.capture.device_name
        self._write_sidecar()

    def stream_time(self) -> float:
        return self.capture.stream_time()

    def mark_picture(self, stream_time: float) -> None:
        """The stream-clock time at which the picture (or the cue) started: aligns the take."""
        self._picture_time = stream_time
        offset = self.picture_offset_device_samples()
        if offset is not None:
            self.meta["picture_offset_device_samples"] = offset
            try:
                self._write_sidecar()
            except OSError:
                pass

    def picture_offset_device_samples(self) -> int | None:
        first = self.capture.first_adc_time
        if self._picture_time is None:
            return None
        measured = self.capture.sample_at(self._picture_time)
        if measured is not None:
            return measured
        if first is None:
            # the first block has not arrived yet; it will be captured at about now - latency
            first = self.capture.stream_time() - self.capture.input_latency
        return int(round((self._picture_time - first) * self.capture.rate))

    @property
    def running(self) -> bool:
        return self.capture.running

    @property
    def elapsed(self) -> float:
        return self.capture.samples / self.capture.rate

    def stop(self) -> RecordingResult:
        """Stop (or collect a capture that already ended) and finalise the take file."""
        self.capture.stop()
        self.capture.wait_done(10)
        return self._finalise()

    # ------------------------------------------------------------------ writer
    def _write(self, block: np.ndarray) -> None:
        """Sink on the capture worker thread; OSError stops the capture and keeps what was written."""
        assert self._wav is not None
        self._wav.append(float_to_pcm24(block))
        now = time.monotonic()
        if now - self._last_header >= HEADER_EVERY:
            self._wav.update_header()
            self._last_header = now
        if now - self._last_sync >= SYNC_EVERY:
            self._wav.sync()
            self._last_sync = now

    def _write_sidecar(self) -> None:
        data = dict(self.meta)
        data.update({"device_rate": self.capture.rate, "channels": 1, "bits": 24,
                     "input_latency": self.capture.input_latency, "output_latency": self.output_latency})
        atomic_write_bytes(sidecar_path(self.path), json.dumps(data, ensure_ascii=False, indent=1).encode())

    def _finalise(self) -> RecordingResult:
        with self._lock:
            if self._result is not None:
                return self._result
            cap = self.capture
            wav = self._wav
            assert wav is not None
            wav.close()
            frames = wav.frames
            device_rate = cap.rate
            offset = self.picture_offset_device_samples()
            latency = int(round((cap.input_latency + self.output_latency) * PROJECT_RATE))
            message = ""
            seconds = f"{frames / device_rate:.1f}"
            if cap.stop_reason == "device_lost":
                message = tr("The input device stopped delivering audio after %1 s (unplugged or the sound "
                             "server stopped). The take was kept up to that point.").replace("%1", seconds)
            elif cap.stop_reason == "sink_error":
                err = cap.sink_error
                reason = (err.strerror if err is not None and err.strerror else str(err)) or "write error"
                message = tr("Recording stopped after %1 s: the take could not be written (%2). What was "
                             "recorded so far was kept; free some disk space before recording again."
                             ).replace("%1", seconds).replace("%2", reason)
            if device_rate != PROJECT_RATE and frames:
                try:
                    frames = resample_wav_file(self.path, device_rate, PROJECT_RATE)
                except OSError as exc:
                    message += " " + tr("The take could not be converted to 48 kHz (%1); it will be "
                                        "converted when the project is next opened.").replace(
                                            "%1", str(exc.strerror or exc))
                    return self._keep_sidecar_result(frames, device_rate, offset, latency, message)
            if offset is not None and device_rate != PROJECT_RATE:
                offset = int(round(offset * PROJECT_RATE / device_rate))
            sidecar_path(self.path).unlink(missing_ok=True)
            self._result = RecordingResult(
                path=self.path, samples=frames, device_rate=device_rate, device=cap.device_name,
                overflows=cap.overflows, dropped_samples=cap.dropped_samples, gaps=cap.gaps,
                gap_samples=cap.gap_samples, queue_dropped_samples=cap.queue_dropped_samples,
                picture_offset_samples=offset,
                latency_samples=latency, stop_reason=cap.stop_reason, message=message.strip(), meta=self.meta)
            return self._result

    def _keep_sidecar_result(self, frames: int, rate: int, offset: int | None, latency: int,
                             message: str) -> RecordingResult:
        cap = self.capture
        self._result = RecordingResult(
            path=self.path, samples=frames, sample_rate=rate, device_rate=rate, device=cap.device_name,
            overflows=cap.overflows, dropped_samples=cap.dropped_samples, gaps=cap.gaps,
            gap_samples=cap.gap_samples, queue_dropped_samples=cap.queue_dropped_samples,
            picture_offset_samples=offset,
            latency_samples=latency, stop_reason=cap.stop_reason, message=message.strip(), meta=self.meta)
        return self._result


def dropped_audio_notice(result: RecordingResult) -> str:
    """What was lost in a flagged take and why, in the user's words ("" when nothing was lost).

    Counts the three ways separately, because they have different causes: gaps the
    sound server left (the capture clock ran ahead of the samples it delivered;
    no overflow flag is raised for these), audio our writer could not keep up
    with, and overflows the driver flagged.
    """
    if not result.flagged:
        return ""
    rate = result.device_rate or PROJECT_RATE
    parts = []
    if result.gap_samples > 0:
        parts.append(tr("%1 ms of audio never arrived from the sound server (%2 gaps, usually because the "
                        "computer was too busy); each gap was filled with silence so the rest stays in sync.")
                     .replace("%1", str(round(result.gap_samples * 1000 / rate))).replace("%2", str(result.gaps)))
    if result.queue_dropped_samples > 0:
        parts.append(tr("%1 ms of audio was lost because the take could not be written fast enough "
                        "(slow disk); it was filled with silence.")
                     .replace("%1", str(round(result.queue_dropped_samples * 1000 / rate))))
    if result.overflows > 0:
        parts.append(tr("The input device reported %1 overflows (audio it had to discard).")
                     .replace("%1", str(result.overflows)))
    parts.append(tr("The take is flagged: listen to it and record it again if you hear a gap."))
    return " ".join(parts)


def remove_if_empty(result: RecordingResult) -> bool:
    """Delete a take file that holds no audio (recording failed at once); True when removed."""
    if result.samples == 0:
        try:
            os.unlink(result.path)
        except OSError:
            pass
        sidecar_path(result.path).unlink(missing_ok=True)
        return True
    return False
