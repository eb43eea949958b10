#!/usr/bin/env bash
# Install the built app folder for the current user (or system-wide with --system):
# a launcher in ~/.local/bin, the .desktop entry, icons, AppStream metadata and the MIME type.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${1:-}" = "--system" ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
mkdir -p "$prefix/bin" "$prefix/share"
cp -r "$here/share/." "$prefix/share/"
ln -sf "$here/microdrama" "$prefix/bin/microdrama"
command -v update-mime-database >/dev/null && update-mime-database "$prefix/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$prefix/share/icons/hicolor" || true
echo "Installed: $prefix/bin/microdrama"
