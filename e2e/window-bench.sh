#!/usr/bin/env bash
# Measures the gallery in the real WebKitGTK window: builds the windowbench-tagged app, opens a
# folder of 10,000 images (hard links of SEED_DIR's JPEGs) under Xvfb, and copies what the
# in-window script (app/windowbench.js) reports to OUT as JSON: time to the first thumbnail, and
# DOM nodes and WebKitWebProcess RSS while the grid scrolls from top to end.
# Arguments: OUT and SEED_DIR. Needs the engine and the frontend built (go tool task build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "$1")
seeds=$(realpath "$2")

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- bash "$0" "$@"
fi
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash "$0" "$@"
fi
export NO_AT_BRIDGE=1

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  fi
  rm -rf "$work"
  return 0
}
trap cleanup EXIT

exe="$root/build/dev/imagor-studio-windowbench"
(cd "$root" && go build -tags desktop,production,webkit2_41,windowbench -o "$exe" .)

mapfile -t jpegs < <(ls "$seeds"/*.jpg)
[ ${#jpegs[@]} -gt 0 ] || { echo "window-bench: no JPEGs in $seeds"; exit 1; }
mkdir -p "$work/many"
for n in $(seq 1 10000); do
  ln "${jpegs[$((n % ${#jpegs[@]}))]}" "$work/many/IMG_$n.jpg"
done

rm -f "$out"
IMAGOR_STUDIO_ENGINE="$root/build/bin/imagor-studio-engine" IMAGOR_STUDIO_WINDOW_BENCH_OUT="$out" \
  "$exe" --data-dir "$work/data" --keyring file "$work/many" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  [ -s "$out" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ ! -s "$out" ]; then
  tail -20 "$work/app.log"
  echo "window-bench: no measurements from the window within 120 s"
  exit 1
fi
# The app quits itself after the last report; give it a moment, then stop it.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.3
done
echo "window-bench: measurements in $out"
