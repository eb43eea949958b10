"""Breakdown: one shot per beat with believable durations; re-running it keeps the creator's work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app.bundle import ProjectBundle
from app.document import ProjectDocument
from app.model import Series, Take
from app.model.schema import encode
from app.script.breakdown import breakdown, speaking_seconds, split_heading
from app.script.checks import check_episode
from app.script.importer import apply_script
from app.script.merge import ORPHAN_NOTE

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """\
Title: 契约新娘

1. 内景 总裁办公室 - 日

落地窗前，顾霆深背对着门，手里捏着一份合同。

林晓（低声）：你找我？
顾霆深：签了它。这份合同，一年。

林晓盯着合同，手在发抖。

EXT. ROOFTOP - NIGHT

LIN
(quietly)
I never said yes.

GU
You never said no.
"""


def test_speaking_time_per_language() -> None:
    assert abs(speaking_seconds("你找我？") - 3 / 4.5) < 0.01  # punctuation is not spoken
    assert abs(speaking_seconds("I never said yes.") - 4 / 2.6) < 0.01
    assert speaking_seconds("*OK* [[note]]") == 1 / 2.6


def test_heading_parts_in_both_languages() -> None:
    assert split_heading("1. 内景 总裁办公室 - 日").__dict__ == {"interior": "INT", "location": "总裁办公室", "time": "day"}
    assert split_heading("EXT. ROOFTOP - NIGHT").__dict__ == {"interior": "EXT", "location": "ROOFTOP", "time": "night"}


def test_one_shot_per_beat() -> None:
    series = Series()
    scenes = breakdown(SCRIPT, series, episode_number=3, fps=30)
    assert [s.heading for s in scenes] == ["1. 内景 总裁办公室 - 日", "EXT. ROOFTOP - NIGHT"]
    first = scenes[0].shots
    assert [len(s.dialogue) for s in first] == [0, 2, 0]
    assert [s.code for s in first] == ["E03S01-01", "E03S01-02", "E03S01-03"]
    talk = first[1]
    assert [line.text for line in talk.dialogue] == ["你找我？", "签了它。这份合同，一年。"]
    assert talk.dialogue[0].parenthetical == "低声"
    assert talk.duration >= round((speaking_seconds("你找我？签了它。这份合同，一年。") + 0.8) * 30)
    assert {c.name for c in series.characters} == {"林晓", "顾霆深", "Lin", "Gu"}
    assert [loc.name for loc in series.locations] == ["总裁办公室", "ROOFTOP"]
    rooftop = scenes[1].shots
    assert len(rooftop) == 1 and [d.text for d in rooftop[0].dialogue] == ["I never said yes.", "You never said no."]
    assert "@Lin" in rooftop[0].image_prompt and "night" in rooftop[0].image_prompt


def test_rerun_keeps_edited_and_generated_shots_and_undoes_as_one_step() -> None:
    series = Series()
    doc = ProjectDocument(series)
    result = apply_script(doc, SCRIPT, 1)
    episode = result.episode
    start = list(episode.shots())
    edited, generated, untouched, voiced = start[0], start[2], start[1], start[3]
    doc.edit(edited, "Edit", action="A slow reveal of the office.", user_edited=True)
    doc.edit(generated, "Generate", stills=["asset1"], chosen_still="asset1")
    doc.append(voiced.dialogue[0], "takes", Take(name="Take 1"), "Record")
    before_rerun = encode(series)

    changed = SCRIPT.replace("林晓盯着合同，手在发抖。", "林晓把合同撕成两半。").replace(
        "顾霆深：签了它。这份合同，一年。", "顾霆深：签了它。")
    result = apply_script(doc, changed, 1)
    shots = {s.id: s for s in result.episode.shots()}
    assert shots[edited.id].action == "A slow reveal of the office."  # kept as edited
    assert shots[generated.id].chosen_still == "asset1"  # kept: it has media
    assert ORPHAN_NOTE in shots[generated.id].notes  # its beat left the script
    assert shots[untouched.id].dialogue[1].text == "签了它。"  # refreshed in place, same id
    assert shots[voiced.id].dialogue[0].takes[0].name == "Take 1"
    assert any(s.action == "林晓把合同撕成两半。" for s in shots.values())
    doc.undo_stack.undo()
    assert encode(series) == before_rerun


def test_checks_flag_long_dialogue_and_missing_references() -> None:
    series = Series()
    doc = ProjectDocument(series)
    episode = apply_script(doc, SCRIPT, 1).episode
    talk = list(episode.shots())[1]
    doc.edit(talk, "Shorten", duration=30)
    kinds = [(p.kind, p.shot_id or p.character_id) for p in check_episode(series, episode)]
    assert ("dialogue_too_long", talk.id) in kinds
    assert sum(k == "missing_reference" for k, _ in kinds) == 4
    assert sum(k == "no_picture" for k, _ in kinds) == 4


def test_import_script_command_then_info(tmp_path) -> None:
    bundle = ProjectBundle.create(tmp_path / "Show.mdrama", Series(title="Show"))
    script = tmp_path / "ep1.fountain"
    script.write_text(SCRIPT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "widgets.launch", "import-script", str(bundle.root), str(script),
                          "--episode", "1"], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert (summary["scenes"], summary["shots"], summary["dialogue_lines"]) == (2, 4, 4)
    info = subprocess.run([sys.executable, "-m", "widgets.launch", "info", str(bundle.root)], cwd=REPO,
                          capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    assert "\"dialogue_lines\": 4" in info.stdout.replace(" ", " ")


def test_import_script_with_unreadable_file_says_so(tmp_path) -> None:
    bundle = ProjectBundle.create(tmp_path / "Show.mdrama", Series(title="Show"))
    run = subprocess.run([sys.executable, "-m", "widgets.launch", "import-script", str(bundle.root),
                          str(tmp_path / "missing.fountain")], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 2 and "Cannot read" in run.stderr and "Traceback" not in run.stderr
