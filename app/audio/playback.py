"""Playing audio to the output device: takes, count-in beeps, and the input monitor.

Callbacks copy prepared samples into PortAudio's buffer and nothing else. The
stream-clock time at which the first sample reaches the speaker (the output's
reported latency included) is kept, so a recording can be aligned to it.
"""

from __future__ import annotations

import collections
import threading
from typing import Any

import numpy as np
import sounddevice as sd
from PySide6.QtCore import QCoreApplication

from app.audio.capture import PROJECT_RATE, DeviceError


def count_in(beeps: int, rate: int = PROJECT_RATE, interval: float = 1.0, lead: float = 0.0) -> np.ndarray:
    """``beeps`` short beeps ``interval`` seconds apart (the last one higher), then the downbeat.

    The returned buffer is ``lead + beeps * interval`` seconds long: the picture
    starts where it ends. A ``lead`` of silence gives the streams time to settle.
    """
    total = int(round((lead + beeps * interval) * rate))
    out = np.zeros((total, 1), np.float32)
    n = int(0.08 * rate)
    t = np.arange(n) / rate
    env = np.minimum(1.0, np.minimum(t, t[::-1]) / 0.005)  # 5 ms ramps: no clicks
    for i in range(beeps):
        freq = 1760.0 if i == beeps - 1 else 880.0
        start = int(round((lead + i * interval) * rate))
        out[start:start + n, 0] = 0.35 * env * np.sin(2 * np.pi * freq * t)
    return out


class BufferPlayer:
    """Play a float32 buffer (n, channels) once on ``device`` (None = default output).

    50 ms of output buffering: lower values underrun on a busy machine, and the
    exact timing comes from PortAudio's timestamps (``dac_time_of``) anyway.
    """

    def __init__(self, data: np.ndarray, device: int | str | None = None, rate: int = PROJECT_RATE,
                 latency: str | float = 0.05) -> None:
        data = np.asarray(data, np.float32)
        self.data = data.reshape(len(data), -1)
        self.device = device
        self.rate = rate
        self.latency = latency
        self.position = 0  # frames handed to PortAudio
        self.first_dac_time: float | None = None
        self.output_latency = 0.0
        # (position, dac time) of the first callbacks, to place any sample on the stream clock
        self._timeline: list[tuple[int, float]] = []
        self._stream: sd.OutputStream | None = None
        self._finished = threading.Event()

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        dac = time_info.outputBufferDacTime or (time_info.currentTime + self.output_latency)
        if self.first_dac_time is None:
            self.first_dac_time = dac
        if len(self._timeline) < 4096:
            self._timeline.append((self.position, dac))
        chunk = self.data[self.position:self.position + frames]
        outdata[:len(chunk)] = chunk
        outdata[len(chunk):] = 0
        self.position += frames
        if len(chunk) < frames:
            raise sd.CallbackStop

    def start(self) -> None:
        try:
            self._stream = sd.OutputStream(
                device=self.device, samplerate=self.rate, channels=self.data.shape[1], dtype="float32",
                latency=self.latency, callback=self._callback, finished_callback=self._finished.set)
            self.output_latency = float(self._stream.latency)
            self._stream.start()
        except sd.PortAudioError as exc:
            self._finished.set()
            raise DeviceError(QCoreApplication.translate("AudioPlayback", "Could not play on the output device: {exc}. Pick another output device.").format(exc=exc)) from exc

    def stream_time(self) -> float:
        return float(self._stream.time) if self._stream is not None else 0.0

    def dac_time_of(self, sample: int) -> float | None:
        """Stream-clock time at which ``sample`` reached the speaker (None before it was played).

        Measured from the callback that delivered it, so an underrun before it
        (which delays everything after) is accounted for.
        """
        best = None
        for pos, dac in list(self._timeline):
            if pos <= sample:
                best = (pos, dac)
            else:
                break
        if best is None:
            return None
        return best[1] + (sample - best[0]) / self.rate

    @property
    def playing(self) -> bool:
        return self._stream is not None and not self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._finished.wait(timeout)

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort(ignore_errors=True)
            finally:
                stream.close(ignore_errors=True)
        self._finished.set()

    @property
    def seconds_played(self) -> float:
        return min(self.position, len(self.data)) / self.rate


class MonitorOutput:
    """Input to headphones: the capture worker ``push``es blocks, the output callback pops them.

    At most ~100 ms is kept queued so the monitor never drifts behind the voice.
    """

    def __init__(self, device: int | str | None = None, rate: int = PROJECT_RATE) -> None:
        self.device = device
        self.rate = rate
        self._blocks: collections.deque[np.ndarray] = collections.deque()
        self._queued = 0
        self._lock = threading.Lock()
        self._stream: sd.OutputStream | None = None
        self._pending = np.zeros((0, 1), np.float32)

    def push(self, block: np.ndarray) -> None:
        with self._lock:
            self._blocks.append(block[:, :1])
            self._queued += len(block)
            while self._queued > self.rate // 10 and len(self._blocks) > 1:
                self._queued -= len(self._blocks.popleft())

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        filled = 0
        with self._lock:
            while filled < frames and (len(self._pending) or self._blocks):
                if not len(self._pending):
                    self._pending = self._blocks.popleft()
                    self._queued -= len(self._pending)
                take = min(frames - filled, len(self._pending))
                outdata[filled:filled + take] = self._pending[:take]
                self._pending = self._pending[take:]
                filled += take
        outdata[filled:] = 0

    def start(self) -> None:
        try:
            self._stream = sd.OutputStream(device=self.device, samplerate=self.rate, channels=1,
                                           dtype="float32", latency="low", callback=self._callback)
            self._stream.start()
        except sd.PortAudioError as exc:
            raise DeviceError(QCoreApplication.translate("AudioPlayback", "Could not monitor on the output device: {exc}.").format(exc=exc)) from exc

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.abort(ignore_errors=True)
            stream.close(ignore_errors=True)
