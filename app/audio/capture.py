"""An input stream whose PortAudio callback only queues copies; a worker does the rest.

The callback runs on PortAudio's real-time thread: it copies the block, notes
the block's capture time and any overflow, and returns. The worker thread feeds
the meter, the headphone monitor and an optional sink (the take writer), keeps
sample positions honest when audio was dropped (it inserts silence so later
audio stays in sync with picture), and notices a device that went away.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np
import sounddevice as sd
from PySide6.QtCore import QCoreApplication

from app.audio.meter import LevelMeter
from app.errors import UserError

log = logging.getLogger(__name__)

PROJECT_RATE = 48000
STALL_SECONDS = 3.0  # no audio for this long while running = the device is gone
QUEUE_SECONDS = 60.0
GAP_TOLERANCE = 0.03  # seconds of timestamp jitter/clock drift tolerated before silence is inserted
# Recording buffers. With latency="low" (~9 ms through PulseAudio's ALSA plugin) a callback that
# waits for the GIL behind a busy GUI thread on a loaded machine lets the sound server's record
# buffer overflow: the server drops audio without an overflow flag, and only the timestamps show
# it (the 32 ms gaps every 65 ms seen at load 6). 200 ms of buffer and 1024-frame blocks (fewer
# wake-ups, each needing the GIL) survive that; the take's alignment comes from timestamps anyway.
RECORD_LATENCY = 0.2
RECORD_BLOCKSIZE = 1024

# sink(block float32 (n, ch), dropped_before: int) -> None; may raise OSError to stop the capture
Sink = Callable[[np.ndarray], None]


class Monitor(Protocol):
    """Where captured blocks are heard live (the headphone monitor)."""

    def push(self, block: np.ndarray) -> None: ...


class DeviceError(UserError):
    """The input device cannot be opened or stopped working."""


def choose_rate(device: int | str | None, channels: int = 1, wanted: int = PROJECT_RATE) -> int:
    """``wanted`` when the device takes it, else the device's own default rate."""
    try:
        sd.check_input_settings(device=device, samplerate=wanted, channels=channels, dtype="float32")
        return wanted
    except (sd.PortAudioError, ValueError):
        pass
    try:
        info = sd.query_devices(device, kind="input")
    except (sd.PortAudioError, ValueError) as exc:
        raise DeviceError(QCoreApplication.translate("AudioCapture", "The input device cannot be used: {exc}. Pick another device or press Refresh.").format(exc=exc)) from exc
    rate = int(round(float(info["default_samplerate"])))
    try:
        sd.check_input_settings(device=device, samplerate=rate, channels=channels, dtype="float32")
    except (sd.PortAudioError, ValueError) as exc:
        raise DeviceError(QCoreApplication.translate("AudioCapture", "“{name}” refuses both {wanted} Hz and its own rate {rate} Hz ({exc}). Pick another input device.").format(name=info['name'], wanted=wanted, rate=rate, exc=exc)) from exc
    return rate


