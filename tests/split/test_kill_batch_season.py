"""SIGKILLs during a 60-job batch on a season project while the user keeps editing and saving.

Real processes, real SIGKILLs, the loopback Kling server answering as Kling does. After
every kill: the project loads, every save the process reported is on disk (and its files
agree), and finishing the batch afterwards pays for each shot exactly once.
"""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from app.bundle import ProjectBundle
from app.jobs.journal import load_with_journal
from app.session import Session
from tests.providers.servers.kling import ACCESS_KEY, SECRET_KEY

from .conftest import child, season_series

SHOTS = 60

_BATCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from app.jobs.batch import BatchGenerator, Plan
from app.session import Session
app = QCoreApplication([])
session = Session()
session.open(Path(sys.argv[1]))
series = session.series
n = int(series.title.removeprefix("v"))

def edit_and_save():
    global n
    n += 1
    episode = series.episodes[n % len(series.episodes)]
    with session.document.macro("edit"):
        session.document.edit(series, "t", title=f"v{n}")
        session.document.edit(episode, "t", title=f"v{n}")
    session.save()
    print(n, flush=True)

timer = QTimer()
timer.timeout.connect(edit_and_save)
timer.start(40)
print("ready", flush=True)
for episode in list(series.episodes):
    session.set_current_episode(episode.id)
    BatchGenerator(session, episode, Plan(stills=True, clips=False, image_provider="kling"), out=sys.stderr).run()
timer.stop()
session.close()
print("done", flush=True)
"""


@pytest.fixture
def season(tmp_path: Path, qapp) -> Path:
    session = Session()
    session.create(tmp_path / "Season.mdrama", season_series(episodes=6, shots=SHOTS // 6))
    root = session.bundle.root
    session.close()
    return root


def _check_saved(root: Path, last_reported: int) -> int:
    series = load_with_journal(ProjectBundle(root))
    n = int(series.title.removeprefix("v"))
    assert n in (last_reported, last_reported + 1), (n, last_reported)  # no reported save lost
    if n:
        assert series.episodes[n % len(series.episodes)].title == f"v{n}"  # the same save's episode file
    return n


def test_sigkills_during_a_season_batch_lose_no_paid_task_and_no_saved_edit(season: Path, kling_server) -> None:
    env = {"MICRODRAMA_KLING_BASE_URL": kling_server.url, "MICRODRAMA_KLING_ACCESS_KEY": ACCESS_KEY,
           "MICRODRAMA_KLING_SECRET_KEY": SECRET_KEY}
    rng = random.Random(60)
    last = 0
    for paid in (6, 24, 45):  # kill once that many tasks were paid, plus a random moment
        proc = child(_BATCH, str(season), env=env)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        deadline = time.monotonic() + 120
        while len(kling_server.tasks) < paid and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.4))
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=60)
        reported = [int(x) for x in out.split() if x.isdigit()]
        last = _check_saved(season, reported[-1] if reported else last)
    assert 45 <= len(kling_server.tasks) < SHOTS  # the kills landed during the batch
    proc = child(_BATCH, str(season), env=env)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "done" in out, err
    series = load_with_journal(ProjectBundle(season))
    shots = [s for e in series.episodes for s in e.shots()]
    assert len(shots) == SHOTS and all(s.chosen_still for s in shots)
    assert len(kling_server.tasks) == SHOTS  # every shot paid exactly once across four processes
    assert set(kling_server.tasks) <= {r.task_id for r in series.jobs}  # every paid task has its record
    assert all(series.media[s.chosen_still].kind.value == "image" for s in shots)
    # the project files alone (without the journal) hold every result after the finished batch
    saved = ProjectBundle(season).load()
    assert all(s.chosen_still in saved.media for e in saved.episodes for s in e.shots())
