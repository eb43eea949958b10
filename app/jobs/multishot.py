"""Generate a scene as one multi-shot clip, then give each storyboard shot its piece.

Models that make several shots in one call (Kling 3.0 ``multi_shot``, Seedance 2.x) keep faces,
light and wardrobe consistent across a scene far better than separate calls. The job asks for one
clip with one prompt and one length per shot, pays once, stores the whole clip (it is what was
bought), then splits it at its cuts (:mod:`app.storyboard.scene_cuts`) and adds each piece to its
shot as a new clip version, with provenance naming the whole clip it came from. The cost is
counted once, on the whole clip; the pieces carry none.

The job is a :class:`GenerationJob` whose target slot is "multishot"; after a restart the job
queue rebuilds it as this class, so a paid scene clip is still split and placed.
"""

from __future__ import annotations

import copy
import shutil
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.bundle import ProjectBundle
from app.errors import UserError
from app.jobs.generation import GenerationJob
from app.jobs.job import JobContext, JobState
from app.jobs.landing import SeriesIndex, apply_to_document, apply_to_series, attach_changes, store_result
from app.model import Episode, MediaAsset, Scene, Series

if TYPE_CHECKING:
    from app.jobs.manager import JobManager

SLOT = "multishot"


def scene_request(bundle: ProjectBundle, series: Series, scene: Scene, provider: str) -> tuple[Any, dict[str, Any]]:
    """(the VideoRequest for the whole scene, the job target) — or a UserError saying why it cannot be made."""
    from app.jobs.consistency import add_subjects, cast_of
    from app.jobs.prompts import _model_for, aspect_ratio, expand_references
    from providers.base import VideoRequest
    from providers.model_cards import card_for

    shots = [s for s in scene.shots if not s.locked]
    if len(shots) < 2:
        raise UserError(QCoreApplication.translate("JobsMultishot", "Scene {number} has fewer than two unlocked shots: generate its shots one by one.").format(number=scene.number))
    model = _model_for(provider, "video")
    card = card_for(provider, model)
    if card is None or not card.multi_shot:
        raise UserError(QCoreApplication.translate("JobsMultishot", "{value} makes one shot per call; choose a multi-shot model such as kling-v3 (Kling) or doubao-seedance-2-0-260128 (Ark) for a scene clip.").format(value=model or provider))
    if card.max_shots and len(shots) > card.max_shots:
        raise UserError(QCoreApplication.translate("JobsMultishot", "Scene {number} has {count} shots; {label} makes at most {max_shots} in one clip.").format(number=scene.number, count=len(shots), label=card.label, max_shots=card.max_shots))
    fps = series.settings.fps
    prompts, cast = [], []
    for shot in shots:
        text, mentioned = expand_references(shot.motion_prompt.strip() or shot.image_prompt.strip()
                                            or shot.action.strip(), series)
        prompts.append(text or scene.heading)
        cast += [c for c in cast_of(series, shot, mentioned) if c not in cast]
    durations = [round(s.duration / fps, 2) for s in shots]
    total = sum(durations)
    if card.duration_range and total > card.duration_range[1]:
        raise UserError(QCoreApplication.translate("JobsMultishot", "Scene {number} runs {total:g} s; {label} makes at most {longest:g} s in one clip.").format(number=scene.number, total=total, label=card.label, longest=card.duration_range[1]))
    request = VideoRequest(model=model, prompt=" ".join(prompts), duration=total, aspect_ratio=aspect_ratio(series),
                           width=series.settings.width, height=series.settings.height, fps=fps,
                           parameters={"multi_prompt": [{"prompt": p, "duration": d}
                                                        for p, d in zip(prompts, durations, strict=True)]})
    add_subjects(request, bundle, series, shots[0], cast, provider)
    target = {"slot": SLOT, "scene_id": scene.id, "shot_ids": [s.id for s in shots], "durations": durations,
              "prompts": prompts}
    return request, target


def scene_job(session: Any, scene: Scene, provider: str) -> MultiShotJob:
    request, target = scene_request(session.bundle, session.series, scene, provider)
    return MultiShotJob(provider, request, title=QCoreApplication.translate("JobsMultishot", "Scene {number} (multi-shot)").format(number=scene.number), target=target)


