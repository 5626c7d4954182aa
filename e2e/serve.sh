#!/usr/bin/env bash
# Runs `imagor-studio serve` from build/bin on the wallpaper photos without a display, and drives
# it with curl the way a script would. It lists the folder, builds a signed URL, fetches the image
# without the token and checks that the bytes decode to the expected size. It also checks the
# token, the Host check and a clean stop on SIGTERM. Needs `go tool task build`, curl, jq and
# ImageMagick's identify. Usage: bash e2e/serve.sh [WORK_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/bin/imagor-studio"
[ -x "$bin" ] || { echo "serve: $bin is missing; run go tool task build"; exit 1; }

work=${1:-}
own_work=0
if [ -z "$work" ]; then
  work=$(mktemp -d)
  own_work=1
fi
mkdir -p "$work"
photos="$root/build/testdata/wallpapers"
bash "$root/build/scripts/wallpapers.sh" "$photos"

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
token=$(openssl rand -hex 32)
api="http://127.0.0.1:$port"
log="$work/serve.log"

fail() {
  echo "serve: $*"
  echo "--- serve log:"
  cat "$log" || true
  exit 1
}

# No DISPLAY: serve must not need GTK.
env -u DISPLAY -u WAYLAND_DISPLAY IMAGOR_STUDIO_ENGINE="$root/build/bin/imagor-studio-engine" \
  "$bin" serve --data-dir "$work/serve-data" --keyring file --log-level debug \
  --addr "127.0.0.1:$port" --token "$token" "$photos" >"$log" 2>&1 &
pid=$!
cleanup() {
  kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ "$own_work" = 0 ] || rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  grep -q "serving http://127.0.0.1:$port/graphql" "$log" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "serve exited before listening"
  sleep 0.1
done

# gql QUERY [VARIABLES_JSON] posts a GraphQL request with the token and prints the response.
gql() {
  local vars=${2:-'{}'}
  jq -n --arg q "$1" --argjson v "$vars" '{query: $q, variables: $v}' |
    curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @- "$api/graphql"
}

status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"query":"{ libraries { id } }"}' "$api/graphql")
[ "$status" = 401 ] || fail "no token: status $status, want 401"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: evil.example:$port" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"query":"{ libraries { id } }"}' "$api/graphql")
[ "$status" = 403 ] || fail "foreign Host: status $status, want 403"

libs=$(gql '{ libraries { id path } }')
[ "$(jq -r '.data.libraries[0].path' <<<"$libs")" = "$photos" ] || fail "the folder given to serve is not the first library: $libs"
lib=$(jq -r '.data.libraries[0].id' <<<"$libs")

page=$(gql 'query($l: ID!) { folder(library: $l, path: "", first: 5) {
  entries { name kind width height thumbnailUrl } totalCount pageInfo { hasNextPage } } }' \
  "{\"l\": \"$lib\"}")
total=$(jq -r '.data.folder.totalCount' <<<"$page")
want_total=$(find "$photos" -maxdepth 1 -type f | wc -l)
[ "$total" = "$want_total" ] || fail "totalCount $total, want $want_total"
read -r name width height < <(jq -r '[.data.folder.entries[] | select(.kind == "image")][0] | "\(.name) \(.width) \(.height)"' <<<"$page")
[ "$width" -gt 640 ] || fail "$name: width $width, want a large photo"
echo "serve: $total photos; $name is ${width}x$height"

url=$(gql 'query($l: ID!, $p: String!) { imageUrl(library: $l, path: $p, ops: "fit-in/640x480/filters:format(png)") }' \
  "{\"l\": \"$lib\", \"p\": \"$name\"}" | jq -r '.data.imageUrl')
case "$url" in "$api/imagor/"*) ;; *) fail "imageUrl $url is not a URL of this server" ;; esac
[ -z "$(LC_ALL=C tr -d '\0-\177' <<<"$url")" ] || fail "imageUrl $url is not ASCII"

# The signed URL needs no token, as in an <img> tag.
curl -fsS -o "$work/fitted.png" "$url" || fail "GET $url failed"
size=$(identify -format '%w %h' "$work/fitted.png")
got_w=${size% *}
got_h=${size#* }
want_w=$(( width * 480 >= height * 640 ? 640 : (width * 480 + height / 2) / height ))
want_h=$(( width * 480 >= height * 640 ? (height * 640 + width / 2) / width : 480 ))
[ $(( got_w - want_w )) -ge -1 ] && [ $(( got_w - want_w )) -le 1 ] &&
  [ $(( got_h - want_h )) -ge -1 ] && [ $(( got_h - want_h )) -le 1 ] ||
  fail "fitted image is ${got_w}x$got_h, want ${want_w}x$want_h"
echo "serve: signed URL gave a ${got_w}x$got_h PNG"

thumb=$(jq -r '[.data.folder.entries[] | select(.kind == "image")][0].thumbnailUrl' <<<"$page")
curl -fsS -o "$work/thumb.webp" "$thumb" || fail "GET $thumb failed"
[ "$(identify -format '%m' "$work/thumb.webp")" = WEBP ] || fail "thumbnail is not WebP"
status=$(curl -s -o /dev/null -w '%{http_code}' "${url/fit-in\/640x480/fit-in\/641x480}")
[ "$status" = 403 ] || fail "tampered URL: status $status, want 403"

engine=$(pgrep -P "$pid" -f imagor-studio-engine || true)
[ -n "$engine" ] || fail "no engine process under serve"
# A render that is not cached yet, in flight when SIGTERM arrives, must still complete.
big=$(gql 'query($l: ID!, $p: String!) { imageUrl(library: $l, path: $p, ops: "fit-in/4000x3000/filters:format(png)") }' \
  "{\"l\": \"$lib\", \"p\": \"$name\"}" | jq -r '.data.imageUrl')
curl -fsS -o "$work/in-flight.png" "$big" &
fetch=$!
sleep 0.2
kill -TERM "$pid"
wait "$fetch" || fail "the request in flight at SIGTERM failed"
identify "$work/in-flight.png" >/dev/null || fail "the image in flight at SIGTERM does not decode"
code=0
wait "$pid" || code=$?
[ "$code" = 0 ] || fail "serve exited with $code after SIGTERM, want 0"
kill -0 "$engine" 2>/dev/null && fail "the engine (pid $engine) still runs after serve stopped"
grep -q "API server stopped" "$log" || fail "no 'API server stopped' in the log"
echo "serve: ok"
