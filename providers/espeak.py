"""Offline scratch voices: Debian's espeak-ng speaking Mandarin and English, no network, no key.

A robotic voice, but a new user hears a whole episode minutes after writing it, and the
timing of every line is real enough to cut picture against. Each character gets a voice
of its own from espeak-ng's variants plus pitch and speed (the app picks them
deterministically from the character, see ``app/voices/cast.py``).

The request's ``voice`` is ``<language>+<variant>`` (e.g. ``cmn+f3``, ``en-us+m2``; a bare
language or empty picks from the text), ``speed`` a multiplier of the normal rate and
``parameters["pitch"]`` 0-99. Delivery instructions (parentheticals) are ignored: espeak-ng
cannot act. It fits the task shape synchronously like the motion provider: ``submit``
runs espeak-ng (killed at once on cancel) and writes the checked 48 kHz WAV take.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Any

from providers import errors as E
from providers import speech_audio
from providers.base import (
    SPEECH,
    CancelToken,
    GenerationRequest,
    OutputRef,
    SpeechRequest,
    TaskHandle,
)
from providers.errors import ProviderError
from providers.spoken import SpokenResultClient

BINARY = "espeak-ng"
MANDARIN = "cmn"
ENGLISH = "en-us"
LANGUAGES = (MANDARIN, ENGLISH)
FEMALE_VARIANTS = ("f1", "f2", "f3", "f4", "f5")
MALE_VARIANTS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7")
BASE_WPM = {MANDARIN: 170, ENGLISH: 165}
MAX_CHARS = 600  # one espeak-ng call per piece keeps cancel prompt and memory small
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_VOICE = re.compile(r"^[a-z]{2,3}(-[a-z]{2,8})?(\+[a-z0-9]{1,12})?$", re.IGNORECASE)


def language_for(text: str) -> str:
    """Mandarin when the text holds Chinese characters, else English."""
    return MANDARIN if _CJK.search(text) else ENGLISH


def available() -> bool:
    return shutil.which(BINARY) is not None


class EspeakProvider(SpokenResultClient):
    """espeak-ng text to speech; settings: none needed (``binary`` for a non-standard install)."""

    secret_keys = ()
    default_poll_interval = 0.0

    def __init__(self, settings: Any, *, name: str, staging_dir: Path | None = None) -> None:
        super().__init__(settings, name=name, staging_dir=staging_dir)
        self.binary = str(self.settings.get("binary") or BINARY)

    def voice_for(self, request: SpeechRequest) -> str:
        voice = (request.voice or "").strip()
        if voice and not _VOICE.match(voice):
            raise self.error(f"{voice!r} is not an espeak-ng voice (use e.g. cmn+f3 or en-us+m2)",
                             kind=E.BAD_REQUEST)
        if not voice:
            return language_for(request.text)
        return voice

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        if not isinstance(request, SpeechRequest):
            raise self.error(f"{request.capability} is not something espeak-ng makes", kind=E.CONFIG)
        text = request.text.strip()
        if not text:
            raise self.error("there is no text to speak", kind=E.BAD_REQUEST)
        binary = shutil.which(self.binary)
        if binary is None:
            raise self.error("espeak-ng is not installed (Debian: apt-get install espeak-ng)", kind=E.CONFIG)
        voice = self.voice_for(request)
        language = voice.split("+", 1)[0].lower()
        wpm = round(BASE_WPM.get(language, 165) * min(2.5, max(0.4, float(request.speed or 1.0))))
        pitch = int(min(99, max(0, int(request.parameters.get("pitch", 50)))))
        self.staging_dir.mkdir(parents=True, exist_ok=True)
        task_id = f"espeak-{uuid.uuid4().hex[:12]}"
        pieces = []
        with tempfile.TemporaryDirectory(dir=self.staging_dir) as tmp:
            for i, piece in enumerate(speech_audio.split_text(text, MAX_CHARS)):
                out = Path(tmp) / f"{i}.wav"
                self._run([binary, "-v", voice, "-s", str(wpm), "-p", str(pitch), "-w", str(out), "--stdin"],
                          piece, cancel)
                try:
                    pieces.append(speech_audio.decode(out.read_bytes(), "wav"))
                except speech_audio.AudioRejected as exc:
                    raise self.error(f"espeak-ng wrote no usable audio: {exc}", kind=E.INVALID_RESPONSE) from None
        final = self.staging_dir / f"{task_id}.wav"
        try:
            speech_audio.finish(pieces, final)
        except speech_audio.AudioRejected as exc:
            raise self.error(f"espeak-ng's speech is unusable: {exc}", kind=E.INVALID_RESPONSE) from None
        return TaskHandle(provider=self.name, capability=SPEECH, task_id=task_id, model="espeak-ng",
                          endpoint={"voice": voice, "words_per_minute": wpm, "pitch": pitch},
                          outputs=[OutputRef(path=str(final), media_type="audio", mime="audio/wav",
                                             filename=f"{task_id}.wav").to_dict()])

    def _run(self, argv: list[str], text: str, cancel: CancelToken | None) -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        unregister = cancel.on_cancel(proc.kill) if cancel is not None else (lambda: None)
        try:
            _out, err = proc.communicate(text.encode("utf-8"), timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise self.error("espeak-ng took more than 2 minutes", kind=E.TIMEOUT) from None
        finally:
            unregister()
        if cancel is not None:
            cancel.raise_if_cancelled()
        if proc.returncode != 0:
            message = err.decode("utf-8", "replace").strip()[:200] or f"exit code {proc.returncode}"
            raise ProviderError(f"{self.name}: espeak-ng failed: {message}", retryable=False, kind=E.BAD_REQUEST,
                                provider=self.name)

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        if shutil.which(self.binary) is None:
            raise self.error("espeak-ng is not installed (Debian: apt-get install espeak-ng)", kind=E.CONFIG)
        return "Ready: speaks offline with espeak-ng (scratch voice)"
