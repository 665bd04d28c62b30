#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (unit, API against the real server, GUI under Xvfb).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
bash scripts/install-deps.sh
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${MEDPICS_CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" -j2
mkdir -p "$BUILD_DIR/test-artifacts"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 900
