"""What "Generate Voices" makes: one speech job per line of a line, shot, scene or episode.

The GUI (Storyboard, Voice Booth, Generate menu) and ``microdrama voices`` call the same
functions, so they agree on what is missing. A line is skipped when it has no words,
already has a chosen take (unless ``regenerate``), or has a voice job in flight. Jobs are
ordinary persistent ``GenerationJob``s with a "take" landing, so they get the queue's
progress, cancel, retry, cost, budget and resume after a restart.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.jobs.generation import GenerationJob
from app.model import DialogueLine, Episode, Scene, Series, Shot
from app.voices.cast import SCRATCH_PROVIDER, VoiceSpec, espeak_pitch, voice_for

if TYPE_CHECKING:
    from app.jobs.job import Job
    from providers.base import SpeechRequest

TAKE_SLOT = "take"
MAX_LINE_CHARS = 5000  # longer than any line a person would perform; a pasted chapter is a mistake


class Scope(Enum):
    LINE = "line"
    SHOT = "shot"
    SCENE = "scene"
    EPISODE = "episode"


@dataclass
class VoicePlan:
    """The jobs to queue and, in plain words, the lines left alone and why."""

    jobs: list[GenerationJob] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    batch: str = ""


def delivery(spec: VoiceSpec, line: DialogueLine) -> str:
    """Delivery instructions: the character's default note, then the line's parenthetical."""
    parts = [spec.note.strip(), line.parenthetical.strip().strip("()（）").strip()]
    return "; ".join(p for p in parts if p)


def speech_request(series: Series, line: DialogueLine, provider: str | None = None
                   ) -> tuple[VoiceSpec, SpeechRequest]:
    from providers.base import SpeechRequest

    spec = voice_for(series, line, provider)
    parameters = {}
    if spec.provider == SCRATCH_PROVIDER:
        parameters["pitch"] = espeak_pitch(spec.pitch)
    elif spec.provider == "minimax_speech" and spec.pitch:
        parameters["pitch"] = int(round(spec.pitch * 12))  # semitones, -12..12
    request = SpeechRequest(text=line.text.strip(), voice=spec.voice, speed=spec.speed,
                            instructions=delivery(spec, line), parameters=parameters)
    return spec, request


def line_label(episode: Episode, shot: Shot, line: DialogueLine) -> str:
    name = line.character_name or QCoreApplication.translate("Voices", "Narrator")
    words = line.text.strip().replace("\n", " ")
    return f"{shot.code or f'E{episode.number:02d}'} {name}: {words[:24]}{'…' if len(words) > 24 else ''}"


def lines_in(episode: Episode, scope: Scope, target_id: str = "",
             line_ids: set[str] | None = None) -> list[tuple[Shot, DialogueLine]]:
    """The (shot, line) pairs of ``scope``: ``target_id`` names the line, shot or scene."""
    pairs = list(episode.dialogue_lines())
    if line_ids is not None:
        return [(s, ln) for s, ln in pairs if ln.id in line_ids]
    if scope is Scope.LINE:
        return [(s, ln) for s, ln in pairs if ln.id == target_id]
    if scope is Scope.SHOT:
        return [(s, ln) for s, ln in pairs if s.id == target_id]
    if scope is Scope.SCENE:
        scene: Scene | None = next((sc for sc in episode.scenes if sc.id == target_id), None)
        shot_ids = {s.id for s in scene.shots} if scene else set()
        return [(s, ln) for s, ln in pairs if s.id in shot_ids]
    return pairs


def in_flight_lines(jobs: list[Job]) -> set[str]:
    return {j.target.get("line_id", "") for j in jobs
            if not j.state.finished and j.target.get("slot") == TAKE_SLOT}


def plan_voices(series: Series, episode: Episode, pairs: list[tuple[Shot, DialogueLine]], *,
                provider: str | None = None, regenerate: bool = False,
                busy: set[str] | None = None) -> VoicePlan:
    """One job per line of ``pairs`` that needs a voice (see the module docstring)."""
    plan = VoicePlan(batch=uuid.uuid4().hex[:12])
    busy = busy or set()
    for shot, line in pairs:
        label = line_label(episode, shot, line)
        if not line.text.strip():
            plan.skipped.append(QCoreApplication.translate("Voices", "{line}: no words to speak").format(line=label))
            continue
        if len(line.text) > MAX_LINE_CHARS:
            plan.skipped.append(QCoreApplication.translate(
                "Voices", "{line}: {n} characters is too long for one line; split it").format(
                line=label, n=len(line.text)))
            continue
        if line.id in busy:
            continue
        chosen = line.chosen_take()
        if chosen is not None and not regenerate:
            continue
        spec, request = speech_request(series, line, provider)
        target = {"episode_id": episode.id, "shot_id": shot.id, "line_id": line.id, "slot": TAKE_SLOT,
                  "batch": plan.batch, "scratch": spec.scratch}
        # regenerating replaces an AI take on the track, never a performance the user recorded
        if regenerate and (chosen is None or chosen.is_ai):
            target["choose"] = True
        title = QCoreApplication.translate("Voices", "Voice {line}").format(line=label)
        plan.jobs.append(GenerationJob(spec.provider, request, title=title, target=target))
    return plan


def convert_job(session_bundle_root: Path, series: Series, episode: Episode, shot: Shot, line: DialogueLine,
                take_path: str, take_id: str, provider: str | None = None) -> GenerationJob:
    """Speech to speech: the booth take ``take_id`` said again in the character's voice.

    The result is a new take of the line, linked to its source (``Take.source_take_id``),
    placed like the source against picture, and chosen if the source was the chosen take.
    """
    from pathlib import Path

    from app.errors import UserError
    from app.voices.clone import can_convert

    spec, request = speech_request(series, line, provider)
    if not can_convert(spec.provider):
        raise UserError(QCoreApplication.translate(
            "Voices", "Converting a recording needs a character voice from a provider that does speech to speech "
            "(ElevenLabs): set it in Series Bible → Voices."))
    request.source_audio = str(Path(session_bundle_root) / take_path)
    request.instructions = ""
    target = {"episode_id": episode.id, "shot_id": shot.id, "line_id": line.id, "slot": TAKE_SLOT,
              "batch": uuid.uuid4().hex[:12], "source_take_id": take_id}
    title = QCoreApplication.translate("Voices", "Convert {line}").format(line=line_label(episode, shot, line))
    return GenerationJob(spec.provider, request, title=title, target=target)
