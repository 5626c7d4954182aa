#!/usr/bin/env bash
# Unpacks the photographs of Debian's plasma-workspace-wallpapers into build/testdata/wallpapers
# (one folder of JPEG and PNG files) without installing the package. The end-to-end tests and the
# benchmarks use them as a real photo library.
set -euo pipefail
out=${1:-build/testdata/wallpapers}
[ -n "$(ls -A "$out" 2>/dev/null)" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download plasma-workspace-wallpapers >/dev/null)
dpkg -x "$work"/plasma-workspace-wallpapers_*.deb "$work/root"
mkdir -p "$out"
# Keep one file per wallpaper: the largest rendition, named after the wallpaper.
for dir in "$work"/root/usr/share/wallpapers/*/contents/images; do
  name=$(basename "$(dirname "$(dirname "$dir")")")
  best=$(ls -S "$dir" | head -n 1)
  cp "$dir/$best" "$out/$name.${best##*.}"
done
echo "wallpapers: $(ls "$out" | wc -l) photos in $out"
