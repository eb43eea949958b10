"""The credits report lists every AI tool, prompt and cost behind an episode, and its human voices."""

from __future__ import annotations

import json

from app.model import (
    Character,
    Clip,
    DialogueLine,
    Episode,
    MediaAsset,
    MediaKind,
    Provenance,
    Scene,
    Series,
    Shot,
    Take,
    TrackKind,
)
from app.provenance.ledger import build_ledger
from app.provenance.report import report_json, report_markdown


def _series() -> tuple[Series, Episode]:
    series = Series(title="Heiress")
    series.settings.content_producer = "Studio Lin"
    lin = Character(name="林晓", voice_actor="Chen Yu")
    series.characters.append(lin)
    still = MediaAsset(id="still1", kind=MediaKind.IMAGE, original_name="shot1.png", provenance=Provenance(
        source="generated", provider="kling", model="kling-v2-1", prompt="她站在雨中", seed=42,
        task_id="task-9", cost=0.28, created_at="2026-11-25T10:00:00+00:00"))
    clip = MediaAsset(id="clip1", kind=MediaKind.VIDEO, original_name="shot1.mp4", provenance=Provenance(
        source="generated", provider="comfyui", model="wan2.2", prompt="slow push in", cost=0.0))
    music = MediaAsset(id="music1", kind=MediaKind.AUDIO, original_name="suno_theme.mp3",
                       provenance=Provenance(source="imported", original_filename="suno_theme.mp3", author="me"))
    unused = MediaAsset(id="unused", kind=MediaKind.IMAGE, original_name="rejected.png",
                        provenance=Provenance(source="generated", provider="openai", cost=5.0))
    for asset in (still, clip, music, unused):
        series.media[asset.id] = asset
    take = Take(name="Take 3", performer="Chen Yu")
    line = DialogueLine(character_id=lin.id, text="你终于来了。", takes=[take], chosen_take_id=take.id)
    shot = Shot(code="E01-001", chosen_still="still1", chosen_clip="clip1", dialogue=[line], character_ids=[lin.id])
    episode = Episode(number=1, title="雨夜", scenes=[Scene(shots=[shot])])
    episode.timeline.first_track(TrackKind.PICTURE).clips.append(Clip(asset_id="clip1", duration=90))
    episode.timeline.first_track(TrackKind.MUSIC).clips.append(Clip(asset_id="music1", duration=90))
    series.episodes.append(episode)
    return series, episode


def test_ledger_counts_only_what_the_episode_uses() -> None:
    series, episode = _series()
    ledger = build_ledger(series, episode)
    assert {e.asset.id for e in ledger.entries} == {"still1", "clip1", "music1"}
    assert ledger.cost_by_provider() == {"comfyui": 0.0, "kling": 0.28}
    assert ledger.performers() == {"Chen Yu": ["林晓"]}


def test_json_report_is_complete() -> None:
    series, episode = _series()
    data = json.loads(report_json(build_ledger(series, episode)))
    assert data["ai_generated_content"] is True
    assert {"provider": "kling", "model": "kling-v2-1"} in data["ai_tools"]
    assert data["cost"]["total"] == 0.28
    still = next(a for a in data["assets"] if a["asset_id"] == "still1")
    assert still["provenance"]["prompt"] == "她站在雨中" and still["provenance"]["seed"] == 42
    assert still["used_as"] == ["Shot E01-001 still"]


def test_markdown_report_reads_as_credits() -> None:
    series, episode = _series()
    md = report_markdown(build_ledger(series, episode))
    assert "This episode contains AI-generated content" in md
    assert "Chen Yu as 林晓" in md
    assert "她站在雨中" in md and "kling / kling-v2-1" in md
    assert "suno_theme.mp3" in md and "rejected.png" not in md
