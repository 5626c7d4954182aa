#!/usr/bin/env bash
# Copies build/bin out of the build tree, hides the build's libvips, checks that neither
# executable links a system libvips and that the engine links no GTK, then opens the copied app on
# a photo folder in the real window and waits until the screenshot shows photographs.
# Arguments: the photo folder and a scratch folder. DISPLAY must be set.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
photos=$1
work=$2
out=${E2E_OUT:-$root/e2e/out}

app="$work/relocated"
rm -rf "$app" && cp -r "$root/build/bin" "$app"
hidden="$root/build/libvips/node_modules.hidden-by-e2e"
mv "$root/build/libvips/node_modules" "$hidden"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -d "$hidden" ] && mv "$hidden" "$root/build/libvips/node_modules"
  return 0
}
trap cleanup EXIT

fail() { echo "window: $*"; exit 1; }
for exe in imagor-studio imagor-studio-engine; do
  ldd "$app/$exe" | grep -q "not found" && { ldd "$app/$exe"; fail "$exe has a missing library"; }
  if ldd "$app/$exe" | grep -i vips | grep -vq "$app/lib/"; then
    ldd "$app/$exe" | grep -i vips; fail "$exe links a libvips outside the app folder"
  fi
done
ldd "$app/imagor-studio-engine" | grep -q "libvips-cpp.so.8.18.7 => $app/lib/" || fail "engine does not load the bundled libvips"
ldd "$app/imagor-studio-engine" | grep -qiE "gtk|webkit" && fail "engine links GTK or WebKit"
ldd "$app/imagor-studio" | grep -qi "vips" && fail "the app process links libvips"
echo "window: relocated app in $app, libraries check out"

"$app/imagor-studio" --data-dir "$work/window-data" --keyring file "$photos" >"$out/window-app.log" 2>&1 &
pid=$!
# The photos are drawn once the screen contains many thousands of colours, because the UI alone
# has a few hundred. Poll for up to 40 s.
shot="$out/window.png"
colours=0
for _ in $(seq 1 40); do
  sleep 1
  kill -0 "$pid" 2>/dev/null || { cat "$out/window-app.log"; fail "app exited"; }
  import -window root "$shot" 2>/dev/null || continue
  colours=$(identify -format '%k' "$shot")
  [ "$colours" -gt 20000 ] && break
done
[ "$colours" -gt 20000 ] || fail "no photographs drawn in the window within 40 s"
# Let the rest of the first screen fill in before the screenshot a person looks at.
sleep 5
import -window root "$shot"
colours=$(identify -format '%k' "$shot")
echo "window: screenshot $shot has $colours colours"
grep -q "engine started" "$out/window-app.log" || fail "the window's engine never started"
kill "$pid" && wait "$pid" 2>/dev/null
pid=""

# A file on the command line opens in the editor, as a file manager's "Open with" does. Ctrl+C
# there copies the imagor path through the Wails runtime to the X clipboard.
photo=$(ls "$photos" | grep -i '\.jpg$' | head -n 1)
"$app/imagor-studio" --data-dir "$work/window-data" --keyring file "$photos/$photo" >>"$out/window-app.log" 2>&1 &
pid=$!
window=""
for _ in $(seq 1 40); do
  window=$(xdotool search --onlyvisible --name '^Imagor Studio$' 2>/dev/null | head -n 1) && [ -n "$window" ] && break
  sleep 0.5
done
[ -n "$window" ] || fail "no editor window"
sleep 6
import -window root "$out/window-editor.png"
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool mousemove --window "$window" 640 400 click 1
xdotool key --window "$window" ctrl+c
sleep 1
copied=$(xclip -o -selection clipboard 2>/dev/null || true)
echo "window: clipboard after Ctrl+C: $copied"
case "$copied" in
  */unsafe/*|/unsafe/*) ;;
  *) fail "Ctrl+C in the editor did not put an imagor path on the clipboard" ;;
esac
echo "window: 2 passed, 0 failed"
