#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60) on its generated seed
# corpus plus the corpus grown by earlier runs. Exits non-zero when a target crashes; inputs that crash are kept in
# $FUZZ_BUILD_DIR/crashes/<target>/. Needs the main build directory configured (for medpics-fuzz-seeds).
#   bash scripts/fuzz.sh 300                 # five minutes per target
#   bash scripts/fuzz.sh 20 fuzz_text_classify
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
# Default: every target declared in fuzz/CMakeLists.txt, so that a new one is run without editing this list.
((${#TARGETS[@]})) || mapfile -t TARGETS < <(sed -n 's/^medpics_fuzzer(\([a-z_0-9]*\).*/\1/p' fuzz/CMakeLists.txt)
BUILD_DIR="${BUILD_DIR:-build}"
FUZZ_DIR="${FUZZ_BUILD_DIR:-build-fuzz}"

[ -f "$BUILD_DIR/build.ninja" ] || cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD_DIR" -j2 --target medpics-fuzz-seeds
rm -rf "$FUZZ_DIR/seeds"
"$BUILD_DIR/bin/medpics-fuzz-seeds" "$FUZZ_DIR/seeds"

CC=clang CXX=clang++ cmake -S . -B "$FUZZ_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEDPICS_FUZZ=ON \
  -DMEDPICS_BUILD_TESTS=OFF >/dev/null
cmake --build "$FUZZ_DIR" -j2 --target medpics_fuzzers

failed=()
for target in "${TARGETS[@]}"; do
  corpus="$FUZZ_DIR/corpus/$target"
  crashes="$FUZZ_DIR/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  log="$FUZZ_DIR/$target.log"
  echo "fuzz: $target for ${SECONDS_EACH}s (log $log)"
  if "$FUZZ_DIR/bin/$target" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2560 -max_len=262144 \
      -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "$FUZZ_DIR/seeds/$target" >"$log" 2>&1; then
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | tr '\n' ' ' | sed "s/^/fuzz: $target: /"
    echo
  else
    echo "fuzz: $target FAILED; last lines of $log:"
    tail -40 "$log"
    failed+=("$target")
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: crashes in ${failed[*]} (inputs in $FUZZ_DIR/crashes/)"
  exit 1
fi
echo "fuzz: no crash in ${TARGETS[*]}"
