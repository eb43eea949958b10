"""``microdrama generate`` with a provider declared in a file: the job queue uses it like a built-in one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from app.bundle import ProjectBundle
from tests.providers.servers.fal import API_KEY
from tests.providers.servers.media import png_bytes

REPO = Path(__file__).resolve().parents[2]


def test_generate_stills_through_a_provider_file(project, fal_server) -> None:
    folder = Path(os.environ["MICRODRAMA_SETTINGS_DIR"]) / "providers"
    folder.mkdir(parents=True)
    shutil.copy(REPO / "resources" / "providers" / "fal_queue.json", folder)
    env = dict(os.environ, MICRODRAMA_FAL_QUEUE_BASE_URL=fal_server.url, MICRODRAMA_FAL_QUEUE_API_KEY=API_KEY)
    result = subprocess.run([sys.executable, "-m", "widgets.launch", "generate", str(project), "--episode", "1",
                             "--stills", "--image-provider", "fal_queue"], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    posts = fal_server.received("POST /fal-ai/flux/schnell")
    assert len(posts) == 3, (len(posts), result.stderr)  # one paid create per shot, never two
    series = ProjectBundle(project).load()
    shots = list(series.episodes[0].shots())
    assert all(s.chosen_still for s in shots)
    media = series.media[shots[0].chosen_still]
    assert media.provenance.provider == "fal_queue" and media.provenance.model == "fal-ai/flux/schnell"
    assert (project / media.path).read_bytes() == png_bytes()
    assert {r.state for r in series.jobs} == {"succeeded"}, [(r.state, r.error) for r in series.jobs]
