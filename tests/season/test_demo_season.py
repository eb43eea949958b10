"""`microdrama demo PATH --episodes N` writes a season with the shape of a real one, from few real files."""

from __future__ import annotations

from pathlib import Path

import soundfile as sf

from app.bundle import ProjectBundle
from app.demo_season import CLIP_VERSIONS, SHOTS_PER_EPISODE, STILL_VERSIONS, TAKES_PER_LINE
from app.media.probe import probe_file
from tests.season.conftest import EPISODES, cli


def test_season_has_every_episode_at_season_shape(season_master: Path) -> None:
    bundle = ProjectBundle(season_master)
    series = bundle.load()
    assert [e.number for e in series.episodes] == list(range(1, EPISODES + 1))
    for episode in series.episodes[1:]:
        shots = list(episode.shots())
        assert len(shots) == SHOTS_PER_EPISODE
        assert episode.script.strip()
        for shot in shots:
            assert len(shot.stills) == STILL_VERSIONS and shot.chosen_still in shot.stills
            assert len(shot.clips) == CLIP_VERSIONS and shot.chosen_clip in shot.clips
            for line in shot.dialogue:
                assert len(line.takes) == TAKES_PER_LINE and line.chosen_take() is not None
        picture = [c for t in episode.timeline.tracks for c in t.clips if c.shot_id and c.asset_id]
        assert {c.asset_id for c in picture} <= {a for s in shots for a in s.clips} | {
            f"take_{t.id}" for _s, line in episode.dialogue_lines() for t in line.takes}
    assert bundle.media_problems(series) == []


def test_season_media_are_few_real_files(season_master: Path) -> None:
    series = ProjectBundle(season_master).load()
    files = {a.path for a in series.media.values()}
    versions = sum(len(s.stills) + len(s.clips) for e in series.episodes for s in e.shots())
    # thousands of versions, a handful of files (the first episode's voiced lines bring a few more)
    assert len(files) < 30 and versions > 10 * len(files)
    clip = series.media[next(iter(series.episodes[1].shots())).chosen_clip]
    probe = probe_file(season_master / clip.path)
    assert probe["kind"] == "video" and probe["duration"] >= 5.9
    take = next(iter(series.episodes[1].dialogue_lines()))[1].chosen_take()
    data, rate = sf.read(season_master / take.path)
    assert rate == 48000 and abs(data).max() > 0.1


def test_episodes_below_one_is_a_clear_error(tmp_path: Path) -> None:
    proc = cli("demo", str(tmp_path / "x"), "--episodes", "0")
    assert proc.returncode == 2
    assert "--episodes" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.mdrama").exists()
