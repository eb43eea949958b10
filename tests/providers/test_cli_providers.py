"""``microdrama providers [--json]`` and ``microdrama providers test NAME``, run as the user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.providers.servers.minimax import API_KEY

REPO = Path(__file__).resolve().parents[2]
BROKEN = 'format = 1\nname = "half_done"\nlabel = "Half done"\ncapabilities = ["video"]\n\n[[fields]]\n' \
         'key = "base_url"\nlabel = "Base URL"\n\n[video.create]\npath = "/v1/make"\ntask_id = "id"\n'


@pytest.fixture
def settings_dir(tmp_path) -> Path:
    folder = tmp_path / "settings" / "providers"
    folder.mkdir(parents=True)
    shutil.copy(REPO / "resources" / "providers" / "minimax_video.toml", folder)
    (folder / "half_done.toml").write_text(BROKEN, encoding="utf-8")
    return tmp_path / "settings"


def cli(*args: str, settings: Path, **env: str) -> subprocess.CompletedProcess:
    full = dict(os.environ, MICRODRAMA_SETTINGS_DIR=str(settings), **env)
    return subprocess.run([sys.executable, "-m", "widgets.launch", "providers", *args], cwd=REPO, env=full,
                          capture_output=True, text=True, timeout=120)


def test_json_lists_builtin_and_file_providers_with_env_keys_and_file_errors(settings_dir, monkeypatch,
                                                                           capsys) -> None:
    from app.cli import main

    monkeypatch.setenv("MICRODRAMA_SETTINGS_DIR", str(settings_dir))
    assert main(["providers", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_name = {p["name"]: p for p in report["providers"]}
    assert by_name["kling"]["source"] == "built-in" and "minimax_video" in by_name
    mm = by_name["minimax_video"]
    assert mm["capabilities"] == ["video"] and mm["source"].endswith("minimax_video.toml")
    assert {"id": "MiniMax-Hailuo-02", "capability": "video"}.items() <= mm["models"][0].items()
    keys = {s["key"]: s for s in mm["settings"]}
    assert keys["api_key"]["env"] == "MICRODRAMA_MINIMAX_VIDEO_API_KEY" and keys["api_key"]["secret"]
    assert keys["api_key"]["default"] is None
    [error] = report["file_errors"]
    assert (error["file"], error["line"], error["field"]) == ("half_done.toml", 10, "video")
    assert "poll" in error["message"]
    assert main(["providers"]) == 0
    text = capsys.readouterr().out
    assert "minimax_video  MiniMax Hailuo (provider file)  [video]" in text
    assert "half_done.toml:10: video:" in text


def test_connection_test_exits_0_or_2_with_one_clear_line(settings_dir, minimax_server) -> None:
    env = {"MICRODRAMA_MINIMAX_VIDEO_BASE_URL": minimax_server.url}
    ok = cli("test", "minimax_video", settings=settings_dir, MICRODRAMA_MINIMAX_VIDEO_API_KEY=API_KEY, **env)
    assert ok.returncode == 0 and ok.stdout.startswith("ok: Connected to MiniMax Hailuo"), ok.stderr
    bad = cli("test", "minimax_video", settings=settings_dir,
              MICRODRAMA_MINIMAX_VIDEO_API_KEY="mm-wrong-key-0000000000", **env)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("error: MiniMax Hailuo (provider file): the connection test failed")
    assert "mm-wrong-key-0000000000" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    unknown = cli("test", "half_done", settings=settings_dir)
    assert unknown.returncode == 2 and "no provider named 'half_done'" in unknown.stderr
