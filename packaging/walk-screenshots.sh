#!/usr/bin/env bash
# Walk the real editor as a user would, in a real X window (Xvfb), driven with keys and the mouse
# (xdotool), and keep what it looked like: docs/screenshots/walk-<lang>-<w>x<h>-<step>.png.
#   bash packaging/walk-screenshots.sh [OUT_DIR]
# Needs the Debian packages xvfb, xdotool, x11-apps and imagemagick (not needed by the tests).
# The last step exports the episode and reports black stretches (ffmpeg blackdetect) next to the pictures.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-docs/screenshots}")"
mkdir -p "$out"
py="${PYTHON:-.venv/bin/python}"
work="$(mktemp -d /tmp/microdrama-walk.XXXXXX)"
trap 'rm -rf "$work"' EXIT
demo="$work/Demo.mdrama"
"$py" -m widgets.launch demo "$demo" >/dev/null

shot() {  # shot NAME: the whole X screen as a PNG
  xwd -root -silent -display "$DISPLAY" | convert xwd:- "$out/$1.png"
}

wait_window() {  # the editor's window id, once it is mapped
  for _ in $(seq 1 120); do
    id=$(xdotool search --onlyvisible --name "Microdrama Studio" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 0.5
  done
  return 1
}

walk() {  # walk LANG WIDTH HEIGHT
  local lang=$1 w=$2 h=$3 tag="walk-$1-$2x$3"
  local display=":$((90 + RANDOM % 100))"
  Xvfb "$display" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  export DISPLAY=$display
  sleep 1
  XDG_CONFIG_HOME="$work/config-$lang" QT_QPA_PLATFORM=xcb LANG="${lang}.UTF-8" \
    "$py" -m widgets.launch open "$demo" --language "$lang" >"$work/$tag.log" 2>&1 &
  local app=$!
  local win
  win=$(wait_window)
  xdotool windowsize "$win" "$w" "$h" windowmove "$win" 0 0
  sleep 12  # thumbnails and the first preview frame load in the background
  shot "$tag-1-editor"
  xdotool windowfocus "$win" key ctrl+e  # File > Export Episode… (no window manager: focus, not activate)
  sleep 2
  shot "$tag-2-export-dialog"
  xdotool key Escape
  sleep 1
  xdotool key ctrl+comma  # Preferences
  sleep 2
  shot "$tag-3-preferences"
  xdotool key Escape
  sleep 0.5
  xdotool key ctrl+slash  # Help > Keyboard Shortcuts
  sleep 2
  shot "$tag-3-shortcuts"
  xdotool key Escape
  sleep 0.5
  # the timeline: click into it and split at the playhead with S, then undo
  xdotool mousemove $((w / 2)) $((h - 120)) click 1 key s ctrl+z
  sleep 1
  shot "$tag-4-timeline"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
}

for lang in zh_CN en; do
  for size in "1600 1000" "1366 768"; do
    # shellcheck disable=SC2086
    walk "$lang" $size
  done
done

QT_QPA_PLATFORM=offscreen DISPLAY= "$py" -m widgets.launch export "$demo" --episode 1 --out "$work/episode.mp4" --preset draft >/dev/null
ffmpeg -hide_banner -nostats -i "$work/episode.mp4" -vf blackdetect=d=0.1:pix_th=0.05 -an -f null - 2>&1 \
  | grep -o "black_start:[^ ]* black_end:[^ ]* black_duration:[^ ]*" > "$out/walk-export-black.txt" || true
echo "black stretches in the exported demo episode: $(wc -l < "$out/walk-export-black.txt")"
echo "screenshots in $out"
