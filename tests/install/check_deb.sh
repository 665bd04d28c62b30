#!/bin/sh
# Builds the Debian package with CPack and checks its control data and contents: Debian dependencies, the programs
# under /usr/bin, their data under /usr/share/medpics, the desktop entry, the icons and the AppStream metadata.
set -eu
BUILD="$(cd "$1" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "check_deb: $*" >&2; exit 1; }
(cd "$WORK" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" >cpack.log 2>&1) || fail "cpack: $(tail -5 "$WORK/cpack.log")"
deb="$(ls "$WORK"/*.deb | head -1)"
[ -n "$deb" ] || fail "no .deb"
dpkg-deb -f "$deb" Depends >depends.txt
for dep in libopencv libcurl libsqlite3 libtesseract libglfw3 tesseract-ocr-fra wfrench fonts-dejavu-core; do
  grep -q "$dep" depends.txt || fail "Depends lacks $dep: $(cat depends.txt)"
done
dpkg-deb -c "$deb" >contents.txt
for f in ./usr/bin/medpics-desk ./usr/bin/medpics ./usr/bin/medpics-platform ./usr/share/medpics/shaders/ \
         ./usr/share/medpics/models/blazeface_back_256.onnx ./usr/share/applications/medpics-desk.desktop \
         ./usr/share/icons/hicolor/scalable/apps/medpics-desk.svg ./usr/share/icons/hicolor/48x48/apps/medpics-desk.png \
         ./usr/share/metainfo/fr.medpics.Desk.metainfo.xml; do
  grep -q " $f" contents.txt || fail "$f not in the package"
done
echo "check_deb: ok ($(basename "$deb"), $(wc -c <"$deb") bytes)"
