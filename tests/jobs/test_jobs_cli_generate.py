"""``microdrama generate`` end to end: a real subprocess against vendor servers on 127.0.0.1."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

from app.bundle import ProjectBundle
from app.cli.cmd_generate import parse_shots
from tests.providers.servers.base import json_reply
from tests.providers.servers.media import png_bytes
from tests.providers.servers.openai import API_KEY, openai_error

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "widgets.launch", "generate", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def _openai_env(server) -> dict[str, str]:
    return {"MICRODRAMA_OPENAI_BASE_URL": f"{server.url}/v1", "MICRODRAMA_OPENAI_API_KEY": API_KEY}


def test_shot_ranges_parse_like_a_print_dialog() -> None:
    assert parse_shots("1,4-6", 8) == {1, 4, 5, 6}
    assert parse_shots(None, 8) is None
    import pytest

    from app.errors import UserError

    with pytest.raises(UserError, match="no shot 9"):
        parse_shots("2,9", 8)


def test_generate_missing_stills_then_regenerate_one(project, openai_server) -> None:
    result = _run(str(project), "--episode", "1", "--stills", "--image-provider", "openai",
                  env=_openai_env(openai_server))
    assert result.returncode == 0, result.stderr
    assert "Stills" in result.stderr  # the progress bar
    series = ProjectBundle(project).load()
    shots = list(series.episodes[0].shots())
    assert all(s.chosen_still and s.stills == [s.chosen_still] for s in shots)
    assert len(openai_server.received("POST /v1/images/generations")) == 3
    first_still = shots[1].chosen_still
    assert series.media[first_still].provenance.prompt.startswith("Lin Mei (a young courier")
    assert {r.state for r in series.jobs} == {"succeeded"}

    # nothing is missing any more: a second run submits nothing
    again = _run(str(project), "--episode", "1", "--stills", "--image-provider", "openai",
                 env=_openai_env(openai_server))
    assert again.returncode == 0, again.stderr
    assert len(openai_server.received("POST /v1/images/generations")) == 3

    other = base64.b64encode(png_bytes(90, 160)).decode()  # a different picture than the first time
    openai_server.fail_next("POST /v1/images/generations", json_reply({"created": 2, "data": [{"b64_json": other}]}))
    regen = _run(str(project), "--episode", "1", "--stills", "--shots", "2", "--regenerate",
                 "--image-provider", "openai", env=_openai_env(openai_server))
    assert regen.returncode == 0, regen.stderr
    shots = list(ProjectBundle(project).load().episodes[0].shots())
    assert len(shots[1].stills) == 2 and shots[1].chosen_still == shots[1].stills[1] != first_still
    assert len(shots[0].stills) == 1 and len(shots[2].stills) == 1


def test_a_job_that_fails_for_good_exits_non_zero_with_the_vendors_message(project, openai_server) -> None:
    openai_server.fail_next("POST /v1/images/generations", openai_error(
        400, "Your request was rejected as a result of our safety system.", "invalid_request_error",
        "content_policy_violation"), times=10)
    result = _run(str(project), "--episode", "1", "--stills", "--shots", "1", "--image-provider", "openai",
                  env=_openai_env(openai_server))
    assert result.returncode == 1
    assert "Your request was rejected as a result of our safety system." in result.stderr
    assert "Traceback" not in result.stderr
    assert len(openai_server.received("POST /v1/images/generations")) == 1  # content policy: no retry


def test_a_provider_without_its_key_is_refused_before_anything_is_paid(project) -> None:
    result = _run(str(project), "--episode", "1", "--stills", "--image-provider", "kling",
                  env={"MICRODRAMA_KLING_ACCESS_KEY": "", "MICRODRAMA_KLING_SECRET_KEY": ""})
    assert result.returncode == 2
    assert "Kling AI is not set up" in result.stderr and "MICRODRAMA_KLING_ACCESS_KEY" in result.stderr
    unknown = _run(str(project), "--episode", "1", "--stills", "--image-provider", "nope")
    assert unknown.returncode == 2 and "no provider named 'nope'" in unknown.stderr
