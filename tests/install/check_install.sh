#!/bin/sh
# Installs the build into a temporary prefix, moves it (the programs must find their data beside themselves), and from
# another working directory checks --help / --version / unknown options, `medpics analyze` on a generated image (with
# the detection networks) and the desk's first screen under Xvfb.
set -eu
BUILD="$(cd "$1" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "check_install: $*" >&2; exit 1; }

cmake --install "$BUILD" --prefix "$WORK/first" >/dev/null
mv "$WORK/first" "$WORK/prefix"  # relocated: nothing may point back at the build or the source tree
P="$WORK/prefix"
for f in bin/medpics bin/medpics-desk bin/medpics-platform share/medpics/shaders/mask_preview.frag \
         share/medpics/assets/icons/medpics-desk.svg share/applications/medpics-desk.desktop \
         share/icons/hicolor/256x256/apps/medpics-desk.png share/icons/hicolor/scalable/apps/medpics-desk.svg \
         share/metainfo/fr.medpics.Desk.metainfo.xml share/medpics/models/blazeface_back_256.onnx \
         share/medpics/models/ppocr_v4_det.onnx; do
  [ -f "$P/$f" ] || fail "missing $f in the installed tree"
done

mkdir -p "$WORK/elsewhere" && cd "$WORK/elsewhere"
unset MEDPICS_MODELS MEDPICS_SHARE_DIR || true
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" OMP_THREAD_LIMIT=1

# Every program: --help and --version exit 0 on stdout; an unknown option is a usage error (exit 2).
for exe in medpics medpics-desk medpics-platform; do
  "$P/bin/$exe" --help >out.txt 2>err.txt || fail "$exe --help failed"
  grep -q usage out.txt || fail "$exe --help printed no usage"
  "$P/bin/$exe" --version >out.txt 2>err.txt || fail "$exe --version failed"
  grep -q "0\.[0-9]" out.txt || fail "$exe --version printed no version"
  set +e; "$P/bin/$exe" --no-such-option >out.txt 2>err.txt; rc=$?; set -e
  [ "$rc" -eq 2 ] || fail "$exe --no-such-option exited $rc, not 2"
  grep -q usage err.txt || fail "$exe --no-such-option printed no usage"
done
"$P/bin/medpics" analyze --help >out.txt 2>&1 || fail "medpics analyze --help failed (taken as a file?)"
grep -q "usage: medpics analyze" out.txt || fail "medpics analyze --help printed no usage"
set +e; "$P/bin/medpics" analyze --bogus >out.txt 2>err.txt; rc=$?; set -e
[ "$rc" -eq 2 ] || fail "medpics analyze --bogus exited $rc, not 2"

# A generated clinical image, analysed by the installed program with the installed networks.
"$P/bin/medpics" corpus --out corpus --count 1 --seed 7 >/dev/null 2>&1 || fail "medpics corpus failed"
image="$(ls corpus/*.jpg corpus/*.png 2>/dev/null | head -1)"
[ -n "$image" ] || fail "no generated image"
set +e; "$P/bin/medpics" analyze --json "$image" >analysis.json 2>analysis.err; rc=$?; set -e
[ "$rc" -le 1 ] || fail "medpics analyze exited $rc: $(cat analysis.err)"
grep -q '"findings"' analysis.json || fail "medpics analyze printed no findings list"
if grep -q "not found in" analysis.err; then fail "installed models not found: $(cat analysis.err)"; fi

# The desk's first screen from the installed copy (shaders and icon from share/medpics).
xvfb-run -a -s "-screen 0 1280x800x24" "$P/bin/medpics-desk" --settings "$WORK/home/desk.json" \
  --screenshot "$WORK/first-screen.png" >desk.out 2>desk.err || fail "medpics-desk --screenshot failed: $(cat desk.err)"
[ "$(wc -c <"$WORK/first-screen.png")" -gt 10000 ] || fail "the first screen is (nearly) empty"
if grep -qi "preview disabled\|window icon\|shader" desk.err; then fail "the desk misses its data: $(cat desk.err)"; fi
[ -z "${MEDPICS_ARTIFACT_DIR:-}" ] || cp "$WORK/first-screen.png" "$MEDPICS_ARTIFACT_DIR/installed-first-screen.png"
echo "check_install: ok (prefix relocated, 3 programs, analyze with models, desk first screen)"
