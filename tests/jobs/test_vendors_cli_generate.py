"""``microdrama generate`` end to end against loopback Ark, DashScope and Kling (current models, elements).

A real subprocess with the vendors' settings given as ``MICRODRAMA_<PROVIDER>_<FIELD>`` overrides,
the servers answering in each vendor's own wire format.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np

from app.bundle import ProjectBundle
from app.session import Session
from tests.jobs.conftest import make_series
from tests.providers.servers.ark import API_KEY as ARK_KEY
from tests.providers.servers.ark import ark_error
from tests.providers.servers.dashscope import API_KEY as DS_KEY
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY
from tests.providers.servers.media import png_bytes

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.update(env)
    return subprocess.run([sys.executable, "-m", "widgets.launch", "generate", *args], cwd=REPO, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def _project_with_cast(tmp_path: Path) -> Path:
    """Rain City with a reference portrait for Lin Mei (so clips can keep her face)."""
    series = make_series()
    session = Session()
    session.create(tmp_path / "Cast.mdrama", series)
    root = session.bundle.root
    session.close()
    img = np.full((480, 360, 3), 90, np.uint8)
    cv2.circle(img, (180, 200), 100, (190, 160, 140), -1)
    cv2.imwrite(str(root / "lin.png"), img)
    bundle = ProjectBundle(root)
    loaded = bundle.load()
    loaded.characters[0].reference_images = ["lin.png"]
    bundle.save(loaded)
    return root


def test_ark_stills_then_seedance_clips(project, ark_server) -> None:
    env = {"MICRODRAMA_ARK_BASE_URL": f"{ark_server.url}/api/v3", "MICRODRAMA_ARK_API_KEY": ARK_KEY}
    result = _run(str(project), "--episode", "1", "--image-provider", "ark", "--video-provider", "ark", env=env)
    assert result.returncode == 0, result.stderr
    series = ProjectBundle(project).load()
    shots = list(series.episodes[0].shots())
    assert all(s.chosen_still and s.chosen_clip for s in shots)
    assert len(ark_server.received("POST /api/v3/images/generations")) == 3
    creates = [r.json() for r in ark_server.received("POST /api/v3/contents/generations/tasks")]
    assert len(creates) == 3
    assert all([c.get("role") for c in body["content"]] == [None, "first_frame"] for body in creates)
    clip = series.media[shots[0].chosen_clip]
    assert clip.provenance.provider == "ark" and clip.provenance.model == "doubao-seedance-1-0-pro-250528"
    assert clip.provenance.cost == 0.2  # 2 s at the China price in USD


def test_ark_content_policy_reason_reaches_the_user(project, ark_server) -> None:
    ark_server.fail_next("POST /api/v3/images/generations", ark_error(
        400, "InputTextSensitiveContentDetected", "The request failed because the input text may contain "
        "sensitive information."), times=5)
    env = {"MICRODRAMA_ARK_BASE_URL": f"{ark_server.url}/api/v3", "MICRODRAMA_ARK_API_KEY": ARK_KEY}
    result = _run(str(project), "--episode", "1", "--stills", "--shots", "1", "--image-provider", "ark", env=env)
    assert result.returncode == 1 and "input text may contain sensitive information" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(ark_server.received("POST /api/v3/images/generations")) == 1  # never retried


def test_dashscope_qwen_image_stills_then_wan_clips(project, dashscope_server) -> None:
    env = {"MICRODRAMA_DASHSCOPE_BASE_URL": f"{dashscope_server.url}/api/v1", "MICRODRAMA_DASHSCOPE_API_KEY": DS_KEY}
    result = _run(str(project), "--episode", "1", "--image-provider", "dashscope", "--video-provider", "dashscope",
                  env=env)
    assert result.returncode == 0, result.stderr
    series = ProjectBundle(project).load()
    assert all(s.chosen_still and s.chosen_clip for s in series.episodes[0].shots())
    videos = [r.json() for r in dashscope_server.received("POST /api/v1/services/aigc/video-generation/")]
    assert len(videos) == 3 and all(v["model"] == "wan2.6-i2v-flash" and v["input"]["img_url"] for v in videos)
    clip = series.media[next(series.episodes[0].shots()).chosen_clip]
    assert clip.provenance.provider == "dashscope" and clip.provenance.model == "wan2.6-i2v-flash"


def test_kling_v3_clips_keep_the_character_as_one_element(tmp_path, kling_server) -> None:
    project = _project_with_cast(tmp_path)
    kling_server.image_bytes = png_bytes(360, 640)  # Kling takes start frames of 300 px and more
    env = {"MICRODRAMA_KLING_BASE_URL": kling_server.url, "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
           "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY, "MICRODRAMA_KLING_VIDEO_MODEL": "kling-v3",
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = _run(str(project), "--episode", "1", "--image-provider", "kling", "--video-provider", "kling", env=env)
    assert result.returncode == 0, result.stderr
    assert len(kling_server.received("POST /v1/general/advanced-custom-elements")) == 1
    bodies = [r.json() for r in kling_server.received("POST /v1/videos/image2video")]
    assert len(bodies) == 3
    assert len({b["element_list"][0]["element_id"] for b in bodies}) == 1
    # the motion prompt does not name her: the element is put in front; 60 frames = 2 s, v3 starts at 3 s
    assert all(b["prompt"] == "<<<element_1>>> she runs towards the camera" and b["duration"] == "3" for b in bodies)
    series = ProjectBundle(project).load()
    clip = next(a for a in series.media.values() if a.provenance.provider == "kling" and a.path.endswith(".mp4"))
    assert clip.provenance.model == "kling-v3"


def test_a_scene_as_one_kling_multi_shot_clip_split_into_its_shots(project, kling_server, tmp_path) -> None:
    from tests.storyboard.multishot_media import multishot_mp4

    kling_server.result_bytes = multishot_mp4((2.0, 2.0, 2.0))
    env = {"MICRODRAMA_KLING_BASE_URL": kling_server.url, "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
           "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY, "MICRODRAMA_KLING_VIDEO_MODEL": "kling-v3",
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = _run(str(project), "--episode", "1", "--multi-shot", "1", "--video-provider", "kling", env=env)
    assert result.returncode == 0, result.stderr
    body = kling_server.received("POST /v1/videos/text2video")[0].json()
    assert body["multi_shot"] is True and [s["duration"] for s in body["multi_prompt"]] == ["2", "2", "2"]
    assert len(kling_server.received("POST /v1/videos/")) == 1  # one paid call for the whole scene
    series = ProjectBundle(project).load()
    shots = list(series.episodes[0].shots())
    pieces = [series.media[s.chosen_clip] for s in shots]
    assert [p.provenance.parameters["piece"] for p in pieces] == [1, 2, 3]
    assert all(p.provenance.parameters["cuts_detected"] and p.provenance.cost == 0 for p in pieces)
    whole = series.media[pieces[0].provenance.parameters["multishot_clip"]]
    assert whole.provenance.cost > 0 and whole.provenance.model == "kling-v3"
    assert [round(p.probe["duration"]) for p in pieces] == [2, 2, 2]
    refused = _run(str(project), "--episode", "1", "--multi-shot", "1", "--video-provider", "kling",
                   env={**env, "MICRODRAMA_KLING_VIDEO_MODEL": "kling-v2-5-turbo"})
    assert refused.returncode == 2 and "one shot per call" in refused.stderr and "Traceback" not in refused.stderr


def test_a_scene_as_one_seedance_2_clip(project, ark_server) -> None:
    from tests.storyboard.multishot_media import multishot_mp4

    ark_server.video_bytes = multishot_mp4((2.0, 2.0, 2.0), sound=False)
    env = {"MICRODRAMA_ARK_BASE_URL": f"{ark_server.url}/api/v3", "MICRODRAMA_ARK_API_KEY": ARK_KEY,
           "MICRODRAMA_ARK_VIDEO_MODEL": "doubao-seedance-2-0-260128"}
    result = _run(str(project), "--episode", "1", "--multi-shot", "1", "--video-provider", "ark", env=env)
    assert result.returncode == 0, result.stderr
    creates = [r.json() for r in ark_server.received("POST /api/v3/contents/generations/tasks")]
    assert len(creates) == 1 and creates[0]["duration"] == 6
    assert creates[0]["content"][0]["text"].startswith("Shot 1 (2s): she runs towards the camera Shot 2 (2s)")
    series = ProjectBundle(project).load()
    pieces = [series.media[s.chosen_clip] for s in series.episodes[0].shots()]
    assert [p.provenance.parameters["piece"] for p in pieces] == [1, 2, 3]
    assert all(p.provenance.parameters["cuts_detected"] for p in pieces)