class InputCapture:
    """Capture from ``device`` (None = default) at 48 kHz or the device's rate.

    ``stop_reason`` after the capture ends: "stopped" (asked), "device_lost" or
    "sink_error" (the sink raised OSError, kept in ``sink_error``).
    """

    def __init__(self, device: int | str | None = None, *, channels: int = 1,
                 rate: int | None = None, meter: LevelMeter | None = None,
                 sink: Sink | None = None, monitor: Monitor | None = None, latency: str | float = "low",
                 blocksize: int = 0) -> None:
        self.device = device
        self.channels = channels
        self.rate = rate or choose_rate(device, channels)
        self.meter = meter
        self.sink = sink
        self.monitor = monitor
        self.latency = latency
        self.blocksize = blocksize
        self.samples = 0  # frames handed to the sink, silence for dropped audio included
        self.overflows = 0  # callbacks whose status flags said "input overflow"
        self.dropped_samples = 0  # silence inserted for lost audio (gap_samples + queue_dropped_samples)
        self.gap_samples = 0  # lost upstream: capture timestamps ran ahead of the samples received
        self.gaps = 0  # how many separate gaps made up gap_samples
        self.queue_dropped_samples = 0  # lost here: our queue was full (the worker fell 60 s behind)
        self.first_adc_time: float | None = None  # stream clock time of sample 0
        self.input_latency = 0.0
        self.stop_reason = ""
        self.sink_error: OSError | None = None
        self.device_name = ""
        # deque.append/popleft are atomic: the callback never waits for a lock the worker holds
        # (block, ADC time, stream time, overflowed, frames dropped so far)
        self._queue: collections.deque[tuple[np.ndarray, float, float, bool, int]] = collections.deque()
        self._queue_limit = int(QUEUE_SECONDS * self.rate / 64)
        self._queue_dropped = 0  # frames the callback could not queue (written by the callback only)
        self._seen_dropped = 0
        self._stream: sd.InputStream | None = None
        self._worker: threading.Thread | None = None
        self._stopping = threading.Event()
        self._finished = threading.Event()
        self._done = threading.Event()
        self._flowing = threading.Event()
        # (sample index, capture time) every ~20 ms: places any moment on the take's samples
        self._times: list[tuple[int, float]] = []
        self._last_block = 0.0

    # ------------------------------------------------------------ realtime side
    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:  # PortAudio thread: copy and go
        if len(self._queue) >= self._queue_limit:
            self._queue_dropped += frames
            return
        self._queue.append((indata.copy(), time_info.inputBufferAdcTime, time_info.currentTime,
                            bool(status.input_overflow), self._queue_dropped))

    def _on_finished(self) -> None:
        self._finished.set()

    # ------------------------------------------------------------------ control
    def start(self) -> None:
        try:
            self._stream = sd.InputStream(
                device=self.device, samplerate=self.rate, channels=self.channels, dtype="float32",
                latency=self.latency, blocksize=self.blocksize, callback=self._callback, finished_callback=self._on_finished)
            self.input_latency = float(self._stream.latency)
            info = sd.query_devices(self._stream.device)
            self.device_name = str(info["name"])
            self._last_block = time.monotonic()
            self._worker = threading.Thread(target=self._run, name="audio-capture", daemon=True)
            self._worker.start()
            self._stream.start()
        except sd.PortAudioError as exc:
            self._stopping.set()
            if self._stream is not None:
                self._stream.close(ignore_errors=True)
            raise DeviceError(QCoreApplication.translate("AudioCapture", "Could not start recording from the input device: {exc}. Check that it is connected, or pick another one.").format(exc=exc)) from exc

    def stream_time(self) -> float:
        """PortAudio's clock (the one capture and playback timestamps are on)."""
        return float(self._stream.time) if self._stream is not None else 0.0

    @property
    def running(self) -> bool:
        return self._worker is not None and not self._done.is_set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop capturing, hand every queued block to the sink, join the worker."""
        if not self._stop_stream():
            return
        if self._worker is not None:
            self._worker.join(timeout)

    def _stop_stream(self) -> bool:
        if self._stream is None:
            return False
        self._stopping.set()
        stream, self._stream = self._stream, None
        try:
            if not self._finished.is_set():
                stream.stop()
        except sd.PortAudioError:
            pass
        stream.close(ignore_errors=True)
        self._finished.set()
        return True

    def sample_at(self, stream_time: float) -> int | None:
        """The take sample captured at ``stream_time`` (may be negative or beyond the end).

        Measured from the nearest block's capture timestamp, so a hiccup early in
        the take does not shift a moment later in it.
        """
        times = list(self._times)
        if not times:
            return None
        lo, hi = 0, len(times) - 1
        while lo < hi:  # last entry at or before stream_time
            mid = (lo + hi + 1) // 2
            if times[mid][1] <= stream_time:
                lo = mid
            else:
                hi = mid - 1
        index, at = times[lo]
        return index + int(round((stream_time - at) * self.rate))

    def wait_flowing(self, timeout: float | None = None) -> bool:
        """Block until the first audio arrived (some servers take up to a second to start)."""
        return self._flowing.wait(timeout)

    @property
    def flowing(self) -> bool:
        return self._flowing.is_set()

    def wait_done(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    # ------------------------------------------------------------------ worker
    def _run(self) -> None:
        try:
            while True:
                try:
                    item = self._queue.popleft()
                except IndexError:
                    time.sleep(0.01)
                    if self._stopping.is_set() and self._finished.is_set():
                        break
                    if self._finished.is_set() or time.monotonic() - self._last_block > STALL_SECONDS:
                        self.stop_reason = self.stop_reason or "device_lost"
                        self._abort_stream_from_worker()
                        break
                    continue
                self._last_block = time.monotonic()
                if not self._handle(*item):
                    self._abort_stream_from_worker()
                    break
            # a stop leaves no block behind (device_lost and sink errors drain what they can)
            while self.sink_error is None:
                try:
                    item = self._queue.popleft()
                except IndexError:
                    break
                if not self._handle(*item):
                    break
        except Exception:  # noqa: BLE001 - the worker must always end the capture cleanly
            log.exception("audio capture worker failed")
            self.stop_reason = self.stop_reason or "device_lost"
            self._abort_stream_from_worker()
        finally:
            self.stop_reason = self.stop_reason or "stopped"
            self._done.set()

    def _abort_stream_from_worker(self) -> None:
        stream = self._stream
        self._stream = None
        if stream is not None:
            try:
                stream.abort(ignore_errors=True)
                stream.close(ignore_errors=True)
            except Exception:  # noqa: BLE001 - a vanished device may fail any call
                pass
        self._finished.set()

    def _handle(self, block: np.ndarray, adc: float, now: float, overflow: bool, queue_dropped: int) -> bool:
        if self.first_adc_time is None:
            # without hardware timestamps, the capture time is now minus the reported input latency
            self.first_adc_time = adc if adc > 0 else now - self.input_latency
            self._flowing.set()
        lost_here = queue_dropped - self._seen_dropped
        self._seen_dropped = queue_dropped
        self.queue_dropped_samples += lost_here
        if overflow:
            self.overflows += 1
        gap = lost_here
        if adc > 0:
            # audio lost anywhere upstream (driver, sound server) shows as capture time running
            # ahead of the samples received; fill it so what follows stays in sync with picture
            expected = int(round((adc - self.first_adc_time) * self.rate))
            behind = expected - self.samples - lost_here
            if behind > GAP_TOLERANCE * self.rate or (overflow and behind > 0):
                self.gap_samples += behind
                self.gaps += 1
                gap += behind
        if gap > 0:
            # keep later audio at its true position: silence where samples were lost
            self.dropped_samples += gap
            if not self._deliver(np.zeros((gap, self.channels), np.float32)):
                return False
        capture_time = adc if adc > 0 else now - self.input_latency
        if not self._times or capture_time - self._times[-1][1] >= 0.02:
            self._times.append((self.samples, capture_time))
        if self.meter is not None:
            self.meter.feed(block)
        if self.monitor is not None:
            self.monitor.push(block)
        return self._deliver(block)

    def _deliver(self, block: np.ndarray) -> bool:
        if self.sink is not None:
            try:
                self.sink(block)
            except OSError as exc:
                self.sink_error = exc
                self.stop_reason = "sink_error"
                return False
        self.samples += len(block)
        return True
