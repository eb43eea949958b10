"""Breakdown by a language model: the model proposes the shot list, we check and shape it.

The model gets the series bible, the cast and the screenplay, and must answer a
JSON object of scenes and shots (fields below). Whatever it answers is
validated field by field and turned into the same Scene/Shot objects as the
heuristic breakdown, so the merge and the editors treat both alike. A reply that
is not usable JSON is an error the creator sees, never half-applied.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.model import DialogueLine, Episode, Scene, Series, Shot
from app.script.breakdown import _character, _location, shot_code, speaking_seconds, split_heading
from app.script.language import is_chinese
from app.script.text_provider import configured_text_provider, text_client

if TYPE_CHECKING:
    from providers.base import CancelToken

SYSTEM = (
    "You are the first assistant director of a vertical (9:16) short drama series for Douyin and TikTok. "
    "Break the screenplay into shots. Every line of dialogue belongs to exactly one shot, in order. "
    "Shots last 2 to 8 seconds; a shot with dialogue lasts at least as long as it takes to say it. "
    "Answer only with JSON: {\"scenes\": [{\"heading\": str, \"shots\": [{\"action\": str, "
    "\"duration_seconds\": number, \"shot_size\": str, \"camera_angle\": str, \"camera_movement\": str, "
    "\"characters\": [str], \"image_prompt\": str, \"motion_prompt\": str, \"dialogue\": [{\"character\": str, "
    "\"parenthetical\": str, \"text\": str}]}]}]}. Refer to characters as @Name, keep the visual style of the "
    "bible, keep every line of dialogue exactly as written."
)


def prompt_language(series: Series) -> str:
    """Action, prompts and notes in the series' language (dialogue stays as written)."""
    if is_chinese(series):
        return ("Write action, image_prompt and motion_prompt in Simplified Chinese; shot_size, camera_angle and "
                "camera_movement in English film terms (wide, close-up, low angle, slow push in...).")
    return "Write action, image_prompt and motion_prompt in English."


def bible_context(series: Series) -> str:
    bible = series.bible
    cast = "\n".join(f"- {c.name}: {c.description}" for c in series.characters if c.name)
    places = "\n".join(f"- {loc.name}: {loc.description}" for loc in series.locations if loc.name)
    parts = [f"Series: {series.title}", f"Premise: {bible.premise}", f"Genre: {bible.genre}", f"Tone: {bible.tone}",
             f"Visual style: {bible.visual_style}", f"Characters:\n{cast}" if cast else "",
             f"Locations:\n{places}" if places else "", f"Notes: {bible.notes}" if bible.notes else ""]
    return "\n".join(p for p in parts if p and not p.endswith(": "))


def _json_object(text: str) -> dict[str, Any]:
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    body = fenced.group(1) if fenced else text
    start, end = body.find("{"), body.rfind("}")
    if start < 0 or end <= start:
        raise UserError(QCoreApplication.translate("ScriptLlmBreakdown", "The language model did not answer with a shot list (no JSON object). Try again, or break down without AI."))
    try:
        data = json.loads(body[start:end + 1])
    except json.JSONDecodeError as exc:
        raise UserError(QCoreApplication.translate("ScriptLlmBreakdown", "The language model's shot list is not valid JSON ({msg} at character {pos}). Try again, or break down without AI.").format(msg=exc.msg, pos=exc.pos)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("scenes"), list):
        raise UserError(QCoreApplication.translate("ScriptLlmBreakdown", "The language model's answer has no \"scenes\" list. Try again, or break down without AI."))
    return data


def _text(value: Any, limit: int = 2000) -> str:
    return str(value).strip()[:limit] if isinstance(value, (str, int, float)) else ""


