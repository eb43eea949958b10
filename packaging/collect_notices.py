"""Write THIRD_PARTY_NOTICES.txt for the frozen app: every bundled distribution's licence.

Run with the build environment's Python; it lists what that environment has
installed (less build-only tools), with each distribution's licence text.
"""

from __future__ import annotations

import sys
from importlib.metadata import Distribution, distributions
from pathlib import Path

BUILD_ONLY = {"pyinstaller", "pyinstaller-hooks-contrib", "pip", "setuptools", "wheel", "altgraph",
              "pytest", "pytest-qt", "pytest-timeout", "ruff", "pluggy", "iniconfig", "packaging",
              "pysrt", "webvtt-py", "moviepy", "microdrama-studio"}
LICENSE_NAMES = ("license", "licence", "copying", "notice", "authors")

EXTRA_NOTICES = """\
FFmpeg (bundled inside PyAV's wheel)
  PyAV ships FFmpeg libraries built with GPL components (libx264) and AAC support.
  That build is licensed under the GNU GPL version 2 or later; Microdrama Studio is
  distributed under the GPL version 3 or later to stay compatible with it.
  FFmpeg source code: https://ffmpeg.org/download.html ; x264: https://www.videolan.org/developers/x264.html

Qt 6 (bundled inside PySide6)
  Qt and PySide6 are used under the GNU LGPL version 3. The Qt libraries are shipped as
  separate shared libraries in this folder and may be replaced by the user with
  compatible builds. Source: https://download.qt.io/official_releases/

PortAudio (libportaudio.so.2 from Debian)
  MIT-style licence. Copyright (c) 1999-2006 Ross Bencina and Phil Burk.

Noto Sans CJK (fonts)
  SIL Open Font License 1.1. Copyright 2014-2021 Adobe (http://www.adobe.com/).
"""


def licence_of(dist: Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = (meta.get("License") or "").strip()
    return text.splitlines()[0] if text else "see licence text below"


def licence_texts(dist: Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        name = Path(str(file)).name.lower()
        if any(name.startswith(prefix) for prefix in LICENSE_NAMES):
            try:
                texts.append((str(file), Path(dist.locate_file(file)).read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
    return texts


def main(out: Path) -> int:
    seen: set[str] = set()
    parts = ["Third-party software bundled with Microdrama Studio", "=" * 52, "", EXTRA_NOTICES]
    for dist in sorted(distributions(), key=lambda d: (d.metadata["Name"] or "").lower()):
        name = (dist.metadata["Name"] or "").lower()
        if not name or name in seen or name in BUILD_ONLY:
            continue
        seen.add(name)
        parts.append("-" * 72)
        parts.append(f"{dist.metadata['Name']} {dist.version} — {licence_of(dist)}")
        home = dist.metadata.get("Home-page") or ""
        if home:
            parts.append(home)
        for path, text in licence_texts(dist):
            parts.append(f"\n[{path}]\n{text.strip()}\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(parts) + "\n", encoding="utf-8")
    print(f"{out}: {len(seen)} distributions")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
