"""A scene clip job rebuilt from its record after a restart is still a multi-shot job (it splits and places)."""

from __future__ import annotations

from app.jobs.generation import GenerationJob
from app.jobs.multishot import MultiShotJob, scene_request
from app.model import JobRecord
from app.session import Session


def test_a_recorded_scene_job_comes_back_as_a_multishot_job(project, monkeypatch) -> None:
    monkeypatch.setenv("MICRODRAMA_KLING_VIDEO_MODEL", "kling-v3")
    session = Session()
    session.open(project)
    try:
        scene = session.series.episodes[0].scenes[0]
        request, target = scene_request(session.bundle, session.series, scene, "kling")
        job = MultiShotJob("kling", request, title="Scene 1", target=target)
        record = JobRecord(**{k: v for k, v in job.record_fields().items() if k in JobRecord.__dataclass_fields__})
        again = GenerationJob.from_record(record)
        assert type(again) is MultiShotJob
        assert again.target["shot_ids"] == [s.id for s in scene.shots]
        assert [p["duration"] for p in again.request.parameters["multi_prompt"]] == [2.0, 2.0, 2.0]
    finally:
        session.close()
