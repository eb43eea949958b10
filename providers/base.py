"""Per-capability provider protocols and the JSON-safe data they exchange.

Generation (image, video, music, speech) is modelled as a *remote task*, so a paid
generation survives a restart of the app:

    handle = provider.submit(request, cancel)     # one paid call; persist handle.to_dict() at once
    status = provider.poll(handle, cancel)        # repeat every provider.poll_interval(handle) s
    path = provider.download(status.outputs[0], dest_dir, cancel)   # checked: size, type, decodes
    provider.cancel(handle)                       # best effort on the vendor's side

Synchronous APIs (OpenAI images and speech, the offline motion provider) fit the same
shape: ``submit`` does the work, keeps the outputs in the handle, and ``poll`` answers
``succeeded`` straight away.

Text is a stream: ``provider.stream_chat(request, cancel)`` returns a :class:`ChatStream`
that yields text deltas and, once exhausted, holds the full text, finish reason and usage.

Everything here is plain dataclasses with ``to_dict``/``from_dict`` so job records can
store requests and handles in project.json. Every call may raise
:class:`providers.errors.ProviderError` (classified retryable or not) or
:class:`providers.errors.ProviderCancelled`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import Field, asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol, Self, runtime_checkable

from providers.errors import ProviderCancelled

# Capabilities, as listed by the registry.
TEXT = "text"
IMAGE = "image"
VIDEO = "video"
MUSIC = "music"
SPEECH = "speech"
LIPSYNC = "lipsync"  # a clip and a sound in, the clip with moved mouths out (providers.lipsync)
CAPABILITIES = (TEXT, IMAGE, VIDEO, MUSIC, SPEECH, LIPSYNC)

# Task states (the vendors' own words are mapped onto these).
QUEUED = "queued"
RUNNING = "running"
SUCCEEDED = "succeeded"
FAILED = "failed"
CANCELLED = "cancelled"
TASK_STATES = (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED)
FINAL_STATES = frozenset({SUCCEEDED, FAILED, CANCELLED})

# A progress callback receives a fraction 0..1 (or None when unknown) and a short message.
ProgressFn = Callable[[float | None, str], None]


def utc_now() -> str:
    """An ISO-8601 UTC timestamp (seconds) for handles and provenance."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class CancelToken:
    """Thread-safe cancel flag shared by the job queue and a running provider call.

    Clients check it between steps, sleep through :meth:`wait` (which wakes at once on
    cancel) and close streams/connections registered with :meth:`on_cancel`.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        self._stop()

    def _stop(self, mark: Callable[[], None] | None = None) -> None:
        """Set the flag once (``mark`` runs under the lock, first stop only), then run the callbacks."""
        with self._lock:
            if self._event.is_set():
                return
            if mark is not None:
                mark()
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # a failing close must not stop the other callbacks
                pass

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise ProviderCancelled("cancelled")

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True if cancelled meanwhile."""
        return self._event.wait(max(0.0, seconds))

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Run ``callback`` on cancel (at once if already cancelled); returns an unregister function."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)

                def unregister() -> None:
                    with self._lock:
                        if callback in self._callbacks:
                            self._callbacks.remove(callback)
                return unregister
        callback()
        return lambda: None


def ensure_token(cancel: CancelToken | None) -> CancelToken:
    return cancel if cancel is not None else CancelToken()


class _Serial:
    """to_dict/from_dict for flat dataclasses; unknown keys are ignored so old records stay loadable."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # every subclass is a dataclass

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


# --- text ---------------------------------------------------------------------------------------

@dataclass
class ChatMessage(_Serial):
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass
class Usage(_Serial):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


@dataclass
class TextRequest(_Serial):
    """A chat completion. ``model`` empty = the provider's configured model."""

    capability: ClassVar[str] = TEXT
    messages: list[ChatMessage] = field(default_factory=list)
    model: str = ""
    temperature: float | None = None
    max_tokens: int | None = None
    json_mode: bool = False
    parameters: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextRequest:
        data = dict(data)
        data["messages"] = [m if isinstance(m, ChatMessage) else ChatMessage.from_dict(m)
                            for m in data.get("messages", [])]
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["capability"] = TEXT
        return d


@dataclass
class TextResult(_Serial):
    text: str = ""
    finish_reason: str = ""
    usage: Usage = field(default_factory=Usage)
    model: str = ""


