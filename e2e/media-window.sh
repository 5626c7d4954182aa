#!/usr/bin/env bash
# Checks that the production app's real WebKitGTK window plays a WebM through GStreamer from the
# app's loopback media server. It opens the app on a clip, so the folder opens with the clip
# selected, presses Enter to open it in the viewer, and compares two screenshots taken two
# seconds apart. ffmpeg's test pattern draws a running counter, so a playing clip changes them.
# Arguments: a scratch folder. DISPLAY and a session bus must be set (e2e/run.sh sets both).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$1
out=${E2E_OUT:-$root/e2e/out}
mkdir -p "$work/media-clips" "$out"
clip="$work/media-clips/counter.webm"
ffmpeg -nostdin -loglevel error -y -f lavfi -i testsrc=size=640x360:rate=25:duration=30 \
  -c:v libvpx -b:v 500k "$clip"

fail() { echo "media-window: $*"; exit 1; }
"$root/build/bin/imagor-studio" --data-dir "$work/media-window-data" --keyring file "$clip" \
  >"$out/media-window.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT

window=""
for _ in $(seq 1 40); do
  window=$(xdotool search --onlyvisible --name '^Imagor Studio$' 2>/dev/null | head -n 1) && [ -n "$window" ] && break
  sleep 0.5
done
[ -n "$window" ] || fail "no Imagor Studio window appeared within 20 s (log: $out/media-window.log)"
# The tile shows a frame once the engine and ffmpeg have made it.
sleep 6
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key --window "$window" Return
sleep 4
import -window root "$out/media-window-1.png"
sleep 2
import -window root "$out/media-window-2.png"
changed=$(compare -metric AE "$out/media-window-1.png" "$out/media-window-2.png" null: 2>&1 || true)
echo "media-window: $changed pixels changed in 2 s of playback"
grep -q "media server started" "$out/media-window.log" || fail "the media server did not start"
[ "${changed%% *}" -gt 1000 ] 2>/dev/null || fail "the viewer did not play the clip (screenshots in $out)"
