#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, when any is missing. Needs root (or
# sudo); on a machine that has them all it does nothing.
set -euo pipefail
packages=(
  build-essential pkg-config patchelf
  libgtk-3-dev libwebkit2gtk-4.1-dev
  xvfb xauth xdotool x11-utils imagemagick xclip dbus
  chromium gnome-keyring libsecret-tools
  fonts-dejavu-core
  # Video: ffmpeg grabs thumbnail frames (the tests make their clips with it), and WebKitGTK
  # plays media through these GStreamer plugins.
  ffmpeg gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "apt-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
