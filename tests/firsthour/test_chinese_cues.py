"""Chinese cues written as a name alone on its line ("林晓" / "林（轻声）" above the speech).

The script is pasted into the real Script dock, broken down without AI through its action,
and voiced through Generate Voices (offline scratch voice): every line gets a take.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.bundle import ProjectBundle
from app.jobs.manager import job_manager
from app.model import Character, Episode, Series
from app.script.fountain import Kind, parse
from app.session import Session
from app.voices.plan import Scope
from widgets.script.panel import ScriptPanel
from widgets.voices.actions import VoiceActions

SCRIPT = """1. 内景 咖啡馆 - 夜

雨停了
林推门进来，浑身湿透。

林
你怎么还在这里？

陈晓
（低声）
我在等你。

林（轻声）
我们走吧，
天快黑了。

顾霆深总裁
签了它。

@陈晓（冷笑）
好。
"""


def _cues(play) -> list[tuple[str, str]]:
    return [(e.kind.name, e.text) for e in play.elements if e.kind is not Kind.SCENE_HEADING]


def test_a_name_alone_on_its_line_is_a_cue_and_full_width_parentheses_are_parentheticals() -> None:
    play = parse(SCRIPT, known_names=["顾霆深总裁"])
    assert _cues(play) == [
        ("ACTION", "雨停了\n林推门进来，浑身湿透。"),  # a short action line is not a name ("了")
        ("CHARACTER", "林"), ("DIALOGUE", "你怎么还在这里？"),
        ("CHARACTER", "陈晓"), ("PARENTHETICAL", "（低声）"), ("DIALOGUE", "我在等你。"),
        ("CHARACTER", "林"), ("PARENTHETICAL", "（轻声）"), ("DIALOGUE", "我们走吧，\n天快黑了。"),
        ("CHARACTER", "顾霆深总裁"), ("DIALOGUE", "签了它。"),
        ("CHARACTER", "陈晓"), ("PARENTHETICAL", "（冷笑）"), ("DIALOGUE", "好。"),
    ]
    # a long name is a cue only when the cast knows it, or it speaks elsewhere ("顾霆深总裁：…")
    assert ("CHARACTER", "顾霆深总裁") not in _cues(parse(SCRIPT))
    assert ("CHARACTER", "顾霆深总裁") in _cues(parse(SCRIPT + "\n顾霆深总裁：走。\n"))
    # a lone line of action above a paragraph stays action; English Fountain is untouched
    assert _cues(parse("\n黑屏。\n雨声渐起。\n")) == [("ACTION", "黑屏。\n雨声渐起。")]
    assert _cues(parse("\nBob\nwalks in.\n\nBOB\nHi.\n")) == [
        ("ACTION", "Bob\nwalks in."), ("CHARACTER", "BOB"), ("DIALOGUE", "Hi.")]


@pytest.fixture
def session(tmp_path, qtbot):
    series = Series(title="雨夜来信")
    series.characters.append(Character(name="顾霆深总裁"))  # in the series bible already
    series.episodes.append(Episode(number=1, title="第一集"))
    bundle = ProjectBundle.create(tmp_path / "S.mdrama", series)
    s = Session()
    s.open(bundle.root)
    s.set_current_episode(s.series.episodes[0].id)
    yield s
    job_manager(s).shutdown()
    s.close()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is in packaging/apt-packages.txt")
def test_pasted_bare_cues_become_lines_and_every_line_gets_a_voice_take(session, qtbot) -> None:
    panel = ScriptPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    QApplication.clipboard().setText(SCRIPT)
    panel.editor.setFocus()
    qtbot.keyClick(panel.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.current_episode.script == SCRIPT, timeout=15000)
    panel.act_breakdown_plain.trigger()
    episode = session.current_episode
    lines = [line for _shot, line in episode.dialogue_lines()]
    assert [(ln.character_name, ln.text, ln.parenthetical) for ln in lines] == [
        ("林", "你怎么还在这里？", ""), ("陈晓", "我在等你。", "低声"), ("林", "我们走吧，\n天快黑了。", "轻声"),
        ("顾霆深总裁", "签了它。", ""), ("陈晓", "好。", "冷笑")]
    # one cast entry per person: "林（轻声）" and "@陈晓（冷笑）" are 林 and 陈晓
    assert sorted(c.name for c in session.series.characters) == ["林", "陈晓", "顾霆深总裁"]
    assert len({ln.character_id for ln in lines}) == 3
    assert "5" in panel.stats.text()  # the dock counts the five lines

    voices = VoiceActions(session, panel)
    jobs = voices.generate(Scope.EPISODE, confirm=False)
    assert len(jobs) == len(lines)
    qtbot.waitUntil(lambda: all(j.state.finished for j in jobs), timeout=60000)
    episode = session.current_episode
    for _shot, line in episode.dialogue_lines():
        take = line.chosen_take()
        assert take is not None and take.samples > 0, line.text
        assert session.bundle.resolve(take.path).is_file()
