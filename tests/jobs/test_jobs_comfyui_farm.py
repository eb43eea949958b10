"""A batch of stills through the real job queue on a farm of three ComfyUI servers, one SIGKILLed mid-batch.

Queued jobs on the dead server move to the others and land; the job that was running there
(a "paid" server, no consent to pay twice) fails with a message saying so, and nothing
runs twice: every prompt the survivors executed belongs to exactly one landed job.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from app.jobs.generation import GenerationJob
from app.jobs.job import JobState
from app.jobs.journal import load_with_journal
from app.jobs.manager import job_manager
from app.jobs.prompts import still_request
from app.settings_store import settings_store

ROOT = Path(__file__).resolve().parents[2]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as reply:
        return json.loads(reply.read())


@pytest.fixture
def farm_processes():
    started = [subprocess.Popen([sys.executable, "-m", "tests.providers.servers.comfyui_process", steps],
                                cwd=ROOT, stdout=subprocess.PIPE, text=True)
               for steps in ("40", "100000", "40")]  # the second one (to be killed) never finishes on its own
    procs = [(proc, proc.stdout.readline().strip()) for proc in started]  # they start in parallel
    yield procs
    for proc, _url in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(5)


def test_a_farm_loses_a_server_mid_batch_and_no_job_is_lost_or_run_twice(session, farm_processes, monkeypatch,
                                                                          qtbot) -> None:
    urls = [url for _proc, url in farm_processes]
    monkeypatch.setenv("MICRODRAMA_COMFYUI_BASE_URL", urls[0])
    monkeypatch.setenv("MICRODRAMA_COMFYUI_SERVERS", ", ".join(f"{u} paid" for u in urls))
    monkeypatch.setenv("MICRODRAMA_COMFYUI_FAILOVER_SECONDS", "1")
    settings_store().set_concurrency_limit("comfyui", 6)
    manager = job_manager(session)
    shots = list(session.current_episode.shots())
    jobs = []
    for i in range(6):
        shot = shots[i % len(shots)]
        request = still_request(session.bundle, session.series, shot, "comfyui")
        jobs.append(manager.add(GenerationJob("comfyui", request, title=f"Still {shot.code} #{i}", target={
            "episode_id": session.current_episode.id, "shot_id": shot.id, "slot": "still"})))
    deadline = time.monotonic() + 30
    while not all(j.handle is not None for j in jobs) and time.monotonic() < deadline:
        qtbot.wait(50)
    assert all(j.handle is not None for j in jobs), [j.error for j in jobs]
    by_server = {u: [j for j in jobs if j.handle.endpoint["server"] == u] for u in urls}
    assert all(len(held) == 2 for held in by_server.values())  # spread by load: two each
    victim = urls[1]
    queue = _get(f"{victim}/queue")
    running_there = {q[1] for q in queue["queue_running"]}
    pending_there = {q[1] for q in queue["queue_pending"]}
    assert len(running_there) == 1 and len(pending_there) == 1
    os.kill(farm_processes[1][0].pid, signal.SIGKILL)
    farm_processes[1][0].wait(5)

    assert manager.wait(timeout=60)
    landed = [j for j in jobs if j.state is JobState.SUCCEEDED]
    failed = [j for j in jobs if j.state is JobState.FAILED]
    assert len(landed) == 5 and len(failed) == 1, [j.error for j in jobs]
    assert failed[0].handle.task_id in running_there and "may have been billed" in failed[0].error
    moved = next(j for j in landed if j.handle.endpoint.get("moved_from") == victim)
    assert moved.handle.endpoint["server"] != victim
    # Survivors executed exactly the landed jobs' prompts, each once.
    executed = [pid for u in (urls[0], urls[2]) for pid, entry in _get(f"{u}/history").items()
                if entry["status"]["status_str"] == "success"]
    assert sorted(executed) == sorted(j.handle.task_id for j in landed)
    # The moved handle is what the bundle holds on disk, project.json plus the job journal
    # (a restart resumes it on its new server).
    manager.journal.flush()
    disk = load_with_journal(session.bundle)
    record = next(r for r in disk.jobs if r.id == moved.id)
    assert record.request["handle"]["endpoint"]["server"] == moved.handle.endpoint["server"]
    assert record.task_id == moved.handle.task_id
    stills = {a for shot in session.current_episode.shots() for a in shot.stills}
    assert len(stills) == 5 or len(stills) == 1  # the test server serves one picture: identical bytes dedupe
