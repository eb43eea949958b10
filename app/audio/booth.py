"""The booth's recording workflow, shared by the booth panel and tests (QtCore only).

Idle: a meter-only input stream shows levels (and feeds the headphone monitor).
Record: the meter stream is closed, the recorder opens the input, an optional
count-in plays on the output, and the moment the count-in ends is the picture's
start (on PortAudio's clock, so device latencies are compensated). Stop: the
take is finalised off the GUI thread, then added to its line.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.audio import devices as devs
from app.audio import takes as take_ops
from app.audio.capture import PROJECT_RATE, DeviceError, InputCapture
from app.audio.device_prefs import BoothPrefs
from app.audio.meter import LevelMeter
from app.audio.playback import BufferPlayer, MonitorOutput, count_in
from app.audio.recorder import Recorder, RecordingResult, dropped_audio_notice, remove_if_empty
from app.audio.take_recovery import recover_takes
from app.bundle import now_iso
from app.model import Take
from app.model.ids import new_id
from app.session import Session

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    # pyside6-lupdate files calls of a module-level tr() under the empty context: look them up there
    return QCoreApplication.translate("", text)

# The count-in cue's output buffer: at 50 ms a loaded machine underran it, and every underrun
# stretched the count-in past its beats. Its timing comes from the DAC timestamps anyway.
CUE_LATENCY = 0.25
IDLE, COUNT_IN, RECORDING, FINISHING = "idle", "count_in", "recording", "finishing"


class BoothController(QObject):
    stateChanged = Signal(str)
    message = Signal(str)  # something the user should read (fallbacks, disk full, recovery)
    devicesChanged = Signal()
    pictureStarted = Signal()  # the shot should start playing now
    takeRecorded = Signal(str, str)  # line id, take id
    _finished = Signal(object, str)  # RecordingResult, line id (worker thread -> GUI thread)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prefs = BoothPrefs.load()
        self.meter = LevelMeter()
        self.devices: list[devs.AudioDevice] = []
        self.input: devs.AudioDevice | None = None
        self.output: devs.AudioDevice | None = None
        self.state = IDLE
        self.line_id = ""
        self.recorder: Recorder | None = None
        self.cue: BufferPlayer | None = None
        self._live: InputCapture | None = None
        self._monitor: MonitorOutput | None = None
        self._picture_time: float | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(10)
        self._poll.timeout.connect(self._tick)
        self._finished.connect(self._on_finished)
        session.projectOpened.connect(self.recover)
        session.projectClosed.connect(self.stop_live)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)  # never leave a take unfinished on quit
        self.load_devices(rescan=False)

    # ------------------------------------------------------------------ devices
    def load_devices(self, rescan: bool = True) -> None:
        """(Re)scan devices and resolve the remembered choice, with a message on fallback."""
        if self.state != IDLE:
            return
        self.stop_live()
        self.devices = devs.list_devices(rescan=rescan)
        messages = []
        choice_in = devs.resolve(self.prefs.input_device, "input", self.devices)
        choice_out = devs.resolve(self.prefs.output_device, "output", self.devices)
        self.input, self.output = choice_in.device, choice_out.device
        for choice in (choice_in, choice_out):
            if choice.message and choice.device is not None:
                messages.append(choice.message)
        self.devicesChanged.emit()
        for text in messages:
            self.message.emit(text)

    def set_input(self, name: str) -> None:
        self.prefs.input_device = name
        self.prefs.save()
        self.input = devs.resolve(name, "input", self.devices).device
        if self._live is not None:
            self.start_live()

    def set_output(self, name: str) -> None:
        self.prefs.output_device = name
        self.prefs.save()
        self.output = devs.resolve(name, "output", self.devices).device
        if self._live is not None:
            self.start_live()

    def set_monitor(self, enabled: bool) -> None:
        self.prefs.monitor = enabled
        self.prefs.save()
        if self._live is not None:
            self.start_live()

    @property
    def has_input(self) -> bool:
        return self.input is not None

    # ----------------------------------------------------------- live metering
    def start_live(self) -> None:
        """Open the input for the meter (and monitor) while not recording. Errors become messages."""
        self.stop_live()
        if self.input is None or self.state != IDLE:
            return
        try:
            monitor = self._open_monitor(None)
            self._live = InputCapture(self.input.index, meter=self.meter, monitor=monitor)
            self._live.start()
        except DeviceError as exc:
            self._live = None
            self._close_monitor()
            self.message.emit(str(exc))

    def stop_live(self) -> None:
        live, self._live = self._live, None
        if live is not None:
            live.stop()
        self._close_monitor()

    def _open_monitor(self, rate: int | None) -> MonitorOutput | None:
        if not self.prefs.monitor or self.output is None or self.input is None:
            return None
        from app.audio.capture import choose_rate

        self._monitor = MonitorOutput(self.output.index, rate or choose_rate(self.input.index))
        self._monitor.start()
        return self._monitor

    def _close_monitor(self) -> None:
        mon, self._monitor = self._monitor, None
        if mon is not None:
            mon.stop()

    # ---------------------------------------------------------------- recording
    def start_recording(self, line_id: str) -> bool:
        if self.state != IDLE or self.session.bundle is None:
            return False
        if self.input is None:
            self.message.emit(tr("There is no input device to record from. Connect a microphone and press Refresh."))
            return False
        found = take_ops.find_line(self.session, line_id)
        if found is None:
            return False
        episode, shot, line = found
        self.stop_live()
        take_id = new_id()
        rel = take_ops.take_path(line, take_id)
        path = self.session.bundle.root / rel
        meta = {"take_id": take_id, "line_id": line.id, "episode_id": episode.id, "shot_id": shot.id,
                "name": tr("Take %1").replace("%1", str(len(line.takes) + 1)), "created_at": now_iso(),
                "performer": take_ops.performer_for(self.session, line)}
        try:
            from app.audio.capture import choose_rate

            rate = choose_rate(self.input.index)
            monitor = self._open_monitor(rate)
            self.recorder = Recorder(path, self.input.index, meta=meta, meter=self.meter, monitor=monitor,
                                     rate=rate, output_latency=self.output.output_latency if self.output else 0.0)
            self.recorder.start()
        except (DeviceError, OSError) as exc:
            self.recorder = None
            self._close_monitor()
            text = str(exc) if isinstance(exc, DeviceError) else tr("Could not create the take file: %1.").replace("%1", str(exc))
            self.message.emit(text)
            self.start_live()
            return False
        self.line_id = line.id
        self._picture_time = None
        beeps = max(0, int(self.prefs.count_in))
        if beeps and self.output is not None:
            self.cue = BufferPlayer(count_in(beeps, lead=0.05), self.output.index, latency=CUE_LATENCY)
            try:
                self.cue.start()
                self._set_state(COUNT_IN)
            except DeviceError as exc:
                self.message.emit(str(exc))
                self.cue = None
        if self.cue is None:
            self._picture_time = self.recorder.stream_time()
            self.recorder.mark_picture(self._picture_time)
            self._set_state(RECORDING)
            self.pictureStarted.emit()
        self._poll.start()
        return True

    def _tick(self) -> None:
        rec = self.recorder
        if rec is None:
            self._poll.stop()
            return
        if self.state == COUNT_IN and self.cue is not None:
            if self._picture_time is None and self.cue.position >= len(self.cue.data):
                self._picture_time = self.cue.dac_time_of(len(self.cue.data))
                if self._picture_time is not None:
                    rec.mark_picture(self._picture_time)
            if self._picture_time is not None and rec.stream_time() >= self._picture_time:
                self._set_state(RECORDING)
                self.pictureStarted.emit()
        if not rec.running and self.state in (COUNT_IN, RECORDING):
            self.stop_recording()  # the device went away or the disk filled: keep what we have

    @property
    def elapsed(self) -> float:
        return self.recorder.elapsed if self.recorder is not None else 0.0

    def stop_recording(self) -> None:
        """Stop and finalise off the GUI thread; ``takeRecorded`` follows."""
        rec = self.recorder
        if rec is None or self.state not in (COUNT_IN, RECORDING):
            return
        self._poll.stop()
        if self.cue is not None:
            self.cue.stop()
            self.cue = None
        self._set_state(FINISHING)
        line_id = self.line_id

        def finish() -> None:
            try:
                result = rec.stop()
            except Exception as exc:  # noqa: BLE001 - reported to the user, the file stays for recovery
                log.exception("finalising a take failed")
                result = exc
            self._finished.emit(result, line_id)

        threading.Thread(target=finish, name="take-finalise", daemon=True).start()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """For tests and shutdown: process events until the controller is idle again."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(int(timeout * 1000))
        while self.state != IDLE and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return self.state == IDLE

    def _on_finished(self, result: object, line_id: str) -> None:
        self.recorder = None
        self._close_monitor()
        self._set_state(IDLE)
        if not isinstance(result, RecordingResult):
            self.message.emit(tr("The take could not be finished (%1); it will be recovered when the "
                                 "project is next opened.").replace("%1", str(result)))
            return
        if remove_if_empty(result):
            self.message.emit(result.message or tr("Nothing was recorded: the input delivered no audio."))
            self.start_live()
            return
        found = take_ops.find_line(self.session, line_id)
        if found is not None and self.session.bundle is not None:
            meta = result.meta
            take = Take(
                id=meta["take_id"], path=self.session.bundle.relative(result.path), name=meta["name"],
                created_at=meta["created_at"], sample_rate=result.sample_rate, samples=result.samples,
                latency_samples=result.latency_samples,
                # latency compensation can overshoot by a millisecond on a busy machine; a take never
                # starts before the picture it was recorded to
                picture_offset_samples=max(0, result.picture_offset_samples or 0),
                dropped_samples=max(result.dropped_samples, result.overflows), device=result.device,
                performer=meta.get("performer", ""))
            take_ops.add_take(self.session, found[2], take)
            self.takeRecorded.emit(line_id, take.id)
        texts = [result.message] if result.message else []
        if result.flagged:
            texts.append(dropped_audio_notice(result))
        for text in texts:
            self.message.emit(text)
        self.start_live()

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    # ----------------------------------------------------------------- playback
    def play_file(self, path: Path) -> BufferPlayer | None:
        """Play a take (or its processed version) on the output device."""
        import soundfile as sf

        self.stop_playback()
        if self.output is None:
            self.message.emit(tr("There is no output device to play on."))
            return None
        try:
            audio, rate = sf.read(path, dtype="float32", always_2d=True)
        except (OSError, RuntimeError) as exc:
            self.message.emit(tr("Could not read the take: %1").replace("%1", str(exc)))
            return None
        self.cue_play = BufferPlayer(audio[:, :1], self.output.index, rate=rate or PROJECT_RATE)
        try:
            self.cue_play.start()
        except DeviceError as exc:
            self.message.emit(str(exc))
            self.cue_play = None
        return self.cue_play

    def stop_playback(self) -> None:
        player = getattr(self, "cue_play", None)
        if player is not None:
            player.stop()
            self.cue_play = None

    # ----------------------------------------------------------------- recovery
    def recover(self) -> None:
        items = recover_takes(self.session)
        attached = [i for i in items if i.attached]
        if attached:
            total = sum(i.seconds for i in attached)
            self.message.emit(tr("Recovered %1 take(s) (%2 s) interrupted when the app stopped during "
                                 "recording. They are marked “recovered” in the booth.")
                              .replace("%1", str(len(attached))).replace("%2", f"{total:.1f}"))
        for item in items:
            if not item.attached:
                self.message.emit(tr("A take interrupted by a crash belongs to a line that no longer exists; "
                                     "its audio was kept at %1.").replace("%1", item.path))

    def shutdown(self) -> None:
        if self.state in (COUNT_IN, RECORDING):
            rec = self.recorder
            self._poll.stop()
            if self.cue is not None:
                self.cue.stop()
            if rec is not None:
                result = rec.stop()
                self._on_finished(result, self.line_id)
        self.stop_playback()
        self.stop_live()


def booth_controller(session: Session) -> BoothController:
    """The session's booth: ``session.services.booth`` (kept for callers not yet moved)."""
    return session.services.booth
