"""Playback engine: the audio output is the master clock, video follows it.

Threads: PortAudio's callback plays pre-mixed sound from a small buffer and
stamps when its samples reach the speaker; a feeder thread keeps ~0.3 s mixed
ahead; a decode-ahead thread renders frames into a short queue, skipping frames
that are already late. The caller (the player's GUI timer, or the benchmark)
calls ``poll()`` often: it returns the frame whose time has come, dropping any
that arrived too late, so picture never drifts from sound. No QtWidgets here.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

log = logging.getLogger(__name__)
RATE = 48000
BLOCK = 1024
AHEAD_SAMPLES = RATE * 3 // 10


@dataclass
class Shown:
    frame: int
    image: np.ndarray
    clock: float  # audio-clock position (in frames) when it was handed out


def output_device_index(name: str = "") -> int | None:
    """PortAudio index of the output called ``name`` (the booth's choice), else the default (None)."""
    import sounddevice as sd

    if not name:
        try:
            from app.audio.device_prefs import BoothPrefs

            name = BoothPrefs.load().output_device
        except ImportError:
            name = ""
    if name:
        for i, dev in enumerate(sd.query_devices()):
            if dev["name"] == name and dev["max_output_channels"] > 0:
                return i
    return None


class PlaybackEngine:
    def __init__(self, render_frame: Callable[[int], np.ndarray], render_audio: Callable[[int, int], np.ndarray],
                 fps: int, *, queue_frames: int = 8, use_audio: bool = True, device: int | str | None = None) -> None:
        self.render_frame = render_frame
        self.render_audio = render_audio
        self.fps = fps
        self.spf = RATE / fps
        self.queue_frames = queue_frames
        self.use_audio = use_audio
        self.device = device
        self.playing = False
        self.rate = 1
        self.dropped = 0
        self.shown = 0
        self.underflows = 0
        self.audio_error = ""
        self.history: deque[tuple[int, float]] = deque(maxlen=20000)  # (frame shown, clock then)
        self._lock = threading.Condition()
        self._frames: deque[tuple[int, np.ndarray]] = deque()
        self._audio: deque[np.ndarray] = deque()
        self._audio_buffered = 0
        self._gen = 0
        self._threads: list[threading.Thread] = []
        self._stream = None
        self._end = 0
        self._start_frame = 0
        self._last_shown = -1
        self._anchor_sample = 0.0
        self._anchor_time = 0.0
        self._last_clock = 0.0
        self._audio_clock = False

    # ------------------------------------------------------------- control
    def start(self, frame: int, end: int, rate: int = 1) -> None:
        """Play from ``frame`` until ``end`` (exclusive; or back to 0 when reversing) at ``rate``."""
        self.stop()
        self.rate = rate or 1
        self._end = end
        self._start_frame = frame
        self._last_shown = frame - (1 if self.rate > 0 else -1)
        self._frames.clear()
        self._audio.clear()
        self._audio_buffered = 0
        self._gen += 1
        gen = self._gen
        self.playing = True
        self._anchor_sample = frame * self.spf
        self._last_clock = float(frame)
        self._audio_clock = self.use_audio and self.rate == 1
        video = threading.Thread(target=self._video_loop, args=(gen, frame), name="preview-decode", daemon=True)
        self._threads = [video]
        if self._audio_clock:
            self._audio_pos = int(round(frame * self.spf))
            self._fill_audio(gen)  # something to play before the stream asks
            feeder = threading.Thread(target=self._audio_loop, args=(gen,), name="preview-mix", daemon=True)
            self._threads.append(feeder)
        # with sound, the clock holds at the first frame until the first buffer is on its way
        self._anchor_time = math.inf if self._audio_clock else time.monotonic()
        for t in self._threads:
            t.start()
        if self._audio_clock:
            try:
                self._open_stream()
            except Exception as exc:  # no device: play on the system clock, say so
                self.audio_error = f"No audio output: {exc}"
                log.warning("%s", self.audio_error)
                self._audio_clock = False
                self._anchor_time = time.monotonic()

    def stop(self) -> None:
        self.playing = False
        self._gen += 1
        with self._lock:
            self._lock.notify_all()
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception as exc:
                log.info("closing audio stream: %s", exc)
        for t in self._threads:
            t.join(timeout=2)
        self._threads = []

    # --------------------------------------------------------------- clock
    def clock_frame(self) -> float:
        """Where playback is now, in (fractional) timeline frames."""
        now = time.monotonic()
        with self._lock:
            if self._audio_clock:
                # the sample reaching the speaker now; never run more than two blocks past the last callback
                # (negative while the anchored sample is still in the output buffer)
                if math.isinf(self._anchor_time):
                    frame = self._last_clock
                else:
                    pos = self._anchor_sample + min(now - self._anchor_time, 2 * BLOCK / RATE) * RATE
                    frame = max(self._last_clock, pos / self.spf)
            else:
                frame = self._start_frame + (now - self._anchor_time) * self.fps * self.rate
            self._last_clock = frame
            return frame

    # ---------------------------------------------------------------- audio
    def _open_stream(self) -> None:
        import sounddevice as sd

        first = {"v": True}

        def callback(outdata: Any, frames: int, time_info: Any, status: Any) -> None:
            now = time.monotonic()
            if status.output_underflow:
                self.underflows += 1
            with self._lock:
                need = frames
                pos = 0
                while need and self._audio:
                    chunk = self._audio[0]
                    take = min(need, len(chunk))
                    outdata[pos:pos + take] = chunk[:take]
                    if take == len(chunk):
                        self._audio.popleft()
                    else:
                        self._audio[0] = chunk[take:]
                    pos += take
                    need -= take
                self._audio_buffered -= pos
                if need:
                    outdata[pos:] = 0
                    self.underflows += 1
                # this buffer's first sample reaches the speaker after the stream's output latency
                dac_delay = time_info.outputBufferDacTime - time_info.currentTime
                if not 0 < dac_delay < 1:
                    dac_delay = stream.latency
                if first["v"]:
                    first["v"] = False
                    self._anchor_sample = self._start_frame * self.spf
                else:
                    self._anchor_sample += frames
                self._anchor_time = now + dac_delay
                self._lock.notify_all()

        stream = sd.OutputStream(samplerate=RATE, channels=2, dtype="float32", blocksize=BLOCK,
                                 latency="low", callback=callback, device=self.device)
        self._stream = stream
        stream.start()

    def _fill_audio(self, gen: int) -> None:
        while self._audio_buffered < AHEAD_SAMPLES and gen == self._gen:
            end_sample = int(round(self._end * self.spf))
            count = min(4096, end_sample - self._audio_pos)
            block = (np.zeros((4096, 2), np.float32) if count <= 0
                     else np.ascontiguousarray(self.render_audio(self._audio_pos, count), np.float32))
            with self._lock:
                self._audio.append(block)
                self._audio_buffered += len(block)
            self._audio_pos += max(count, 0)

    def _audio_loop(self, gen: int) -> None:
        while gen == self._gen:
            try:
                self._fill_audio(gen)
            except Exception:
                log.exception("preview mix failed")
                return
            with self._lock:
                if gen == self._gen and self._audio_buffered >= AHEAD_SAMPLES:
                    self._lock.wait(0.05)

    # ---------------------------------------------------------------- video
    def _video_loop(self, gen: int, frame: int) -> None:
        step = 1 if self.rate > 0 else -1
        stride = abs(self.rate)
        f = frame
        while gen == self._gen and (0 <= f < self._end):
            target = int(self.clock_frame())
            if (f - target) * step < 0:  # already late: jump to what is due
                f = target
            with self._lock:
                while gen == self._gen and len(self._frames) >= self.queue_frames:
                    self._lock.wait(0.05)
            if gen != self._gen:
                return
            try:
                image = self.render_frame(f)
            except Exception:
                log.exception("preview frame %s failed", f)
                image = None
            if image is not None:
                with self._lock:
                    if gen == self._gen:
                        self._frames.append((f, image))
            f += step * (stride if stride > 1 else 1)

    # ----------------------------------------------------------------- poll
    def poll(self) -> Shown | None:
        """The frame to show now, if a new one is due; counts frames that came too late."""
        if not self.playing:
            return None
        clock = self.clock_frame()
        target = int(clock)
        step = 1 if self.rate > 0 else -1
        show = None
        with self._lock:
            while self._frames and (self._frames[0][0] - target) * step <= 0:
                show = self._frames.popleft()
            self._lock.notify_all()
        if show is None:
            return None
        frame, image = show
        if self.rate == 1:  # in shuttle, frames are skipped on purpose
            self.dropped += max(0, frame - self._last_shown - 1)
        self._last_shown = frame
        self.shown += 1
        self.history.append((frame, clock))
        return Shown(frame, image, clock)

    def finished(self) -> bool:
        """True once the clock has run past the end (or before frame 0 in reverse)."""
        c = self.clock_frame()
        return c >= self._end if self.rate > 0 else c < 0