class ChatStream:
    """Iterate to receive text deltas; afterwards ``result`` holds text, finish reason and usage.

    ``close()`` (or the cancel token) stops the stream and releases the connection;
    iterating a cancelled stream raises :class:`ProviderCancelled`.
    """

    def __init__(self, deltas: Iterator[str], result: TextResult, close: Callable[[], None] | None = None):
        self._deltas = deltas
        self.result = result
        self._close = close
        self.done = False

    def __iter__(self) -> Iterator[str]:
        try:
            for delta in self._deltas:
                self.result.text += delta
                yield delta
            self.done = True
        finally:
            self.close()

    def close(self) -> None:
        if self._close is not None:
            close, self._close = self._close, None
            close()

    def collect(self) -> TextResult:
        """Consume the whole stream and return the result."""
        for _ in self:
            pass
        return self.result

    @property
    def text(self) -> str:
        return self.result.text

    @property
    def usage(self) -> Usage:
        return self.result.usage


# --- generation requests ---------------------------------------------------------------------------

@dataclass
class GenerationRequest(_Serial):
    """Fields every generation shares; they are what a provenance record keeps.

    ``reference_inputs`` are local file paths (or URLs) of images fed to the model;
    ``parameters`` carries vendor-specific extras (e.g. Kling ``mode``, ``cfg_scale``)
    that the client passes through unchanged.
    """

    capability: ClassVar[str] = ""
    model: str = ""
    prompt: str = ""
    negative_prompt: str = ""
    seed: int | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    client_ref: str = ""  # our id for this create call, chosen before sending; vendors that take one get it

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["capability"] = self.capability
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @property
    def reference_inputs(self) -> list[str]:
        return []


@dataclass
class ImageRequest(GenerationRequest):
    """Still images. Give ``width``/``height`` or ``aspect_ratio`` (e.g. "9:16"); the client
    maps them to the nearest size the model supports."""

    capability: ClassVar[str] = IMAGE
    width: int = 0
    height: int = 0
    aspect_ratio: str = "9:16"
    n: int = 1
    reference_images: list[str] = field(default_factory=list)

    @property
    def reference_inputs(self) -> list[str]:
        return list(self.reference_images)


@dataclass
class VideoRequest(GenerationRequest):
    """Video clips: text-to-video when ``first_frame`` is empty, image-to-video otherwise;
    ``last_frame`` where the model supports an end frame. ``duration`` in seconds."""

    capability: ClassVar[str] = VIDEO
    first_frame: str = ""
    last_frame: str = ""
    duration: float = 5.0
    aspect_ratio: str = "9:16"
    width: int = 0
    height: int = 0
    fps: int = 30

    @property
    def reference_inputs(self) -> list[str]:
        return [p for p in (self.first_frame, self.last_frame) if p]


@dataclass
class MusicRequest(GenerationRequest):
    capability: ClassVar[str] = MUSIC
    style: str = ""
    duration: float = 30.0
    instrumental: bool = True


@dataclass
class SpeechRequest(GenerationRequest):
    """Text to speech for scratch dialogue; ``prompt`` is unused, the words are ``text``."""

    capability: ClassVar[str] = SPEECH
    text: str = ""
    voice: str = ""
    speed: float = 1.0
    audio_format: str = "wav"
    instructions: str = ""
    source_audio: str = ""  # speech-to-speech: a recording to say again in ``voice`` (empty = text to speech)

    @property
    def reference_inputs(self) -> list[str]:
        return [self.source_audio] if self.source_audio else []


REQUEST_TYPES: dict[str, type[GenerationRequest]] = {
    IMAGE: ImageRequest, VIDEO: VideoRequest, MUSIC: MusicRequest, SPEECH: SpeechRequest,
}


def request_from_dict(data: dict[str, Any]) -> GenerationRequest | TextRequest:
    """Rebuild a request stored by ``to_dict`` (dispatching on its ``capability``)."""
    capability = data.get("capability", "")
    if capability == TEXT:
        return TextRequest.from_dict(data)
    if capability == LIPSYNC and LIPSYNC not in REQUEST_TYPES:
        import providers.lipsync  # noqa: F401 - registers LipSyncRequest
    try:
        return REQUEST_TYPES[capability].from_dict(data)
    except KeyError:
        raise ValueError(f"unknown request capability {capability!r}") from None


# --- tasks ------------------------------------------------------------------------------------------

