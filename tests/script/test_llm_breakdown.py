"""The language-model breakdown, against a real OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.errors import UserError
from app.model import Series
from app.script.llm_breakdown import model_breakdown
from tests.providers.servers.fixtures import openai_server  # noqa: F401
from tests.providers.servers.openai import API_KEY

REPO = Path(__file__).resolve().parents[2]

REPLY = {"scenes": [{"heading": "INT. OFFICE - DAY", "shots": [
    {"action": "Gu turns from the window.", "duration_seconds": 3, "shot_size": "wide", "camera_angle": "eye level",
     "camera_movement": "slow dolly", "characters": ["@Gu"], "image_prompt": "@Gu at a window", "motion_prompt": "dolly in",
     "dialogue": []},
    {"action": "Lin faces him.", "duration_seconds": 1, "shot_size": "close-up", "characters": ["Lin"],
     "dialogue": [{"character": "LIN", "parenthetical": "quietly", "text": "You called for me? I came as fast as I could."}]},
]}]}


@pytest.fixture
def text_env(openai_server, monkeypatch):  # noqa: F811
    monkeypatch.setenv("MICRODRAMA_OPENAI_BASE_URL", f"{openai_server.url}/v1")
    monkeypatch.setenv("MICRODRAMA_OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("MICRODRAMA_TEXT_PROVIDER", "openai")
    return openai_server


def _answer(server, text: str) -> None:
    server.reply_pieces = [text[i:i + 40] for i in range(0, len(text), 40)]


def test_model_shot_list_becomes_shots(text_env) -> None:
    _answer(text_env, "```json\n" + json.dumps(REPLY) + "\n```")
    series = Series()
    from app.model import Episode

    scenes = model_breakdown("openai")(series, Episode(number=2), "INT. OFFICE - DAY\n\nGu turns.")
    shots = scenes[0].shots
    assert [s.code for s in shots] == ["E02S01-01", "E02S01-02"]
    assert shots[0].camera_movement == "slow dolly" and shots[0].duration == 90
    # one second is too short for the line: stretched to its speaking time
    assert shots[1].duration >= round((10 / 2.6 + 1.0) * 30)
    assert shots[1].dialogue[0].parenthetical == "quietly"
    assert {c.name for c in series.characters} == {"Gu", "Lin"}


def test_unusable_answer_is_a_clear_error(text_env) -> None:
    _answer(text_env, "Sure! Here are some shots: first a wide shot...")
    from app.model import Episode

    with pytest.raises(UserError, match="did not answer with a shot list"):
        model_breakdown("openai")(Series(), Episode(number=1), "text")


def test_import_script_uses_the_configured_model(text_env, tmp_path) -> None:
    _answer(text_env, json.dumps(REPLY))
    bundle = ProjectBundle.create(tmp_path / "S.mdrama", Series(title="S"))
    script = tmp_path / "e.fountain"
    script.write_text("INT. OFFICE - DAY\n\nGu turns.\n", encoding="utf-8")
    import os

    env = dict(os.environ)
    run = subprocess.run([sys.executable, "-m", "widgets.launch", "import-script", str(bundle.root), str(script)],
                         cwd=REPO, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["method"] == "language model (openai)" and summary["shots"] == 2
    run = subprocess.run([sys.executable, "-m", "widgets.launch", "import-script", str(bundle.root), str(script),
                          "--episode", "1", "--no-ai"], cwd=REPO, capture_output=True, text=True, env=env)
    assert json.loads(run.stdout)["method"] == "one shot per beat"
