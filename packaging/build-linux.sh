#!/usr/bin/env bash
# Build the one-folder Linux app into packaging/dist/microdrama/ with PyInstaller.
# Usage: bash packaging/build-linux.sh     (sets up .venv first through setup-debian.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup-debian.sh setup
.venv/bin/python -m pip install -q -e '.[packaging]'

rm -rf packaging/build packaging/dist
mkdir -p packaging/build/extras packaging/build/icons
.venv/bin/python packaging/collect_notices.py packaging/build/extras/THIRD_PARTY_NOTICES.txt
# A CJK font inside the bundle, so Chinese renders on machines without one.
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -f "$font" ] && cp "$font" packaging/build/extras/
QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py packaging/icons/microdrama.svg packaging/build/icons

.venv/bin/pyinstaller --noconfirm --log-level WARN \
  --distpath packaging/dist --workpath packaging/build/work packaging/pyinstaller/microdrama.spec

# Desktop integration files travel with the app folder (install-linux.sh puts them in place).
dist=packaging/dist/microdrama
mkdir -p "$dist/share/applications" "$dist/share/metainfo" "$dist/share/mime/packages"
cp packaging/linux/io.github.microdrama.Studio.desktop "$dist/share/applications/"
cp packaging/linux/io.github.microdrama.Studio.metainfo.xml "$dist/share/metainfo/"
cp packaging/linux/io.github.microdrama.Studio.mime.xml "$dist/share/mime/packages/"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$dist/share/icons/hicolor/${size}x${size}/apps"
  cp "packaging/build/icons/microdrama-$size.png" "$dist/share/icons/hicolor/${size}x${size}/apps/io.github.microdrama.Studio.png"
done
mkdir -p "$dist/share/icons/hicolor/scalable/apps"
cp packaging/icons/microdrama.svg "$dist/share/icons/hicolor/scalable/apps/io.github.microdrama.Studio.svg"
cp packaging/install-linux.sh "$dist/"
du -sh "$dist"
