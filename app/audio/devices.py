"""Audio devices as PortAudio sees them, and picking one with a fallback.

PortAudio enumerates devices once, at initialisation: to see a device plugged in
(or a sound server started) after that, it must be terminated and initialised
again (``refresh``), which is only safe while no stream is open.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

import sounddevice as sd
from PySide6.QtCore import QCoreApplication

_LOCK = threading.Lock()


def tr(text: str) -> str:
    # pyside6-lupdate files calls of a module-level tr() under the empty context: look them up there
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class AudioDevice:
    """One PortAudio device. ``name`` is what the choice is remembered by (indices move)."""

    index: int
    name: str
    hostapi: str
    input_channels: int
    output_channels: int
    default_samplerate: float
    input_latency: float  # seconds, PortAudio's "low" latency for input
    output_latency: float
    is_default_input: bool = False
    is_default_output: bool = False

    @property
    def is_input(self) -> bool:
        return self.input_channels > 0

    @property
    def is_output(self) -> bool:
        return self.output_channels > 0

    @property
    def label(self) -> str:
        return f"{self.name} ({self.hostapi})"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def refresh() -> None:
    """Re-initialise PortAudio so devices added or removed since start-up are seen.

    Callers must have closed every stream first (the booth does).
    """
    with _LOCK:
        try:
            sd._terminate()
        except sd.PortAudioError:
            pass
        sd._initialize()


def _default_indices() -> tuple[int, int]:
    try:
        default_in, default_out = sd.default.device
    except (TypeError, ValueError):
        default_in = default_out = -1
    # sounddevice reports -1 for "PortAudio's default" when none was set; ask PortAudio then
    if default_in is None or default_in < 0:
        default_in = _portaudio_default("input")
    if default_out is None or default_out < 0:
        default_out = _portaudio_default("output")
    return int(default_in), int(default_out)


def _portaudio_default(kind: str) -> int:
    try:
        return int(sd.query_devices(kind=kind)["index"])
    except (sd.PortAudioError, ValueError, KeyError, TypeError):
        return -1


def list_devices(*, rescan: bool = False) -> list[AudioDevice]:
    """All devices, inputs and outputs together; empty when there is no sound system."""
    if rescan:
        refresh()
    with _LOCK:
        try:
            raw = sd.query_devices()
            hostapis = sd.query_hostapis()
        except sd.PortAudioError:
            return []
        default_in, default_out = _default_indices()
    devices = []
    for info in raw:
        index = int(info["index"])
        devices.append(AudioDevice(
            index=index,
            name=str(info["name"]),
            hostapi=str(hostapis[info["hostapi"]]["name"]),
            input_channels=int(info["max_input_channels"]),
            output_channels=int(info["max_output_channels"]),
            default_samplerate=float(info["default_samplerate"]),
            input_latency=float(info["default_low_input_latency"]),
            output_latency=float(info["default_low_output_latency"]),
            is_default_input=index == default_in and info["max_input_channels"] > 0,
            is_default_output=index == default_out and info["max_output_channels"] > 0,
        ))
    return devices


def input_devices(devices: list[AudioDevice] | None = None) -> list[AudioDevice]:
    return [d for d in (devices if devices is not None else list_devices()) if d.is_input]


def output_devices(devices: list[AudioDevice] | None = None) -> list[AudioDevice]:
    return [d for d in (devices if devices is not None else list_devices()) if d.is_output]


@dataclass(frozen=True)
class DeviceChoice:
    """The device to use and, when it is not the one asked for, why (shown to the user)."""

    device: AudioDevice | None
    message: str = ""


def resolve(name: str, kind: str, devices: list[AudioDevice] | None = None) -> DeviceChoice:
    """The device called ``name`` for ``kind`` ("input"/"output"), else the default with a message.

    An empty name means "the system default". ``device`` is None only when the
    machine has no device of that kind at all.
    """
    candidates = (input_devices if kind == "input" else output_devices)(devices)
    if not candidates:
        text = (tr("No microphone or other audio input was found. Connect one, then press Refresh.")
                if kind == "input" else
                tr("No audio output (speakers or headphones) was found. Connect one, then press Refresh."))
        return DeviceChoice(None, text)
    if name:
        for dev in candidates:
            if dev.name == name:
                return DeviceChoice(dev)
    flag = "is_default_input" if kind == "input" else "is_default_output"
    fallback = next((d for d in candidates if getattr(d, flag)), candidates[0])
    if name:
        text = (tr("The input device “%1” is not connected; using “%2” instead.") if kind == "input"
                else tr("The output device “%1” is not connected; using “%2” instead."))
        return DeviceChoice(fallback, text.replace("%1", name).replace("%2", fallback.name))
    return DeviceChoice(fallback)


def devices_report(devices: list[AudioDevice] | None = None) -> dict[str, Any]:
    """What ``microdrama devices`` prints: inputs and outputs with their defaults."""
    devices = devices if devices is not None else list_devices()
    return {
        "portaudio": sd.get_portaudio_version()[1],
        "inputs": [d.to_json() for d in input_devices(devices)],
        "outputs": [d.to_json() for d in output_devices(devices)],
        "default_input": next((d.name for d in devices if d.is_default_input), None),
        "default_output": next((d.name for d in devices if d.is_default_output), None),
    }
