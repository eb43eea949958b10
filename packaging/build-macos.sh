#!/usr/bin/env bash
# Build "Microdrama Studio.app" on macOS (untested here: this repository is built and tested on Linux).
# Needs Python 3.11+ and PortAudio (brew install portaudio). The spec's BUNDLE step declares .mdrama
# folders as a document package owned by the app, so Finder shows them as one file and double-click
# opens them (the app receives them as QFileOpenEvent, see widgets/shell/file_open.py).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d .venv ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[packaging]'
rm -rf packaging/build packaging/dist
mkdir -p packaging/build/extras packaging/build/icons
.venv/bin/python packaging/collect_notices.py packaging/build/extras/THIRD_PARTY_NOTICES.txt
QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py packaging/icons/microdrama.svg packaging/build/icons
# macOS has CJK fonts (PingFang SC): none is bundled.
.venv/bin/pyinstaller --noconfirm --log-level WARN \
  --distpath packaging/dist --workpath packaging/build/work packaging/pyinstaller/microdrama.spec
echo "built packaging/dist/Microdrama Studio.app"
