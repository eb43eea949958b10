"""Property-based fuzzing of project.json against every consumer: no traceback, no hang, good files untouched.

Hypothesis mutates a real saved project: a value anywhere in the tree is
replaced by any JSON value (NaN, infinities, huge or negative numbers, text,
deep nesting), an entry is deleted, a list entry is duplicated (duplicate
ids), or the bytes are cut short. The loader in-process sees many examples;
the real CLI subprocesses ``info``, ``export`` (draft preset) and
``open --screenshot`` see a few each, under a timeout. Every run must end
with a project or with the one clear ``ProjectFileError``/exit 2, and leave
project.json and project.json.bak byte-identical.

Examples are derandomised so CI is reproducible; set ``MICRODRAMA_FUZZ=N`` to
run N random examples per test locally.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.bundle import ProjectBundle, ProjectFileError
from app.cli.cmd_info import summarize
from app.model.schema import decode, encode

from .conftest import cli, make_project

WIDE = int(os.environ.get("MICRODRAMA_FUZZ", "0"))


def fuzz_settings(examples: int) -> settings:
    return settings(max_examples=WIDE or examples, derandomize=not WIDE, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


DEEP = "\u0000deep:"  # a placeholder string replaced by the raw nested brackets after encoding


def _nested(depth: int) -> str:
    return f"{DEEP}{depth}"


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 100),
    st.integers(min_value=10**10, max_value=10**30), st.integers(min_value=-(10**30), max_value=-(10**10)),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.sampled_from(["", "\0", "media/\0x.png", "../../outside.png", "/etc/passwd", "C:\\x.png", "x" * 5000]),
)
json_values = st.one_of(
    st.recursive(scalars, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=4), kids,
                                                                                      max_size=3), max_leaves=6),
    st.integers(40, 5000).map(_nested),
)


def _locations(value: Any, here: tuple = ()) -> list[tuple]:
    """Every path (keys and indexes) inside ``value``, containers included."""
    out = [here]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _locations(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _locations(v, (*here, i))
    return out


@st.composite
def damaged_projects(draw, good: bytes) -> bytes:
    doc = json.loads(good)
    for _ in range(draw(st.integers(1, 3))):
        places = [p for p in _locations(doc) if p]
        where = draw(st.sampled_from(places))
        parent = doc
        for key in where[:-1]:
            parent = parent[key]
        key = where[-1]
        action = draw(st.sampled_from(["replace", "replace", "every", "delete", "duplicate"]))
        if action == "every":  # the same field everywhere it occurs (every clip's start, every path...)
            name = next((k for k in reversed(where) if isinstance(k, str)), None)
            if name is not None:
                value = draw(json_values)
                for place in places:
                    if place[-1] == name:
                        holder = doc
                        for k in place[:-1]:
                            holder = holder[k]
                        holder[name] = copy.deepcopy(value)
        elif action == "replace":
            parent[key] = draw(json_values)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        else:
            parent[key] = [copy.deepcopy(parent[key])] * 2
    raw = json.dumps(doc, allow_nan=True)
    for depth in {int(d) for d in re.findall(r'"\\u0000deep:(\d+)"', raw)}:
        raw = raw.replace(f'"\\u0000deep:{depth}"', "[" * depth + "]" * depth)
    raw = raw.encode()
    if draw(st.integers(0, 9)) == 0:
        raw = raw[:draw(st.integers(0, len(raw)))]
    return raw


def _make_odd(series: Any, outside: bool) -> None:
    """Valid in every range but unusual: 240 fps, a 1-frame clip at -inf dB, NUL and emoji in the title.

    With ``outside`` the still's path leaves the bundle (refused by export, listed by info).
    """
    series.settings.fps = 240
    series.title = "\u0000标题 🎬" * 50
    clip = next(t for t in series.episodes[0].timeline.tracks if t.clips).clips[0]
    clip.duration, clip.gain_db, clip.fade_in, clip.fade_out = 1, float("-inf"), 5, 5
    if outside:
        next(iter(series.media.values())).path = "../../outside.png"


ODD: dict[bool, bytes] = {}  # outside -> the project.json (manifest) of the odd project, parts in the template


@pytest.fixture(scope="module")
def template(tmp_path_factory, still: Path) -> Path:
    """A tiny saved project with a previous save in project.json.bak.

    The project is stored split (a manifest plus content-named part files): the odd-but-loadable
    variants are saved into the same folder through the real saver, their part files kept beside
    the good ones, so each variant is one project.json away.
    """
    odd_bundle = make_project(tmp_path_factory.mktemp("odd") / "Fuzz.mdrama", 15, still)
    for outside in (False, True):
        series = odd_bundle.load()
        _make_odd(series, outside)
        odd_bundle.save(series)
        ODD[outside] = (odd_bundle.root / "project.json").read_bytes()
        stash = odd_bundle.root.parent / f"parts-{outside}"
        shutil.copytree(odd_bundle.root, stash, ignore=shutil.ignore_patterns("project.json*"))
    bundle = make_project(tmp_path_factory.mktemp("fuzz") / "Fuzz.mdrama", 15, still)
    series = bundle.load()
    series.title = "Fuzz"
    bundle.save(series)
    for outside in (False, True):
        shutil.copytree(odd_bundle.root.parent / f"parts-{outside}", bundle.root, dirs_exist_ok=True)
    return bundle.root


def odd_but_loadable(good: bytes, outside: bool = False) -> bytes:
    return ODD[outside]


def _files(root: Path) -> tuple[bytes, bytes]:
    return (root / "project.json").read_bytes(), (root / "project.json.bak").read_bytes()


def test_loader_survives_any_damage(template: Path) -> None:
    good, backup = _files(template)

    @fuzz_settings(150)
    @given(raw=damaged_projects(good))
    def check(raw: bytes) -> None:
        (template / "project.json").write_bytes(raw)
        bundle = ProjectBundle(template)
        try:
            series = bundle.load()
        except ProjectFileError as exc:
            assert "\n" not in str(exc).split(" A good backup")[0]
        else:  # loaded: every consumer of a loaded project works on it
            summarize(bundle, series)
            again = decode(encode(series))
            assert math.isfinite(again.settings.fps / again.settings.fps)
        assert _files(template) == (raw, backup)

    try:
        check()
    finally:
        (template / "project.json").write_bytes(good)


def _run_consumer(template: Path, tmp_path: Path, raw: bytes, args: list[str], n: int, must_work: bool) -> None:
    root = tmp_path / f"case{n}.mdrama"
    shutil.copytree(template, root)
    (root / "project.json").write_bytes(raw)
    before = _files(root)
    argv = [a.replace("{root}", str(root)).replace("{tmp}", str(tmp_path / f"case{n}")) for a in args]
    done = cli(*argv, timeout=120)  # a hang raises TimeoutExpired and fails the test
    assert done.returncode in ((0,) if must_work else (0, 2)), done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert _files(root) == before


CONSUMERS = {
    "info": (["info", "{root}"], 2),
    "export": (["export", "{root}", "--preset", "draft", "--no-srt", "--out", "{tmp}.mp4"], 1),
    "open-screenshot": (["open", "{root}", "--screenshot", "{tmp}.png", "--size", "800x600"], 1),
}


@pytest.mark.parametrize("consumer", CONSUMERS)
def test_cli_consumers_survive_damage(template: Path, tmp_path: Path, consumer: str) -> None:
    args, examples = CONSUMERS[consumer]
    good, _ = _files(template)
    counter = iter(range(10**6))
    odd = odd_but_loadable(good)

    @fuzz_settings(examples)
    @given(raw=damaged_projects(good))
    @example(raw=odd)  # one run where the consumer does its whole job
    @example(raw=odd_but_loadable(good, outside=True))
    def check(raw: bytes) -> None:
        _run_consumer(template, tmp_path, raw, args, next(counter), must_work=raw == odd)

    check()
