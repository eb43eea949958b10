"""Kling's current video options: per-model durations, sound, elements in the prompt, multi-shot.

From Kling's API capability map and create-task reference:
- ``duration`` is a string; kling-v3 takes any whole second "3".."15", earlier models "5" or "10"
  (the model cards hold the lists; an unknown model keeps the old "5"/"10").
- ``sound``: "on"|"off" on models that make audio (kling-v2-6 in pro mode, kling-v3).
- ``element_list: [{"element_id": long}]`` (at most 3 on image-to-video) and the prompt names each
  as ``<<<element_N>>>`` in list order.
- Multi-shot: ``multi_shot: true, shot_type: "customize", multi_prompt: [{"index", "prompt" (<= 512),
  "duration": "N"}]`` with 1..6 shots whose durations sum to ``duration``; the top-level prompt is
  then ignored and start/end frames are not supported.

A request carries these as ``parameters``: ``sound`` (bool or "on"/"off"), ``subjects`` (characters:
``{"key", "name", "description", "images", "element_id"}``; see :mod:`providers.kling_elements`) and
``multi_prompt`` (``[{"prompt", "duration"}]``).
"""

from __future__ import annotations

import re
from typing import Any

from providers import errors as E
from providers.base import VideoRequest
from providers.model_cards import card_for, refusal

# Request parameters this module turns into Kling fields (the client must not pass them through raw).
OWN_PARAMETERS = ("sound", "subjects", "multi_prompt", "reference_images")
MAX_SHOT_PROMPT = 512


def duration_choices(model: str) -> list[int]:
    card = card_for("kling", model)
    choices = card.duration_choices() if card is not None else []
    return [int(c) for c in choices] or [5, 10]


def duration_string(model: str, seconds: float) -> str:
    """The nearest length the model offers, as Kling's string (a longer one on a tie: trim, never stretch)."""
    return str(min(duration_choices(model), key=lambda d: (abs(d - seconds), -d)))


def tag_prompt(prompt: str, names: list[str]) -> str:
    """``prompt`` with each subject's first mention followed by its ``<<<element_N>>>`` (or the tag put in front)."""
    missing = []
    for i, name in enumerate(names, start=1):
        tag = f"<<<element_{i}>>>"
        pattern = re.compile(re.escape(name), re.IGNORECASE) if name.strip() else None
        if pattern is not None and pattern.search(prompt):
            prompt = pattern.sub(r"\g<0> " + tag, prompt, count=1)
        else:
            missing.append(tag)
    return " ".join([*missing, prompt]).strip()


def split_durations(total: int, weights: list[float]) -> list[int]:
    """Whole seconds (each >= 1) in proportion to ``weights`` that sum exactly to ``total``."""
    n = len(weights)
    if total < n:
        raise ValueError(f"{n} shots need at least {n} seconds")
    whole = sum(weights) or n
    raw = [max(1.0, total * w / whole) for w in weights]
    out = [max(1, int(r)) for r in raw]
    order = sorted(range(n), key=lambda i: raw[i] - out[i], reverse=True)
    i = 0
    while sum(out) < total:
        out[order[i % n]] += 1
        i += 1
    while sum(out) > total:
        j = max(range(n), key=lambda k: out[k])
        out[j] -= 1
    return out


def apply_current_options(client: Any, body: dict[str, Any], request: VideoRequest) -> None:
    """Add sound, elements and multi-shot to a Kling video ``body``; refuse what the model cannot do."""
    params = request.parameters
    model = str(body.get("model_name") or "")
    card = card_for("kling", model)
    problem = refusal("kling", model, request)
    if problem:
        raise client.error(problem, kind=E.BAD_REQUEST)
    sound = params.get("sound")
    if sound is not None:
        wanted = sound in (True, "on")
        if card is not None and card.audio:
            body["sound"] = "on" if wanted else "off"
        elif wanted:
            raise client.error(f"{model} makes silent video; choose kling-v2-6 or kling-v3 for sound",
                               kind=E.BAD_REQUEST)
    subjects = [s for s in params.get("subjects") or [] if s.get("element_id")]
    limit = card.reference_images if card is not None else 0
    names: list[str] = []
    if subjects and limit:
        used = subjects[:limit]
        body["element_list"] = [{"element_id": int(s["element_id"])} for s in used]
        names = [str(s.get("name") or "") for s in used]
        body["prompt"] = tag_prompt(str(body.get("prompt") or ""), names)
    shots = params.get("multi_prompt")
    if shots:
        if card is None or not card.multi_shot:
            raise client.error(f"{model} makes one shot per call; multi-shot needs kling-v3", kind=E.BAD_REQUEST)
        if request.first_frame or request.last_frame:
            raise client.error("a multi-shot clip takes no start or end frame", kind=E.BAD_REQUEST)
        if not 1 <= len(shots) <= max(1, card.max_shots):
            raise client.error(f"{len(shots)} shots; Kling takes 1 to {card.max_shots} in one clip", kind=E.BAD_REQUEST)
        total = int(duration_string(model, sum(float(s["duration"]) for s in shots)))
        try:
            seconds = split_durations(total, [float(s["duration"]) for s in shots])
        except ValueError as exc:
            raise client.error(str(exc), kind=E.BAD_REQUEST) from None
        body.update(multi_shot=True, shot_type="customize", duration=str(total), multi_prompt=[
            {"index": i, "prompt": tag_prompt(str(s["prompt"]), names)[:MAX_SHOT_PROMPT] if names
             else str(s["prompt"])[:MAX_SHOT_PROMPT], "duration": str(d)}
            for i, (s, d) in enumerate(zip(shots, seconds, strict=True), start=1)])
        body.pop("prompt", None)
