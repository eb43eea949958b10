"""The mixer: sample-exact placement, gains, fades, mute/solo, ducking and loudness."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.media import loudness
from app.media.audio_io import load_audio
from app.media.mixer import Mixer
from app.model import TrackKind
from tests.media.conftest_export import (  # noqa: F401
    FLASH_FRAMES,
    RATE,
    SPF,
    Project,
    export_media,
    music_bed,
    project,
)


def rms_db(x: np.ndarray) -> float:
    return 20 * math.log10(float(np.sqrt(np.mean(x.astype(np.float64) ** 2))) + 1e-12)


def onset(x: np.ndarray) -> int:
    env = np.abs(x[:, 0])
    return int(np.argmax(env > 0.5 * env.max()))


def test_clip_audio_lands_on_the_exact_sample_with_trim_and_offset(project, export_media):
    clip = project.add(TrackKind.EFFECTS, export_media.flash_clip, start=11, source_in=20, duration=60)
    mixer = Mixer(project.series, project.bundle)
    out = mixer.render(project.episode, 0, 80 * SPF)
    src = load_audio(project.bundle.resolve(project.series.media[clip.asset_id].path))
    assert onset(out) == onset(src) + (11 - 20) * SPF  # timeline sample = source sample shifted by the trim
    assert abs(onset(src) - FLASH_FRAMES[0] * SPF) <= 8  # (the sine needs a few samples to reach half level)
    clip.audio_offset_samples = 37  # a latency-compensated take moves by whole samples
    out2 = mixer.render(project.episode, 0, 80 * SPF)
    assert onset(out2) - onset(out) == 37
    assert np.allclose(out2[37 + 11 * SPF:70 * SPF], out[11 * SPF:70 * SPF - 37], atol=1e-6)


def test_gain_fades_mute_and_solo(project, export_media):
    music = project.add(TrackKind.MUSIC, export_media.music, start=0, duration=60, gain_db=-6.0)
    project.add(TrackKind.EFFECTS, export_media.voice, start=0, duration=30)
    mixer = Mixer(project.series, project.bundle)
    bed = load_audio(project.bundle.resolve(project.series.media[music.asset_id].path))
    project.track(TrackKind.EFFECTS).muted = True
    out = mixer.render(project.episode, 0, 60 * SPF)
    assert np.allclose(out, bed[:60 * SPF] * 10 ** (-6 / 20), atol=1e-5)
    project.track(TrackKind.MUSIC).gain_db = -6.0
    assert abs(rms_db(mixer.render(project.episode, 0, 60 * SPF)) - (rms_db(bed[:60 * SPF]) - 12)) < 0.05
    project.track(TrackKind.MUSIC).gain_db = 0.0
    music.fade_in, music.fade_out = 10, 20
    out = mixer.render(project.episode, 0, 60 * SPF)
    assert abs(out[0]).max() < 1e-3 and abs(out[-1]).max() < 1e-3
    assert rms_db(out[:5 * SPF]) < rms_db(out[20 * SPF:30 * SPF]) - 6
    project.track(TrackKind.EFFECTS).muted = False
    project.track(TrackKind.EFFECTS).solo = True
    solo = mixer.render(project.episode, 0, 60 * SPF)
    assert np.abs(solo[40 * SPF:]).max() == 0  # only the soloed effects track (which ends at frame 30)
    assert np.abs(solo[:30 * SPF]).max() > 0.05


def test_music_ducks_under_dialogue_and_recovers(project, export_media):
    project.add(TrackKind.MUSIC, export_media.music, start=0, duration=300)
    project.add(TrackKind.DIALOGUE, export_media.voice, start=90, duration=45)  # 3.0 s .. 4.5 s
    mixer = Mixer(project.series, project.bundle)
    gain = mixer.duck_gain(project.episode, 0, 300 * SPF)
    db = 20 * np.log10(gain)
    assert db[int(1.0 * RATE)] > -0.1  # before the line: full music
    assert -12.5 < db[int(3.8 * RATE)] < -10.5  # under the line: ducked by ~12 dB
    assert db[int(2.99 * RATE)] < -1.0  # look-ahead: already dipping just before the first word
    assert db[int(6.5 * RATE)] > -0.5  # recovered after the release
    assert np.all(np.abs(np.diff(db)) < 0.05)  # a smooth envelope, no clicks


def test_chunked_render_equals_the_whole_render(project, export_media):
    project.add(TrackKind.MUSIC, export_media.music, start=0, duration=240)
    project.add(TrackKind.DIALOGUE, export_media.voice, start=100, duration=45)
    project.add(TrackKind.EFFECTS, export_media.flash_clip, start=13, source_in=5, duration=100)
    mixer = Mixer(project.series, project.bundle)
    whole = mixer.render(project.episode, 0, 240 * SPF)
    chunk = 4801  # odd size: chunk edges fall anywhere
    parts = [mixer.render(project.episode, s, min(chunk, 240 * SPF - s)) for s in range(0, 240 * SPF, chunk)]
    assert np.abs(np.concatenate(parts) - whole).max() < 2e-3


def test_loudness_normalisation_hits_target_and_true_peak():
    rng = np.random.default_rng(3)
    x = music_bed(8.0) * 0.3
    x[RATE * 2: RATE * 2 + 20] = rng.uniform(-0.9, 0.9, (20, 2))  # sharp peaks the limiter must catch
    out, report = loudness.normalize(x, RATE, -14.0, -1.0)
    assert abs(loudness.integrated_lufs(out, RATE) + 14.0) < 0.3
    assert loudness.true_peak_dbtp(out) <= -1.0
    assert report.input_lufs < -20
    silent, rep = loudness.normalize(np.zeros((RATE * 2, 2), np.float32), RATE, -14.0, -1.0)
    assert not silent.any() and rep.gain_db == 0.0


@pytest.mark.parametrize("n", [0, 1])
def test_empty_render(project, n):
    assert Mixer(project.series, project.bundle).render(project.episode, 1000, n).shape == (n, 2)