def scenes_from_json(data: dict[str, Any], series: Series, episode_number: int, fps: int) -> list[Scene]:
    scenes: list[Scene] = []
    for scene_index, raw_scene in enumerate(data["scenes"], start=1):
        if not isinstance(raw_scene, dict):
            continue
        heading = _text(raw_scene.get("heading"), 200)
        location = _location(series, split_heading(heading).location)
        scene = Scene(number=scene_index, heading=heading, location_id=location.id if location else None)
        for shot_index, raw in enumerate(raw_scene.get("shots") or [], start=1):
            if not isinstance(raw, dict):
                continue
            shot = Shot(code=shot_code(episode_number, scene_index, shot_index), number=shot_index,
                        location_id=scene.location_id, action=_text(raw.get("action")),
                        shot_size=_text(raw.get("shot_size"), 40), camera_angle=_text(raw.get("camera_angle"), 40),
                        camera_movement=_text(raw.get("camera_movement"), 60),
                        image_prompt=_text(raw.get("image_prompt")), motion_prompt=_text(raw.get("motion_prompt")))
            names = [_text(n, 40) for n in raw.get("characters") or [] if _text(n, 40)]
            for line in raw.get("dialogue") or []:
                if not isinstance(line, dict) or not _text(line.get("text")):
                    continue
                speaker = _character(series, _text(line.get("character"), 40) or "?")
                shot.dialogue.append(DialogueLine(character_id=speaker.id, character_name=speaker.name,
                                                  text=_text(line.get("text")),
                                                  parenthetical=_text(line.get("parenthetical"), 80)))
                if speaker.name not in names:
                    names.append(speaker.name)
            shot.character_ids = [_character(series, n.lstrip("@")).id for n in names]
            spoken = sum(speaking_seconds(d.text) + 0.4 for d in shot.dialogue)
            try:
                seconds = float(raw.get("duration_seconds") or 0)
            except (TypeError, ValueError):
                seconds = 0.0
            seconds = min(15.0, max(2.0, seconds, spoken + 0.6))
            shot.duration = round(seconds * fps)
            key_text = shot.action + "\n" + "\n".join(d.text for d in shot.dialogue)
            shot.script_key = hashlib.sha1(key_text.encode("utf-8")).hexdigest()[:12]
            scene.shots.append(shot)
        if scene.shots:
            scenes.append(scene)
    if not scenes:
        raise UserError(QCoreApplication.translate("ScriptLlmBreakdown", "The language model returned no shots. Try again, or break down without AI."))
    return scenes


class InvalidShotList(UserError):
    """The model answered twice, and neither answer was a usable shot list (offer the rule-based breakdown)."""


def model_breakdown(provider_name: str, cancel: CancelToken | None = None) -> Callable[[Series, Episode, str], list[Scene]]:
    """Break down with the model; an unusable answer is asked for again once, with what was wrong."""

    def run(series: Series, episode: Episode, text: str) -> list[Scene]:
        from providers.base import ChatMessage, TextRequest
        from providers.errors import ProviderError

        client = text_client(provider_name)
        messages = [
            ChatMessage("system", f"{SYSTEM} {prompt_language(series)}"),
            ChatMessage("user", f"{bible_context(series)}\n\nEpisode {episode.number} screenplay (Fountain):\n\n{text}"),
        ]
        for attempt in (1, 2):
            try:
                reply = client.chat(TextRequest(messages=messages, temperature=0.3, json_mode=True), cancel=cancel)
            except ProviderError as exc:
                raise UserError(QCoreApplication.translate("ScriptLlmBreakdown", "The text provider {provider_name} could not break the script down: {exc}").format(provider_name=provider_name, exc=exc)) from exc
            try:
                return scenes_from_json(_json_object(reply.text), series, episode.number, series.settings.fps)
            except UserError as exc:
                if attempt == 2:
                    raise InvalidShotList(str(exc)) from exc
                # once more, telling the model what was wrong: most models fix a broken list when shown why
                messages += [ChatMessage("assistant", reply.text[:8000]),
                             ChatMessage("user", f"That answer could not be used: {exc} Answer again with only the "
                                                 "JSON object described, nothing else.")]
        raise AssertionError("unreachable")

    return run


def configured_breakdown() -> tuple[Callable[[Series, Episode, str], list[Scene]], str] | None:
    """(breakdown function, description) for the configured text provider, or None."""
    name = configured_text_provider()
    if name is None:
        return None
    return model_breakdown(name), f"language model ({name})"
