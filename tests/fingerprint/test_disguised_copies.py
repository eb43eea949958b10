"""The theft check finds the copies re-uploaders actually make, from a real export of the demo episode.

One case of every class of disguise (the benchmark runs the full set): layouts that hide
our vertical picture inside theirs, speed and reversal, colour and noise, crop and
rotation, short excerpts, compilations, our sound over other pictures and our pictures
under new sound; and lookalike dramas in the same style that must not match.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.demo import create_demo
from app.fingerprint.disguises import BY_NAME, make_compilation, make_copy
from app.fingerprint.index import SeasonIndex
from app.fingerprint.lookalike import write_lookalike_drama
from app.fingerprint.matcher import find_matches
from app.fingerprint.store import load_all, record_export
from app.fingerprint.transforms import Transformation
from app.media.export import Exporter, ExportOptions
from app.media.presets import ExportPreset
from app.model import Episode

REPO = Path(__file__).resolve().parents[2]
SMALL = ExportPreset("test", "test", width=360, height=640, fps=25, crf=23, x264_preset="ultrafast")
WINDOW = (10.0, 16.0)  # the part of our episode a copy shows, unless the disguise cuts its own

# disguise -> the layout transformation it must report (None: none expected)
CASES = {
    "blurred_landscape_canvas": Transformation.LANDSCAPE_CANVAS,
    "pip_40_over_other": Transformation.PICTURE_IN_PICTURE,
    "split_thirds_mirrored_repeated": None,
    "captions_stickers_third": Transformation.CAPTIONS_STICKERS,
    "pitch_speed_1.25": Transformation.PITCH_SHIFTED,
    "pitch_speed_1.25_sound_only": Transformation.PITCH_SHIFTED,
    "speed_1.33": Transformation.FASTER,
    "reversed_segment": Transformation.REVERSED,
    "greyscale_noise": None,
    "rotate_5": None,
    "crop_25": None,
    "excerpt_3s": Transformation.EXCERPT,
    "our_sound_other_pictures": Transformation.SOUND_ONLY,
    "our_pictures_new_sound": Transformation.NEW_SOUND,
}


@pytest.fixture(scope="module")
def season(tmp_path_factory, qapp):  # the test QApplication: painting the demo needs one, widgets later too
    root = tmp_path_factory.mktemp("disguised")
    bundle = create_demo(root / "Demo")
    series = bundle.load()
    episode = series.episodes[0]
    ours = root / "E01.mp4"
    Exporter(series, bundle, episode, ours, ExportOptions(preset=SMALL, labels=[], write_srt=False)).run()
    second = Episode(number=2, title="第二集")
    series.episodes.append(second)
    bundle.save(series)
    ours2 = write_lookalike_drama(root / "E02.mp4", seed=7, seconds=16)
    record_export(bundle, second, ours2)
    others = [write_lookalike_drama(root / f"other{seed}.mp4", seed=seed, seconds=12) for seed in (101, 202)]
    index = SeasonIndex(load_all(bundle))
    return {"root": root, "bundle": bundle, "series": series, "ours": ours, "ours2": ours2, "others": others,
            "index": index, "episode": episode, "second": second}


@pytest.mark.parametrize("name", sorted(CASES))
def test_disguised_copy_is_found_at_the_right_place(season, name) -> None:
    disguise = BY_NAME[name]
    # the demo's music bed loops every 10 s; its dialogue is what places a sound-only copy
    ours, episode, window = season["ours"], season["episode"], WINDOW
    suspect = make_copy(ours, season["root"] / f"{name}.mp4", disguise, season["others"][0], window)
    _, matches = find_matches(suspect, season["index"])
    assert matches, f"{name}: not found"
    best = matches[0]
    assert best.episode_id == episode.id
    cut = disguise.cut or window
    start = cut[0] + cut[1] if disguise.reversed else cut[0]  # a reversed copy starts at the end of its cut
    assert abs(best.alignment - start) <= 1.0, best.as_json()
    assert abs(best.speed - disguise.expect_speed) <= 0.05
    assert best.mirrored == disguise.mirrored or name == "split_thirds_mirrored_repeated"
    assert best.reversed == disguise.reversed
    expected = CASES[name]
    if expected is not None:
        assert expected in best.transformations, [t.value for t in best.transformations]
    if name in ("our_sound_other_pictures", "pitch_speed_1.25_sound_only"):
        assert not best.has_picture and best.has_sound
        assert not best.sound_is_ambiguous, best.placement_note()  # the dialogue tells where
    elif name != "our_pictures_new_sound":
        assert best.has_picture


def test_excerpts_of_two_episodes_cut_together_are_both_found(season) -> None:
    suspect = make_compilation([(season["ours"], 20.0, 4.0), (season["ours2"], 6.0, 4.0)], season["root"] / "mix.mp4")
    _, matches = find_matches(suspect, season["index"])
    found = {(m.episode_id, round(m.reference_start)) for m in matches}
    assert any(e == season["episode"].id and abs(s - 20) <= 1 for e, s in found), found
    assert any(e == season["second"].id and abs(s - 6) <= 1 for e, s in found), found


def test_the_music_bed_alone_is_reported_as_ambiguous_not_placed_wrong(season) -> None:
    """The demo's bed repeats every 10 s: without dialogue the sound fits several places, and the
    match says so (with the true one among them) instead of picking one."""
    bed = next((season["bundle"].root / "media").rglob("*.wav"))
    suspect = season["root"] / "bed-only.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(season["others"][0]), "-ss", "4", "-t", "8", "-i", str(bed),
                    "-map", "0:v", "-map", "1:a", "-t", "8", "-c:v", "copy", "-c:a", "aac", str(suspect)], check=True)
    _, matches = find_matches(suspect, season["index"])
    assert matches and not matches[0].has_picture
    best = matches[0]
    # where the suspect's second 0 falls in our episode, for each placement the sound fits
    alignments = [s - best.speed * best.suspect_start for s in [best.reference_start, *best.sound_alternatives]]
    assert best.sound_is_ambiguous and any(abs(a - 4.0) <= 1.0 for a in alignments), best.as_json()
    assert "the music repeats" in best.placement_note() and " or " in best.placement_note()


def test_lookalike_dramas_do_not_match(season) -> None:
    for other in season["others"]:
        _, matches = find_matches(other, season["index"])
        assert matches == [], [m.as_json() for m in matches]


def test_folder_scan_ranks_skips_and_writes_evidence(season, tmp_path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    make_copy(season["ours"], folder / "copy.mp4", BY_NAME["grade_and_hue"], window=(4.0, 8.0))
    (folder / "broken.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"junk" * 500)
    (folder / "other.mp4").write_bytes(season["others"][1].read_bytes())
    report = tmp_path / "evidence"
    result = subprocess.run([sys.executable, "-m", "widgets.launch", "match", str(season["bundle"].root), str(folder),
                             "--report", str(report)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [Path(s["suspect"]).name for s in out["suspects"]] == ["copy.mp4", "other.mp4"]
    assert out["suspects"][0]["matches"] and not out["suspects"][1]["matches"]
    assert [Path(s["file"]).name for s in out["skipped"]] == ["broken.mp4"]
    assert "match: " in result.stderr  # the progress bar
    pack = report / "evidence-copy"
    assert (report / "evidence-copy.zip").is_file()
    for lang in ("zh", "en"):
        html = (pack / f"report-{lang}.html").read_text(encoding="utf-8")
        assert (pack / f"report-{lang}.pdf").read_bytes()[:5] == b"%PDF-"
        assert "SHA-256" in html and "E01" in html
    assert "侵权比对证据报告" in (pack / "report-zh.html").read_text(encoding="utf-8")
    evidence = json.loads((pack / "evidence.json").read_text(encoding="utf-8"))
    assert evidence["suspect"]["file"] == "copy.mp4"
    assert evidence["authorship"]  # the demo's ledger: its stills and who made them
    text = (pack / "evidence.json").read_text(encoding="utf-8") + (pack / "report-en.html").read_text(encoding="utf-8")
    assert str(tmp_path) not in text and str(season["root"]) not in text  # no local paths
    assert len(list((pack / "frames").glob("*.jpg"))) >= 2


def test_an_episode_never_exported_is_fingerprinted_from_its_timeline(season, tmp_path) -> None:
    """No MP4 is written: the compositor and the mixer render what the fingerprint needs."""
    from app.fingerprint.timeline_print import fingerprint_timeline

    bundle = create_demo(tmp_path / "Fresh")
    series = bundle.load()
    fp = fingerprint_timeline(series, bundle, series.episodes[0])
    assert not list(tmp_path.rglob("*.mp4")) and fp.source_sha256 == ""
    suspect = make_copy(season["ours"], tmp_path / "copy.mp4", BY_NAME["reencode_360p"], window=(12.0, 10.0))
    _, matches = find_matches(suspect, load_all(bundle))
    assert matches and matches[0].episode_id == series.episodes[0].id
    assert abs(matches[0].reference_start - 12.0) <= 1.0
