"""A small season (4 episodes, real WAV takes) built in a blink, copied for each test.

Built with the model and ``ProjectBundle.create`` rather than ``microdrama demo``: the
demo's art takes ~20 s to draw, and what these tests look at (which parts are read,
what a save writes) needs episodes, lines and take files, not pictures.
"""

from __future__ import annotations

import json
import shutil
import wave
from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.model import Character, DialogueLine, Episode, Scene, Series, Shot, Take

EPISODES = 4
RATE = 16000


def _wav(path: Path, seconds: float = 0.2) -> int:
    samples = int(RATE * seconds)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"\x10\x00\xf0\xff" * (samples // 2))
    return samples


def build_season(root: Path, episodes: int = EPISODES) -> Path:
    series = Series(title="雨中的约定 Lazy Season")
    lin = Character(name="林夏")
    series.characters.append(lin)
    take_files: list[Take] = []
    for n in range(1, episodes + 1):
        scenes = []
        for s in range(1, 3):
            shots = []
            for k in range(1, 4):
                takes = []
                for t in range(2):
                    takes.append(Take(path=f"takes/e{n}s{s}k{k}t{t}.wav", name=f"take {t + 1}", sample_rate=RATE))
                take_files.extend(takes)
                line = DialogueLine(character_id=lin.id, character_name=lin.name,
                                    text=f"第{n}集 第{s}场 第{k}句：我们明天见 line {n}.{s}.{k}",
                                    takes=takes, chosen_take_id=takes[0].id)
                shots.append(Shot(code=f"E{n:02d}-{s}{k:02d}", number=k, action=f"Lin waits, shot {n}.{s}.{k}",
                                  character_ids=[lin.id], dialogue=[line]))
            scenes.append(Scene(number=s, heading=f"INT. CAFE {s} - NIGHT", shots=shots))
        series.episodes.append(Episode(number=n, title=f"第{n}集 Rain {n}", logline=f"logline {n}",
                                       script=f"INT. CAFE - NIGHT\n林夏: line {n}", scenes=scenes))
    bundle = ProjectBundle.create(root, series)
    for take in take_files:  # each take object is the one the series holds: no search for it
        take.samples = _wav(bundle.root / take.path)
    bundle.save(series)
    return bundle.root


@pytest.fixture(scope="session")
def lazy_season_master(tmp_path_factory) -> Path:
    return build_season(tmp_path_factory.mktemp("lazy-season") / "Season")


@pytest.fixture
def season(lazy_season_master: Path, tmp_path: Path) -> Path:
    """A private copy of the season for a test that edits or opens it."""
    copy = tmp_path / lazy_season_master.name
    shutil.copytree(lazy_season_master, copy)
    return copy


def manifest(season: Path) -> dict:
    return json.loads((season / "project.json").read_bytes())


def part_of(season: Path, index: int) -> Path:
    """The part file project.json names for the episode at ``index``."""
    return season / manifest(season)["episodes"][index]["file"]


@pytest.fixture
def window(qtbot):
    """The real main window (English UI), without reading episodes ahead (so a test sees which
    episodes its own actions read), closed and drained after the test."""
    from tests.shell.conftest import ScriptedPrompter, drain_background_work
    from widgets.main_window import MainWindow
    from widgets.shell import i18n

    i18n.install_language("en")
    made = MainWindow(prompter=ScriptedPrompter())
    made.session.episode_warmer.delay_ms = None
    qtbot.addWidget(made)
    made.resize(1366, 768)
    made.show()
    yield made
    made.session.document.undo_stack.setClean()
    made.close()
    drain_background_work()
    i18n.install_language("en")