class MultiShotJob(GenerationJob):
    def run(self, ctx: JobContext) -> list[MediaAsset]:
        from app.storyboard.scene_cuts import cut_clip, plan_cuts

        results = super().run(ctx)
        whole = next((a for a in results if a.kind.value == "video"), None)
        if whole is None:
            return results
        bundle = self.bundle
        ctx.progress(None, QCoreApplication.translate("Jobs", "Splitting the scene clip at its cuts"))
        durations = [float(d) for d in self.target.get("durations", [])]
        shot_ids = list(self.target.get("shot_ids", []))
        staging = bundle.folder("cache") / "jobs" / f"{self.id}-pieces"
        try:
            plan = plan_cuts(bundle.resolve(whole.path), durations)
            pieces = cut_clip(bundle.resolve(whole.path), plan, staging, stem=f"scene-{self.id[:6]}")
            prompts = list(self.target.get("prompts", []))
            out = [whole]
            for i, (piece, _shot_id) in enumerate(zip(pieces, shot_ids, strict=False)):
                prov = copy.deepcopy(whole.provenance)
                prov.cost = 0.0  # paid once: the whole clip carries the cost
                prov.prompt = prompts[i] if i < len(prompts) else prov.prompt
                prov.parameters = {**prov.parameters, "multishot_clip": whole.id, "piece": i + 1,
                                   "pieces": len(pieces), "start": round(plan.segments()[i][0], 3),
                                   "end": round(plan.segments()[i][1], 3), "cuts_detected": plan.detected}
                out.append(store_result(bundle, piece, prov, "video"))
            return out
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def land(self, manager: JobManager, result: list[MediaAsset]) -> Any:
        doc = manager.session.document
        fps = manager.series.settings.fps
        self.cost = round(sum(a.provenance.cost for a in result), 6)
        shot_ids = list(self.target.get("shot_ids", []))
        placements: list[tuple[MediaAsset, dict[str, Any] | None]] = []
        for i, asset in enumerate(result):
            known = manager.series.media.get(asset.id)
            if known is not None:
                result[i] = asset = known
            else:
                doc.add_media_raw(asset)
            target = {"slot": "clip", "shot_id": shot_ids[i - 1]} if 0 < i <= len(shot_ids) else None
            placements.append((asset, target))
            if target is not None:
                apply_to_document(doc, attach_changes(manager.series, target, asset, fps, find=doc.find))
        if self.record is not None:
            self.record.result_assets = [a.id for a in result]

        def apply(disk: Series) -> None:
            find = SeriesIndex(disk).find  # one walk of the file on disk for all the pieces
            for asset, target in placements:
                disk.media.setdefault(asset.id, asset)
                if target is not None:
                    apply_to_series(disk, attach_changes(disk, target, asset, fps, find=find), find=find)

        return apply


def scene_by_number(episode: Episode, number: int) -> Scene:
    for scene in episode.scenes:
        if scene.number == number:
            return scene
    numbers = ", ".join(str(s.number) for s in episode.scenes) or "none"
    raise UserError(QCoreApplication.translate("JobsMultishot", "--multi-shot: episode {number} has no scene {number2} (scenes: {numbers}).").format(number=episode.number, number2=number, numbers=numbers))


def run_scene(session: Any, episode: Any, scene_number: int, provider: str | None, out: Any) -> list[str]:
    """``microdrama generate --multi-shot N``: the scene clip through the job queue, with a progress bar."""
    from app.jobs.actions import choose_provider
    from app.jobs.batch import BatchGenerator, Plan

    name = choose_provider("video", provider)
    job = scene_job(session, scene_by_number(episode, scene_number), name)
    generator = BatchGenerator(session, episode, Plan(stills=False, clips=False), out=out)
    generator.manager.resume_persisted()
    generator._phase("Scene clip", [job])
    if session.is_modified:
        session.save()
    failures = [f"{j.title}: {j.error}" for j in generator.manager.jobs() if j.state is JobState.FAILED]
    if generator.manager.paused_reason:
        failures.append(generator.manager.paused_reason)
    return failures
