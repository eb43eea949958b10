"""Every string the interface shows has its Simplified Chinese translation.

``pyside6-lupdate`` re-reads the sources of each area into a copy of its
``.ts`` file: a string added to the code without a translation shows up as
"unfinished". The committed ``.qm`` must be compiled from the ``.ts`` as it is now.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS_FILES = sorted(I18N.glob("*_zh_CN.ts"))
USES_TR = re.compile(r"self\.tr\(|QCoreApplication\.translate\(|\btranslate\(\"|QT_TRANSLATE_NOOP")


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    assert found, "pyside6-lupdate comes with PySide6-Essentials, a dependency in pyproject.toml"
    return found


def sources_of(ts: Path) -> list[str]:
    names = {loc.get("filename") for loc in ET.parse(ts).getroot().iter("location")}
    return sorted(str((ts.parent / n).resolve().relative_to(ROOT)) for n in names if n)


def test_every_translated_widget_module_belongs_to_an_area_file() -> None:
    covered = {src for ts in TS_FILES for src in sources_of(ts)}
    using = {str(p.relative_to(ROOT)) for p in (ROOT / "widgets").rglob("*.py") if USES_TR.search(p.read_text("utf-8"))}
    assert using - covered == set()


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_no_string_is_left_untranslated(ts: Path, tmp_path: Path) -> None:
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    subprocess.run([lupdate(), *sources_of(ts), "-ts", str(copy)], cwd=ROOT, check=True, capture_output=True)
    untranslated = [m.findtext("source") for m in ET.parse(copy).getroot().iter("message")
                    if (m.find("translation") is not None and m.find("translation").get("type") == "unfinished")]
    assert untranslated == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_the_compiled_file_holds_every_translation(ts: Path, qapp) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    stale = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" or translation.get("type") in ("vanished", "obsolete"):
                continue
            if translator.translate(name, message.findtext("source")) != (translation.text or ""):
                stale.append(message.findtext("source"))
    assert stale == []  # run pyside6-lrelease on the .ts
