#!/usr/bin/env bash
# Smoke-test the built Linux app folder headless: version, demo, export checked with ffprobe,
# audio devices through the bundled PortAudio, a screenshot of the main window, start-up time.
set -euo pipefail
cd "$(dirname "$0")/.."
app="$PWD/packaging/dist/microdrama/microdrama"
[ -x "$app" ] || { echo "no built app at $app; run packaging/build-linux.sh" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "${pulse_pid:-}" ] && kill "$pulse_pid" 2>/dev/null || true' EXIT
export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"

echo "== version";    "$app" --version
echo "== demo";       "$app" demo "$work/Demo.mdrama"
echo "== export";     "$app" export "$work/Demo.mdrama" --episode 1 --out "$work/ep1.mp4"
streams=$(ffprobe -v error -show_entries stream=codec_name,width,height -of csv=p=0 "$work/ep1.mp4")
echo "$streams"
grep -q "h264,1080,1920" <<<"$streams" || { echo "export is not 1080x1920 H.264" >&2; exit 1; }
grep -q "^aac" <<<"$streams" || { echo "export has no AAC audio" >&2; exit 1; }

echo "== the demo's voices (offline espeak-ng) and the other hand-offs"
"$app" info "$work/Demo.mdrama" > "$work/info.json"
python3 -c "import json,sys; e=json.load(open(sys.argv[1]))['episodes'][0]; t=e.get('chosen_takes', {}); print('takes', t); assert t.get('ai', 0) > 0, e" "$work/info.json"
"$app" export-draft "$work/Demo.mdrama" --episode 1 --out "$work/drafts" --app jianying
test -f "$work/drafts/"*/draft_content.json || { echo "no Jianying draft written" >&2; exit 1; }
"$app" providers --json > "$work/providers.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); names={p['name'] for p in (d['providers'] if isinstance(d, dict) else d)}; assert {'ark','dashscope','espeak'} <= names, names; print(len(names), 'providers')" "$work/providers.json"

echo "== audio devices through the bundled PortAudio"
pulseaudio --daemonize=no --exit-idle-time=-1 -n --load=module-native-protocol-unix \
  --load="module-null-sink sink_name=vsink" --load=module-always-sink >/dev/null 2>&1 &
pulse_pid=$!
for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.2; done
pactl set-default-source vsink.monitor
"$app" devices > "$work/devices.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['inputs'], 'no input devices'; print(len(d['inputs']), 'inputs,', len(d['outputs']), 'outputs')" "$work/devices.json"

echo "== recording through the bundled PortAudio (a tone played to the null sink comes back from its monitor)"
ffmpeg -v error -f lavfi -i "sine=frequency=440:duration=4" -ar 48000 -ac 1 -f s16le "$work/tone.raw"
pacat --rate=48000 --channels=1 --format=s16le "$work/tone.raw" &
player=$!
sleep 0.5
"$app" devices --compact --test-input 1.5 > "$work/record.json"
kill "$player" 2>/dev/null || true
python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['input_test']; print('recorded', t); assert t['seconds'] >= 1.4 and t['peak_dbfs'] > -30, t" "$work/record.json"

echo "== screenshot and start-up time"
"$app" open "$work/Demo.mdrama" --screenshot "$work/main.png"
python3 -c "import os,sys; s=os.path.getsize(sys.argv[1]); assert s > 20000, s; print('screenshot', s, 'bytes')" "$work/main.png"
# time from process start (kernel's record) to the first painted main window, median of 5 launches
for i in 1 2 3 4 5; do
  MICRODRAMA_STARTUP_REPORT=1 "$app" open "$work/Demo.mdrama" --screenshot "$work/again.png" 2>&1 \
    | sed -n 's/^start-up: first painted window after \([0-9.]*\) s$/\1/p'
done > "$work/startup.txt"
python3 - "$work/startup.txt" <<'PY'
import statistics, sys
times = sorted(float(t) for t in open(sys.argv[1]).read().split())
assert len(times) == 5, times
print(f"start-up to the first painted main window with the demo project: median {statistics.median(times):.2f} s "
      f"(min {times[0]:.2f}, max {times[-1]:.2f}) over 5 launches")
PY
echo "bundle size: $(du -sh packaging/dist/microdrama | cut -f1)"
echo "smoke test passed"
