#!/usr/bin/env bash
# Makes the folders the end-to-end tests open, under $1:
#   photos/  the real photographs of Debian's plasma-workspace-wallpapers
#   bad/     broken files next to one good image
#   names/   one image per file name that imagor URLs get wrong unless escaped with care
#   many/    10,000 small images (hard links of a few files), for virtual scrolling
set -euo pipefail
out=$1
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"

bash "$root/build/scripts/wallpapers.sh" "$root/build/testdata/wallpapers" >/dev/null
rm -rf "$out/photos" && cp -r "$root/build/testdata/wallpapers" "$out/photos"

mkdir -p "$out/bad"
convert -size 640x480 plasma:fractal "$out/bad/good.jpg"
: > "$out/bad/empty.jpg"
head -c 20000 "$out/photos/$(ls "$out/photos" | grep -i '\.jpg$' | head -n 1)" > "$out/bad/truncated.jpg"
head -c 4096 /dev/urandom > "$out/bad/random-bytes.jpg"
echo "not an image" > "$out/bad/text.png"

mkdir -p "$out/names/fit-in" "$out/names/1920x1080" "$out/names/meta"
i=0
while IFS= read -r name; do
  i=$((i + 1))
  # ImageMagick reads "%" and ":" in an output name as its own syntax, so write a plain name and
  # rename it.
  convert -size "$((200 + i))x$((150 + i))" "xc:hsl($((i * 11 % 360)),70%,50%)" "$out/names/.tmp.${name##*.}"
  mv "$out/names/.tmp.${name##*.}" "$out/names/$name"
done <<'NAMES'
a b.jpg
a+b.jpg
100%.jpg
%2B.jpg
what?.jpg
#1.jpg
a,b.jpg
(1).jpg
rock & roll.jpg
a;b=c.jpg
it's "quoted".jpg
<b>bold<i>.jpg
Привет.jpg
日本語.jpg
café.jpg
 leading space.jpg
😀 smile.png
fit-in/inside.jpg
1920x1080/inside.jpg
meta/inside.jpg
NAMES

mkdir -p "$out/many"
if [ ! -e "$out/many/IMG_10000.jpg" ]; then
  for c in 0 1 2 3 4 5 6 7; do
    convert -size 160x120 "xc:hsl($((c * 45)),60%,45%)" "$out/many/.seed$c.jpg"
  done
  for n in $(seq 1 10000); do
    ln -f "$out/many/.seed$((n % 8)).jpg" "$out/many/IMG_$n.jpg"
  done
fi
echo "fixtures ready in $out"
