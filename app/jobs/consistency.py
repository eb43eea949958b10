"""Characters that stay the same from shot to shot: their reference images go with every clip request.

Where the chosen model keeps a subject across calls, the request carries it in the vendor's form:
- Kling models with elements (kling-v3): ``parameters["subjects"]``; the client turns each
  character into one Kling element the first time and reuses its id in every shot after
  (:mod:`providers.kling_elements`).
- Seedance models that take reference images: ``parameters["reference_images"]``, but only for a
  shot without a start frame (Seedance refuses frames and references in one request).
Models whose card takes no references get nothing extra: the prompt already names the character.
"""

from __future__ import annotations

from typing import Any

from app.bundle import ProjectBundle
from app.model import Character, Series, Shot


def cast_of(series: Series, shot: Shot, mentioned: list[Character]) -> list[Character]:
    """Who is in the shot: those named in the prompt, then the shot's cast, then those in its image prompt."""
    from app.jobs.prompts import expand_references

    cast = list(mentioned)
    by_id = {c.id: c for c in series.characters}
    pictured = expand_references(shot.image_prompt, series)[1]
    for character in [by_id[i] for i in shot.character_ids if i in by_id] + pictured:
        if character not in cast:
            cast.append(character)
    return cast


def add_subjects(request: Any, bundle: ProjectBundle, series: Series, shot: Shot, mentioned: list[Character],
                 provider: str) -> Any:
    """``request`` with the shot's characters attached where its model can use them."""
    from app.jobs.prompts import reference_paths
    from providers.model_cards import card_for

    card = card_for(provider, request.model) if request.model else None
    characters = cast_of(series, shot, mentioned)
    if card is None or card.reference_images <= 0 or not characters:
        return request
    cast = [(c, reference_paths(bundle, series, c.reference_images)) for c in characters]
    cast = [(c, paths) for c, paths in cast if paths]
    if not cast:
        return request
    if provider == "kling":
        request.parameters["subjects"] = [{"key": c.id, "name": c.name, "description": c.description,
                                           "images": paths[:4]} for c, paths in cast[:card.reference_images]]
    elif not request.first_frame and not request.last_frame:
        refs = [p for _, paths in cast for p in paths[:2]]
        request.parameters["reference_images"] = refs[:card.reference_images]
    return request
