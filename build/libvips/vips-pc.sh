#!/usr/bin/env sh
# Writes pkgconfig/vips.pc for the libvips that npm installed under node_modules/@img, so that
# cgo (vipsgen's "#cgo pkg-config: vips") compiles and links against it instead of a system libvips.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dev="$here/node_modules/@img/sharp-libvips-dev"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 lib=-l:libvips-cpp.so.8.18.7 ;;
  Linux-aarch64) platform=linux-arm64 lib=-l:libvips-cpp.so.8.18.7 ;;
  Darwin-arm64) platform=darwin-arm64 lib=-lvips-cpp.8.18.7 ;;
  Darwin-x86_64) platform=darwin-x64 lib=-lvips-cpp.8.18.7 ;;
  *) echo "vips-pc.sh: no bundled libvips for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
libdir="$here/node_modules/@img/sharp-libvips-$platform/lib"
if [ ! -d "$dev/include" ] || [ ! -d "$libdir" ]; then
  echo "vips-pc.sh: run 'npm ci' in $here first" >&2
  exit 1
fi
mkdir -p "$here/pkgconfig"
cat > "$here/pkgconfig/vips.pc" <<PC
Name: vips
Description: libvips 8.18.7 from @img/sharp-libvips-$platform
Version: 8.18.7
Cflags: -I$dev/include -I$dev/include/glib-2.0 -I$libdir/glib-2.0/include
Libs: -L$libdir $lib
PC
echo "$libdir"
