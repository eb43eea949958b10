"""Paid generations through the queue against a real OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import time

import pytest

from app.jobs.backoff import RetryPolicy
from app.jobs.generation import GenerationJob
from app.jobs.job import JobState
from app.jobs.manager import job_manager
from app.jobs.prompts import still_request
from tests.providers.servers.base import json_reply
from tests.providers.servers.openai import API_KEY, openai_error


@pytest.fixture
def openai_env(openai_server, monkeypatch):
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    return openai_server


def _still_job(session, shot, **kw):
    request = still_request(session.bundle, session.series, shot, "openai")
    return GenerationJob("openai", request, title=f"Still {shot.code}",
                         target={"episode_id": session.current_episode.id, "shot_id": shot.id, "slot": "still"},
                         **kw)


def _disk(session):
    """What is on disk: project.json plus the job journal (flushed first)."""
    from app.jobs.journal import journal_for, load_with_journal

    journal_for(session.bundle.root).flush()
    return load_with_journal(session.bundle)


def test_a_still_lands_on_its_shot_with_full_provenance(session, openai_env) -> None:
    manager = job_manager(session)
    shot = next(session.current_episode.shots())
    job = manager.add(_still_job(session, shot))
    assert manager.wait(timeout=20)
    assert job.state is JobState.SUCCEEDED, job.error
    asset = session.series.media[shot.chosen_still]
    assert shot.stills == [asset.id]
    assert session.bundle.resolve(asset.path).is_file() and asset.probe["width"] > 0
    prov = asset.provenance
    assert prov.source == "generated" and prov.provider == "openai" and prov.model == "gpt-image-1"
    assert prov.prompt.startswith("Lin Mei (a young courier in a yellow raincoat) runs through the market")
    assert "neon rain" in prov.prompt and prov.negative_prompt == "blurry"
    assert prov.task_id == job.handle.task_id and prov.job_id == job.id and prov.created_at
    assert prov.cost == pytest.approx(0.063)  # the registry's gpt-image-1 price, one image
    sent = openai_env.received("POST /v1/images/generations")[0].json()
    assert sent["model"] == "gpt-image-1" and "Lin Mei" in sent["prompt"]
    # the result is on disk although the user never pressed Save
    disk = _disk(session)
    disk_shot = next(disk.episodes[0].shots())
    assert disk_shot.chosen_still == asset.id and asset.id in disk.media
    record = next(r for r in disk.jobs if r.id == job.id)
    assert record.state == "succeeded" and record.result_assets == [asset.id] and record.cost > 0
    assert record.provider == "openai" and record.capability == "image" and record.task_id


def test_429_is_retried_after_the_servers_retry_after(session, openai_env) -> None:
    openai_env.fail_next("POST /v1/images/generations", openai_error(
        429, "Rate limit reached for gpt-image-1, please try again in 1s.", "requests", "rate_limit_exceeded",
        headers={"Retry-After": "1"}))
    manager = job_manager(session)
    shot = next(session.current_episode.shots())
    job = manager.add(_still_job(session, shot, policy=RetryPolicy(max_attempts=3, base=0.05, cap=0.1)))
    t0 = time.monotonic()
    assert manager.wait(timeout=20)
    assert job.state is JobState.SUCCEEDED, job.error
    calls = openai_env.received("POST /v1/images/generations")
    assert len(calls) == 2
    assert time.monotonic() - t0 >= 1.0  # waited for Retry-After, not the 0.05 s backoff
    assert job.attempts == 2


def test_5xx_then_success_and_exhausted_retries_fail_with_the_message(session, openai_env) -> None:
    manager = job_manager(session)
    shots = list(session.current_episode.shots())
    openai_env.fail_next("POST /v1/images/generations",
                         openai_error(500, "The server had an error while processing your request.", "server_error"),
                         times=3)
    job = manager.add(_still_job(session, shots[0], policy=RetryPolicy(max_attempts=3, base=0.05, cap=0.1)))
    assert manager.wait(timeout=20)
    assert job.state is JobState.FAILED
    assert "server had a problem" in job.error  # plain words; the vendor's own behind "Show original"
    assert "The server had an error while processing your request." in job.error_original
    assert len(openai_env.received("POST /v1/images/generations")) == 3


def test_quota_errors_are_not_retried_and_say_the_vendors_words(session, openai_env) -> None:
    openai_env.fail_next("POST /v1/images/generations", openai_error(
        429, "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota", "insufficient_quota"))
    manager = job_manager(session)
    job = manager.add(_still_job(session, next(session.current_episode.shots()),
                                 policy=RetryPolicy(max_attempts=5, base=0.05)))
    assert manager.wait(timeout=20)
    assert job.state is JobState.FAILED
    assert "out of credit" in job.error
    assert "You exceeded your current quota" in job.error_original
    assert len(openai_env.received("POST /v1/images/generations")) == 1
    record = next(r for r in _disk(session).jobs if r.id == job.id)
    assert record.state == "failed" and "exceeded your current quota" in record.error_original


def test_a_wrong_key_fails_and_no_key_is_ever_written(session, openai_env, monkeypatch) -> None:
    wrong = "sk-wrong-key-that-must-not-leak-42"
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", wrong)
    openai_env.fail_next("POST /v1/images/generations", openai_error(
        401, f"Incorrect API key provided: {wrong}.", "invalid_request_error", "invalid_api_key"))
    manager = job_manager(session)
    job = manager.add(_still_job(session, next(session.current_episode.shots())))
    assert manager.wait(timeout=20)
    assert job.state is JobState.FAILED and "refused the API key" in job.error
    assert "Incorrect API key" in job.error_original
    assert wrong not in job.error and wrong not in job.error_original
    session.save()
    raw = session.bundle.project_file.read_text(encoding="utf-8")
    assert wrong not in raw and API_KEY not in raw
    assert "Incorrect API key" in raw  # the vendor's words are kept, the key is not


def test_budget_pauses_the_queue_and_says_why(session, openai_env, qtbot) -> None:
    manager = job_manager(session)
    episode = session.current_episode
    session.document.edit(episode, "Set budget", budget=0.10)
    shots = list(episode.shots())
    manager.set_limit("openai", 1)
    first = manager.add(_still_job(session, shots[0]))
    second = manager.add(_still_job(session, shots[1]))
    assert manager.wait(timeout=20)
    assert first.state is JobState.SUCCEEDED
    assert second.state is JobState.QUEUED
    reason = manager.paused_reason
    assert "budget" in reason and "$0.10" in reason and "Still E01-002" in reason
    costs = manager.costs(episode.id)
    assert costs.spent == pytest.approx(0.063) and costs.budget == 0.10
    with qtbot.waitSignal(manager.pausedChanged):
        session.document.edit(episode, "Raise budget", budget=1.0)
    assert manager.wait(timeout=20)
    assert second.state is JobState.SUCCEEDED and manager.paused_reason == ""
    assert manager.costs(episode.id).spent == pytest.approx(0.126)


def test_url_answers_are_downloaded_and_checked(session, openai_env) -> None:
    openai_env.image_mode = "url"
    manager = job_manager(session)
    shot = next(session.current_episode.shots())
    job = manager.add(_still_job(session, shot))
    assert manager.wait(timeout=20)
    assert job.state is JobState.SUCCEEDED, job.error
    assert openai_env.received("GET /files/")
    # a download that is not media is refused and nothing enters the bundle
    openai_env.reset()
    openai_env.fail_next("POST /v1/images/generations", json_reply(
        {"created": 1, "data": [{"url": openai_env.add_file("bad.png", b"<html>oops</html>", "text/html")}]}))
    shot2 = list(session.current_episode.shots())[1]
    bad = manager.add(_still_job(session, shot2, policy=RetryPolicy(max_attempts=1)))
    before = dict(session.series.media)
    assert manager.wait(timeout=20)
    assert bad.state is JobState.FAILED and bad.error
    assert session.series.media == before and shot2.chosen_still is None
    assert json.dumps([r.error for r in _disk(session).jobs])  # recorded


def test_character_reference_images_are_sent_and_recorded_portably(session, openai_env, tmp_path) -> None:
    from app.model import MediaKind
    from tests.providers.servers.media import png_bytes

    ref = tmp_path / "lin_mei.png"
    ref.write_bytes(png_bytes(120, 200))
    asset = session.bundle.import_file(ref, kind=MediaKind.IMAGE)
    session.document.add_media_raw(asset)
    session.series.characters[0].reference_images = [asset.id]
    manager = job_manager(session)
    shot = next(session.current_episode.shots())
    job = manager.add(_still_job(session, shot))
    assert manager.wait(timeout=20)
    assert job.state is JobState.SUCCEEDED, job.error
    edits = openai_env.received("POST /v1/images/edits")
    assert len(edits) == 1 and png_bytes(120, 200) in edits[0].body  # the reference picture itself went out
    prov = session.series.media[shot.chosen_still].provenance
    assert prov.reference_inputs == [asset.path]  # bundle-relative, not this machine's absolute path


def test_a_language_model_writes_missing_image_prompts_before_the_stills(session, openai_env) -> None:
    import io

    from app.jobs.batch import BatchGenerator, Plan

    episode = session.current_episode
    shot = next(episode.shots())
    shot.image_prompt, shot.action = "", "She opens the door to the flooded market."
    plan = Plan(stills=True, clips=False, shots={1}, image_provider="openai", text_provider="openai")
    failures = BatchGenerator(session, episode, plan, out=io.StringIO()).run()
    assert failures == []
    chat = openai_env.received("POST /v1/chat/completions")
    assert len(chat) == 1 and "She opens the door" in json.dumps(chat[0].json()["messages"])
    assert shot.image_prompt == "Hello, world!"  # what the test model answers
    assert session.document.undo_stack.count() >= 1  # written as an ordinary, undoable edit
    sent = openai_env.received("POST /v1/images/generations")[0].json()
    assert sent["prompt"].startswith("Hello, world!")
    assert shot.chosen_still
