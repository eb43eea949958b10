"""``microdrama generate`` under real SIGKILLs and SIGINTs against a Kling server on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from itertools import repeat
from pathlib import Path

from app.bundle import ProjectBundle
from app.jobs.journal import load_with_journal
from tests.providers.servers.base import Reply
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY

REPO = Path(__file__).resolve().parents[2]
CREATE = "POST /v1/images/generations"


def _cli(project: Path, server, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, MICRODRAMA_KLING_BASE_URL=server.url, MICRODRAMA_KLING_ACCESS_KEY=ACCESS_KEY,
               MICRODRAMA_KLING_SECRET_KEY=SECRET_KEY)
    return subprocess.Popen([sys.executable, "-m", "widgets.launch", "generate", str(project), "--episode", "1",
                             "--stills", "--image-provider", "kling", *extra], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _records(project: Path):
    return load_with_journal(ProjectBundle(project)).jobs


def test_a_kill_right_after_the_vendor_accepted_the_create_loses_nothing_and_pays_once(project, kling_server) -> None:
    server = kling_server
    proc = _cli(project, server)
    killed = []

    def kill_in_the_submit_window(req) -> None:  # the request arrived; the answer will never reach the app
        if req.route == CREATE and not killed:
            killed.append(req)
            os.kill(proc.pid, signal.SIGKILL)
            time.sleep(0.2)  # dead before the vendor answers

    server.hooks.append(kill_in_the_submit_window)
    proc.communicate(timeout=120)
    assert killed and proc.returncode == -signal.SIGKILL
    server.hooks.clear()
    deadline = time.monotonic() + 5
    while not server.tasks and time.monotonic() < deadline:  # the vendor finishes creating it
        time.sleep(0.05)
    assert len(server.tasks) == 1  # created and paid for at the vendor; the app never saw its id
    again = _cli(project, server)
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    # the task was found by our client_ref (Kling's external_task_id), not created again
    assert len(server.received(CREATE)) == 3 and len(server.tasks) == 3
    series = ProjectBundle(project).load()
    assert all(s.chosen_still for s in series.episodes[0].shots())
    assert {r.task_id for r in series.jobs} == set(server.tasks)


def test_rerunning_an_interrupted_regenerate_continues_the_batch(project, kling_server) -> None:
    server = kling_server
    server.polls_to_finish = 10**6
    proc = _cli(project, server, "--regenerate")
    deadline = time.monotonic() + 60
    while len([r for r in _records(project) if r.task_id]) < 2:  # Kling runs two at a time
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    proc.kill()
    proc.wait(timeout=10)
    server.polls_to_finish = 0
    again = _cli(project, server, "--regenerate")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert len(server.received(CREATE)) == 3  # the shots this batch paid for were not paid again
    shots = list(ProjectBundle(project).load().episodes[0].shots())
    assert all(len(s.stills) == 1 for s in shots)
    third = _cli(project, server, "--regenerate")  # the batch is complete: the same command is a new one
    _, err = third.communicate(timeout=120)
    assert third.returncode == 0, err
    assert len(server.received(CREATE)) == 6


def test_ctrl_c_ends_the_process_within_two_seconds_while_an_answer_trickles(project, kling_server) -> None:
    server = kling_server
    server.fail_next("GET /v1/images/generations/", Reply(chunks=repeat(b" "), chunk_delay=2.0), times=100)
    proc = _cli(project, server)
    deadline = time.monotonic() + 60
    while not server.received("GET /v1/images/generations/"):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - sent < 2.0, err
    assert "interrupted" in err and "Traceback" not in err
    records = _records(project)
    assert len(records) >= 1 and all(r.task_id and r.state == "remote" for r in records if r.task_id)
