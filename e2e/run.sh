#!/usr/bin/env bash
# Runs the end-to-end tests: Playwright in Chromium against the dev-tagged app (real frontend,
# real bindings, real engine), then the production app, copied out of the build tree, in a real
# window. Screenshots go to e2e/out/ (or $E2E_OUT). Needs `go tool task build build:dev` first
# (test:e2e does it). E2E_TESTS="tests/a.test.mjs ..." runs only those files in Chromium and stops.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# A CI box or an SSH login has no X server and no session bus: run inside fresh ones, which also
# end every process that GTK or WebKit starts on them.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- bash "$0" "$@"
fi
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash "$0" "$@"
fi
export NO_AT_BRIDGE=1

work=$(mktemp -d)
app_pid=""
stop_app() {
  [ -n "$app_pid" ] || return 0
  # TERM, then INT, then KILL: a dev build once ignored TERM for over two seconds.
  for sig in TERM INT KILL; do
    kill -"$sig" "$app_pid" 2>/dev/null || break
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$app_pid" 2>/dev/null || break 2
      sleep 0.3
    done
  done
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}
trap 'stop_app; rm -rf "$work"' EXIT

# Files the tests move to the trash go to a trash of this run, not the user's.
export XDG_DATA_HOME="$work/xdg-data"
mkdir -p "$XDG_DATA_HOME"

fixtures=${E2E_FIXTURES:-$root/build/testdata/e2e}
bash "$root/e2e/fixtures.sh" "$fixtures"
(cd "$root/e2e" && [ -d node_modules ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
out=${E2E_OUT:-$root/e2e/out}
mkdir -p "$out"

# start_app [FOLDER ...] starts the dev app on a free port with the e2e data folder and waits
# until it serves the frontend; it sets app_pid and port.
start_app() {
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  echo "e2e: dev app on 127.0.0.1:$port"
  devserver="127.0.0.1:$port" assetdir="$root/frontend/dist" \
    IMAGOR_STUDIO_ENGINE="$root/build/bin/imagor-studio-engine" \
    "$root/build/dev/imagor-studio-dev" --data-dir "$work/data" --keyring file "$@" \
    >>"$out/dev-app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && return 0
    kill -0 "$app_pid" 2>/dev/null || { cat "$out/dev-app.log"; echo "e2e: dev app exited"; exit 1; }
    sleep 0.2
  done
  echo "e2e: dev app did not answer on port $port"
  exit 1
}

run_tests() {
  (cd "$root/e2e" && BASE_URL="http://127.0.0.1:$port" FIXTURES="$fixtures" OUT="$out" \
    node --test --test-concurrency=1 "$@")
}

: >"$out/dev-app.log"
start_app "$fixtures/photos" "$fixtures/bad" "$fixtures/names" "$fixtures/many"
status=0
if [ -n "${E2E_TESTS:-}" ]; then
  # shellcheck disable=SC2086 # a list of files
  run_tests $E2E_TESTS || status=$?
  stop_app
  exit "$status"
fi
run_tests tests/ || status=$?
stop_app
[ "$status" -eq 0 ] || { echo "e2e: browser tests failed; log in $out/dev-app.log"; exit "$status"; }

# The same data folder, no folders on the command line: what was opened and set must be back.
start_app
run_tests after-restart/ || status=$?
stop_app
[ "$status" -eq 0 ] || { echo "e2e: tests after the restart failed; log in $out/dev-app.log"; exit "$status"; }

# The headless API server on the wallpaper photos, driven with curl, without a display.
bash "$root/e2e/serve.sh" "$work/serve"

bash "$root/e2e/window.sh" "$fixtures/photos" "$work"
# The same production app plays a WebM through WebKitGTK's GStreamer from the loopback server.
bash "$root/e2e/media-window.sh" "$work"
