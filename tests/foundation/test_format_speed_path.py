"""project.json is written by the fast encoder when possible, byte-identical to the standard one."""

from __future__ import annotations

import json
import math

from app.model import Clip, JobRecord, Series, TrackKind
from app.model.schema import decode, dump, encode, snapshot

from .conftest import small_series


def test_fast_and_standard_encoders_write_identical_bytes() -> None:
    series = small_series("对比 Compare")
    series.pricing = {"kling": 0.35, "tiny": 0.5}
    doc = snapshot(series)
    assert dump(doc) == (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def test_non_finite_numbers_and_huge_ints_still_load_back() -> None:
    series = small_series()
    clip: Clip = series.episodes[0].timeline.first_track(TrackKind.PICTURE).clips[0]
    clip.gain_db = float("-inf")
    # free-form data (a job's request) may hold anything JSON can; prices must be finite (app.model.validate)
    series.jobs.append(JobRecord(request={"nan": float("nan"), "big": 2**70}))
    back = decode(encode(series))
    back_clip = back.episodes[0].timeline.first_track(TrackKind.PICTURE).clips[0]
    assert back_clip.gain_db == float("-inf")
    assert math.isnan(back.jobs[0].request["nan"]) and back.jobs[0].request["big"] == 2**70


def test_snapshot_is_independent_of_the_live_model() -> None:
    series = Series(title="Live")
    series.settings.fps = 30
    doc = snapshot(series)
    series.title = "Changed"
    series.pricing["x"] = 1.0
    assert doc["series"]["title"] == "Live" and doc["series"]["pricing"] == {}
