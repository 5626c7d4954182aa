#!/usr/bin/env bash
# Builds and runs versitygw, a real S3 server over a local folder, for the S3 integration tests.
#
#   versitygw.sh build               build build/tools/versitygw unless it is already there
#   versitygw.sh start DIR PORTFILE  serve the folder DIR (each subfolder is a bucket) on
#                                    127.0.0.1 at a free port, write the port to PORTFILE, wait
#                                    until it answers and print its PID
#   versitygw.sh env PORTFILE        print the IMAGOR_STUDIO_TEST_S3_* variables for the tests
#   versitygw.sh stop PID            stop the server that start printed
#   versitygw.sh run CMD [ARG ...]   start a server over a temporary folder, run CMD with the
#                                    variables of env exported, stop the server and exit with
#                                    CMD's status
#
# The server runs with the fixed test credentials below and logs to PORTFILE.log. The build needs
# only the Go module proxy, and it runs outside this module, so versitygw's dependencies never
# enter our go.mod.
set -euo pipefail

readonly version=v1.0.14
readonly access_key=imagor-studio-test
readonly secret_key=imagor-studio-test-secret

root=$(cd "$(dirname "$0")/../.." && pwd)
readonly root
readonly tools="$root/build/tools"
readonly binary="$tools/versitygw"

usage() {
  echo "usage: $0 build | start DIR PORTFILE | env PORTFILE | stop PID | run CMD [ARG ...]" >&2
  exit 2
}

build() {
  if [ -x "$binary" ] && [ "$(cat "$binary.version" 2>/dev/null)" = "$version" ]; then
    return
  fi
  mkdir -p "$tools"
  echo "versitygw: building $version into $binary" >&2
  # A temporary folder has no go.mod, so `go install pkg@version` resolves versitygw's own
  # go.mod alone; GOFLAGS from the caller (such as -mod=vendor) would not apply there.
  scratch=$(mktemp -d)
  (cd "$scratch" && GOWORK=off GOFLAGS= GOBIN="$tools" \
    go install "github.com/versity/versitygw/cmd/versitygw@$version")
  rm -rf "$scratch"
  echo "$version" >"$binary.version"
}

# listen_port prints the TCP port that process $1 listens on, from /proc, so no port has to be
# guessed: the server binds port 0 and the kernel picks a free one.
listen_port() {
  local pid=$1 fd link inodes="" sl address remote state inode
  for fd in "/proc/$pid/fd/"*; do
    link=$(readlink "$fd" 2>/dev/null) || continue
    if [[ $link == socket:\[*\] ]]; then
      inode=${link#socket:[}
      inodes+=" ${inode%]} "
    fi
  done
  # Fields of /proc/net/tcp: sl, local address (hex IP:port), remote address, state (0A is
  # LISTEN), tx:rx queues, timer, retransmits, uid, timeout, inode.
  while read -r sl address remote state _ _ _ _ _ inode _; do
    if [ "$state" = 0A ] && [[ $inodes == *" $inode "* ]]; then
      echo $((16#${address##*:}))
      return 0
    fi
  done </proc/net/tcp
  return 1
}

# answers reports whether the server on port $1 returns 200 on its health path. It uses bash's
# /dev/tcp, so no HTTP client has to be installed.
answers() {
  local port=$1 status
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r -t 2 _ status _ <&3 || status=""
  exec 3<&-
  [ "$status" = 200 ]
}

start() {
  local dir=$1 portfile=$2 pid port=""
  build
  mkdir -p "$dir"
  "$binary" --access "$access_key" --secret "$secret_key" --port 127.0.0.1:0 \
    --health /health --quiet posix "$dir" </dev/null >"$portfile.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$portfile.log" >&2
      echo "versitygw: the server exited during start-up; its log is above" >&2
      exit 1
    fi
    if [ -z "$port" ] && port=$(listen_port "$pid"); then
      echo "$port" >"$portfile"
    fi
    if [ -n "$port" ] && answers "$port" 2>/dev/null; then
      echo "$pid"
      return
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  cat "$portfile.log" >&2
  echo "versitygw: no answer on /health within 10 s (port ${port:-not found}); stopped PID $pid" >&2
  exit 1
}

print_env() {
  local portfile=$1
  echo "export IMAGOR_STUDIO_TEST_S3_ENDPOINT=http://127.0.0.1:$(cat "$portfile")"
  echo "export IMAGOR_STUDIO_TEST_S3_ACCESS_KEY=$access_key"
  echo "export IMAGOR_STUDIO_TEST_S3_SECRET_KEY=$secret_key"
}

stop() {
  local pid=$1
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != versitygw ]; then
    echo "versitygw: PID $pid is not a running versitygw; nothing stopped" >&2
    exit 1
  fi
  kill "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "versitygw: PID $pid still runs 10 s after SIGTERM; sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

run() {
  local scratch pid status=0
  scratch=$(mktemp -d)
  pid=$(start "$scratch/root" "$scratch/port")
  # Stop the server and remove its folder however the script ends. The values are expanded
  # now, because the function's variables are gone when the trap runs.
  trap "(stop $pid) || true; rm -rf $(printf %q "$scratch")" EXIT
  eval "$(print_env "$scratch/port")"
  "$@" || status=$?
  return "$status"
}

case "${1:-}" in
build) [ $# -eq 1 ] || usage; build ;;
start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
env) [ $# -eq 2 ] || usage; print_env "$2" ;;
stop) [ $# -eq 2 ] || usage; stop "$2" ;;
run) [ $# -ge 2 ] || usage; shift; run "$@" ;;
*) usage ;;
esac
