"""Fixtures for the split-project tests: a small season (the same code path as 100 episodes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.model import Character, Episode, Scene, Series, Shot
from tests.jobs.conftest import _isolated_settings  # noqa: F401  (own settings file, fast polling)
from tests.providers.servers.fixtures import *  # noqa: F401,F403

REPO = Path(__file__).resolve().parents[2]


def season_series(episodes: int = 6, shots: int = 10) -> Series:
    """``episodes`` x ``shots`` shots with image prompts, no stills yet: a 60-job batch by default."""
    series = Series(title="v0")
    series.bible.visual_style = "cinematic, neon rain"
    series.characters.append(Character(name="Lin Mei", description="a courier in a yellow raincoat"))
    for e in range(1, episodes + 1):
        episode = Episode(number=e, title=f"v0 episode {e}", budget=None)
        scene = Scene(number=1, heading="EXT. MARKET - NIGHT")
        for i in range(1, shots + 1):
            scene.shots.append(Shot(code=f"E{e:02d}-{i:03d}", number=i, duration=60,
                                    image_prompt=f"@Lin Mei runs through the market, episode {e} shot {i}"))
        episode.scenes.append(scene)
        series.episodes.append(episode)
    return series


def child(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """A real process running ``code`` from the repository (what a SIGKILL is sent to)."""
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, env=full_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
