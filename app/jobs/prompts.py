"""Requests built from the storyboard: prompts with @Character references expanded.

A shot's ``image_prompt`` may name cast members as ``@Name`` (``@Lin Mei``): the
reference is replaced by the name plus, on first mention, the character's
description from the bible, and the character's reference images are sent to
providers that accept reference inputs. The bible's visual style closes every
image prompt so a whole series keeps one look.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.bundle import BundleError, ProjectBundle
from app.model import Character, Episode, Series, Shot
from app.script.language import phrase


def expand_references(text: str, series: Series) -> tuple[str, list[Character]]:
    """``text`` with ``@Name`` replaced, and the characters referenced (in order of mention)."""
    names = sorted((c for c in series.characters if c.name.strip()), key=lambda c: -len(c.name))
    if not names or "@" not in text:
        return text, []
    pattern = re.compile("@(" + "|".join(re.escape(c.name.strip()) for c in names) + r")(?![\w])",
                         re.IGNORECASE)
    found: list[Character] = []

    def replace(match: re.Match[str]) -> str:
        character = series.character_named(match.group(1))
        if character is None:
            return match.group(0)
        if character in found:
            return character.name
        found.append(character)
        return f"{character.name} ({character.description.strip()})" if character.description.strip() \
            else character.name

    return pattern.sub(replace, text), found


def reference_paths(bundle: ProjectBundle, series: Series, refs: list[str]) -> list[str]:
    """Absolute paths of reference images given as media ids or bundle-relative paths (missing ones skipped)."""
    paths = []
    for ref in refs:
        asset = series.media.get(ref)
        rel = asset.path if asset is not None else ref
        try:
            path = bundle.resolve(rel)
        except BundleError:
            continue
        if path.is_file():
            paths.append(str(path))
    return paths


def aspect_ratio(series: Series) -> str:
    w, h = series.settings.width, series.settings.height
    return "9:16" if w * 16 == h * 9 else "16:9" if w * 9 == h * 16 else "1:1" if w == h else f"{w}:{h}"


def _model_for(provider: str, capability: str) -> str:
    from app.jobs.batch_memo import remembered
    from app.jobs.provider_config import provider_info, provider_values

    def read() -> str:
        key = provider_info(provider).model_field(capability)
        return str(provider_values(provider, with_secrets=False).get(key) or "") if key else ""
    return remembered(("model", provider, capability), read)  # once per batch (app.jobs.batch_memo)


def still_request(bundle: ProjectBundle, series: Series, shot: Shot, provider: str) -> Any:
    from providers.base import ImageRequest

    base = shot.image_prompt.strip() or shot.action.strip()
    text, characters = expand_references(base, series)
    if not text:
        from app.errors import UserError

        raise UserError(QCoreApplication.translate("JobsPrompts", "Shot {value} has no image prompt or action to draw from.").format(value=shot.code or shot.number))
    style = series.bible.visual_style.strip()
    prompt = f"{text}. {style}" if style and style.lower() not in text.lower() else text
    refs = [r for c in characters for r in c.reference_images]
    location = next((loc for loc in series.locations if loc.id == shot.location_id), None)
    if location is not None:
        refs += location.reference_images
    return ImageRequest(model=_model_for(provider, "image"), prompt=prompt,
                        negative_prompt=shot.negative_prompt, aspect_ratio=aspect_ratio(series),
                        width=series.settings.width, height=series.settings.height,
                        reference_images=reference_paths(bundle, series, refs))


def clip_request(bundle: ProjectBundle, series: Series, shot: Shot, provider: str) -> Any:
    from providers.base import VideoRequest

    still = series.media.get(shot.chosen_still or "")
    first_frame = str(bundle.resolve(still.path)) if still is not None else ""
    text, characters = expand_references(shot.motion_prompt.strip() or shot.image_prompt.strip()
                                         or shot.action.strip(), series)
    request = VideoRequest(model=_model_for(provider, "video"), prompt=text, negative_prompt=shot.negative_prompt,
                           first_frame=first_frame, duration=round(shot.duration / series.settings.fps, 2),
                           aspect_ratio=aspect_ratio(series), width=series.settings.width,
                           height=series.settings.height, fps=series.settings.fps)
    from app.jobs.consistency import add_subjects

    return add_subjects(request, bundle, series, shot, characters, provider)


def music_request(series: Series, episode: Episode, provider: str) -> Any:
    from providers.base import MusicRequest

    fps = series.settings.fps
    frames = episode.timeline.duration or sum(s.duration for s in episode.shots())
    mood = ", ".join(x for x in (series.bible.genre, series.bible.tone) if x.strip()) or phrase(series, "dramatic")
    prompt = phrase(series, "music", mood=mood)
    if episode.logline.strip():
        prompt += phrase(series, "story", logline=episode.logline.strip())
    return MusicRequest(model=_model_for(provider, "music"), prompt=prompt, style=mood,
                        duration=max(10.0, round(frames / fps, 1)), instrumental=True)


def shot_label(shot: Shot) -> str:
    return shot.code or f"#{shot.number}"