@dataclass
class OutputRef(_Serial):
    """One result file: a ``url`` to fetch, or a local ``path`` a synchronous call already wrote.

    ``media_type`` is "image", "video" or "audio"; ``mime`` the expected MIME type if known.
    """

    url: str = ""
    path: str = ""
    media_type: str = ""
    mime: str = ""
    filename: str = ""
    index: int = 0
    # Vendor-specific fetch details (e.g. ComfyUI filename/subfolder/type); JSON only.
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class TaskHandle(_Serial):
    """Everything needed to resume polling a remote task after a restart (JSON-safe).

    ``endpoint`` holds vendor routing details (e.g. Kling "image2video", fal status
    and response URLs, ComfyUI client id). ``outputs`` is filled by synchronous
    providers whose result exists the moment ``submit`` returns.
    """

    provider: str = ""
    capability: str = ""
    task_id: str = ""
    model: str = ""
    endpoint: dict[str, Any] = field(default_factory=dict)
    submitted_at: str = field(default_factory=utc_now)
    outputs: list[dict[str, Any]] = field(default_factory=list)
    cost_units: float = 0.0

    def output_refs(self) -> list[OutputRef]:
        return [OutputRef.from_dict(o) for o in self.outputs]


@dataclass
class TaskStatus(_Serial):
    """A poll answer. ``progress`` 0..1 or None when the vendor does not say.

    ``error`` is a plain-words message when ``state`` is failed; ``vendor_status`` the
    vendor's own status word, ``vendor_message`` its text (e.g. Kling ``task_status_msg``).
    """

    state: str = QUEUED
    progress: float | None = None
    outputs: list[OutputRef] = field(default_factory=list)
    error: str = ""
    vendor_status: str = ""
    vendor_message: str = ""
    queue_position: int | None = None
    # The task was moved (a farm queued it on another server): the handle to keep from now on.
    moved_to: TaskHandle | None = None

    @property
    def done(self) -> bool:
        return self.state in FINAL_STATES

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TaskStatus:
        data = dict(data)
        data["outputs"] = [o if isinstance(o, OutputRef) else OutputRef.from_dict(o)
                           for o in data.get("outputs", [])]
        if isinstance(data.get("moved_to"), dict):
            data["moved_to"] = TaskHandle.from_dict(data["moved_to"])
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def provenance_fields(request: GenerationRequest, handle: TaskHandle, *, cost: float = 0.0) -> dict[str, Any]:
    """The provenance record for an asset made by ``request`` (keys of ``app.model.media.Provenance``)."""
    params = {k: v for k, v in request.to_dict().items()
              if k not in ("model", "prompt", "negative_prompt", "seed", "parameters", "capability",
                           "reference_images", "first_frame", "last_frame", "text", "source_audio",
                           "client_ref")}
    params.update(request.parameters)
    prompt = request.text if isinstance(request, SpeechRequest) else request.prompt
    return {
        # A motion clip over an AI still stays "generated": it must keep the AI-content label on export.
        "source": "imported" if handle.provider == "import" else "generated",
        "provider": handle.provider,
        "model": handle.model or request.model,
        "prompt": prompt,
        "negative_prompt": request.negative_prompt,
        # Providers that pick a random seed record it in the handle: the asset must be reproducible.
        "seed": request.seed if request.seed is not None else handle.endpoint.get("seed"),
        "parameters": params,
        "reference_inputs": list(request.reference_inputs),
        "task_id": handle.task_id,
        "created_at": utc_now(),
        "cost": cost,
    }


# --- protocols ----------------------------------------------------------------------------------------

@runtime_checkable
class TextProvider(Protocol):
    name: str

    def stream_chat(self, request: TextRequest, cancel: CancelToken | None = None) -> ChatStream: ...

    def chat(self, request: TextRequest, cancel: CancelToken | None = None) -> TextResult: ...


@runtime_checkable
class GenerationProvider(Protocol):
    """The task shape shared by image, video, music and speech providers."""

    name: str

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle: ...

    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus: ...

    def download(self, output: OutputRef, dest_dir: Path, cancel: CancelToken | None = None,
                 progress: ProgressFn | None = None) -> Path: ...

    def cancel(self, handle: TaskHandle) -> None: ...

    def poll_interval(self, handle: TaskHandle) -> float: ...


class ImageProvider(GenerationProvider, Protocol):
    """``submit`` takes an :class:`ImageRequest`."""


class VideoProvider(GenerationProvider, Protocol):
    """``submit`` takes a :class:`VideoRequest`."""


class MusicProvider(GenerationProvider, Protocol):
    """``submit`` takes a :class:`MusicRequest`."""


class SpeechProvider(GenerationProvider, Protocol):
    """``submit`` takes a :class:`SpeechRequest`."""


@runtime_checkable
class ConnectionCheck(Protocol):
    def check_connection(self, cancel: CancelToken | None = None) -> str:
        """Make a cheap authenticated call; return a short success text or raise ProviderError."""
        ...
