"""Problems a creator wants to see before generating or exporting an episode."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.bundle import BundleError, ProjectBundle
from app.model import Episode, Series
from app.script.breakdown import LINE_PAUSE_SECONDS, speaking_seconds


@dataclass(frozen=True)
class Problem:
    kind: str  # "dialogue_too_long", "no_picture", "missing_reference"
    message: str
    shot_id: str = ""
    character_id: str = ""


def check_episode(series: Series, episode: Episode, bundle: ProjectBundle | None = None) -> list[Problem]:
    fps = series.settings.fps
    problems: list[Problem] = []
    for shot in episode.shots():
        needed = sum(speaking_seconds(line.text) + LINE_PAUSE_SECONDS for line in shot.dialogue)
        if needed > shot.duration / fps + 0.05:
            problems.append(Problem(
                "dialogue_too_long",
                QCoreApplication.translate("ScriptChecks", "Shot {code}: its dialogue needs about {needed:.1f} s but the shot lasts {value:.1f} s. Lengthen the shot or cut the line.").format(code=shot.code, needed=needed, value=shot.duration / fps), shot_id=shot.id))
        if not shot.chosen_still and not shot.chosen_clip and not shot.title_text.strip():
            problems.append(Problem("no_picture", QCoreApplication.translate("ScriptChecks", "Shot {code} has no picture yet: generate or import a still or a clip.").format(code=shot.code), shot_id=shot.id))
    present = {cid for shot in episode.shots() for cid in shot.character_ids}
    for character in series.characters:
        if character.id not in present:
            continue
        refs = [series.media.get(ref) for ref in character.reference_images]
        missing = [r for r in refs if r is None or (bundle is not None and not _on_disk(bundle, r.path))]
        if not refs:
            problems.append(Problem("missing_reference", QCoreApplication.translate("ScriptChecks", "{name} has no reference image, so AI pictures may not look alike from shot to shot.").format(name=character.name), character_id=character.id))
        elif missing:
            problems.append(Problem("missing_reference", QCoreApplication.translate("ScriptChecks", "{count} reference image(s) of {name} are missing from the project.").format(count=len(missing), name=character.name), character_id=character.id))
    return problems


def _on_disk(bundle: ProjectBundle, path: str) -> bool:
    try:
        return bundle.resolve(path).is_file()
    except BundleError:
        return False
