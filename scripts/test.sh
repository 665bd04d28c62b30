#!/usr/bin/env bash
# CI: installs what is missing, builds everything and runs every test (unit, API against the real server, desk,
# GUI under Xvfb); then the unit, API and desk tests again under AddressSanitizer + UBSan (build-asan/); then the
# threaded suites (task pool, thread priorities, outbox journal and sender, prefetcher, desk Backend) under
# ThreadSanitizer (build-tsan/); then every libFuzzer target briefly on its generated seeds (build-fuzz/,
# FUZZ_SECONDS each, 15 by default; MEDPICS_CI_FUZZ=0 skips it). MEDPICS_CI_QUICK=1 stops after the first stage.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
bash scripts/install-deps.sh
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${MEDPICS_CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" -j2
mkdir -p "$BUILD_DIR/test-artifacts"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 900
[ "${MEDPICS_CI_QUICK:-0}" = 1 ] && exit 0

# Sanitizers: the same non-GUI suites with ASan + UBSan (any report fails the test).
SAN_DIR="${SAN_BUILD_DIR:-build-asan}"
cmake -S . -B "$SAN_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEDPICS_SANITIZE=ON
cmake --build "$SAN_DIR" -j2 --target unit_tests api_tests desk_tests
mkdir -p "$SAN_DIR/test-artifacts"
# Leak checking is off: third-party libraries (OpenCV, Tesseract, glib) keep process-lifetime allocations.
# The detection-quality regressions (the [misses] cases, the goldens, the residual check's convergence) are left to
# the first stage: under ASan they replay the code paths that the hostile-image, pipeline-by-kind and other detection
# tests already run here, on many more full-size images (~13 min of the ASan stage's 42 at stop 31).
QUALITY_ONLY='^unit:(miss|.*golden|residual check converges|rows of a turned page|the lines of a lab-report sticker'
QUALITY_ONLY+='|an IPP line of a label|a rotated ECG header row|ECG traces read as letters|codes missed on the hard)'
ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1" \
  ctest --test-dir "$SAN_DIR" --output-on-failure -j2 --timeout 1800 -LE gui -E "^gui_tests_NOT_BUILT|$QUALITY_ONLY"
# (gui_tests is not built here: catch_discover_tests then registers one unlabelled placeholder, excluded by name.)

# ThreadSanitizer: the suites that run threads against each other (any report fails the test): the task pool,
# thread priorities and outbox journal (unit); the prefetcher (download, decode, analysis of one post) and the outbox
# sender against the real sandbox server, itself TSan-built (api); the desk's Backend with jobs against that server,
# jobs that throw, and a desk job that fails (desk, no window). Reports inside third-party libraries are listed, with
# the reason, in scripts/tsan.supp; a race in our code is fixed, never listed. 49-56 s once built, 2.5 min from an empty
# build-tsan/ with a warm ccache (2 cores; docs/threat-model.md).
TSAN_DIR="${TSAN_BUILD_DIR:-build-tsan}"
cmake -S . -B "$TSAN_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEDPICS_SANITIZE_THREAD=ON
cmake --build "$TSAN_DIR" -j2 --target unit_tests api_tests desk_tests
mkdir -p "$TSAN_DIR/test-artifacts"
(
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$ROOT/scripts/tsan.supp"
  export OMP_THREAD_LIMIT=1  # as ctest runs the suites: Tesseract's OpenMP team (libgomp) stays at one thread
  "$TSAN_DIR/bin/unit_tests" "task pool*,outbox*,thread priorities*"
  "$TSAN_DIR/bin/api_tests" "prefetcher*,outbox sender*"
  "$TSAN_DIR/bin/desk_tests" "[tasks]"
)

# Fuzzing: every target built with clang and run for FUZZ_SECONDS on its seed corpus (on by default).
[ "${MEDPICS_CI_FUZZ:-1}" = 1 ] || exit 0
FUZZ_BUILD_DIR="${FUZZ_BUILD_DIR:-build-fuzz}" BUILD_DIR="$BUILD_DIR" bash scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
